/**
 * Explode: turns an expression that contains call sites into a sequence of items (see context.ts)
 * plus a residual expression, keeping JavaScript's evaluation order. Every operand evaluated before
 * a later call site is saved in a temp (a frame local), so that resuming at that call site neither
 * re-evaluates it nor sees a value that changed while the fiber was suspended.
 *
 * Only calls made by this function's own code are call sites: nested functions and classes are
 * opaque, and calls to a few known pure built-ins (Math.*) are left as they are.
 */
import { types as t } from "@babel/core";
import { FnCtx, Item, assign, id, num, undef, protocolMember as F, METHOD } from "./context.js";
import { walk, some, isBoundary, SKIP } from "./walk.js";
import { engineTextOf, iterableText, setIterationSubject } from "./engine-text.js";

/** Property names whose native methods have compiled replacements (runtime/replacements.ts). */
export const REPLACED_METHODS = new Set([
  "forEach", "map", "filter", "reduce", "reduceRight", "some", "every", "find", "findIndex",
  "findLast", "findLastIndex", "flatMap", "sort", "from", "bind", "next", "throw", "return",
]);
/**
 * Built-ins called as ordinary calls, not call sites: they never reach a switch except through
 * code they call back natively (valueOf, toString, getters, a reviver), which is entered as from
 * native code and raises FiberError on a switch whether or not the call slot was set. So calling
 * them without the protocol changes nothing but the cost. (A global replaced by a compiled function
 * is entered the same way: a switch inside it raises FiberError.) Only globals not shadowed in the
 * file count. Built-ins with compiled replacements (Array.from, see runtime/replacements.ts) and
 * Reflect (its apply is a transparent call) are not here.
 */
const PURE_STATICS: Record<string, Set<string> | "all"> = {
  Math: "all",
  Number: new Set(["isInteger", "isFinite", "isNaN", "isSafeInteger", "parseFloat", "parseInt"]),
  String: new Set(["fromCharCode", "fromCodePoint"]),
  Object: new Set(["keys", "values", "entries", "freeze", "isFrozen", "seal", "isSealed", "getPrototypeOf",
    "setPrototypeOf", "create", "hasOwn", "is", "getOwnPropertyNames", "getOwnPropertyDescriptor",
    "defineProperty", "preventExtensions", "isExtensible", "assign"]),
  Array: new Set(["isArray", "of"]),
  JSON: new Set(["parse", "stringify"]),
  Date: new Set(["now"]),
  Symbol: new Set(["for"]),
};
const PURE_GLOBAL_FUNCTIONS = new Set(["isNaN", "isFinite", "parseInt", "parseFloat", "String", "Number", "Boolean",
  "BigInt", "Symbol", "encodeURIComponent", "decodeURIComponent", "encodeURI", "decodeURI"]);
const PURE_CONSTRUCTORS = new Set(["Array", "Object", "Error", "TypeError", "RangeError", "SyntaxError", "ReferenceError",
  "EvalError", "URIError", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Date", "RegExp", "ArrayBuffer",
  "Int8Array", "Uint8Array", "Uint8ClampedArray", "Int16Array", "Uint16Array", "Int32Array", "Uint32Array",
  "Float32Array", "Float64Array", "BigInt64Array", "BigUint64Array"]);

/** What the exploder knows about the whole file (plugin.ts gathers it before the functions are compiled). */
export interface FileFacts {
  /** Globals that are shadowed somewhere in the file (so `Math.max` may not be the built-in). */
  shadowed: Set<string>;
  /** Module constants bound to Reflect.apply (`const apply = Reflect.apply`): transparent calls. */
  applyAliases: Set<string>;
  /** The file's source, to name a callee in "x is not a function" as the engine would. */
  source: string;
  /** Calls of module-local functions that are leaves (leaves.ts): ordinary calls, not call sites. */
  leafCalls?: WeakSet<t.Node>;
  /**
   * Receivers `x` of method calls `x.m(...)` whose binding is never reassigned (and is not an
   * import, which its module may reassign): reading `x` again at the call gives the value `x.m`
   * was read from, so the call needs no temp for it (see Exploder.call).
   */
  stableReceivers?: WeakSet<t.Node>;
  /**
   * The template object of a tagged template's site, made once at the top of the module (plugin.ts):
   * an identifier that names it.
   */
  templateObject: (quasi: t.TemplateLiteral) => t.Identifier;
}

export interface ExplodeEnv extends FileFacts {
  ctx: FnCtx;
  /** Rewrites a statement into items (set by StatementRewriter; used to lower spread). */
  statement?: (s: t.Statement, out: Item[]) => void;
}

