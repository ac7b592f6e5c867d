/**
 * Module format of a file a bundler hands to the fibers-ts plugin: decides whether the compiler
 * emits `import "fibers-ts/internal"` (ES module) or `require("fibers-ts/internal")` (CommonJS).
 *
 * Bundlers decide by the file's content, not by Node's package.json rules: a `.js` file with
 * `import`/`export` is an ES module to Vite, Rollup, esbuild and webpack wherever it lives. So:
 *   1. `.mjs`/`.mts` are ES modules and `.cjs`/`.cts` CommonJS (every tool agrees on these);
 *   2. import/export statements (or import.meta, top-level await) make an ES module;
 *   3. otherwise the nearest package.json "type", when it has one, decides (as in Node);
 *   4. otherwise a file that uses require/module/exports is CommonJS, and anything else an ES
 *      module, which is what every bundler handles natively (Vite and Rollup only convert
 *      CommonJS inside node_modules by default, so a stray require() would reach the browser).
 */
import { dirname, extname, resolve } from "node:path";
import { hasModuleSyntax, packageScope } from "../cli/common.js";

export type BundlerFormat = "module" | "commonjs";

/** A line that starts with an import or export statement (not `import(` / `import.meta`). */
const ESM_LINE = /^[ \t]*(?:import[ \t]*[\w{*"'$]|export[ \t]*[\w{*])/m;
const CJS_USE = /\brequire[ \t]*\(|\bmodule[ \t]*\.[ \t]*exports\b|\bexports[ \t]*\.[ \t]*\w|\b__dirname\b|\b__filename\b/;

export function bundlerFormat(file: string, code: string): BundlerFormat {
  const ext = extname(file);
  if (ext === ".mjs" || ext === ".mts") return "module";
  if (ext === ".cjs" || ext === ".cts") return "commonjs";
  const typescript = ext === ".ts" || ext === ".tsx";
  const cjsUse = CJS_USE.test(code);
  // Fast path for the common case, an ES module that does not also mention CommonJS names: no
  // second parse. Anything ambiguous gets Babel's module syntax detection.
  if (ESM_LINE.test(code) ? !cjsUse || hasModuleSyntax(code, typescript) : hasModuleSyntax(code, typescript)) {
    return "module";
  }
  const scope = packageScope(dirname(resolve(file)));
  if (scope.type !== null) return scope.type;
  return cjsUse ? "commonjs" : "module";
}
