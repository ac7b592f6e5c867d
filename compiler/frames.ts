/**
 * Frames: compiles one function into a resumable frame. The body is rewritten by statements.ts;
 * this module adds the prologue that tells the three ways a compiled function can be entered:
 *
 *   if ($$F.s === SELF) $$F.s = null;             // called directly by compiled code: run
 *   else if ($$F.s === $$F.R) { restore locals }  // re-invoked by the trampoline: resume at $$pc
 *   else if ($$F.f) return $$F.nat(SELF, ...);     // entered from native code inside a fiber
 *
 * When the whole file is compiled, a finisher moves the guarded body into the resume branch and
 * puts its fast copy (fast-path.ts) after the prologue.
 */
import { types as t } from "@babel/core";
import { FnCtx, FunctionInfo, assemble, assign, id, num, undef, protocolMember as F, slotRead } from "./context.js";
import { Exploder, ExplodeEnv, FileFacts, hasCall } from "./explode.js";
import { StatementRewriter, blockDeclarations } from "./statements.js";
import { PC, LOCALS, METHOD, ARGS } from "./names.js";
import { walkAll, isBoundary, SKIP } from "./walk.js";
import { foldRunning } from "./fast-path.js";

/**
 * `nested`, read when the finisher runs: for each frame, the frames whose nearest enclosing frame it
 * is (plugin.ts fills it in from the tree as it was before the passes moved anything); their fast
 * copies are made before the enclosing frame's.
 */
export function compileFunction(fn: t.Function, info: FunctionInfo, file: FileFacts,
  nested?: ReadonlyMap<t.Function, readonly t.Function[]>): (() => void) | null {
  const body = fn.body as t.BlockStatement;
  const ctx = new FnCtx(info);
  const env: ExplodeEnv = { ...file, ctx };
  if (!hasCall(body, env)) {
    compileLeaf(body, info.self);
    return null;
  }
  const ex = new Exploder(env);
  const rewriter = new StatementRewriter(ctx, ex);

  if (info.usesArguments) renameArguments(body);
  const usesNewTarget = info.canConstruct && renameNewTarget(body);
  const paramNames = [...info.params.map((p) => p.name), ...(info.restParam ? [info.restParam.name] : [])];
  const vars = collectVars(body).filter((v) => !paramNames.includes(v));
  const { functions } = blockDeclarations(body.body);
  const fnNames = [...paramNames, ...vars];
  if (info.usesArguments) fnNames.push(ARGS);

  const items = rewriter.block(body.body, fnNames, true);
  const rewritten = assemble(items);

  const restore: t.Statement[] = [
    assign(id(LOCALS), t.memberExpression(F("rec"), id("l"))),
    assign(id(PC), t.memberExpression(F("rec"), id("pc"))),
    assign(F("s"), t.nullLiteral()),
  ];
  const temps = new Set(ctx.temps);
  for (const [name, slot] of ctx.slots) {
    if (functions.includes(name) || fnNames.includes(name) || temps.has(name)) restore.push(assign(id(name), slotRead(slot)));
  }
  for (const name of functions) restore.push(assign(id(name), slotRead(ctx.slot(name))));
  // A resumed frame is re-invoked as a plain call: new.target comes from the frame record.
  if (usesNewTarget) restore.push(assign(id(NEW_TARGET), t.memberExpression(F("rec"), id("nt"))));

  const nativeArgs = info.usesArguments
    ? id("arguments")
    : t.arrayExpression([...info.params.map((p) => id(p.name)), ...(info.restParam ? [t.spreadElement(id(info.restParam.name))] : [])]);
  const natCall = t.callExpression(F("nat"), [
    t.cloneNode(info.self),
    info.isArrow ? undef() : t.thisExpression(),
    nativeArgs,
    info.canConstruct ? t.metaProperty(id("new"), id("target")) : undef(),
  ]);

  const declared = [...new Set([PC, LOCALS, METHOD, ...ctx.temps])];
  const prologue: t.Statement[] = [
    t.variableDeclaration("let", declared.map((n) => t.variableDeclarator(id(n), n === PC ? num(0) : null))),
  ];
  if (vars.length) prologue.push(t.variableDeclaration("var", vars.map((n) => t.variableDeclarator(id(n)))));
  if (info.usesArguments) prologue.push(t.variableDeclaration("let", [t.variableDeclarator(id(ARGS), id("arguments"))]));
  if (usesNewTarget) prologue.push(t.variableDeclaration("let", [t.variableDeclarator(id(NEW_TARGET), t.metaProperty(id("new"), id("target")))]));
  // Resuming runs the guarded body inside the restore branch; every other entry runs the fast copy
  // (fast-path.ts), where `$$pc` is known to be 0. The copy is made once every function of the file
  // is compiled (plugin.ts runs the finishers), nested ones first, so it copies their final code.
  const finish = (): boolean => {
    const done = copied.get(fn);
    if (done !== undefined) return done;
    // One copy per nesting chain: copying a function that holds copied functions would double
    // them again at every level (2^depth). The innermost functions, usually the hot ones, get it.
    const nestedCopied = finishNested(nested?.get(fn) ?? []);
    const fast = nestedCopied ? null : foldRunning(rewritten);
    copied.set(fn, nestedCopied || fast !== null);
    const resumeBranch = fast ? [...restore, ...rewritten, t.returnStatement()] : restore;
    prologue.push(
      t.ifStatement(
        t.binaryExpression("===", F("s"), t.cloneNode(info.self)),
        assign(F("s"), t.nullLiteral()),
        t.ifStatement(
          t.binaryExpression("===", F("s"), F("R")),
          t.blockStatement(resumeBranch),
          t.ifStatement(F("f"), t.returnStatement(natCall)),
        ),
      ),
    );
    body.body = [...directives(body), ...prologue, ...(fast ?? rewritten)];
    return nestedCopied || fast !== null;
  };
  finishers.set(fn, finish);
  return () => void finish();
}