/** Does evaluating `node` (in this function, not in nested functions) make a call site? */
export function hasCall(node: t.Node | null | undefined, env: ExplodeEnv): boolean {
  if (!node) return false;
  return some(node, (n, parent) => {
    switch (n.type) {
      case "CallExpression":
      case "OptionalCallExpression":
        return !isPureCall(n, env);
      case "NewExpression":
        return !isPureNew(n, env);
      case "TaggedTemplateExpression":
      case "ArrayPattern": // array destructuring iterates (see Exploder.destructure)
        return true;
      case "SpreadElement": // spreading an iterable runs its iterator; object spread only reads
        return parent?.type !== "ObjectExpression";
      case "ForOfStatement": // each step calls the iterator's next()
        return !n.await;
      default:
        return false;
    }
  });
}

function isPureCall(node: t.CallExpression | t.OptionalCallExpression, env: ExplodeEnv): boolean {
  const c = node.callee;
  // The runtime's own helpers ($$F.iter, $$F.step...), pure built-ins and leaf functions are ordinary calls.
  if (env.leafCalls?.has(node)) return pureArguments(node.arguments, env);
  const pure = c.type === "Identifier"
    ? PURE_GLOBAL_FUNCTIONS.has(c.name) && !env.shadowed.has(c.name)
    : isPureCallee(c, env);
  return pure && pureArguments(node.arguments, env);
}

function isPureNew(node: t.NewExpression, env: ExplodeEnv): boolean {
  const c = node.callee;
  if (env.leafCalls?.has(node)) return pureArguments(node.arguments, env);
  return c.type === "Identifier" && PURE_CONSTRUCTORS.has(c.name) && !env.shadowed.has(c.name) && pureArguments(node.arguments, env);
}

function pureArguments(args: t.CallExpression["arguments"], env: ExplodeEnv): boolean {
  return args.every((a) => a.type !== "SpreadElement" && !hasCall(a, env));
}

/** `$$F.step(...)` and friends (the runtime's own helpers, except those that run user code), `Math.*`. */
function isPureCallee(c: t.Expression | t.V8IntrinsicIdentifier, env: ExplodeEnv): boolean {
  if (c.type !== "MemberExpression" || c.computed || c.object.type !== "Identifier" || c.property.type !== "Identifier") return false;
  // items and runAsync run user code (iterators, async bodies): they are compiled call sites.
  if (c.object.name === "$$F") return c.property.name !== "items" && c.property.name !== "runAsync";
  const names = PURE_STATICS[c.object.name];
  return names !== undefined && (names === "all" || names.has(c.property.name)) && !env.shadowed.has(c.object.name);
}

/** Values that cannot change between their evaluation and a later call site. */
function isStable(node: t.Node): boolean {
  return t.isLiteral(node) && !t.isTemplateLiteral(node) || t.isThisExpression(node) ||
    (t.isIdentifier(node) && (node.name.startsWith("$$t") || node.name === "undefined")) ||
    t.isSuper(node) || t.isMetaProperty(node);
}

export class Exploder {
  constructor(private readonly env: ExplodeEnv) {}
  /** The file's source (to name operands in error messages as the engine does, engine-text.ts). */
  get source(): string {
    return this.env.source;
  }
  setStatementRewriter(fn: (s: t.Statement, out: Item[]) => void): void {
    this.env.statement = fn;
  }
  private get ctx() {
    return this.env.ctx;
  }
  has(node: t.Node | null | undefined): boolean {
    return hasCall(node, this.env);
  }

  /** Saves a value in a temp unless it is stable. */
  private save(e: t.Expression, out: Item[]): t.Expression {
    if (isStable(e)) return e;
    const tmp = this.ctx.temp();
    out.push({ kind: "plain", stmt: assign(tmp, e) });
    return tmp;
  }

  /** Evaluates operands in order; an operand followed by a call site is saved first. */
  private operands(nodes: t.Expression[], out: Item[]): t.Expression[] {
    const res: t.Expression[] = [];
    for (let i = 0; i < nodes.length; i++) {
      const laterCall = nodes.slice(i + 1).some((n) => this.has(n));
      const v = this.expr(nodes[i], out);
      res.push(laterCall ? this.save(v, out) : v);
    }
    return res;
  }

