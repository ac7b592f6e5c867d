/**
 * Constructors: a class constructor cannot be re-entered with an existing `this`, so the class's
 * instance field initializers and its constructor body (after a top-level `super(...)`) move into a
 * private method compiled like any other function, and the constructor becomes a shell:
 *
 *   constructor(a, b) {
 *     const $$d = $$F.nw === C;                // constructed by a compiled `new C()` (or relayed)?
 *     $$F.nw = null;
 *     <statements before super(...)>
 *     if ($$d) $$F.nw = $$F.s = Object.getPrototypeOf(C);  // relay: the parent is direct too
 *     super(...);
 *     $$F.nw = null;
 *     if ($$d && $$F.s === $$F.U) { $$F.cap(this.#$$ctor, this, 0, [new.target, a, b]); return; }
 *     if ($$d) $$F.s = this.#$$ctor;
 *     return this.#$$ctor(new.target, a, b);   // `this`, an explicit object, or nothing when suspended
 *                                              // (derived: $$F.ctorDone(...), see Protocol.ctorResult)
 *   }
 *
 * When the body suspends, the shell returns and `new` yields the object to the compiled call site,
 * which is unwinding and captures itself; the resumed body's return value becomes the value of
 * `new`. When the parent's body suspends inside `super(...)`, the shell records its own body as a
 * frame that starts from the beginning (its fields and body run after the parent's, as in plain
 * JavaScript) and returns. Nothing else runs after `super(...)` returns, which is why the field
 * initializers are moved. See docs/design.md, "Constructors".
 */
import { moveParamsIntoBody } from "./normalize.js";
import { types as t } from "@babel/core";
import { walkAll, walkPost, some, isBoundary, SKIP } from "./walk.js";
import { withName } from "./function-names.js";

export function splitConstructors(program: t.Program): void {
  // Post-order: nested classes are done first, and the members of this one are not walked again.
  // (A plain walk: this pass needs no scope information.)
  walkPost(program, (n, parent) => {
    if (n.type === "ClassDeclaration" || n.type === "ClassExpression") compileClass(n, parent);
  });
}

function hasCallOutsideFunctions(nodes: t.Node[]): boolean {
  return some(nodes, (n) =>
    ((n.type === "CallExpression" && n.callee.type !== "Super") || n.type === "NewExpression" ||
     n.type === "TaggedTemplateExpression" || n.type === "OptionalCallExpression" || n.type === "ForOfStatement"));
}

/**
 * The class's own name inside its body (the immutable inner binding), giving an anonymous class
 * expression its inferred name when it has one (`const X = class {}` -> `class X {}`: same `name`).
 */
function ownName(node: t.Class, parent: t.Node | null): string | null {
  if (node.id) return node.id.name;
  if (parent?.type === "VariableDeclarator" && parent.init === node && parent.id.type === "Identifier") {
    node.id = t.identifier(parent.id.name);
    return node.id.name;
  }
  return null;
}

const F = (name: string) => t.memberExpression(t.identifier("$$F"), t.identifier(name));
const newTarget = () => t.metaProperty(t.identifier("new"), t.identifier("target"));
const isSuperCall = (s: t.Statement) =>
  s.type === "ExpressionStatement" && s.expression.type === "CallExpression" && s.expression.callee.type === "Super";

type Field = t.ClassProperty | t.ClassPrivateProperty;

