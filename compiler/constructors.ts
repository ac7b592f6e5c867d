/**
 * Constructors: a class constructor cannot be re-entered with an existing `this`, so its body
 * (after a top-level `super(...)` in a derived class) moves into a private method that is compiled
 * like any other function, and the constructor becomes a shell that tail-calls it:
 *
 *   constructor(a, b) {
 *     const $$d = $$F.nw === new.target && new.target === C;   // a compiled `new C()` of this class?
 *     <statements up to and including super(...)>
 *     if ($$d) $$F.s = this.#$$ctor;           // then the body is a direct call
 *     return this.#$$ctor(new.target, a, b);   // returns `this`, an explicit object, or nothing when suspended
 *   }
 *
 * When the body suspends, the shell returns and `new` yields the object to the compiled call site,
 * which is unwinding and captures itself; the resumed body's return value becomes the value of
 * `new`. A parent constructor run by `super(...)` is not called by a compiled `new`: a switch in it
 * raises FiberError. See docs/design.md, "Constructors".
 */
import { types as t, type NodePath } from "@babel/core";
import { walkAll, some, isBoundary, SKIP } from "./walk.js";

export function splitConstructors(program: NodePath<t.Program>): void {
  program.traverse({
    ClassMethod(path) {
      if (path.node.kind !== "constructor") return;
      const classPath = path.parentPath.parentPath as NodePath<t.Class>;
      splitConstructor(path, classPath);
    },
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
function ownName(classPath: NodePath<t.Class>): string | null {
  const node = classPath.node;
  if (node.id) return node.id.name;
  const parent = classPath.parentPath;
  if (parent?.isVariableDeclarator() && parent.node.init === node && parent.node.id.type === "Identifier") {
    node.id = t.identifier(parent.node.id.name);
    return node.id.name;
  }
  return null;
}

function splitConstructor(path: NodePath<t.ClassMethod>, classPath: NodePath<t.Class>): void {
  const ctor = path.node;
  const stmts = ctor.body.body;
  const derived = !!classPath.node.superClass;
  let split = 0;
  if (derived) {
    split = stmts.findIndex((s) => s.type === "ExpressionStatement" && s.expression.type === "CallExpression" && s.expression.callee.type === "Super") + 1;
    if (split === 0) return; // super() is not a top-level statement: the constructor stays as it is
  }
  const shellPart = stmts.slice(0, split);
  const bodyPart = stmts.slice(split);
  if (!hasCallOutsideFunctions(bodyPart)) return;
  // Only `new C()` of this very class is a direct call: for `new Derived()`, this constructor runs
  // inside Derived's super(), a native frame (see the module comment).
  const className = ownName(classPath);
  if (className === null) return;
  // The body may not call super() again or use `arguments` (it becomes a method with its own).
  if (some(bodyPart, (n) => n.type === "CallExpression" && n.callee.type === "Super", { intoArrows: true })) return;
  if (some(bodyPart, (n) => n.type === "Identifier" && n.name === "arguments", { intoArrows: true })) return;

  // Everything the body can see from the shell: parameter names and top-level declarations before super().
  const names = new Set<string>();
  for (const p of ctor.params) for (const n of Object.keys(t.getBindingIdentifiers(p as t.Node))) names.add(n);
  for (const s of shellPart) {
    if (s.type === "VariableDeclaration") for (const d of s.declarations) for (const n of Object.keys(t.getBindingIdentifiers(d.id))) names.add(n);
    if ((s.type === "FunctionDeclaration" || s.type === "ClassDeclaration") && s.id) names.add(s.id.name);
  }
  const passed = [...names].map((n) => t.identifier(n));
  const nt = t.identifier("$$nt");
  const methodName = t.privateName(t.identifier("$$ctor"));

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
        ? t.callExpression(t.memberExpression(t.identifier("$$F"), t.identifier("ctorResult")), [n.argument, t.thisExpression()])
        : t.thisExpression();
    }
  });

  const method = t.classPrivateMethod("method", methodName, [nt, ...passed.map((p) => t.cloneNode(p))],
    t.blockStatement([...bodyPart, t.returnStatement(t.thisExpression())]));
  const direct = t.identifier("$$d");
  const F = (name: string) => t.memberExpression(t.identifier("$$F"), t.identifier(name));
  const self = () => t.memberExpression(t.thisExpression(), t.cloneNode(methodName));
  ctor.body.body = [
    // `$$F.nw` (set by compiled `new` call sites, unlike `$$F.s` untouched by field initializers).
    t.variableDeclaration("const", [t.variableDeclarator(direct, t.logicalExpression("&&",
      t.binaryExpression("===", F("nw"), t.metaProperty(t.identifier("new"), t.identifier("target"))),
      t.binaryExpression("===", t.metaProperty(t.identifier("new"), t.identifier("target")), t.identifier(className))))]),
    t.expressionStatement(t.assignmentExpression("=", F("nw"), t.nullLiteral())),
    ...shellPart,
    t.ifStatement(t.cloneNode(direct), t.expressionStatement(t.assignmentExpression("=", F("s"), self()))),
    t.returnStatement(t.callExpression(self(), [t.metaProperty(t.identifier("new"), t.identifier("target")), ...passed.map((p) => t.cloneNode(p))])),
  ];
  classPath.get("body").pushContainer("body", method);
}