  /** Explodes `node`; returns the residual expression to evaluate after `out`. */
  expr(node: t.Expression, out: Item[]): t.Expression {
    if (!this.has(node)) return node;
    switch (node.type) {
      case "CallExpression":
        if (isPureCallee(node.callee, this.env)) {
          // Not a call site: only its arguments are.
          return t.callExpression(node.callee, this.args(node.arguments as (t.Expression | t.SpreadElement)[], out));
        }
        return this.call(node, out, true);
      case "NewExpression":
        return this.call(node, out, true);
      case "OptionalCallExpression":
      case "OptionalMemberExpression":
        return this.optionalChain(node, out);
      case "TaggedTemplateExpression":
        return this.tagged(node, out);
      case "MemberExpression": {
        const [obj, prop] = this.memberParts(node, out, false);
        return t.memberExpression(obj, prop, node.computed);
      }
      case "BinaryExpression": {
        if (node.left.type === "PrivateName") {
          return t.binaryExpression(node.operator, node.left, this.expr(node.right, out));
        }
        const [l, r] = this.operands([node.left, node.right], out);
        return t.binaryExpression(node.operator, l, r);
      }
      case "LogicalExpression":
        return this.logical(node, out);
      case "ConditionalExpression":
        return this.conditional(node, out);
      case "AssignmentExpression":
        return this.assignment(node, out);
      case "UpdateExpression": {
        if (node.argument.type === "MemberExpression") {
          const [obj, prop] = this.memberParts(node.argument, out, true);
          return t.updateExpression(node.operator, t.memberExpression(obj, prop, node.argument.computed), node.prefix);
        }
        return node;
      }
      case "UnaryExpression": {
        if (node.operator === "delete" && node.argument.type === "MemberExpression") {
          const [obj, prop] = this.memberParts(node.argument, out, true);
          return t.unaryExpression("delete", t.memberExpression(obj, prop, node.argument.computed));
        }
        return t.unaryExpression(node.operator, this.expr(node.argument, out), node.prefix);
      }
      case "SequenceExpression": {
        const last = node.expressions.length - 1;
        node.expressions.slice(0, last).forEach((e) => this.effect(e, out));
        return this.expr(node.expressions[last], out);
      }
      case "TemplateLiteral": {
        const exprs = this.operands(node.expressions as t.Expression[], out);
        return t.templateLiteral(node.quasis, exprs);
      }
      case "ArrayExpression": {
        const elems = node.elements;
        const res: (t.Expression | t.SpreadElement | null)[] = [];
        elems.forEach((e, i) => {
          const laterCall = elems.slice(i + 1).some((x) => this.has(x));
          if (e === null) res.push(null);
          else if (e.type === "SpreadElement") res.push(t.spreadElement(this.spread(e.argument, out, iterableText(e.argument, this.env.source))));
          else {
            const v = this.expr(e, out);
            res.push(laterCall ? this.save(v, out) : v);
          }
        });
        return t.arrayExpression(res);
      }
      case "ObjectExpression":
        return this.object(node, out);
      case "AwaitExpression":
      case "YieldExpression":
        return node; // only in async functions and generators, which are not compiled into frames
      case "ParenthesizedExpression":
        return this.expr(node.expression, out);
      case "TSAsExpression":
      case "TSNonNullExpression":
      case "TSTypeAssertion":
      case "TSSatisfiesExpression":
        return this.expr(node.expression as t.Expression, out);
      default:
        return node;
    }
  }

  /** Saves a value in a temp unless it is stable (public for statements.ts). */
  saveValue(e: t.Expression, out: Item[]): t.Expression {
    return this.save(e, out);
  }

  /**
   * `target = value` where target may be a destructuring pattern. A pattern whose defaults or
   * computed keys make calls is lowered to one step per property, in the order destructuring
   * evaluates them, so a fiber can suspend inside a default value.
   */
  assignTo(target: t.LVal, value: t.Expression, out: Item[], subject?: string): void {
    if (target.type === "Identifier" || target.type === "MemberExpression" || !this.has(target)) {
      this.effect(t.assignmentExpression("=", target, value), out);
      return;
    }
    const v = this.save(this.expr(value, out), out);
    this.destructure(target, v, out, subject);
  }

