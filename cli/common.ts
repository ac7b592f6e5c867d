/**
 * Helpers shared by the CLI (`run`, `build`), the ESM loader hooks and the CommonJS hooks:
 * which files get compiled, and whether a file is an ES module or CommonJS.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type * as BabelCore from "@babel/core";

/** @babel/core, loaded on first use (it is only needed for module syntax detection here). */
let babelCore: typeof BabelCore | null = null;
function babel(): typeof BabelCore {
  return (babelCore ??= createRequire(import.meta.url)("@babel/core") as typeof BabelCore);
}

/** Root directory of the fibers-ts package this file belongs to (dist/cli/ → ../../). */
export const PKG_ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
/** The package's own build output: never compiled again (it holds the runtime and the compiler). */
const PKG_DIST = join(PKG_ROOT, "dist") + sep;

/** Extensions compiled by `run` and `build` (.tsx/.jsx are not supported: JSX needs a JSX transform). */
export const COMPILED_EXTENSIONS = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs"] as const;
export const TS_EXTENSIONS = [".ts", ".mts", ".cts"] as const;

export type Format = "module" | "commonjs";

export function isCompiledExtension(file: string): boolean {
  return (COMPILED_EXTENSIONS as readonly string[]).includes(extname(file)) && !isDeclarationFile(file);
}

export function isTypeScript(file: string): boolean {
  return (TS_EXTENSIONS as readonly string[]).includes(extname(file));
}

export function isDeclarationFile(file: string): boolean {
  return /\.d\.[mc]?ts$/.test(file);
}

/**
 * Files inside node_modules and the dist/ of a fibers-ts package (this one, or another copy such
 * as an `npm link`ed checkout) are loaded as they are.
 */
export function isExcluded(file: string): boolean {
  const f = resolve(file);
  if (f.includes(`${sep}node_modules${sep}`) || f.startsWith(PKG_DIST)) return true;
  const scope = packageScope(dirname(f));
  return scope.name === "fibers-ts" && scope.dir !== null && f.startsWith(join(scope.dir, "dist") + sep);
}

/** Whether `run` compiles this file when it is loaded. */
export function shouldCompile(file: string): boolean {
  return isCompiledExtension(file) && !isExcluded(file);
}

const pkgTypeCache = new Map<string, PackageScope>();

/** Forgets the package.json lookups (`build --watch` calls this before each rescan: files change). */
export function clearPackageScopeCache(): void {
  pkgTypeCache.clear();
}

export interface PackageScope {
  /** Directory holding the nearest package.json, or null when there is none. */
  dir: string | null;
  /** Its "type" field, or null when absent. */
  type: "module" | "commonjs" | null;
  /** Its "name" field, or null when absent. */
  name: string | null;
}

/** The nearest package.json above `dir` (inclusive) and its "type", as Node looks it up. */
export function packageScope(dir: string): PackageScope {
  const cached = pkgTypeCache.get(dir);
  if (cached) return cached;
  let result: PackageScope;
  const file = join(dir, "package.json");
  let text: string | null = null;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    text = null;
  }
  if (text !== null) {
    let type: PackageScope["type"] = null;
    let name: string | null = null;
    try {
      const json = JSON.parse(text);
      if (json?.type === "module" || json?.type === "commonjs") type = json.type;
      if (typeof json?.name === "string") name = json.name;
    } catch {
      // Node reports invalid package.json files itself; treat as untyped here.
    }
    result = { dir, type, name };
  } else {
    const parent = dirname(dir);
    result = parent === dir || dir.endsWith(`${sep}node_modules`) ? { dir: null, type: null, name: null } : packageScope(parent);
  }
  pkgTypeCache.set(dir, result);
  return result;
}

/**
 * Module format of a source file, following Node's rules: .mts/.mjs are ES modules, .cts/.cjs are
 * CommonJS, and .ts/.js follow the nearest package.json "type". Without a "type" field the source is
 * inspected like Node's module syntax detection does: import/export statements (or import.meta,
 * top-level await) make it an ES module.
 */
