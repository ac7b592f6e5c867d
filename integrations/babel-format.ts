/**
 * Module format of a file the fibers-ts Babel plugin compiles, decided on the tree as it is after
 * every other plugin of the pass ran: it chooses between `import "fibers-ts/internal"` (ES module)
 * and `require("fibers-ts/internal")` (CommonJS).
 *
 *   1. import/export statements left in the tree: an ES module (nobody converted it);
 *   2. .mjs/.mts: ES module, .cjs/.cts: CommonJS (every tool agrees on these);
 *   3. free `require`/`module`/`exports`/`__dirname`/`__filename`: CommonJS (hand-written, or the
 *      output of a modules-to-CommonJS plugin such as @babel/preset-env's, which runs in the same
 *      traversal);
 *   4. otherwise Babel's own sourceType: "module" (Babel's default) is an ES module; "script" (and
 *      "unambiguous" that found no import/export) is CommonJS.
 * A classic script that finds the runtime on the global object needs the `sourceType: "script"`
 * option of the plugin.
 */
import type { NodePath, types as t } from "@babel/core";
import type { ModuleFormat } from "../compiler/plugin.js";

const CJS_GLOBALS = ["require", "module", "exports", "__dirname", "__filename"];

export function esmStatement(program: t.Program): t.Statement | undefined {
  return program.body.find((n) => n.type === "ImportDeclaration" || n.type.startsWith("Export"));
}

export function babelFormat(program: NodePath<t.Program>, filename: string | null | undefined): ModuleFormat {
  if (esmStatement(program.node)) return "module";
  const ext = filename ? /\.[cm]?[jt]sx?$/.exec(filename)?.[0] : undefined;
  if (ext === ".mjs" || ext === ".mts") return "module";
  if (ext === ".cjs" || ext === ".cts") return "commonjs";
  if (CJS_GLOBALS.some((name) => program.scope.hasGlobal(name))) return "commonjs";
  return program.node.sourceType === "module" ? "module" : "commonjs";
}