/** The finisher of each compiled function: makes its fast copy; true if it or a nested one has one. */
const finishers = new WeakMap<t.Node, () => boolean>();
/** Finished functions: whether the function or one nested in it has a fast copy. */
const copied = new WeakMap<t.Node, boolean>();

/** Finishes the given nested compiled functions (so a copy of them is final); true if one of them, at any depth, has a fast copy. */
function finishNested(nested: readonly t.Function[]): boolean {
  let any = false;
  for (const n of nested) {
    const finish = finishers.get(n);
    if (finish !== undefined && finish()) any = true;
  }
  return any;
}

/**
 * A leaf: a function with no call site of its own (explode.ts `hasCall`) cannot suspend (nothing it
 * runs can reach a switch without passing through a native frame: getters, valueOf and the like are
 * entered as from native code and raise FiberError). It is never captured nor resumed, so its body
 * stays exactly as written. It leaves the call slot alone: a compiled call site that called it
 * without knowing it was a leaf finds its callee still in the slot after the call, and its post-call
 * check (`$$F.chk()`, "not unwinding: clear the slot") clears it. Most calls of leaves are resolved
 * by the analysis (leaves.ts) and store nothing, so clearing the slot here would only cost them
 * (docs/performance.md, "Leaves leave the slot alone").
 */
function compileLeaf(body: t.BlockStatement, self: t.Expression): void {
  if (!LEAF_CHECKS_SLOT) return;
  body.body.unshift(t.ifStatement(t.binaryExpression("===", F("s"), t.cloneNode(self)), assign(F("s"), t.nullLiteral())));
}

/** Experiments only (bench/experiments/variants-ab.mjs): `FIBERS_TS_LEAF_CHECK=1` restores the entry check. */
const LEAF_CHECKS_SLOT = typeof process === "object" && process.env?.FIBERS_TS_LEAF_CHECK === "1";

function directives(_body: t.BlockStatement): t.Statement[] {
  return [];
}

/** `var` names declared anywhere in the body, outside nested functions. */
function collectVars(body: t.BlockStatement): string[] {
  const names = new Set<string>();
  walkAll(body.body, (n) => {
    if (isBoundary(n)) return SKIP;
    if (n.type === "VariableDeclaration" && n.kind === "var") {
      for (const d of n.declarations) for (const name of Object.keys(t.getBindingIdentifiers(d.id))) names.add(name);
    }
  });
  return [...names];
}

const NEW_TARGET = "$$nt";

/** `new.target` (here and in nested arrows) becomes `$$nt`; returns whether there was any. */
function renameNewTarget(body: t.BlockStatement): boolean {
  let found = false;
  walkAll(body.body, (n) => {
    if (isBoundary(n, { intoArrows: true })) return SKIP;
    if (n.type === "MetaProperty" && n.meta.name === "new" && n.property.name === "target") {
      found = true;
      return id(NEW_TARGET);
    }
  });
  return found;
}

/** `arguments` (here and in nested arrows) becomes `$$args`, a local saved with the frame. */
function renameArguments(body: t.BlockStatement): void {
  walkAll(body.body, (n, parent) => {
    if (isBoundary(n, { intoArrows: true })) return SKIP;
    if (n.type === "Identifier" && n.name === "arguments" && t.isReferenced(n, parent)) n.name = ARGS;
  }, body);
}