export function formatOf(file: string, source?: string): Format {
  const ext = extname(file);
  if (ext === ".mts" || ext === ".mjs") return "module";
  if (ext === ".cts" || ext === ".cjs") return "commonjs";
  const scope = packageScope(dirname(resolve(file)));
  if (scope.type !== null) return scope.type;
  if (source === undefined) {
    try {
      source = readFileSync(file, "utf8");
    } catch {
      return "commonjs";
    }
  }
  return hasModuleSyntax(source, isTypeScript(file)) ? "module" : "commonjs";
}

/** True when the source contains ES module syntax (parsed with Babel, "unambiguous" mode). */
export function hasModuleSyntax(source: string, typescript: boolean): boolean {
  // Fast path: no import/export keyword anywhere means no module syntax.
  if (!/\b(import|export)\b/.test(source) && !/\bawait\b/.test(source)) return false;
  try {
    const ast = babel().parseSync(source, {
      babelrc: false,
      configFile: false,
      sourceType: "unambiguous",
      parserOpts: { plugins: typescript ? ["typescript"] : [], allowAwaitOutsideFunction: false },
    });
    if (ast && ast.program.sourceType === "module") return true;
    return /\bimport\s*\.\s*meta\b/.test(source);
  } catch {
    // Top-level await only parses as a module; anything else is left for the compiler to report.
    try {
      const ast = babel().parseSync(source, {
        babelrc: false,
        configFile: false,
        sourceType: "module",
        parserOpts: { plugins: typescript ? ["typescript"] : [] },
      });
      return ast !== null;
    } catch {
      return false;
    }
  }
}

/** Output extension of a compiled file: .ts → .js, .mts → .mjs, .cts → .cjs, JS keeps its own. */
export function outputExtension(file: string): string {
  const ext = extname(file);
  switch (ext) {
    case ".ts":
      return ".js";
    case ".mts":
      return ".mjs";
    case ".cts":
      return ".cjs";
    default:
      return ext;
  }
}

/** Property set on compile errors by the hooks, so they are recognised after crossing threads. */
export const COMPILE_ERROR_TAG = "fibersTsCompileError";

/** Marks a CompileError thrown while loading a file (see isCompileError). */
export function tagCompileError(e: unknown): void {
  if (e !== null && typeof e === "object") {
    try {
      (e as Record<string, unknown>)[COMPILE_ERROR_TAG] = true;
    } catch {
      // frozen error: isCompileError still recognises it by name or message shape
    }
  }
}

/** A CompileError from the compiler, possibly after crossing the loader-hooks thread boundary. */
export function isCompileError(e: unknown): e is Error & { file: string; line: number; column: number } {
  if (e === null || typeof e !== "object" || typeof (e as Error).message !== "string") return false;
  const x = e as Error & Record<string, unknown>;
  if (x[COMPILE_ERROR_TAG] === true || x.name === "CompileError") return true;
  return (
    typeof x.file === "string" && typeof x.line === "number" && typeof x.column === "number" &&
    x.message.startsWith(`${x.file}:${x.line}:${x.column}`)
  );
}

const FS_REASONS: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "not a directory",
  EISDIR: "is a directory",
  ELOOP: "too many levels of symbolic links",
  ENAMETOOLONG: "file name too long",
  ENOSPC: "no space left on device",
  EROFS: "read-only file system",
  EEXIST: "file already exists",
};

/**
 * The reason part of a file system error message ("no such file or directory"), without Node's
 * `ENOENT: ..., open '/abs/path'` decoration: the CLI prints the path as the user wrote it.
 */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === "string" && code in FS_REASONS) return FS_REASONS[code];
  return (e as Error | null)?.message ?? String(e);
}

export function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

export function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The text printed for a compile error: `file:line:column: message`, with the file made relative
 * to the working directory when it lies inside it.
 */
export function formatCompileError(e: Error & { file?: unknown }): string {
  const msg = e.message;
  const file = typeof e.file === "string" ? e.file : null;
  if (file !== null && isAbsolute(file) && msg.startsWith(file)) {
    const rel = relative(process.cwd(), file);
    if (rel !== "" && !rel.startsWith("..") && !isAbsolute(rel)) return rel + msg.slice(file.length);
  }
  return msg;
}

/** Whether `--all` was requested (the CLI passes it to the loaded program through the environment). */
export function allFromEnv(): boolean {
  const v = process.env.FIBERS_TS_ALL;
  return v !== undefined && v !== "" && v !== "0" && v !== "false";
}
