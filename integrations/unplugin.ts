/**
 * The fibers-ts bundler plugin, written once with unplugin and exported per bundler by
 * integrations/{vite,rollup,esbuild,webpack,rspack}.ts.
 *
 * It compiles each JavaScript/TypeScript module the bundler loads with the fibers-ts compiler, so
 * fibers can switch through that module's functions. The compiled code imports
 * `fibers-ts/internal`, which the bundler resolves like any other dependency of the project.
 */
import { realpathSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { createUnplugin, type UnpluginInstance } from "unplugin";
import { CompileError, transform } from "../compiler/index.js";
import { packageScope } from "../cli/common.js";
import { bundlerFormat } from "./bundler-format.js";

/** A glob (string, resolved against the working directory when relative) or a RegExp, or a list. */
export type FilterPattern = string | RegExp | ReadonlyArray<string | RegExp>;

export interface Options {
  /**
   * Modules to compile, matched against the module id (its absolute path). Default:
   * `/\.[cm]?[jt]s$/` (.js .mjs .cjs .ts .mts .cts). When given, it replaces the default, so name
   * the extensions in your patterns.
   */
  include?: FilterPattern;
  /** Modules not to compile, even when `include` matches them. */
  exclude?: FilterPattern;
  /** Also compile modules inside node_modules (default false: dependencies are bundled as they are). */
  nodeModules?: boolean;
  /** Return source maps to the bundler (default true). */
  sourceMaps?: boolean;
  /**
   * The compiler's `all` option: the analysis resolves no method call by name (docs/design.md,
   * "What is compiled"); for programs that break its assumption. Default false.
   */
  all?: boolean;
}

/** JS/TS modules, with an optional query (Vite's `?worker_file` ...) but not `?raw`/`?url`/`?inline`. */
const DEFAULT_INCLUDE = /\.[cm]?[jt]s(?:$|\?(?!(?:.*[&?])?(?:raw|url|inline)(?:[&=]|$)))/;
const NODE_MODULES = /[\\/]node_modules[\\/]/;
/** fibers-ts itself, installed in node_modules: its runtime must stay as it is built. */
const FIBERS_TS_PACKAGE = /[\\/]node_modules[\\/]fibers-ts[\\/]/;
/** Rollup/Vite virtual modules (`\0...`) are not files of the project. */
const VIRTUAL = /^\0/;

/** This package's dist/ directory (dist/integrations/ → ..), as loaded and with symlinks resolved. */
const OWN_DIST = dirname(dirname(fileURLToPath(import.meta.url)));

function escapeRegExp(s: string): string {
  return s.replace(/[\\^$.*+?()[\]{}|/]/g, "\\$&");
}

function distPatterns(): RegExp[] {
  const dirs = new Set([OWN_DIST]);
  try {
    dirs.add(realpathSync(OWN_DIST));
  } catch {
    // the directory is where we run from; realpath only fails if it is gone
  }
  // Ids use forward slashes in the filters (unplugin and Vite normalise them).
  return [...dirs].map((d) => new RegExp(`^${escapeRegExp(d.split(sep).join("/"))}/`));
}

function toList(p: FilterPattern | undefined): (string | RegExp)[] {
  if (p === undefined) return [];
  return typeof p === "string" || p instanceof RegExp ? [p] : [...p];
}

/** The file of a module id: without the query/hash that Vite and webpack may append. */
function fileOf(id: string): string {
  return id.replace(/[?#].*$/, "");
}

/** A file inside the dist/ of any fibers-ts package (another copy, `npm link`ed, vendored...). */
function isFibersTsBuild(file: string): boolean {
  const scope = packageScope(dirname(resolve(file)));
  if (scope.name !== "fibers-ts" || scope.dir === null) return false;
  const rel = relative(join(scope.dir, "dist"), file);
  return rel !== "" && !rel.startsWith("..") && !rel.startsWith(sep);
}

type Framework = "rollup" | "vite" | "rolldown" | "farm" | "unloader" | "webpack" | "rspack" | "rsbuild" | "esbuild" | "bun";

/** What a bundler shows for a compile error: the compiler's `file:line:column: message`. */
function bundlerError(e: CompileError): Error & Record<string, unknown> {
  const err = new Error(e.message) as Error & Record<string, unknown>;
  err.name = "CompileError";
  err.id = e.file;
  err.code = "FIBERS_TS_COMPILE_ERROR";
  // Rollup and Vite print `loc` next to the message; keep the message's 1-based line:column.
  err.loc = { file: e.file, line: e.line, column: e.column };
  err.file = e.file;
  err.line = e.line;
  err.column = e.column;
  err.reason = e.reason;
  err.stack = `${err.name}: ${e.message}`;
  return err;
}

function isCompileError(e: unknown): e is CompileError {
  return e instanceof CompileError || (e instanceof Error && e.name === "CompileError" && typeof (e as CompileError).line === "number");
}

export const unplugin: UnpluginInstance<Options | undefined, false> = createUnplugin<Options | undefined, false>((options = {}, meta) => {
  const framework = meta.framework as Framework;
  const include = toList(options.include);
  const exclude = [...toList(options.exclude), VIRTUAL, FIBERS_TS_PACKAGE, ...distPatterns()];
  if (!options.nodeModules) exclude.push(NODE_MODULES);
  const sourceMaps = options.sourceMaps !== false;

  return {
    name: "fibers-ts",
    vite: {
      // The dev server pre-bundles dependencies it finds by scanning the sources, before this plugin
      // adds `import "fibers-ts/internal"`: without this it finds it late and reloads the page.
      // Pre-bundled in one batch with "fibers-ts", the two share one runtime instance.
      config: () => ({ optimizeDeps: { include: ["fibers-ts", "fibers-ts/internal"] } }),
    },
    transform: {
      // unplugin's filter: native in Vite and Rollup >= 4.40, and decides in webpack/rspack whether
      // the loader is attached at all. Exclusions win over inclusions.
      filter: { id: { include: include.length > 0 ? include : [DEFAULT_INCLUDE], exclude } },
      handler(code, id) {
        const file = fileOf(id);
        if (isFibersTsBuild(file)) return null;
        try {
          const out = transform(code, { filename: file, sourceType: bundlerFormat(file, code), sourceMaps, all: options.all === true });
          return { code: out.code, map: out.map as never };
        } catch (e) {
          if (!isCompileError(e)) throw e;
          const err = bundlerError(e);
          if (framework === "esbuild") {
            // esbuild's adapter drops a thrown error's location; an error message reported through
            // the context comes out as esbuild's own located error ("file:line:column: ...").
            this.error({ message: e.message, id: file, loc: { file, line: e.line, column: e.column - 1 } });
            return { code };
          }
          throw err;
        }
      },
    },
  };
});

export default unplugin;
