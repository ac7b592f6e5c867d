/**
 * Leaf calls: an interprocedural step of the "may reach a switch" analysis (docs/design.md,
 * "What is compiled"). A function whose own code has no call site is a leaf (frames.ts
 * `compileLeaf`): it cannot suspend, so a call that certainly runs a leaf needs no call protocol
 * either, and a function whose only calls are such calls is a leaf in turn.
 *
 * "Certainly runs": the callee is a plain identifier bound, in this file, to a constant function
 * declaration or a `const f = () => ...` / `const f = function () {...}` that fibers-ts compiles.
 * The least fixed point is taken, so recursion makes no leaves.
 */
import { types as t, type NodePath } from "@babel/core";
import { hasCall, type ExplodeEnv } from "./explode.js";

/** The compiled function of this file that a call certainly runs, or null (found during plugin.ts's last traversal). */
export function callTarget(p: NodePath<t.CallExpression>, compiled: Set<t.Node>): t.Function | null {
  const callee = p.node.callee;
  if (callee.type !== "Identifier") return null;
  const fn = constantFunction(p.scope.getBinding(callee.name));
  return fn && compiled.has(fn) ? fn : null;
}

/** `targets`: every call whose `callTarget` is a function (in traversal order). */
export function findLeafCalls(targets: Map<t.CallExpression, t.Function>, compiled: t.Function[], env: Omit<ExplodeEnv, "ctx" | "leafCalls">): WeakSet<t.Node> {
  const leafCalls = new WeakSet<t.Node>();
  if (targets.size === 0) return leafCalls;
  const fullEnv = { ...env, ctx: null as any, leafCalls } as ExplodeEnv;
  const leaves = new Set<t.Function>();
  for (let changed = true; changed;) {
    changed = false;
    for (const fn of compiled) {
      if (!leaves.has(fn) && !hasCall(fn.body, fullEnv)) {
        leaves.add(fn);
        changed = true;
      }
    }
    for (const [call, fn] of targets) if (leaves.has(fn)) leafCalls.add(call);
  }
  return leafCalls;
}

function constantFunction(b: ReturnType<NodePath["scope"]["getBinding"]>): t.Function | null {
  if (!b || !b.constant) return null;
  const node = b.path.node;
  if (node.type === "FunctionDeclaration") return node.generator || node.async ? null : node;
  if (node.type === "VariableDeclarator" && b.kind === "const" && node.init &&
      (node.init.type === "ArrowFunctionExpression" || node.init.type === "FunctionExpression") &&
      !node.init.generator && !node.init.async) return node.init;
  return null;
}
