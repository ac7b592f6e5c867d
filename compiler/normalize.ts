/**
 * Normalize: puts every resumable function into the shape the later passes expect.
 *
 * 1. Arrow functions get block bodies.
 * 2. Parameters that run code when bound (defaults, destructuring) move into the body, so that the
 *    entry check is the first thing a call runs and those expressions can be suspended through.
 *    `length` is preserved: parameters from the first default on become a rest parameter.
 * 3. Block-scoped bindings that shadow another binding of the same function are renamed, so every
 *    local of a function has a unique name (a frame record stores locals by name-derived slot).
 */
import { types as t, type NodePath } from "@babel/core";

export type FunctionPath = NodePath<t.Function>;

/** Functions whose activations can be captured and resumed (see docs/design.md, "What is compiled"). */
export function isResumable(path: FunctionPath): boolean {
  const n = path.node;
  if (n.generator || n.async) return false;
  if (n.type === "ObjectMethod" && n.kind !== "method") return false;
  if ((n.type === "ClassMethod" || n.type === "ClassPrivateMethod") && n.kind !== "method") return false;
  return true;
}

export function normalizeFunction(path: FunctionPath): void {
  const node = path.node;
  if (node.type === "ArrowFunctionExpression" && node.body.type !== "BlockStatement") {
    node.body = t.blockStatement([t.returnStatement(node.body)]);
    node.expression = false;
  }
  moveParamsIntoBody(node);
}

/**
 * Loop bodies become blocks, so that anything a loop body declares (a function's self binding, an
 * environment) is per iteration.
 */
export function blockBodies(body: t.Node): void {
  const visit = (n: any) => {
    if (!n || typeof n.type !== "string") return;
    if (t.isLoop(n) && n.body && n.body.type !== "BlockStatement") {
      n.body = t.blockStatement([n.body]);
    }
    if (n.type === "IfStatement") {
      if (n.consequent.type !== "BlockStatement") n.consequent = t.blockStatement([n.consequent]);
      if (n.alternate && n.alternate.type !== "BlockStatement" && n.alternate.type !== "IfStatement") n.alternate = t.blockStatement([n.alternate]);
    }
    for (const key of t.VISITOR_KEYS[n.type] ?? []) {
      const c = n[key];
      if (Array.isArray(c)) c.forEach(visit);
      else visit(c);
    }
  };
  visit(body);
}

function moveParamsIntoBody(node: t.Function): void {
  const params = node.params;
  const simple = params.every((p) => p.type === "Identifier" || (p.type === "RestElement" && p.argument.type === "Identifier"));
  if (simple) return;
  const body = node.body as t.BlockStatement;
  const prologue: t.Statement[] = [];
  const kept: (t.Identifier | t.RestElement)[] = [];
  let i = 0;
  for (; i < params.length; i++) {
    const p = params[i];
    if (p.type === "AssignmentPattern" || p.type === "RestElement") break;
    if (p.type === "Identifier") kept.push(p);
    else {
      const raw = t.identifier(`$$p${i}`);
      kept.push(raw);
      prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p as t.LVal, raw)]));
    }
  }
  if (i < params.length) {
    const rest = t.identifier("$$rest");
    kept.push(t.restElement(rest));
    for (let j = i; j < params.length; j++) {
      const p = params[j];
      const at = t.memberExpression(rest, t.numericLiteral(j - i), true);
      if (p.type === "RestElement") {
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p.argument as t.LVal,
          t.callExpression(t.memberExpression(rest, t.identifier("slice")), [t.numericLiteral(j - i)]))]));
      } else if (p.type === "AssignmentPattern") {
        const v = t.identifier(`$$p${j}`);
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(v, at)]));
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p.left as t.LVal,
          t.conditionalExpression(t.binaryExpression("===", v, t.identifier("undefined")), p.right, v))]));
      } else {
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p as t.LVal, at)]));
      }
    }
  }
  node.params = kept;
  body.body = [...prologue, ...body.body];
}

/** Renames block-scoped bindings that shadow another binding of the same function. */
export function renameShadowing(path: FunctionPath): void {
  const fnScope = path.scope;
  path.traverse({
    Scope(inner) {
      const scope = inner.scope;
      if (scope === fnScope || scope.getFunctionParent() !== fnScope) return;
      for (const name of Object.keys(scope.bindings)) {
        let s = scope.parent;
        while (s) {
          if (s.hasOwnBinding(name)) {
            scope.rename(name, scope.generateUid(name));
            break;
          }
          if (s === fnScope) break;
          s = s.parent;
        }
      }
    },
    Function(p) {
      p.skip();
    },
  });
}
