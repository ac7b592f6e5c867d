/**
 * Generators: a generator object already is a heap frame the engine can suspend, so a generator
 * body is not turned into a re-entrant frame. Instead each call site in it, when the fiber
 * unwinds below it, suspends the body with `yield $$F.gs()`; the compiled code that called the
 * generator's next() records a frame for the generator, and the trampoline later continues it with
 * `gen.next(value)` (or `gen.throw(error)`). See docs/design.md, "Generators".
 *
 * A generator driven by code that fibers-ts did not compile (a native for-of, yield*, an
 * uncompiled library) runs as a native boundary between its resumptions: `$$F.genEnter()` tells.
 */
import { types as t } from "@babel/core";
import { REPLACED_METHODS, type FileFacts } from "./explode.js";
import { engineTextOf } from "./engine-text.js";
import { walk, walkPost, isBoundary, SKIP } from "./walk.js";

let counter = 0;

/** Names are numbered per file (see plugin.ts). */
export function resetGeneratorNames(): void {
  counter = 0;
}

export function compileGenerator(fn: t.Function, file: Pick<FileFacts, "templateObject" | "source">): void {
  const body = fn.body as t.BlockStatement;
  const temps: string[] = [];
  const temp = () => {
    const name = `$$g${++counter}`;
    temps.push(name);
    return t.identifier(name);
  };
  const F = (name: string) => t.memberExpression(t.identifier("$$F"), t.identifier(name));
  const gd = t.identifier(`$$gd${++counter}`);

  /** `f(a)` -> (callee, args into temps, slot = callee, r = call, unwinding ? yield $$F.gs() : r) */
  const rewriteCall = (call: t.CallExpression | t.NewExpression): t.Expression => {
    const seq: t.Expression[] = [];
    const callee = call.callee;
    if (callee.type === "Super" || callee.type === "Import" || callee.type === "V8IntrinsicIdentifier") return call;
    let fn: t.Identifier;
    let recv: t.Expression = t.identifier("undefined");
    let thisArg: t.Identifier | null = null;
    let methodName: string | null = null;
    if (call.type === "CallExpression" && (callee.type === "MemberExpression") && callee.object.type !== "Super") {
      thisArg = temp();
      seq.push(t.assignmentExpression("=", thisArg, callee.object as t.Expression));
      fn = temp();
      methodName = !callee.computed && callee.property.type === "Identifier" ? callee.property.name : null;
      const read = t.memberExpression(thisArg, callee.property as t.Expression, callee.computed);
      // As in explode.ts: built-ins with compiled replacements (map, forEach...) are swapped in.
      seq.push(t.assignmentExpression("=", fn, methodName !== null && REPLACED_METHODS.has(methodName) ? t.callExpression(F("swap"), [read]) : read));
      recv = thisArg;
    } else {
      fn = temp();
      seq.push(t.assignmentExpression("=", fn, callee as t.Expression));
    }
    const args = call.arguments.map((a) => {
      const v = temp();
      if (a.type === "SpreadElement") {
        seq.push(t.assignmentExpression("=", v, t.arrayExpression([t.spreadElement(a.argument)])));
        return t.spreadElement(v);
      }
      seq.push(t.assignmentExpression("=", v, a as t.Expression));
      return v;
    });
    // The engine would name the callee as written, not the temp holding it (as explode.ts).
    seq.push(callableCheck(fn, call, call.type === "NewExpression"));
    // `f.call(x)` / `f.apply(x, a)` run f: the slot names f (Protocol.via), as in explode.ts.
    const token = (methodName === "call" || methodName === "apply") && thisArg
      ? t.callExpression(F("via"), [fn, thisArg, args[0] && args[0].type !== "SpreadElement" ? args[0] : t.identifier("undefined")])
      : fn;
    // A compiled class constructor checks `nw` to know compiled code evaluates this `new` (constructors.ts).
    if (call.type === "NewExpression") seq.push(t.assignmentExpression("=", F("nw"), fn));
    // `new` through $$F.construct: the engine's error for a function that is not a constructor would
    // name the temp (explode.ts wraps the statement in a try instead; here the call is an expression).
    const invoke = call.type === "NewExpression"
      ? t.callExpression(F("construct"), [fn, t.stringLiteral(calleeText.get(call) ?? "(intermediate value)"), ...args])
      : thisArg ? t.callExpression(t.identifier("$$call"), [fn, thisArg, ...args]) : t.callExpression(fn, args);
    return callSite(seq, token, invoke, recv);
  };

  // How the engine names each callee and tag, taken before the rewrite below (post-order) replaces
  // the calls inside them with sequences of temps.
  const calleeText = new Map<t.Node, string>();
  for (const st of body.body) {
    walk(st, (n) => {
      if (isBoundary(n)) return SKIP;
      if (n.type === "CallExpression" || n.type === "NewExpression") calleeText.set(n, engineTextOf(n.callee, file.source));
      if (n.type === "TaggedTemplateExpression") calleeText.set(n, engineTextOf(n.tag, file.source));
    });
  }

  /** `typeof f !== "function" && $$F.notCallable("o.m", isNew)`: the engine's TypeError. */
  const callableCheck = (fn: t.Identifier, call: t.Node, isNew: boolean): t.Expression =>
    t.logicalExpression("&&", t.binaryExpression("!==", t.unaryExpression("typeof", fn), t.stringLiteral("function")),
      t.callExpression(F("notCallable"), [t.stringLiteral(calleeText.get(call) ?? "(intermediate value)"), t.booleanLiteral(isNew)]));

  /** The slot set to `token`, the call, and the suspension when the fiber unwinds below it. */
  const callSite = (seq: t.Expression[], token: t.Expression, invoke: t.Expression, recv: t.Expression): t.Expression => {
    seq.push(t.assignmentExpression("=", F("s"), token));
    const result = temp();
    seq.push(t.assignmentExpression("=", result, invoke));
    seq.push(t.conditionalExpression(
      t.logicalExpression("&&", t.binaryExpression("!==", F("s"), t.nullLiteral()), t.callExpression(F("chk"), [])),
      t.yieldExpression(t.callExpression(F("gs"), [recv])),
      result));
    return t.sequenceExpression(seq);
  };

  /** tag`...${x}`: a call of the tag (read once, first) with the site's template object (as explode.ts). */
  const rewriteTagged = (node: t.TaggedTemplateExpression): t.Expression => {
    const seq: t.Expression[] = [];
    const tag = node.tag;
    const fn = temp();
    let thisArg: t.Expression | null = null;
    if (tag.type === "MemberExpression") {
      const isSuper = tag.object.type === "Super";
      if (isSuper) thisArg = t.thisExpression();
      else {
        thisArg = temp();
        seq.push(t.assignmentExpression("=", thisArg, tag.object as t.Expression));
      }
      seq.push(t.assignmentExpression("=", fn, t.memberExpression(isSuper ? t.super() : t.cloneNode(thisArg), tag.property as t.Expression, tag.computed)));
    } else {
      seq.push(t.assignmentExpression("=", fn, tag));
    }
    const args = (node.quasi.expressions as t.Expression[]).map((e) => {
      const v = temp();
      seq.push(t.assignmentExpression("=", v, e));
      return v;
    });
    seq.push(callableCheck(fn, node, false));
    const strings = file.templateObject(node.quasi);
    const invoke = thisArg
      ? t.callExpression(t.identifier("$$call"), [fn, t.cloneNode(thisArg), strings, ...args])
      : t.callExpression(fn, [strings, ...args]);
    return callSite(seq, fn, invoke, thisArg ? t.cloneNode(thisArg) : t.identifier("undefined"));
  };

  /** A user `yield v`: the generator leaves the fiber's view while suspended, then re-enters. */
  const rewriteYield = (y: t.YieldExpression): t.Expression => {
    const r = temp();
    // The operand runs while the generator is still in the fiber's view (it may call code that
    // switches); only the suspension at the yield itself leaves it.
    const seq: t.Expression[] = [];
    if (y.argument) {
      const v = temp();
      seq.push(t.assignmentExpression("=", v, y.argument));
      y = t.yieldExpression(v, y.delegate);
    }
    seq.push(t.callExpression(F("genLeave"), [gd]));
    // `yield*` forwards every next()/throw()/return() to the delegate and every result back, so the
    // delegate is driven by whoever drives this generator: its first next(), made by the engine right
    // here, counts as a compiled call when this generator was called by compiled code (genEnter 0).
    if (y.delegate) {
      seq.push(t.logicalExpression("&&", t.binaryExpression("===", gd, t.numericLiteral(0)),
        t.assignmentExpression("=", F("s"), F("genNext"))));
    }
    return t.sequenceExpression([
      ...seq,
      t.assignmentExpression("=", r, y),
      t.assignmentExpression("=", gd, t.callExpression(F("genEnter"), [])),
      r,
    ]);
  };

  // Post-order, so a call's arguments are rewritten before the call itself.
  const stmts = body.body.map((st) => walkPost(st, (n) => {
    if ((n.type === "CallExpression" || n.type === "NewExpression") && !isRuntimeCall(n)) return rewriteCall(n);
    if (n.type === "TaggedTemplateExpression") return rewriteTagged(n);
    if (n.type === "YieldExpression") return rewriteYield(n);
  }, (n) => !isBoundary(n)));
  const decl = t.variableDeclaration("let", [
    t.variableDeclarator(gd, t.callExpression(F("genEnter"), [])),
    ...temps.map((n) => t.variableDeclarator(t.identifier(n))),
  ]);
  body.body = [decl, t.tryStatement(t.blockStatement(stmts), null, t.blockStatement([
    t.expressionStatement(t.callExpression(F("genExit"), [gd])),
  ]))];
}

function isRuntimeCall(n: t.CallExpression | t.NewExpression): boolean {
  const c = n.callee;
  return c.type === "MemberExpression" && c.object.type === "Identifier" && (c.object.name === "$$F" || c.object.name === "Math");
}
