/**
 * fibers-ts compiler API.
 *
 *   transform(code, { filename, sourceType, sourceMaps, all }) -> { code, map }
 *
 * TypeScript syntax is stripped first (by extension), then every resumable function is rewritten
 * into a frame that a fiber can suspend through (compiler/plugin.ts).
 */
import { parseSync, transformFromAstSync, traverse, types as t } from "@babel/core";
// @ts-ignore -- the plugin ships no types
import transformTypeScript from "@babel/plugin-transform-typescript";
import { fibersPlugin, prepareProgram, type ModuleFormat } from "./plugin.js";
import { CompileError } from "./errors.js";

export { CompileError };

export interface TransformOptions {
  filename: string;
  /** "module" (ESM, default), "commonjs", or "script" (a classic script; see docs/design.md). */
  sourceType?: ModuleFormat;
  /** true for an external map object, "inline" to append a data-URL comment. */
  sourceMaps?: boolean | "inline";
  /**
   * Make every function resumable that the analysis cannot prove switch-free without its one
   * assumption (docs/design.md, "What is compiled"): method calls are not resolved by name, so a
   * method of another file with a name this file also defines may switch. Slower code; the escape
   * hatch for programs that break the assumption, and what the conformance suites compile with.
   */
  all?: boolean;
  /** "global" for code that must not import the package (the runtime's own compiled files). */
  runtime?: "package" | "global";
}

export interface TransformResult {
  code: string;
  map: object | null;
}

// The same option objects on every call: Babel caches an instantiated plugin by its options
// object, and instantiating the TypeScript plugin (building and exploding its visitor) is not free.
const TS_OPTIONS = { isTSX: false, allowDeclareFields: true, onlyRemoveTypeImports: false };
const TS_OPTIONS_TSX = { ...TS_OPTIONS, isTSX: true };

export function transform(code: string, options: TransformOptions): TransformResult {
  const filename = options.filename;
  const format = options.sourceType ?? "module";
  const isTS = /\.[cm]?tsx?$/.test(filename);
  const isTSX = /\.tsx$/.test(filename);
  let ast: t.File | null;
  try {
    ast = parseSync(code, {
      filename,
      // CommonJS TypeScript is parsed as a module so `import x = require()` and `export =` parse;
      // the TypeScript pass turns them into require/module.exports.
      sourceType: format === "module" || (isTS && format === "commonjs") ? "module" : "script",
      configFile: false,
      babelrc: false,
      parserOpts: {
        plugins: isTS ? (isTSX ? ["typescript", "jsx"] : ["typescript"]) : [],
        allowReturnOutsideFunction: format === "commonjs",
      },
    });
  } catch (e) {
    throw syntaxError(e, filename);
  }
  if (!ast) throw new CompileError(filename, 1, 1, "could not parse the file");
  try {
    if (isTS && format === "commonjs") commonJsTypeScript(ast);
    if (isTS) {
      ast = transformFromAstSync(ast, code, {
        filename,
        configFile: false,
        babelrc: false,
        ast: true,
        code: false,
        // The tree is ours (parsed above): Babel need not deep-clone it before each pass.
        cloneInputAst: false,
        plugins: [[transformTypeScript, isTSX ? TS_OPTIONS_TSX : TS_OPTIONS]],
      })!.ast!;
    }
    if (format !== "module") {
      const esm = ast.program.body.find((n) => n.type === "ImportDeclaration" || n.type.startsWith("Export"));
      if (esm) {
        const loc = esm.loc?.start;
        throw new CompileError(filename, loc?.line ?? 1, (loc?.column ?? 0) + 1,
          "ES module syntax (import/export) in a CommonJS file; use require()/module.exports, `import x = require()` in TypeScript, or make the file an ES module (.mjs/.mts or \"type\": \"module\")");
      }
    }
    // Babel crawls the scopes when its pass begins, so the early passes run before it. After the
    // TypeScript pass, its cached paths and scopes (stale once prepareProgram changed the tree) are
    // dropped first, so that the crawl at the start of our pass is the only one.
    if (isTS) traverse.cache.clear();
    const prepared = prepareProgram(ast.program, filename);
    const out = transformFromAstSync(ast, code, {
      filename,
      configFile: false,
      babelrc: false,
      sourceMaps: options.sourceMaps ?? false,
      sourceFileName: filename,
      cloneInputAst: false,
      // The TypeScript pass already took the sourceMappingURL comments out (and, with no code
      // output, dropped the map): looking for them again would be two more walks of the tree.
      // (Babel accepts false; the @types package only knows a map object.)
      ...(isTS ? { inputSourceMap: false as unknown as undefined } : {}),
      plugins: [[fibersPlugin, { filename, format, runtime: options.runtime ?? "package", prepared, ownTree: true, all: !!options.all }]],
    });
    return { code: out!.code!, map: (out!.map as object | undefined) ?? null };
  } catch (e) {
    if (e instanceof CompileError) throw new CompileError(e.file, e.line, e.column, e.reason);
    const err = e as { loc?: { line: number; column: number }; message?: string };
    if (err && err.loc) throw syntaxError(e, filename);
    const framed = codeFrameError(e, filename);
    if (framed) throw framed;
    throw e;
  }
}

/** TypeScript's CommonJS forms: `import x = require("m")` and `export = v`. */
function commonJsTypeScript(ast: t.File): void {
  ast.program.body = ast.program.body.map((n) => {
    if (n.type === "TSImportEqualsDeclaration" && n.moduleReference.type === "TSExternalModuleReference" && !n.isExport) {
      return t.variableDeclaration("const", [t.variableDeclarator(n.id,
        t.callExpression(t.identifier("require"), [n.moduleReference.expression]))]);
    }
    if (n.type === "TSExportAssignment") {
      return t.expressionStatement(t.assignmentExpression("=",
        t.memberExpression(t.identifier("module"), t.identifier("exports")), n.expression));
    }
    return n;
  });
}

/**
 * Babel's scope checks (e.g. `Duplicate declaration "x"`) throw an error whose message carries a
 * code frame but no `loc`; the position is read back from the frame's `>` line and caret.
 */
function codeFrameError(e: unknown, filename: string): CompileError | null {
  const message = (e as { message?: unknown })?.message;
  if (typeof message !== "string") return null;
  // Babel colours its code frames when the terminal (or CI=true) says colours are supported.
  const lines = message.replace(/\u001b\[[0-9;]*m/g, "").split("\n");
  const at = lines.findIndex((l) => /^>\s*\d+\s*\|/.test(l));
  if (at < 0) return null;
  const line = Number(/^>\s*(\d+)/.exec(lines[at])![1]);
  const gutter = lines[at].indexOf("|") + 2;
  const caret = lines[at + 1]?.indexOf("^") ?? -1;
  const column = caret >= gutter ? caret - gutter + 1 : 1;
  let reason = lines[0].trim();
  if (reason.startsWith(filename + ":")) reason = reason.slice(filename.length + 1).trim();
  return new CompileError(filename, line, column, `${reason}; fix the code and compile again`);
}

function syntaxError(e: unknown, filename: string): CompileError {
  const err = e as { loc?: { line: number; column: number }; message?: string; reasonCode?: string };
  let message = err.message ?? String(e);
  if (message.startsWith(filename + ":")) message = message.slice(filename.length + 1).trim();
  message = message.split("\n")[0].replace(/\s*\(\d+:\d+\)\s*$/, "");
  if (err.loc) return new CompileError(filename, err.loc.line, err.loc.column + 1, `syntax error: ${message}; fix the syntax and compile again`);
  return new CompileError(filename, 1, 1, `syntax error: ${message}`);
}
