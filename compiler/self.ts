/**
 * Self references: a compiled function must be able to name itself, to recognise a direct call
 * from compiled code (the call slot holds the callee) and to be re-invoked when resumed. JavaScript
 * gives no such name in general, so this pass provides one per kind of function, without changing
 * the function's `name` or its creation semantics (see docs/design.md, "Native frames"):
 *
 * - declarations and named function expressions: their own name;
 * - `const f = () => ...` (never reassigned): `f`;
 * - arrow class fields `x = () => ...`: `this.x`;
 * - object literal methods and properties: read back from the object right after it is created;
 * - class methods: read back in a static block that runs when the class is defined;
 * - private methods: `this.#m` when `this` carries the brand;
 * - anything else: `($$sN = (0, fn))`, with `let $$sN` declared in the enclosing block.
 */
import { types as t, type NodePath } from "@babel/core";
import type { FunctionPath } from "./normalize.js";
import { inferredName, withName } from "./function-names.js";

let selfCounter = 0;
let selfTag = "";

/**
 * Names are numbered per file (see plugin.ts). `tag` sets them apart across files that share one
 * scope: the top-level `let $$sN` of two classic scripts would otherwise collide (a SyntaxError).
 */
export function resetSelfNames(tag = ""): void {
  selfCounter = 0;
  selfTag = tag;
}
const fresh = (kind: string) => `$$${kind}${selfTag}${++selfCounter}`;
/** A fresh name for a top-level binding the compiler adds to the file (unique across classic scripts too). */
export const freshTopLevelName = fresh;

const SELF = new WeakMap<t.Node, t.Expression>();
/** Functions with no exact self reference: left uncompiled (their callees are entered as from native code). */
const INEXACT = new WeakSet<t.Node>();

export function selfOf(fn: t.Function): t.Expression | undefined {
  return SELF.get(fn);
}
export function isInexact(fn: t.Function): boolean {
  return INEXACT.has(fn);
}

/**
 * Can this expression be evaluated more than once per activation of the block that encloses its
 * statement (a loop head, a class field initializer)? Then a block-level self binding would be
 * shared by several functions.
 */
function isRepeated(path: NodePath): boolean {
  let cur: NodePath | null = path;
  while (cur && !(cur.listKey === "body" || cur.listKey === "consequent")) {
    const parent: NodePath | null = cur.parentPath;
    if (!parent) break;
    if (parent.isLoop() && cur.key !== "body") return true;
    if ((parent.isClassProperty() || parent.isClassPrivateProperty() || parent.isClassAccessorProperty()) && cur.key === "value") return true;
    cur = parent;
  }
  return false;
}

/** `(($$sN) => $$sN = (0, fn))()`: a binding per evaluation, for repeated positions. */
function selfByIIFE(path: FunctionPath): void {
  const name = fresh("s");
  const node = path.node as t.Expression;
  const fnName = inferredName(path);
  const iife = t.callExpression(
    t.arrowFunctionExpression([t.identifier(name)],
      t.assignmentExpression("=", t.identifier(name), fnName === null ? t.sequenceExpression([t.numericLiteral(0), node]) : withName(fnName, node))),
    []);
  path.replaceWith(iife);
  SELF.set(node, t.identifier(name));
}

export function bindSelf(path: FunctionPath): void {
  const node = path.node;
  const set = (e: t.Expression) => SELF.set(node, e);

  if (node.type === "FunctionDeclaration" && node.id) {
    const name = node.id.name;
    const outer = path.parentPath.scope.getBinding(name);
    if (outer && outer.constantViolations.length === 0 && path.scope.getBinding(name) === outer) {
      set(t.identifier(name));
      return;
    }
    // Reassigned or shadowed inside: an alias taken when the scope starts.
    const alias = fresh("s");
    const holder = path.parentPath;
    const decl = t.variableDeclaration("const", [t.variableDeclarator(t.identifier(alias), t.identifier(name))]);
    if (holder.isBlockStatement() || holder.isProgram()) (holder as NodePath<t.BlockStatement>).unshiftContainer("body", decl);
    else {
      INEXACT.add(node);
      return;
    }
    set(t.identifier(alias));
    return;
  }
  if (node.type === "FunctionExpression" && node.id && path.scope.getOwnBinding(node.id.name)?.kind === "local") {
    set(t.identifier(node.id.name));
    return;
  }
  const parent = path.parentPath;
  if ((node.type === "ArrowFunctionExpression" || node.type === "FunctionExpression") && parent) {
    if (parent.isVariableDeclarator() && parent.node.init === node && parent.node.id.type === "Identifier") {
      const binding = parent.scope.getBinding(parent.node.id.name);
      if (binding && binding.constantViolations.length === 0 && !parent.parentPath?.parentPath?.isFor()) {
        set(t.identifier(parent.node.id.name));
        return;
      }
    }
    if (parent.isObjectProperty() && parent.node.value === node && parent.parentPath.isObjectExpression()) {
      if (isRepeated(parent.parentPath)) {
        selfByIIFE(path);
        return;
      }
      set(t.identifier(objectMemberSelf(parent.parentPath as NodePath<t.ObjectExpression>, parent.node)));
      return;
    }
  }
  if (node.type === "ObjectMethod" && parent?.isObjectExpression()) {
    if (isRepeated(parent)) {
      INEXACT.add(node);
      return;
    }
    set(t.identifier(objectMemberSelf(parent as NodePath<t.ObjectExpression>, node)));
    return;
  }
  if (node.type === "ClassMethod" && parent?.parentPath?.isClass()) {
    if (isRepeated(parent.parentPath)) {
      INEXACT.add(node);
      return;
    }
    set(t.identifier(classMethodSelf(parent.parentPath as NodePath<t.Class>, node)));
    return;
  }
  if (node.type === "ClassPrivateMethod") {
    // `#m in this ? this.#m : undefined`, guarded for a primitive or missing receiver.
    const key = node.key;
    const isObj = t.logicalExpression("||",
      t.binaryExpression("===", t.unaryExpression("typeof", t.thisExpression()), t.stringLiteral("object")),
      t.binaryExpression("===", t.unaryExpression("typeof", t.thisExpression()), t.stringLiteral("function")));
    set(t.conditionalExpression(
      t.logicalExpression("&&", t.logicalExpression("&&", t.binaryExpression("!==", t.thisExpression(), t.nullLiteral()), isObj),
        t.binaryExpression("in", t.cloneNode(key), t.thisExpression())),
      t.memberExpression(t.thisExpression(), t.cloneNode(key)),
      t.identifier("undefined")));
    return;
  }
  // Anonymous function or arrow anywhere else.
  if (isRepeated(path)) {
    selfByIIFE(path);
    return;
  }
  const name = fresh("s");
  declareInEnclosingBlock(path, name);
  // `(0, fn)` keeps an anonymous function anonymous; a name it would get from its position is kept.
  const fnName = inferredName(path);
  const value = fnName === null ? t.sequenceExpression([t.numericLiteral(0), node as t.Expression]) : withName(fnName, node as t.Expression);
  path.replaceWith(t.assignmentExpression("=", t.identifier(name), value));
  set(t.identifier(name));
}