  /** `subject`: how "... is not iterable" names the value of a top-level array pattern (destructuredText). */
  private destructure(target: t.LVal, v: t.Expression, out: Item[], subject?: string): void {
    switch (target.type) {
      case "AssignmentPattern": {
        const cur = this.ctx.temp();
        out.push({ kind: "plain", stmt: assign(cur, v) });
        const branch: Item[] = [];
        branch.push({ kind: "plain", stmt: assign(t.cloneNode(cur), this.expr(target.right, branch)) });
        out.push(this.compoundIf(t.binaryExpression("===", t.cloneNode(cur), id("undefined")), branch, []));
        this.destructure(target.left, t.cloneNode(cur), out);
        return;
      }
      case "ObjectPattern": {
        out.push({ kind: "plain", stmt: t.expressionStatement(t.callExpression(F("coercible"), [t.cloneNode(v)])) });
        const used: t.Expression[] = [];
        for (const prop of target.properties) {
          if (prop.type === "RestElement") {
            const rest = t.callExpression(F("objectRest"), [t.cloneNode(v), t.arrayExpression(used.map((k) => t.cloneNode(k)))]);
            this.destructure(prop.argument, this.save(rest, out), out);
            continue;
          }
          let key: t.Expression;
          if (prop.computed) key = this.save(this.expr(prop.key as t.Expression, out), out);
          else key = prop.key.type === "Identifier" ? t.stringLiteral(prop.key.name) : (prop.key as t.Expression);
          used.push(key);
          const val = this.ctx.temp();
          out.push({ kind: "plain", stmt: assign(val, t.memberExpression(t.cloneNode(v), t.cloneNode(key), true)) });
          this.destructure(prop.value as t.LVal, t.cloneNode(val), out);
        }
        return;
      }
      case "ArrayPattern": {
        const hasRest = target.elements.some((e) => e?.type === "RestElement");
        const n = target.elements.length - (hasRest ? 1 : 0);
        // A call site: the compiled runtime helper runs the iterator, which may switch.
        const itemsArgs = [t.cloneNode(v), num(n), t.booleanLiteral(hasRest), ...(subject === undefined ? [] : [t.stringLiteral(subject)])];
        const items = this.save(this.expr(t.callExpression(F("items"), itemsArgs), out), out);
        target.elements.forEach((el, i) => {
          if (!el) return;
          if (el.type === "RestElement") {
            const rest = t.callExpression(t.memberExpression(t.cloneNode(items), id("slice")), [num(i)]);
            this.destructure(el.argument, this.save(rest, out), out);
          } else {
            this.destructure(el as t.LVal, t.memberExpression(t.cloneNode(items), num(i), true), out);
          }
        });
        return;
      }
      default:
        this.effect(t.assignmentExpression("=", target, v), out);
    }
  }

  /** Explodes an expression evaluated for its effects only. */
  effect(node: t.Expression, out: Item[]): void {
    const r = this.expr(node, out);
    if (!isStable(r) && !t.isIdentifier(r)) out.push({ kind: "plain", stmt: t.expressionStatement(r) });
  }

  /** Object and (computed) key of a member expression, each saved if later parts make calls. */
  private memberParts(node: t.MemberExpression, out: Item[], saveAll: boolean): [t.Expression, t.Expression | t.PrivateName] {
    const prop = node.property;
    const propHasCall = node.computed && this.has(prop);
    let obj: t.Expression = node.object.type === "Super" ? (node.object as any) : this.expr(node.object as t.Expression, out);
    if ((propHasCall || saveAll) && node.object.type !== "Super") obj = this.save(obj, out);
    let key: t.Expression | t.PrivateName = prop as t.Expression | t.PrivateName;
    if (node.computed) {
      key = this.expr(prop as t.Expression, out);
      if (saveAll) key = this.save(key, out);
    }
    return [obj, key];
  }

  private logical(node: t.LogicalExpression, out: Item[]): t.Expression {
    if (!this.has(node.right)) {
      return t.logicalExpression(node.operator, this.expr(node.left, out), node.right);
    }
    const res = this.ctx.temp();
    out.push({ kind: "plain", stmt: assign(res, this.expr(node.left, out)) });
    const test =
      node.operator === "&&" ? res :
      node.operator === "||" ? t.unaryExpression("!", res) :
      t.binaryExpression("==", res, t.nullLiteral());
    const branch: Item[] = [];
    const r = this.expr(node.right, branch);
    branch.push({ kind: "plain", stmt: assign(t.cloneNode(res), r) });
    out.push(this.compoundIf(test, branch, []));
    return t.cloneNode(res);
  }

  private conditional(node: t.ConditionalExpression, out: Item[]): t.Expression {
    const test = this.save(this.expr(node.test, out), out);
    if (!this.has(node.consequent) && !this.has(node.alternate)) {
      return t.conditionalExpression(test, node.consequent, node.alternate);
    }
    const res = this.ctx.temp();
    const yes: Item[] = [];
    yes.push({ kind: "plain", stmt: assign(res, this.expr(node.consequent, yes)) });
    const no: Item[] = [];
    no.push({ kind: "plain", stmt: assign(t.cloneNode(res), this.expr(node.alternate, no)) });
    out.push(this.compoundIf(test, yes, no));
    return t.cloneNode(res);
  }

  /**
   * `if (test) {a} else {b}` whose branches contain call sites: entered normally, or on resume
   * into whichever branch holds the call site.
   */
  compoundIf(test: t.Expression, yes: Item[], no: Item[], assembleFn = defaultAssemble): Item {
    // ids were allocated while building the branches; recover their ranges from the items.
    const [yLo, yHi] = rangeOf(yes);
    const [nLo, nHi] = rangeOf(no);
    const lo = Math.min(yLo, nLo);
    const hi = Math.max(yHi, nHi);
    if (lo > hi) {
      return { kind: "plain", stmt: t.ifStatement(test, t.blockStatement(assembleFn(yes)), no.length ? t.blockStatement(assembleFn(no)) : null) };
    }
    const pick = yLo <= yHi ? rangeTest(yLo, yHi) : t.booleanLiteral(false);
    const cond = t.conditionalExpression(running(), test, pick);
    const stmt = t.ifStatement(cond, t.blockStatement(assembleFn(yes)), no.length ? t.blockStatement(assembleFn(no)) : null);
    return { kind: "fixed", stmt: t.ifStatement(this.ctx.enterGuard(lo, hi), stmt) };
  }

