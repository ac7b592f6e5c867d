/**
 * Function names. JavaScript names an anonymous function (or class) after what it is assigned to
 * (`const f = () => {}`, `x = function () {}`, `{ m: () => {} }`, a class field). Several passes move
 * such functions into other positions (a self binding, an environment member, a constructor body),
 * which would lose the name; they wrap them as `({ "f": fn })["f"]`, which gives it back.
 */
import { types as t, type NodePath } from "@babel/core";

/** An initializer that takes its name from what it is assigned to. */
export function isAnonymousDefinition(e: t.Node | null | undefined): boolean {
  return !!e && (e.type === "ArrowFunctionExpression" || e.type === "FunctionExpression" || e.type === "ClassExpression") &&
    !(e as t.FunctionExpression).id;
}

/** The name an anonymous function gets from where it stands, or null. */
export function inferredName(path: NodePath): string | null {
  if (!isAnonymousDefinition(path.node)) return null;
  const node = path.node;
  const parent = path.parentPath;
  if (!parent) return null;
  if ((parent.isObjectProperty() || parent.isClassProperty()) && parent.node.value === node && !parent.node.computed) {
    const k = parent.node.key;
    return k.type === "Identifier" ? k.name : k.type === "StringLiteral" ? k.value : null;
  }
  if (parent.isClassPrivateProperty() && parent.node.value === node) return `#${parent.node.key.id.name}`;
  if ((parent.isAssignmentExpression() || parent.isAssignmentPattern()) && parent.node.right === node && parent.node.left.type === "Identifier") {
    return parent.node.left.name;
  }
  if (parent.isVariableDeclarator() && parent.node.init === node && parent.node.id.type === "Identifier") return parent.node.id.name;
  return null;
}

/** `({ "name": fn })["name"]` for an anonymous definition, else the expression itself. */
export function withName(name: string | null, e: t.Expression): t.Expression {
  if (name === null || !isAnonymousDefinition(e)) return e;
  return t.memberExpression(t.objectExpression([t.objectProperty(t.stringLiteral(name), e)]), t.stringLiteral(name), true);
}
