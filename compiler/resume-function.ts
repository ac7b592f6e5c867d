/**
 * Out-of-line resume: the guarded copy of a frame's body lives in a function of its own, created
 * only when the frame is resumed, so that the function itself holds just the prologue and the fast
 * copy (fast-path.ts).
 *
 * Why: TurboFan inlines a callee only when its bytecode is small (460 bytes by default). With both
 * copies inline, a tiny hot function such as a counting `tick()` that may switch (573 bytes of
 * bytecode in bench/lib/helpers.mjs) was never inlined into its caller's loop; the guarded copy,
 * which runs only after a resume, doubled it. docs/performance.md, "Out-of-line resume".
 *
 *   function f(a) {
 *     let $$m, $$t_1;
 *     if ($$F.s === SELF) $$F.s = null;
 *     else if ($$F.s === $$F.R) {
 *       const $$r = { f: function () {            // named "f" in stack traces; no self-binding
 *         let $$pc = 0, $$l, $$m, $$t_1; var a;   // every name of f's own scope, redeclared
 *         $$l = $$F.rec.l; $$pc = $$F.rec.pc; $$F.s = null; a = $$l[0]; ...
 *         <guarded body, its captures recording $$r>
 *       } }.f;
 *       return $$call($$r, this);
 *     } else if ($$F.f) return $$F.nat(...);
 *     <fast copy>
 *   }
 *
 * The resume function redeclares every name of the frame's own scope, so it never reads the outer
 * activation's variables (which would force V8 to put them in a heap context on every call): it
 * only sees what the frame record restores, like the inline guarded copy. Its captures record the
 * resume function itself, so a frame that suspends again is re-entered straight into it by the
 * trampoline (runtime/fiber.ts `reenter` calls `rec.fn` with the recorded `this`): one closure per
 * frame that is resumed, not per resume. `new.target` is taken from the record (`$$F.rec.nt`), since
 * the resume function is called, never constructed.
 *
 * Not done (the guarded copy stays inline) when the body uses `super` (a function expression
 * cannot), or when it names the function through the name binding of a named function expression
 * (the resume function would read that binding from the outer scope, which V8 then allocates in a
 * context on every call).
 */
import { types as t } from "@babel/core";
import type { FunctionInfo } from "./context.js";
import { id, protocolMember as F, assign } from "./context.js";
import { walk, walkAll, SKIP, isBoundary } from "./walk.js";

/** The generated name of the resume function (bound in the resume branch's block). */
const RESUME_FN = "$$r";
/** `new.target` of the resumed activation, in the resume function. */
const RESUMED_NEW_TARGET = "$$nt";

export interface FrameScope {
  /** `let` names of the prologue ($$pc, $$l, $$m, temporaries...). */
  lets: string[];
  /** Parameters and `var` names of the body. */
  vars: string[];
  /** Whether the prologue declares `$$args` / `$$nt`. */
  args: string | null;
  newTarget: boolean;
}

/**
 * The resume branch's block for an out-of-line guarded copy, or null when it cannot be moved (see
 * the module comment). `restore` and `guarded` are consumed (the guarded statements are rewritten in
 * place: captures record the resume function, `new.target` reads the record).
 */