/** For each object literal, one temp holds the object and one per member holds the member. */
const objectTemps = new Map<t.ObjectExpression, { path: NodePath<t.ObjectExpression>; obj: string; reads: t.Expression[] }>();

function objectMemberSelf(objPath: NodePath<t.ObjectExpression>, member: t.ObjectMethod | t.ObjectProperty): string {
  let info = objectTemps.get(objPath.node);
  if (!info) {
    info = { path: objPath, obj: fresh("o"), reads: [] };
    objectTemps.set(objPath.node, info);
    declareInEnclosingBlock(objPath, info.obj);
  }
  const selfName = fresh("s");
  declareInEnclosingBlock(objPath, selfName);
  let keyExpr: t.Expression;
  if (member.computed) {
    const k = fresh("k");
    declareInEnclosingBlock(objPath, k);
    member.key = t.assignmentExpression("=", t.identifier(k), member.key as t.Expression);
    keyExpr = t.memberExpression(t.identifier(info.obj), t.identifier(k), true);
  } else if (member.key.type === "Identifier") {
    keyExpr = t.memberExpression(t.identifier(info.obj), t.identifier(member.key.name));
  } else {
    keyExpr = t.memberExpression(t.identifier(info.obj), t.cloneNode(member.key as t.Expression), true);
  }
  info.reads.push(t.assignmentExpression("=", t.identifier(selfName), keyExpr));
  return selfName;
}

/**
 * Applies the deferred structural changes once every function has its self reference:
 * `{...}` becomes `($$o = {...}, $$s1 = $$o.m, ..., $$o)` and classes get their static block.
 */
export function finishSelf(): void {
  for (const [node, info] of objectTemps) {
    const seq = t.sequenceExpression([t.assignmentExpression("=", t.identifier(info.obj), node), ...info.reads, t.identifier(info.obj)]);
    info.path.replaceWith(seq);
  }
  objectTemps.clear();
  for (const [cls, block] of classBlocks) cls.body.body.unshift(block);
  classBlocks.clear();
}

const classBlocks = new Map<t.Class, t.StaticBlock>();

function classMethodSelf(classPath: NodePath<t.Class>, method: t.ClassMethod): string {
  const selfName = fresh("s");
  declareInEnclosingBlock(classPath, selfName);
  let block = classBlocks.get(classPath.node);
  if (!block) {
    block = t.staticBlock([]);
    classBlocks.set(classPath.node, block);
  }
  const holder = method.static ? t.thisExpression() : t.memberExpression(t.thisExpression(), t.identifier("prototype"));
  let keyExpr: t.Expression;
  if (method.computed) {
    const k = fresh("k");
    declareInEnclosingBlock(classPath, k);
    method.key = t.assignmentExpression("=", t.identifier(k), method.key as t.Expression);
    keyExpr = t.memberExpression(holder, t.identifier(k), true);
  } else if (method.key.type === "Identifier") {
    keyExpr = t.memberExpression(holder, t.identifier(method.key.name));
  } else {
    keyExpr = t.memberExpression(holder, t.cloneNode(method.key as t.Expression), true);
  }
  block.body.push(t.expressionStatement(t.assignmentExpression("=", t.identifier(selfName), keyExpr)));
  return selfName;
}

/** `let name;` just before the statement (in a statement list) that contains `path`. */
function declareInEnclosingBlock(path: NodePath, name: string): void {
  let cur: NodePath | null = path;
  while (cur && !(cur.listKey === "body" && (cur.parentPath?.isBlockStatement() || cur.parentPath?.isProgram() || cur.parentPath?.isStaticBlock())) &&
         !(cur.listKey === "consequent" && cur.parentPath?.isSwitchCase())) {
    cur = cur.parentPath;
  }
  if (!cur) throw new Error("fibers-ts internal error: no enclosing statement list");
  const decl = t.variableDeclaration("let", [t.variableDeclarator(t.identifier(name))]);
  (cur as NodePath<t.Statement>).insertBefore(decl);
}