  private assignment(node: t.AssignmentExpression, out: Item[]): t.Expression {
    const { operator, left } = node;
    if (operator === "&&=" || operator === "||=" || operator === "??=") {
      // x ||= v  ->  if (!x) x = v   (the target is evaluated once)
      let target: t.LVal = left as t.LVal;
      if (left.type === "MemberExpression") {
        const [obj, prop] = this.memberParts(left, out, true);
        target = t.memberExpression(obj, prop, left.computed);
      }
      const cur = this.ctx.temp();
      out.push({ kind: "plain", stmt: assign(cur, t.cloneNode(target) as t.Expression) });
      const test =
        operator === "&&=" ? cur : operator === "||=" ? t.unaryExpression("!", cur) : t.binaryExpression("==", cur, t.nullLiteral());
      const branch: Item[] = [];
      const v = this.expr(node.right, branch);
      branch.push({ kind: "plain", stmt: assign(t.cloneNode(cur), t.assignmentExpression("=", target, v)) });
      out.push(this.compoundIf(test, branch, []));
      return t.cloneNode(cur);
    }
    if (left.type === "MemberExpression") {
      const [obj, prop] = this.memberParts(left, out, this.has(node.right));
      const target = t.memberExpression(obj, prop, left.computed);
      if (operator === "=") return t.assignmentExpression("=", target, this.expr(node.right, out));
      // o.p += v: read o.p before evaluating v
      const old = this.save(t.cloneNode(target), out);
      const v = this.expr(node.right, out);
      return t.assignmentExpression("=", t.cloneNode(target), t.binaryExpression(operator.slice(0, -1) as any, old, v));
    }
    if (left.type === "Identifier") {
      if (operator === "=") return t.assignmentExpression("=", left, this.expr(node.right, out));
      const old = this.save(t.cloneNode(left), out);
      const v = this.expr(node.right, out);
      return t.assignmentExpression("=", t.cloneNode(left), t.binaryExpression(operator.slice(0, -1) as any, old, v));
    }
    // Destructuring assignment: evaluate the value, then destructure; the expression's value is the value.
    const v = this.save(this.expr(node.right, out), out);
    if (this.has(left)) {
      this.destructure(left as t.LVal, v, out);
      return t.cloneNode(v);
    }
    return t.assignmentExpression("=", left, v);
  }

  /**
   * An object literal's parts are evaluated in order; one followed by a call site is saved, and
   * what the literal does with it at that point is done then too: a spread copies the object's
   * properties (a later call may change them), a computed key is converted to a property key
   * (which may call toString). The literal is then built from the saved values.
   */
  private object(node: t.ObjectExpression, out: Item[]): t.Expression {
    const parts: t.Expression[] = [];
    const kinds: ("spread" | "key" | "value")[] = [];
    for (const p of node.properties) {
      if (p.type === "SpreadElement") {
        parts.push(p.argument);
        kinds.push("spread");
      } else {
        if (p.computed) {
          parts.push(p.key as t.Expression);
          kinds.push("key");
        }
        if (p.type === "ObjectProperty") {
          parts.push(p.value as t.Expression);
          kinds.push("value");
        }
      }
    }
    const vals: t.Expression[] = [];
    for (let k = 0; k < parts.length; k++) {
      let v = this.expr(parts[k], out);
      if (parts.slice(k + 1).some((n) => this.has(n))) {
        if (kinds[k] === "spread") v = t.callExpression(F("spreadCopy"), [v]);
        else if (kinds[k] === "key" && !t.isLiteral(v)) v = t.callExpression(F("propertyKey"), [v]);
        v = this.save(v, out);
      }
      vals.push(v);
    }
    let i = 0;
    const props = node.properties.map((p) => {
      if (p.type === "SpreadElement") return t.spreadElement(vals[i++]);
      const key = p.computed ? vals[i++] : p.key;
      if (p.type === "ObjectProperty") return t.objectProperty(key, vals[i++], p.computed, false);
      return { ...p, key } as t.ObjectMethod;
    });
    return t.objectExpression(props);
  }

