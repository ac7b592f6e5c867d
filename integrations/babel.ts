/**
 * `fibers-ts/babel`: the fibers-ts compiler as a Babel plugin, for projects that already run Babel.
 *
 *   babel.config.json: { "plugins": ["fibers-ts/babel"], "presets": ["@babel/preset-typescript"] }
 *
 * The compiler's passes (compiler/plugin.ts `compileProgram`) need plain JavaScript: TypeScript
 * syntax stripped, JSX and proposals lowered. Babel merges the visitors of every plugin and preset
 * of a pass into one traversal, so a visitor of this plugin would see nodes other plugins have not
 * reached yet. The whole compile therefore runs in `post`, after that traversal: whatever the order
 * of the config, @babel/plugin-transform-typescript (or preset-typescript, preset-env...) has
 * already done its work. What it needs from the config: those plugins run in the same pass (not
 * `passPerPreset`), and no plugin that runs after this one relies on its own `post` to change the
 * code (none of Babel's own do).
 */
import type { ConfigAPI, NodePath, PluginObj, types as t } from "@babel/core";
import { dirname, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { compileProgram } from "../compiler/plugin.js";
import { CompileError } from "../compiler/errors.js";
import { babelFormat, esmStatement } from "./babel-format.js";

export interface FibersBabelOptions {
  /**
   * How the compiled file loads the fibers-ts runtime. Default: detected (see
   * integrations/babel-format.ts): "module" adds `import "fibers-ts/internal"`, "commonjs"
   * `require("fibers-ts/internal")`; "script" imports nothing (a classic script: load the runtime
   * first, it is found on the global object).
   */
  sourceType?: "module" | "commonjs" | "script";
  /**
   * The compiler's `all` option: the analysis resolves no method call by name (docs/design.md,
   * "What is compiled"); for programs that break its assumption. Default false.
   */
  all?: boolean;
}

/** This package's dist/ (the runtime and the compiler): never compiled again. */
const OWN_DIST = dirname(dirname(fileURLToPath(import.meta.url))) + sep;
const FIBERS_TS_DIST = /[\\/]node_modules[\\/]fibers-ts[\\/]dist[\\/]/;

interface BabelFile {
  path: NodePath<t.Program>;
  opts: { filename?: string | null; cwd?: string; parserOpts?: { plugins?: unknown[] } };
  buildCodeFrameError(node: { loc: { start: { line: number; column: number } } }, message: string): Error;
}

export default function fibersBabel(api: ConfigAPI, options: FibersBabelOptions = {}): PluginObj {
  api.assertVersion(7);
  const forced = options.sourceType;
  if (forced !== undefined && forced !== "module" && forced !== "commonjs" && forced !== "script") {
    throw new Error(`fibers-ts/babel: the sourceType option must be "module", "commonjs" or "script", not ${JSON.stringify(forced)}`);
  }
  return {
    name: "fibers-ts",
    visitor: {},
    post(this: unknown, babelFile: unknown) {
      const file = babelFile as BabelFile;
      const filename = file.opts.filename ?? "unknown file";
      if (filename.startsWith(OWN_DIST) || FIBERS_TS_DIST.test(filename)) return;
      const shown = file.opts.filename ? relative(file.opts.cwd ?? process.cwd(), file.opts.filename) : filename;
      const program = file.path;
      try {
        // Other plugins changed the tree in this traversal: scope information is rebuilt first.
        program.scope.crawl();
        if (usesTypeScriptParser(file)) rejectTypeScript(program, shown);
        const format = forced ?? babelFormat(program, file.opts.filename);
        const esm = format === "module" ? undefined : esmStatement(program.node);
        if (esm) {
          throw new CompileError(shown, esm.loc?.start.line ?? 1, (esm.loc?.start.column ?? 0) + 1,
            `ES module syntax (import/export) in a file compiled as ${format}: leave sourceType to the plugin, or convert the file to CommonJS`);
        }
        compileProgram(program, { filename: shown, format, all: options.all === true });
      } catch (e) {
        if (!(e instanceof CompileError)) throw e;
        // Babel prefixes the message with the file name; the fibers-ts `file:line:column: reason`
        // stays intact (as from the CLI and the compiler API), followed by Babel's code frame.
        const framed = file.buildCodeFrameError({ loc: { start: { line: e.line, column: e.column - 1 } } }, e.message);
        e.message = framed.message;
        throw e;
      }
    },
  };
}

function usesTypeScriptParser(file: BabelFile): boolean {
  return (file.opts.parserOpts?.plugins ?? []).some((p) => p === "typescript" || (Array.isArray(p) && p[0] === "typescript"));
}

/** TypeScript syntax that is still there cannot be compiled: the TypeScript transform is missing. */
function rejectTypeScript(program: NodePath<t.Program>, file: string): void {
  program.traverse({
    enter(p) {
      if (p.node.type.startsWith("TS")) {
        const loc = p.node.loc?.start;
        throw new CompileError(file, loc?.line ?? 1, (loc?.column ?? 0) + 1,
          "TypeScript syntax is left after the other Babel plugins ran: add @babel/preset-typescript (or @babel/plugin-transform-typescript) to the same Babel config, without passPerPreset");
      }
    },
  });
}
