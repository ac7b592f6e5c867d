/**
 * ES module loader hooks (installed by cli/register.ts with `module.register()`; they run on
 * Node's loader thread).
 *
 * resolve: lets TypeScript-style specifiers work (`./x.js` that is really x.ts, extensionless
 *   `./x`, directories with an index file) and makes `fibers-ts` resolve to this package when the
 *   program's own node_modules does not have it.
 * load: compiles every .ts/.mts/.cts/.js/.mjs/.cjs file outside node_modules and outside the
 *   fibers-ts package with fibers-ts (inline source maps). ES modules are returned compiled;
 *   CommonJS files are handed to Node's CommonJS loader, where cli/register.ts's
 *   `Module._extensions` hooks compile them on the main thread.
 */
import { readFile } from "node:fs/promises";
import { extname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transform } from "../compiler/index.js";
import {
  PKG_ROOT,
  allFromEnv,
  formatOf,
  isFile,
  shouldCompile,
  tagCompileError,
} from "./common.js";

interface ResolveContext {
  conditions: string[];
  importAttributes?: Record<string, string>;
  parentURL?: string;
}
interface ResolveResult {
  url: string;
  format?: string | null;
  shortCircuit?: boolean;
  importAttributes?: Record<string, string>;
}
type NextResolve = (specifier: string, context?: Partial<ResolveContext>) => Promise<ResolveResult>;

interface LoadContext {
  conditions: string[];
  format?: string | null;
  importAttributes?: Record<string, string>;
}
interface LoadResult {
  format: string;
  source?: string | ArrayBuffer | Uint8Array | null;
  shortCircuit?: boolean;
}
type NextLoad = (url: string, context?: Partial<LoadContext>) => Promise<LoadResult>;

let compileAll = allFromEnv();

/** Data passed by module.register() in cli/register.ts. */
export async function initialize(data?: { all?: boolean }): Promise<void> {
  if (data && typeof data.all === "boolean") compileAll = data.all;
}

const SELF_PARENT = pathToFileURL(`${PKG_ROOT}/package.json`).href;

/** What a JS-looking specifier may really point to in a TypeScript project. */
const JS_TO_TS: Record<string, string[]> = {
  ".js": [".ts"],
  ".mjs": [".mts"],
  ".cjs": [".cts"],
};
const PROBE_EXTENSIONS = [".ts", ".mts", ".cts", ".js", ".mjs", ".cjs", ".json"];

function isPathSpecifier(s: string): boolean {
  return s.startsWith("./") || s.startsWith("../") || s === "." || s === ".." || s.startsWith("/") || s.startsWith("file:");
}

/** Candidate files for a relative specifier that Node's own resolution did not find. */
export function candidates(path: string): string[] {
  const out: string[] = [];
  const ext = extname(path);
  const alt = JS_TO_TS[ext];
  if (alt) for (const e of alt) out.push(path.slice(0, -ext.length) + e);
  for (const e of PROBE_EXTENSIONS) out.push(path + e);
  for (const e of PROBE_EXTENSIONS) out.push(`${path.replace(/\/+$/, "")}/index${e}`);
  return out;
}

export async function resolve(
  specifier: string,
  context: ResolveContext,
  nextResolve: NextResolve,
): Promise<ResolveResult> {
  try {
    return await nextResolve(specifier, context);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== "ERR_MODULE_NOT_FOUND" && code !== "ERR_UNSUPPORTED_DIR_IMPORT" && code !== "ERR_PACKAGE_PATH_NOT_EXPORTED") {
      throw err;
    }
    // `fibers-ts` from a program that does not install it: resolve it as this package would
    // resolve its own name (package self-reference through package.json "exports").
    if ((specifier === "fibers-ts" || specifier.startsWith("fibers-ts/")) && code === "ERR_MODULE_NOT_FOUND") {
      return nextResolve(specifier, { ...context, parentURL: SELF_PARENT });
    }
    if (isPathSpecifier(specifier) && context.parentURL?.startsWith("file:")) {
      const base = new URL(specifier, context.parentURL);
      if (base.protocol === "file:") {
        const path = fileURLToPath(base);
        for (const candidate of candidates(path)) {
          if (isFile(candidate)) {
            const url = pathToFileURL(candidate);
            url.search = base.search;
            url.hash = base.hash;
            return { url: url.href, shortCircuit: true };
          }
        }
      }
    }
    throw err;
  }
}

export async function load(url: string, context: LoadContext, nextLoad: NextLoad): Promise<LoadResult> {
  if (!url.startsWith("file:") || (context.importAttributes && context.importAttributes.type)) {
    return nextLoad(url, context);
  }
  const filename = fileURLToPath(url);
  if (!shouldCompile(filename)) return nextLoad(url, context);
  const source = await readFile(filename, "utf8");
  const format = formatOf(filename, source);
  if (format === "commonjs") {
    // Node's CommonJS loader reads and compiles the file itself, through the Module._extensions
    // hooks installed by cli/register.ts: one module cache and the real `require` semantics.
    return { format: "commonjs", source: null, shortCircuit: true };
  }
  try {
    const out = transform(stripBOM(source), { filename, sourceType: "module", sourceMaps: "inline", all: compileAll });
    return { format: "module", source: out.code, shortCircuit: true };
  } catch (e) {
    tagCompileError(e);
    throw e;
  }
}

function stripBOM(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}