  /**
   * A tagged template is a call: the tag is read (once, before the substitutions, as the engine
   * does), the substitutions are evaluated, then the tag is called with the site's template object
   * and the values. The template object is per source site, and the fast and resume copies of a
   * frame (fast-path.ts) are two sites of the output: so the site's object is made once, at the top
   * of the module (`FileFacts.templateObject`), and both copies pass that one.
   */
  private tagged(node: t.TaggedTemplateExpression, out: Item[]): t.Expression {
    const exprs = node.quasi.expressions as t.Expression[];
    const tag = node.tag;
    let fn: t.Expression;
    let obj: t.Expression | null = null;
    if (tag.type === "MemberExpression") {
      const isSuper = tag.object.type === "Super";
      obj = isSuper ? t.thisExpression() : this.save(this.expr(tag.object as t.Expression, out), out);
      const key = tag.computed ? this.save(this.expr(tag.property as t.Expression, out), out) : tag.property;
      fn = this.ctx.temp();
      out.push({ kind: "plain", stmt: assign(fn as t.Identifier, t.memberExpression(isSuper ? t.super() : t.cloneNode(obj), key as t.Expression, tag.computed)) });
    } else {
      fn = this.expr(tag, out);
      if (exprs.some((x) => this.has(x)) || !t.isIdentifier(fn)) fn = this.save(fn, out);
    }
    const vals = exprs.map((e, i) => {
      const v = this.expr(e, out);
      return exprs.slice(i + 1).some((x) => this.has(x)) ? this.save(v, out) : v;
    });
    const strings = this.env.templateObject(node.quasi);
    const res = this.ctx.temp();
    const pre = t.isIdentifier(fn) && fn.name.startsWith("$$") ? [this.callableCheck(fn, tag)] : [];
    const call = obj
      ? t.callExpression(id("$$call"), [t.cloneNode(fn), t.cloneNode(obj), strings, ...vals])
      : t.callExpression(t.cloneNode(fn), [strings, ...vals]);
    out.push(this.ctx.callSite(pre, t.cloneNode(fn), call, res, obj ? t.cloneNode(obj) : undefined));
    return t.cloneNode(res);
  }

  /**
   * A call site. The callee is evaluated first, then the arguments, then the call slot is set to the
   * function about to run (or, for `f.call(...)` and replaced built-ins, the function that really runs).
   */
  call(node: t.CallExpression | t.NewExpression, out: Item[], wantValue: boolean): t.Expression {
    const callee = node.callee;
    const args = node.arguments as (t.Expression | t.SpreadElement)[];
    const argHasCall = args.some((a) => this.has(a));
    const res = wantValue ? this.ctx.temp() : null;
    const isNew = node.type === "NewExpression";

    if (!isNew && callee.type === "MemberExpression") {
      const name = !callee.computed && callee.property.type === "Identifier" ? callee.property.name : null;
      let obj: t.Expression;
      if (callee.object.type === "Super") obj = t.thisExpression();
      // `x.m(...)` with x never reassigned: `x` names the receiver at the call as well as a temp would.
      else if (this.env.stableReceivers?.has(callee.object)) obj = callee.object as t.Identifier;
      else obj = this.save(this.expr(callee.object as t.Expression, out), out);
      let key: t.Expression | t.PrivateName = callee.property as t.Expression | t.PrivateName;
      if (callee.computed) key = this.save(this.expr(callee.property as t.Expression, out), out);
      const memberRead = t.memberExpression(callee.object.type === "Super" ? (callee.object as any) : obj, key, callee.computed);
      const fetched = name !== null && REPLACED_METHODS.has(name) ? t.callExpression(F("swap"), [memberRead]) : memberRead;
      // The method is read before the arguments are evaluated.
      let fn: t.Expression;
      const pre: t.Statement[] = [];
      if (argHasCall) {
        fn = this.ctx.temp();
        out.push({ kind: "plain", stmt: assign(fn as t.Identifier, fetched) });
      } else {
        fn = id(METHOD);
        pre.push(assign(id(METHOD), fetched));
      }
      const argv = this.args(args, out);
      pre.push(this.callableCheck(fn, callee));
      const token = name === "call" || name === "apply"
        ? t.callExpression(F("via"), [t.cloneNode(fn), t.cloneNode(obj), argv[0] && argv[0].type !== "SpreadElement" ? t.cloneNode(argv[0]) : undef()])
        : t.cloneNode(fn);
      // The original Function.prototype.call (bound at start-up): not the callee's own `call`.
      const call = t.callExpression(id("$$call"), [t.cloneNode(fn), t.cloneNode(obj), ...argv]);
      const recv = name === "call" || name === "apply"
        ? (argv[0] && argv[0].type !== "SpreadElement" ? argv[0] : undefined)
        : obj;
      out.push(this.ctx.callSite(pre, token, call, res, recv && t.cloneNode(recv)));
      return res ? t.cloneNode(res) : undef();
    }

    let fn: t.Expression;
    if (callee.type === "Super" || callee.type === "Import" || callee.type === "V8IntrinsicIdentifier") {
      // super(...) only occurs in constructors, which are not compiled into frames; import() is native.
      const argv = this.args(args, out);
      const call = t.callExpression(callee as any, argv);
      if (res) out.push({ kind: "plain", stmt: assign(res, call) });
      else out.push({ kind: "plain", stmt: t.expressionStatement(call) });
      return res ? t.cloneNode(res) : undef();
    }
    fn = this.expr(callee as t.Expression, out);
    if (argHasCall || !t.isIdentifier(fn)) fn = this.save(fn, out);
    const argv = this.args(args, out);
    // A callee held in a temp would be named by the temp in the engine's TypeError.
    const checks = t.isIdentifier(fn) && fn.name.startsWith("$$") ? [this.callableCheck(fn, callee, isNew)] : [];
    const call = isNew ? t.newExpression(t.cloneNode(fn), argv) : t.callExpression(t.cloneNode(fn), argv);
    const viaApply = !isNew && callee.type === "Identifier" && this.env.applyAliases.has(callee.name);
    // A compiled class constructor checks this to know it was called by compiled code (constructors.ts).
    const pre = [...checks, ...(isNew ? [assign(F("nw"), t.cloneNode(fn))] : [])];
    const token = viaApply
      ? t.callExpression(F("via"), [t.cloneNode(fn), undef(), argv[0] && argv[0].type !== "SpreadElement" ? t.cloneNode(argv[0]) : undef()])
      : t.cloneNode(fn);
    const recv = viaApply && argv[1] && argv[1].type !== "SpreadElement" ? t.cloneNode(argv[1]) : undefined;
    const wrap = isNew && checks.length > 0 ? (s: t.Statement) => this.constructorCheck(s, fn as t.Identifier, callee) : undefined;
    out.push(this.ctx.callSite(pre, token, call, res, recv, wrap));
    return res ? t.cloneNode(res) : undef();
  }