function compileClass(cls: t.Class, parent: t.Node | null): void {
  const derived = !!cls.superClass;
  const members = cls.body.body;
  const ctor = members.find((m): m is t.ClassMethod => m.type === "ClassMethod" && m.kind === "constructor") ?? null;
  const fields = members.filter((m): m is Field => (m.type === "ClassProperty" || m.type === "ClassPrivateProperty") && !m.static);
  if (members.some((m) => m.type === "ClassAccessorProperty" && !m.static)) return;
  if (fields.some((f) => f.type === "ClassProperty" && (f.computed || f.declare))) return;
  const initializers = fields.map((f) => f.value).filter((v): v is t.Expression => !!v);
  if (some(initializers, (n) => n.type === "MetaProperty" || (n.type === "Identifier" && n.name === "arguments"), { intoArrows: true })) return;

  let shellPart: t.Statement[];
  let bodyPart: t.Statement[];
  if (ctor) {
    // A base constructor's parameter defaults run after the field initializers (the engine
    // initializes fields before it binds parameters): in the body they are resumable too.
    if (!derived) moveParamsIntoBody(ctor);
    const stmts = ctor.body.body;
    const split = derived ? stmts.findIndex(isSuperCall) + 1 : 0;
    if (derived && split === 0) return; // super() is not a top-level statement: the class stays as it is
    shellPart = stmts.slice(0, split);
    bodyPart = stmts.slice(split);
    // The body may not call super() again or use `arguments` (it becomes a method with its own).
    if (some(bodyPart, (n) => n.type === "CallExpression" && n.callee.type === "Super", { intoArrows: true })) return;
    if (some(bodyPart, (n) => n.type === "Identifier" && n.name === "arguments", { intoArrows: true })) return;
  } else {
    shellPart = derived
      ? [t.expressionStatement(t.callExpression(t.super(), [t.spreadElement(t.identifier("args"))]))]
      : [];
    bodyPart = [];
  }
  // Worth it when the body or a field initializer makes calls, or to relay to a parent constructor.
  if (!derived && !hasCallOutsideFunctions(bodyPart) && !hasCallOutsideFunctions(initializers)) return;
  const className = ownName(cls, parent);
  if (className === null) return;

  // Everything the body can see from the shell: parameter names and declarations before super().
  const params = ctor ? ctor.params : derived ? [t.restElement(t.identifier("args"))] : [];
  const names = new Set<string>();
  for (const p of params) for (const n of Object.keys(t.getBindingIdentifiers(p as t.Node))) names.add(n);
  for (const s of shellPart) {
    if (s.type === "VariableDeclaration") for (const d of s.declarations) for (const n of Object.keys(t.getBindingIdentifiers(d.id))) names.add(n);
    if ((s.type === "FunctionDeclaration" || s.type === "ClassDeclaration") && s.id) names.add(s.id.name);
  }
  const passed = () => [...names].map((n) => t.identifier(n));

  // new.target in the body (and nested arrows) is the shell's, passed as the first argument.
  walkAll(bodyPart, (n) => {
    if (isBoundary(n, { intoArrows: true })) return SKIP;
    if (n.type === "MetaProperty" && n.meta.name === "new") return t.identifier("$$nt");
  });
  // return; -> return this; return v -> v if it is an object, else this (constructor semantics).
  walkAll(bodyPart, (n) => {
    if (isBoundary(n)) return SKIP;
    if (n.type === "ReturnStatement") {
      n.argument = n.argument
        ? t.callExpression(F("ctorResult"), [n.argument, t.thisExpression(), ...(derived ? [t.booleanLiteral(true)] : [])])
        : t.thisExpression();
    }
  });

  // Field initializers, in order, at the start of the body; the fields stay declared (private ones
  // must be) but without initializers.
  const fieldInits: t.Statement[] = fields.map((f) => fieldInit(f));
  for (const f of fields) f.value = null;
  for (let i = members.length - 1; i >= 0; i--) {
    const m = members[i];
    if (m.type === "ClassProperty" && !m.static) members.splice(i, 1);
  }

  const methodName = () => t.privateName(t.identifier("$$ctor"));
  const self = () => t.memberExpression(t.thisExpression(), methodName());
  const method = t.classPrivateMethod("method", methodName(), [t.identifier("$$nt"), ...passed()],
    t.blockStatement([...fieldInits, ...bodyPart, t.returnStatement(t.thisExpression())]));

  const direct = t.identifier("$$d");
  const shell: t.Statement[] = [
    t.variableDeclaration("const", [t.variableDeclarator(direct, t.binaryExpression("===", F("nw"), t.identifier(className)))]),
    t.expressionStatement(t.assignmentExpression("=", F("nw"), t.nullLiteral())),
  ];
  for (const s of shellPart) {
    if (!isSuperCall(s)) {
      shell.push(s);
      continue;
    }
    shell.push(
      // The parent is constructed directly too: a compiled class's shell reads `nw`, a compiled
      // plain function's entry reads the call slot (set after any call in the arguments, or such a
      // call overwrites it and the parent is, safely, entered as from native code).
      t.ifStatement(t.cloneNode(direct), t.expressionStatement(t.assignmentExpression("=", F("nw"), t.assignmentExpression("=", F("s"),
        t.callExpression(t.memberExpression(t.identifier("Object"), t.identifier("getPrototypeOf")), [t.identifier(className)]))))),
      s,
      t.expressionStatement(t.assignmentExpression("=", F("nw"), t.nullLiteral())),
      t.ifStatement(t.logicalExpression("&&", t.cloneNode(direct), t.binaryExpression("===", F("s"), F("U"))), t.blockStatement([
        t.expressionStatement(t.callExpression(F("cap"), [self(), t.thisExpression(), t.numericLiteral(0), t.arrayExpression([newTarget(), ...passed()])])),
        t.returnStatement(),
      ])),
    );
  }
  const body = t.callExpression(self(), [newTarget(), ...passed()]);
  shell.push(
    t.ifStatement(t.cloneNode(direct), t.expressionStatement(t.assignmentExpression("=", F("s"), self()))),
    // A derived body's invalid `return v` is an error of `new`, thrown here, outside its try blocks.
    t.returnStatement(derived ? t.callExpression(F("ctorDone"), [body]) : body),
  );
  if (ctor) ctor.body.body = shell;
  else members.unshift(t.classMethod("constructor", t.identifier("constructor"), params as t.Identifier[], t.blockStatement(shell)));
  members.push(method);
}

