/**
 * Check: rejects, at compile time, what a resumable frame cannot support, with file:line:column
 * and what to do instead (see docs/design.md, "Not supported").
 */
import { types as t, type NodePath } from "@babel/core";
import { errorAt } from "./errors.js";
import { RESERVED_PREFIX } from "./names.js";
import { walk, SKIP } from "./walk.js";

export function checkProgram(program: NodePath<t.Program>, file: string): void {
  if (!checkNodes(program.node, file)) checkWithScopes(program, file);
}

/**
 * The checks by a plain walk (same order as Babel's traversal). Only a call named `eval` needs
 * scope information (is `eval` the global?): there it stops and returns false, and the Babel
 * traversal of `checkWithScopes` decides, reporting the same first error.
 */
export function checkNodes(program: t.Program, file: string): boolean {
  let callsEval = false;
  walk(program, (n) => {
    if (callsEval) return SKIP;
    if (n.type === "CallExpression" && n.callee.type === "Identifier" && n.callee.name === "eval") {
      callsEval = true;
      return SKIP;
    }
    check(n, file);
  });
  return !callsEval;
}

function check(n: t.Node, file: string): void {
  if (n.type === "WithStatement") {
    throw errorAt(file, n, "`with` is not supported by fibers-ts: its scope cannot be saved in a frame; use an explicit object instead");
  }
  if (n.type === "Identifier" && n.name.startsWith(RESERVED_PREFIX)) {
    throw errorAt(file, n, `the identifier ${n.name} uses the prefix "${RESERVED_PREFIX}", which fibers-ts reserves for the names it generates; rename it`);
  }
}

function checkWithScopes(program: NodePath<t.Program>, file: string): void {
  program.traverse({
    WithStatement(p) {
      check(p.node, file);
    },
    CallExpression(p) {
      const callee = p.node.callee;
      if (callee.type === "Identifier" && callee.name === "eval" && !p.scope.getBinding("eval")) {
        throw errorAt(file, p.node, "direct eval is not supported by fibers-ts: code evaluated at run time is not compiled and cannot see compiled locals; use indirect eval `(0, eval)(code)` or `new Function(...)` for code that does not switch fibers");
      }
    },
    Identifier(p) {
      check(p.node, file);
    },
  });
}