  /**
   * `try { r = new $$t(...) } catch (e) { throw $$F.newError(e, $$t, "C") }`: a function that is not
   * a constructor (an arrow, a method) passes the callable check, and the engine's TypeError would
   * name the temp. The catch costs nothing until something throws, and passes every other error on
   * unchanged.
   */
  private constructorCheck(callStmt: t.Statement, fn: t.Identifier, callee: t.Node): t.Statement {
    const err = id(this.ctx.label("ne"));
    return t.tryStatement(t.blockStatement([callStmt]), t.catchClause(err, t.blockStatement([
      t.throwStatement(t.callExpression(F("newError"), [t.cloneNode(err), t.cloneNode(fn), t.stringLiteral(engineTextOf(callee, this.env.source))])),
    ])));
  }

  /** `if (typeof f !== "function") $$F.notCallable("o.m")`: the engine's TypeError, naming the callee as it would. */
  private callableCheck(fn: t.Expression, callee: t.Node, isNew = false): t.Statement {
    return t.ifStatement(
      t.binaryExpression("!==", t.unaryExpression("typeof", t.cloneNode(fn)), t.stringLiteral("function")),
      t.expressionStatement(t.callExpression(F("notCallable"), [t.stringLiteral(engineTextOf(callee, this.env.source)), t.booleanLiteral(isNew)])));
  }