/**
 * One field's initialization, done by the body: `this.#x = v`, or for public fields a definition
 * (an assignment, unless the prototype chain has the name, where it would hit a setter).
 * An anonymous function keeps the field's name: `({ "x": () => {} })["x"]`.
 */
function fieldInit(f: Field): t.Statement {
  const key = f.key;
  const keyName = f.type === "ClassPrivateProperty" ? `#${f.key.id.name}` :
    key.type === "Identifier" ? key.name : key.type === "StringLiteral" ? key.value : String((key as t.NumericLiteral).value);
  const value = withName(keyName, f.value ?? t.identifier("undefined"));
  if (f.type === "ClassPrivateProperty") {
    return t.expressionStatement(t.assignmentExpression("=", t.memberExpression(t.thisExpression(), t.cloneNode(f.key)), value));
  }
  // Inline, so each site stays monomorphic: `if ("x" in this) $$F.define(this, "x", v); else this.x = v;`
  // (an assignment defines the property like the engine does unless the prototype chain has the name).
  const v = t.identifier("$$fv");
  const target = t.isValidIdentifier(keyName)
    ? t.memberExpression(t.thisExpression(), t.identifier(keyName))
    : t.memberExpression(t.thisExpression(), t.stringLiteral(keyName), true);
  return t.blockStatement([
    t.variableDeclaration("const", [t.variableDeclarator(v, value)]),
    t.ifStatement(t.binaryExpression("in", t.stringLiteral(keyName), t.thisExpression()),
      t.expressionStatement(t.callExpression(F("field"), [t.thisExpression(), t.stringLiteral(keyName), t.cloneNode(v)])),
      t.expressionStatement(t.assignmentExpression("=", target, t.cloneNode(v)))),
  ]);
}
