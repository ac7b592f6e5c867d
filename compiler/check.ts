/**
 * Check: rejects, at compile time, what a resumable frame cannot support, with file:line:column
 * and what to do instead (see docs/design.md, "Not supported").
 */
import { types as t, type NodePath } from "@babel/core";
import { errorAt } from "./errors.js";
import { RESERVED_PREFIX } from "./names.js";

export function checkProgram(program: NodePath<t.Program>, file: string): void {
  program.traverse({
    WithStatement(p) {
      throw errorAt(file, p.node, "`with` is not supported by fibers-ts: its scope cannot be saved in a frame; use an explicit object instead");
    },
    CallExpression(p) {
      const callee = p.node.callee;
      if (callee.type === "Identifier" && callee.name === "eval" && !p.scope.getBinding("eval")) {
        throw errorAt(file, p.node, "direct eval is not supported by fibers-ts: code evaluated at run time is not compiled and cannot see compiled locals; use indirect eval `(0, eval)(code)` or `new Function(...)` for code that does not switch fibers");
      }
    },
    Identifier(p) {
      if (p.node.name.startsWith(RESERVED_PREFIX)) {
        throw errorAt(file, p.node, `the identifier ${p.node.name} uses the prefix "${RESERVED_PREFIX}", which fibers-ts reserves for the names it generates; rename it`);
      }
    },
  });
}
