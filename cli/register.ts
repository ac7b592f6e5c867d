/**
 * `node --import fibers-ts/register program.ts` (what `fibers-ts run` does): compiles the program
 * and everything it loads (outside node_modules) with fibers-ts on the fly.
 *
 * - ES modules: loader hooks (cli/loader-hooks.ts) registered with `module.register()`.
 * - CommonJS: `Module._extensions` hooks for .js/.cjs/.ts/.cts and a `Module._resolveFilename`
 *   fallback (TypeScript-style `./x.js` → x.ts, and `fibers-ts` → this package).
 * - Source maps are enabled so stack traces point at the original lines.
 * - A compile error that nothing catches is printed as `file:line:column: message` and exits 1.
 */
import Module, { createRequire, register } from "node:module";
import { readFileSync } from "node:fs";
import { writeSync } from "node:fs";
import { extname, isAbsolute } from "node:path";
import type { transform as Transform } from "../compiler/index.js";
import {
  PKG_ROOT,
  allFromEnv,
  formatCompileError,
  formatOf,
  isCompileError,
  shouldCompile,
  tagCompileError,
} from "./common.js";

const INSTALLED = Symbol.for("fibers-ts.register.installed");

export function install(options: { all?: boolean } = {}): void {
  const g = globalThis as Record<symbol, unknown>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  const all = options.all ?? allFromEnv();

  process.setSourceMapsEnabled(true);
  installCompileErrorReporter();
  installCommonJsHooks(all);
  register("./loader-hooks.js", {
    parentURL: import.meta.url,
    data: { all },
  });
}

/**
 * Uncaught compile errors (from `import` or `require` of a file that does not compile) are reported
 * as `file:line:column: message`, without a stack, and the process exits with status 1. Other
 * uncaught errors keep Node's default report.
 */
function installCompileErrorReporter(): void {
  process.on("uncaughtExceptionMonitor", (err) => {
    if (!isCompileError(err)) return;
    try {
      writeSync(2, `${formatCompileError(err)}\n`);
    } finally {
      process.exit(1);
    }
  });
}

type Loader = (module: NodeJS.Module & { _compile(code: string, filename: string): unknown }, filename: string) => void;

interface ModuleInternals {
  _extensions: Record<string, Loader>;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
}

/**
 * The compiler, loaded on first use: programs that never load a CommonJS file do not pay for
 * loading Babel on the main thread (the loader thread has its own copy). require() of the ES
 * module build needs Node >= 20.19.
 */
let compile: typeof Transform | null = null;
function transform(...args: Parameters<typeof Transform>): ReturnType<typeof Transform> {
  if (compile === null) {
    compile = (createRequire(import.meta.url)("../compiler/index.js") as { transform: typeof Transform }).transform;
  }
  return compile(...args);
}

function installCommonJsHooks(all: boolean): void {
  const M = Module as unknown as ModuleInternals;
  const originalJs = M._extensions[".js"];

  const compileCommonJs: Loader = (module, filename) => {
    if (!shouldCompile(filename)) return originalJs(module, filename);
    const source = stripBOM(readFileSync(filename, "utf8"));
    if (formatOf(filename, source) === "module") {
      // An ES module reached through require(): Node's own loader handles it (require(esm) on
      // Node >= 20.19, where the ES module goes through the loader hooks and gets compiled).
      const ext = extname(filename);
      if (ext === ".js" || ext === ".mjs") return originalJs(module, filename);
      const err = new Error(
        `require() of ES module ${filename} is not supported: it is an ES module (package.json "type": "module" or import/export syntax); load it with import instead`,
      ) as Error & { code: string };
      err.code = "ERR_REQUIRE_ESM";
      throw err;
    }
    let code: string;
    try {
      code = transform(source, { filename, sourceType: "commonjs", sourceMaps: "inline", all }).code;
    } catch (e) {
      tagCompileError(e);
      throw e;
    }
    module._compile(code, filename);
  };
  for (const ext of [".js", ".cjs", ".ts", ".cts"]) M._extensions[ext] = compileCommonJs;

  const originalResolve = M._resolveFilename;
  const selfRequire = createRequire(`${PKG_ROOT}/package.json`);
  M._resolveFilename = function (this: unknown, request: string, parent: unknown, isMain: boolean, options?: unknown) {
    try {
      return originalResolve.call(this, request, parent, isMain, options);
    } catch (err) {
      if ((err as { code?: string }).code !== "MODULE_NOT_FOUND") throw err;
      if (request === "fibers-ts" || request.startsWith("fibers-ts/")) {
        try {
          return selfRequire.resolve(request);
        } catch {
          throw err;
        }
      }
      if (request.startsWith("./") || request.startsWith("../") || isAbsolute(request)) {
        const ext = extname(request);
        const alt = ext === ".js" ? ".ts" : ext === ".cjs" ? ".cts" : ext === ".mjs" ? ".mts" : null;
        if (alt !== null) {
          try {
            return originalResolve.call(this, request.slice(0, -ext.length) + alt, parent, isMain, options);
          } catch {
            // fall through to the original error
          }
        }
      }
      throw err;
    }
  };
}

function stripBOM(s: string): string {
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

install();