export function outOfLineResume(fn: t.Function, info: FunctionInfo, scope: FrameScope, restore: t.Statement[],
  guarded: t.Statement[]): t.BlockStatement | null {
  if (!canMove(fn, info, guarded)) return null;
  const self = info.self;
  let readsNewTarget = false;
  walkAll(guarded, (n) => {
    if (isBoundary(n, { intoArrows: true })) {
      // Captures of this frame are in its own code, never in nested functions (they capture themselves).
      return SKIP;
    }
    if (n.type === "CallExpression" && isCapture(n) && sameExpression(n.arguments[0], self)) {
      n.arguments[0] = id(RESUME_FN);
    } else if (n.type === "MetaProperty" && n.meta.name === "new" && n.property.name === "target") {
      readsNewTarget = true;
      return id(RESUMED_NEW_TARGET);
    }
  });
  const lets = scope.lets.map((n) => t.variableDeclarator(id(n), n === "$$pc" ? t.numericLiteral(0) : null));
  if (scope.args) lets.push(t.variableDeclarator(id(scope.args)));
  const needsNewTarget = scope.newTarget || readsNewTarget;
  if (needsNewTarget) lets.push(t.variableDeclarator(id(RESUMED_NEW_TARGET)));
  const body: t.Statement[] = [t.variableDeclaration("let", lets)];
  if (scope.vars.length) body.push(t.variableDeclaration("var", scope.vars.map((n) => t.variableDeclarator(id(n)))));
  body.push(...restore);
  // The prologue restores `$$nt` only when the source reads new.target; captures need it always.
  if (needsNewTarget && !scope.newTarget) body.push(assign(id(RESUMED_NEW_TARGET), t.memberExpression(F("rec"), id("nt"))));
  body.push(...guarded, t.returnStatement());

  const name = displayName(fn);
  const inner = info.isArrow
    ? t.arrowFunctionExpression([], t.blockStatement(body))
    : t.functionExpression(null, [], t.blockStatement(body));
  // `{ name: function () {} }.name`: the function gets `name` as its name (stack traces show it) but,
  // unlike a named function expression, no binding of that name inside it.
  const key = t.isValidIdentifier(name) ? id(name) : t.stringLiteral(name);
  const named = t.memberExpression(t.objectExpression([t.objectProperty(key, inner)]), t.cloneNode(key), key.type === "StringLiteral");
  const call = info.isArrow
    ? t.callExpression(id(RESUME_FN), [])
    : t.callExpression(id("$$call"), [id(RESUME_FN), t.thisExpression()]);
  return t.blockStatement([
    t.variableDeclaration("const", [t.variableDeclarator(id(RESUME_FN), named)]),
    t.returnStatement(call),
  ]);
}

function canMove(fn: t.Function, info: FunctionInfo, guarded: t.Statement[]): boolean {
  let ok = true;
  // `super` and `arguments` of the frame's own code (arrows included; a nested function's are its
  // own, but not its computed key's).
  const ownCode = (n: any): any => {
    if (!ok) return SKIP;
    if (n.type === "Super" || (n.type === "Identifier" && n.name === "arguments")) ok = false;
    else if (isBoundary(n, { intoArrows: true })) {
      if ((n.type === "ClassMethod" || n.type === "ClassPrivateMethod" || n.type === "ObjectMethod") && n.computed) walk(n.key, ownCode);
      if (n.type === "ClassDeclaration" || n.type === "ClassExpression") return undefined; // keys and fields' code
      return SKIP;
    }
  };
  walkAll(guarded, ownCode);
  if (!ok) return false;
  // The name binding of a named function expression lives in the function's own scope: any use of
  // it other than the captures (rewritten to the resume function) keeps the copy inline.
  const ownName = fn.type === "FunctionExpression" && fn.id ? fn.id.name : null;
  if (ownName === null) return true;
  const selves = new Set<t.Node>();
  walkAll(guarded, (n) => {
    if (isBoundary(n, { intoArrows: true })) return SKIP;
    if (n.type === "CallExpression" && isCapture(n) && sameExpression(n.arguments[0], info.self)) selves.add(n.arguments[0]);
  });
  walkAll(guarded, (n) => {
    if (!ok) return SKIP;
    if (n.type === "Identifier" && n.name === ownName && !selves.has(n)) ok = false;
  });
  return ok;
}

/** `$$F.cap(...)` */
function isCapture(n: t.CallExpression): boolean {
  const c = n.callee;
  return c.type === "MemberExpression" && c.object.type === "Identifier" && c.object.name === "$$F" &&
    c.property.type === "Identifier" && c.property.name === "cap";
}

/** Self expressions are identifiers (`f`, `$$s3`) or `this.#$$ctor`-like members. */
function sameExpression(a: t.Node, b: t.Node): boolean {
  if (a.type === "Identifier" && b.type === "Identifier") return a.name === b.name;
  if (a.type === "MemberExpression" && b.type === "MemberExpression") {
    return a.computed === b.computed && sameExpression(a.object, b.object) && sameExpression(a.property, b.property);
  }
  if (a.type === "ThisExpression" && b.type === "ThisExpression") return true;
  if (a.type === "PrivateName" && b.type === "PrivateName") return a.id.name === b.id.name;
  return false;
}

/** The name stack traces show for the function: its own name, or its key, or "resume". */
function displayName(fn: t.Function): string {
  if ((fn.type === "FunctionDeclaration" || fn.type === "FunctionExpression") && fn.id) return fn.id.name;
  if ((fn.type === "ClassMethod" || fn.type === "ObjectMethod" || fn.type === "ClassPrivateMethod") && !fn.computed) {
    const k = fn.key;
    if (k.type === "Identifier") return k.name;
    if (k.type === "StringLiteral") return k.value;
    if (k.type === "PrivateName") return "#" + k.id.name;
  }
  return "resume";
}