  /**
   * Arguments, each saved in order. A spread argument is copied into an array first, so that no user
   * iterator runs between setting the call slot and entering the callee.
   */
  private args(args: (t.Expression | t.SpreadElement)[], out: Item[]): (t.Expression | t.SpreadElement)[] {
    const res: (t.Expression | t.SpreadElement)[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a.type === "SpreadElement") {
        res.push(t.spreadElement(this.spread(a.argument, out, null)));
      } else {
        const v = this.expr(a, out);
        // An argument followed by an argument that makes a call must be evaluated (and kept) first.
        const laterCall = args.slice(i + 1).some((b) => this.has(b));
        res.push(laterCall ? this.save(v, out) : v);
      }
    }
    return res;
  }

  /**
   * `...x`: the values of x collected into a plain array by a compiled for-of, so that an iterator
   * whose next() switches can be suspended through; the array is then spread natively. `subject`:
   * what "... is not iterable" names (engine-text.ts, iterationSubject); null for a call's spread
   * argument, whose TypeError the engine words differently.
   */
  private spread(arg: t.Expression, out: Item[], subject: string | null): t.Identifier {
    const v = this.save(this.expr(arg, out), out);
    const arr = this.ctx.temp("sp");
    out.push({ kind: "plain", stmt: assign(arr, t.arrayExpression([])) });
    const x = id(this.ctx.label("x"));
    const loop = t.forOfStatement(t.variableDeclaration("const", [t.variableDeclarator(x)]), t.cloneNode(v),
      t.blockStatement([assign(t.memberExpression(t.cloneNode(arr), t.memberExpression(t.cloneNode(arr), id("length")), true), t.cloneNode(x))]));
    setIterationSubject(loop, subject);
    this.env.statement!(loop, out);
    return t.cloneNode(arr);
  }

  /**
   * Optional chains (`a?.b.c(d)?.e`): the chain is evaluated link by link inside a labeled block,
   * leaving it with `undefined` as soon as an optional link meets null or undefined.
   */
  private optionalChain(node: t.Expression, out: Item[]): t.Expression {
    const links: t.Expression[] = [];
    let cur: t.Expression = node;
    while (cur.type === "OptionalMemberExpression" || cur.type === "OptionalCallExpression" ||
           (links.length > 0 && (cur.type === "MemberExpression" || cur.type === "CallExpression"))) {
      links.unshift(cur);
      cur = cur.type === "OptionalCallExpression" || cur.type === "CallExpression" ? (cur.callee as t.Expression) : (cur.object as t.Expression);
    }
    const res = this.ctx.temp();
    const exit = this.ctx.label("chain");
    const body: Item[] = [];
    let value = this.save(this.expr(cur, body), body);
    let thisValue: t.Expression | null = null;
    for (const link of links) {
      const optional = (link as any).optional === true;
      if (optional) {
        body.push({ kind: "plain", stmt: t.ifStatement(t.binaryExpression("==", t.cloneNode(value), t.nullLiteral()),
          t.blockStatement([assign(t.cloneNode(res), undef()), t.breakStatement(id(exit))])) });
      }
      if (link.type === "OptionalMemberExpression" || link.type === "MemberExpression") {
        const key = link.computed ? this.save(this.expr(link.property as t.Expression, body), body) : link.property;
        thisValue = value;
        const next = this.ctx.temp();
        body.push({ kind: "plain", stmt: assign(next, t.memberExpression(t.cloneNode(value), key as t.Expression, link.computed)) });
        value = next;
      } else {
        const call = link as t.CallExpression | t.OptionalCallExpression;
        const argv = this.args(call.arguments as (t.Expression | t.SpreadElement)[], body);
        const next = this.ctx.temp();
        const target = thisValue
          ? t.callExpression(t.memberExpression(t.cloneNode(value), id("call")), [t.cloneNode(thisValue), ...argv])
          : t.callExpression(t.cloneNode(value), argv);
        body.push(this.ctx.callSite([], t.cloneNode(value), target, next));
        value = next;
        thisValue = null;
      }
    }
    body.push({ kind: "plain", stmt: assign(t.cloneNode(res), t.cloneNode(value)) });
    const [lo, hi] = rangeOf(body);
    const block = t.labeledStatement(id(exit), t.blockStatement(defaultAssemble(body)));
    out.push(lo <= hi ? { kind: "fixed", stmt: t.ifStatement(this.ctx.enterGuard(lo, hi), block) } : { kind: "plain", stmt: block });
    return t.cloneNode(res);
  }
}

import { assemble as defaultAssemble, running, inRange as rangeTest } from "./context.js";

/** The call-site numbers used by a list of items (read back from the guards they carry). */
export function rangeOf(items: Item[]): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const it of items) {
    if (it.kind !== "fixed" && it.kind !== "site") continue;
    const [a, b] = scanRange(it.stmt);
    if (a < lo) lo = a;
    if (b > hi) hi = b;
  }
  return [lo, hi];
}

/**
 * The range of every statement scanned so far. Statements are built inside out and each level asks
 * for the range of what it wraps, so without this a statement nested d levels deep would be walked
 * d times (this walk was the largest single walk of a compile). A statement's range never changes
 * once built: later passes wrap it, they do not add call sites inside it.
 */
const scannedRanges = new WeakMap<t.Node, [number, number]>();

/** Finds the smallest and largest `$$pc === k` tests inside a statement. */
export function scanRange(node: t.Node): [number, number] {
  const known = scannedRanges.get(node);
  if (known !== undefined) return known;
  let lo = Infinity;
  let hi = -Infinity;
  walk(node, (n) => {
    if (n !== node) {
      const inner = scannedRanges.get(n);
      if (inner !== undefined) {
        if (inner[0] < lo) lo = inner[0];
        if (inner[1] > hi) hi = inner[1];
        return SKIP;
      }
    }
    if (n.type === "BinaryExpression" && n.left.type === "Identifier" && n.left.name === "$$pc" &&
        (n.operator === "===" || n.operator === ">=" || n.operator === "<=") && n.right.type === "NumericLiteral" && n.right.value > 0) {
      lo = Math.min(lo, n.right.value);
      hi = Math.max(hi, n.right.value);
    }
    if (isBoundary(n)) return SKIP;
  });
  const range: [number, number] = [lo, hi];
  scannedRanges.set(node, range);
  return range;
}
