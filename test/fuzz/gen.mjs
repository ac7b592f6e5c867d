// Random program generator for the differential fuzzer.
//
// generate(seed, options) returns the text of an ES module `export function main(sw, log) {...}`
// (the format of test/differential/programs): nested functions and closures that capture and
// mutate variables, loops of every kind with break/continue and labels, try/catch/finally with
// throws, rethrows and returns from finally, destructuring with defaults, classes (fields,
// constructors, methods, super, private members, getters), error subclasses, array callbacks,
// per-iteration let closures, generators driven by for-of/spread/next()/yield*, switch statements...
// `sw()` calls are placed at random statement and expression positions (arguments, operands,
// conditions, template literals, destructuring defaults, computed keys) to test evaluation order;
// `log(...)` records a trace.
//
// Every program terminates: loops have literal bounds (the loop counter is never assigned by the
// body and for-of iterates over fresh arrays), functions can only call functions declared before
// them (a DAG), recursion is guarded by `n > 0 && n < 6`, and a cost estimate (statements times
// enclosing loop iterations, plus the cost of the functions called) keeps the total work small.
//
// Programs avoid what docs/design.md lists as not supported: no switch in getters, field
// initializers, static blocks, before/inside super(...) arguments, no with, eval, `$$`
// names, async code, native callbacks that switch (sort comparators, replace callbacks), no
// for-of/spread of generators or optional calls inside generator bodies, and no early reads of
// variables in their temporal dead zone.
import { Rng } from "./prng.mjs";

/** Features that can be turned off (options.avoid), e.g. to keep a known compiler bug out. */
export const FEATURES = [
  "classes", "generators", "errorTraps", "callNonFunction", "notIterable", "thisValue", "labels", "switchStatements",
  "destructuring", "arrayCallbacks", "tryFinally", "closures", "iife", "forIn", "privateMembers",
  // switch points in constructor parameter defaults; tagged templates and `new` of classes in
  // generator bodies
  "ctorDefaultSwitch", "generatorCallForms",
  // `var` declarations (in nested blocks too)
  "varDeclarations",
  // `return <number>` in class constructors (derived ones must then throw a TypeError)
  "ctorReturn",
];

const SIZES = {
  small: { top: [4, 8], block: [1, 3], depth: 2, expr: 2, mainBudget: 800, fnBudget: 120, maxFns: 4, maxClasses: 1 },
  medium: { top: [7, 14], block: [1, 4], depth: 3, expr: 3, mainBudget: 3000, fnBudget: 300, maxFns: 7, maxClasses: 2 },
  large: { top: [10, 18], block: [1, 4], depth: 4, expr: 3, mainBudget: 8000, fnBudget: 600, maxFns: 10, maxClasses: 3 },
};

const indent = (s) => s.split("\n").map((l) => (l ? "  " + l : l)).join("\n");
const block = (stmts) => (stmts.length ? `{\n${indent(stmts.join("\n"))}\n}` : "{}");

/**
 * A lexical scope. `fnKind` marks a function boundary: "arrow" keeps `this` members of the outer
 * scope visible, any other function kind hides them.
 */
class Scope {
  constructor(parent, fnKind) {
    this.parent = parent;
    this.fnKind = fnKind;
    this.vars = []; // { name, type: num|str|arr|obj|inst|err|counter, mutable, cls?, thisBound? }
    this.fns = []; // { name, params: [kind], required, cost, gen? }
    this.classes = []; // { name, ctorParams, methods: [{ name, arity, cost, isStatic }], props, getters, isError }
  }
}

function visible(scope, key) {
  const seen = new Set();
  const out = [];
  let hideThis = false;
  for (let s = scope; s; s = s.parent) {
    for (let i = s[key].length - 1; i >= 0; i--) {
      const item = s[key][i];
      if (seen.has(item.name)) continue;
      seen.add(item.name);
      if (hideThis && item.thisBound) continue;
      out.push(item);
    }
    if (s.fnKind && s.fnKind !== "arrow") hideThis = true;
  }
  return out;
}

class Gen {
  constructor(seed, options) {
    this.r = new Rng(seed);
    this.size = SIZES[options.size ?? "medium"];
    if (!this.size) throw new Error(`unknown size ${options.size} (small, medium, large)`);
    this.avoid = new Set(options.avoid ?? []);
    for (const f of this.avoid) if (!FEATURES.includes(f)) throw new Error(`unknown feature ${f} (${FEATURES.join(", ")})`);
    this.n = 0;
    this.tags = 0;
    this.fnCount = 0;
    this.classCount = 0;
  }

  on(feature) {
    return !this.avoid.has(feature);
  }

  name(prefix) {
    return `${prefix}${++this.n}`;
  }

  tag() {
    return JSON.stringify(`t${++this.tags}`);
  }

  // ---------------------------------------------------------------------------------------------
  // Contexts

  /** A new function context: its own cost counter, no loops/labels, optional `this` members. */
  fnCtx(ctx, { kind, budget, canReturn = true, isGen = false, isCtor = false, noSw = false }) {
    return {
      scope: new Scope(ctx.scope, kind),
      fn: { kind, canReturn, isGen, isCtor, cost: { v: 0 }, budget },
      mult: 1,
      depth: Math.max(1, ctx.depth - 1),
      loop: { breakOk: false, continueOk: false, labels: [] },
      noSw: noSw || ctx.noSw,
      // inherited by nested blocks (blockCtx/loopCtx spread ctx), reset by each function
      noGenCallForms: false,
    };
  }

  blockCtx(ctx, extra = {}) {
    return { ...ctx, scope: new Scope(ctx.scope, undefined), depth: ctx.depth - 1, ...extra };
  }

  loopCtx(ctx, iterations, label) {
    const labels = label ? [...ctx.loop.labels, { name: label, loop: true }] : ctx.loop.labels;
    return this.blockCtx(ctx, { mult: ctx.mult * iterations, loop: { breakOk: true, continueOk: true, labels } });
  }

  vars(ctx, pred = () => true) {
    return visible(ctx.scope, "vars").filter(pred);
  }

  /** Functions callable here without exceeding the cost budget; charges nothing. */
  callable(ctx, pred = () => true) {
    if (ctx.noSw) return [];
    return visible(ctx.scope, "fns").filter((f) => pred(f) && ctx.fn.cost.v + ctx.mult * f.cost <= ctx.fn.budget);
  }

  /**
   * Generator functions this code may drive. A generator body may not drive one with for-of or
   * spread (docs/design.md "Not supported"), only with next() or Array.from.
   */
  gens(ctx, how) {
    if (ctx.fn.isGen && (how === "for-of" || how === "spread")) return [];
    return this.callable(ctx, (f) => f.gen);
  }

  charge(ctx, cost) {
    ctx.fn.cost.v += ctx.mult * cost;
  }

  // ---------------------------------------------------------------------------------------------
  // Expressions

  lit() {
    const r = this.r;
    return r.weighted([[8, () => String(r.range(0, 9))], [1, () => `(-${r.range(1, 5)})`], [0.5, () => r.pick(["0.5", "100", "-0", "NaN"])]])();
  }

  numLeaf(ctx) {
    const nums = this.vars(ctx, (v) => v.type === "num");
    const r = this.r;
    return r.weighted([
      [2, () => this.lit()],
      [nums.length ? 5 : 0, () => r.pick(nums).name],
      [0.5, () => `${this.arrVar(ctx) ?? "[1, 2]"}.length`],
    ])();
  }

  arrVar(ctx) {
    const arrs = this.vars(ctx, (v) => v.type === "arr");
    return arrs.length ? this.r.pick(arrs).name : undefined;
  }

  num(ctx, d) {
    if (d <= 0) return this.numLeaf(ctx);
    const r = this.r;
    const mutable = this.vars(ctx, (v) => v.type === "num" && v.mutable);
    const fns = this.callable(ctx, (f) => !f.gen);
    const insts = this.vars(ctx, (v) => v.type === "inst");
    const counters = this.vars(ctx, (v) => v.type === "counter");
    const objs = this.vars(ctx, (v) => v.type === "obj");
    const strs = this.vars(ctx, (v) => v.type === "str");
    const sw = !ctx.noSw;
    return r.weighted([
      [3, () => this.numLeaf(ctx)],
      [sw ? 2.5 : 0, () => this.swWrap(ctx, d)],
      [3.5, () => `(${this.num(ctx, d - 1)} ${r.pick(["+", "-", "*", "+", "-", "%", "&", "|", "^", "<<"])} ${this.num(ctx, d - 1)})`],
      [1, () => `(${this.cond(ctx, d - 1)} ? ${this.num(ctx, d - 1)} : ${this.num(ctx, d - 1)})`],
      [1, () => `(${this.num(ctx, d - 1)} ${r.pick(["&&", "||", "??"])} ${this.num(ctx, d - 1)})`],
      [0.7, () => `${r.pick(["-", "~", "+!"])}(${this.num(ctx, d - 1)})`],
      [mutable.length ? 1.5 : 0, () => this.assignExpr(ctx, r.pick(mutable).name, d)],
      [fns.length ? 3 : 0, () => this.callFn(ctx, r.pick(fns), d)],
      [insts.length ? 2 : 0, () => this.instNum(ctx, r.pick(insts), d)],
      [counters.length && sw ? 1.5 : 0, () => this.counterCall(ctx, r.pick(counters), d)],
      [objs.length ? 1 : 0, () => `${r.pick(objs).name}.${r.pick(["a", "b"])}`],
      [2, () => this.arrNum(ctx, d)],
      [strs.length ? 0.6 : 0.2, () => `${this.str(ctx, d - 1)}.length`],
      [sw && this.on("iife") && d >= 2 && ctx.depth > 0 ? 0.5 : 0, () => this.iife(ctx)],
      [0.5, () => `\`\${${this.num(ctx, d - 1)}}:\${${this.num(ctx, d - 1)}}\`.length`],
      [0.3, () => `(typeof ${this.num(ctx, d - 1)} === "number" ? ${this.num(ctx, d - 1)} : -1)`],
      [sw && !ctx.noGenCallForms ? 0.2 : 0, () => `((q, ...u) => (sw(), q.length * 10 + u.length))\`a\${${this.num(ctx, d - 1)}}b\${${this.num(ctx, d - 1)}}\``],
      [objs.length ? 0.3 : 0, () => `(${JSON.stringify(r.pick(["a", "b", "c"]))} in ${r.pick(objs).name} ? 1 : 0)`],
      [this.gens(ctx, "next").length ? 0.6 : 0, () => {
        const g = r.pick(this.gens(ctx, "next"));
        this.charge(ctx, g.cost);
        return `(${g.name}(${this.num(ctx, d - 1)}).next().value ?? -1)`;
      }],
    ])();
  }

  /** A numeric expression with a switch point somewhere in it (evaluation-order tests). */
  swWrap(ctx, d) {
    const r = this.r;
    const e = () => this.num(ctx, d - 1);
    return r.weighted([
      [3, () => `(sw(), ${e()})`],
      [1, () => `(sw() ?? ${e()})`],
      [1, () => `(sw() || ${e()})`],
      [2, () => `(${e()} ${r.pick(["+", "-", "*"])} (sw(), ${e()}))`],
      [1, () => `[sw(), ${e()}][1]`],
      [1, () => `(sw() === undefined ? ${e()} : ${e()})`],
      [0.5, () => `(\`${"${sw()}"}\`.length + ${e()})`],
    ])();
  }

  cond(ctx, d) {
    const r = this.r;
    if (d <= 0) return `(${this.numLeaf(ctx)} ${r.pick(["<", ">", "===", "!==", "<=", ">="])} ${this.numLeaf(ctx)})`;
    return r.weighted([
      [5, () => `(${this.num(ctx, d - 1)} ${r.pick(["<", ">", "===", "!==", "<=", ">="])} ${this.num(ctx, d - 1)})`],
      [1, () => `!${this.cond(ctx, d - 1)}`],
      [1, () => `(${this.cond(ctx, d - 1)} ${r.pick(["&&", "||"])} ${this.cond(ctx, d - 1)})`],
      [ctx.noSw ? 0 : 1, () => `(sw() ${r.pick(["===", "!=="])} undefined)`],
      [0.7, () => `${this.arr(ctx, d - 1)}.includes(${this.num(ctx, d - 1)})`],
      [0.5, () => `(${this.num(ctx, d - 1)} % 2 === 0)`],
    ])();
  }

  assignExpr(ctx, name, d) {
    const r = this.r;
    return r.weighted([
      [1, () => `${name}++`],
      [1, () => `++${name}`],
      [0.5, () => `${name}--`],
      [1.5, () => `(${name} = ${this.num(ctx, d - 1)})`],
      [2, () => `(${name} ${r.pick(["+=", "-=", "|=", "^="])} ${this.num(ctx, d - 1)})`],
      [0.5, () => `(${name} ||= ${this.num(ctx, d - 1)})`],
      [0.5, () => `(${name} ??= ${this.num(ctx, d - 1)})`],
    ])();
  }

  args(ctx, params, d) {
    const r = this.r;
    let n = params.length;
    // Trailing parameters with defaults or destructuring may be left out.
    while (n > 0 && params[n - 1] !== "num" && r.chance(0.4)) n--;
    if (n > 0 && params[n - 1] === "num" && r.chance(0.1)) n--; // a missing argument is undefined
    const out = [];
    for (let i = 0; i < n; i++) {
      const p = params[i];
      if (p === "obj") out.push(r.chance(0.3) ? "undefined" : `{ a: ${this.num(ctx, d - 1)}${r.chance(0.5) ? `, b: ${this.num(ctx, d - 1)}` : ""} }`);
      else if (p === "arr") out.push(r.chance(0.3) ? "[]" : this.arr(ctx, d - 1));
      else if (p === "rest") {
        for (let k = r.int(3); k > 0; k--) out.push(this.num(ctx, d - 1));
      } else out.push(this.num(ctx, d - 1));
    }
    if (n === params.length && !params.includes("rest") && r.chance(0.08)) out.push(this.num(ctx, d - 1)); // extra argument
    return out.join(", ");
  }

  callFn(ctx, f, d) {
    this.charge(ctx, f.cost);
    const r = this.r;
    const args = this.args(ctx, f.params, d);
    if (r.chance(0.12) && !f.params.some((p) => p !== "num")) {
      return `${f.name}(...${this.arr(ctx, d - 1)})`;
    }
    // Optional calls in generator bodies cannot switch (docs/design.md "Not supported").
    if (r.chance(0.06) && !ctx.fn.isGen) return `${f.name}?.(${args})`;
    if (r.chance(0.06)) return `${f.name}.call(undefined, ${args})`;
    if (r.chance(0.04)) return `${f.name}.apply(undefined, [${args}])`;
    if (r.chance(0.04)) return `${f.name}.bind(null)(${args})`;
    return `${f.name}(${args})`;
  }

  instNum(ctx, v, d) {
    const r = this.r;
    const cls = v.cls;
    const methods = cls.methods.filter((m) => !m.isStatic && !ctx.noSw && ctx.fn.cost.v + ctx.mult * m.cost <= ctx.fn.budget);
    return r.weighted([
      [2, () => `${v.name}.${r.pick(cls.props)}`],
      [cls.getters.length ? 1 : 0, () => `${v.name}.${r.pick(cls.getters)}`],
      [methods.length ? 4 : 0, () => {
        const m = r.pick(methods);
        this.charge(ctx, m.cost);
        return `${v.name}.${m.name}(${Array.from({ length: m.arity }, () => this.num(ctx, d - 1)).join(", ")})`;
      }],
    ])();
  }

  counterCall(ctx, v, d) {
    this.charge(ctx, v.cost);
    return this.r.weighted([
      [2, () => `${v.name}.inc(${this.r.chance(0.3) ? "" : this.num(ctx, d - 1)})`],
      [1, () => `${v.name}.get()`],
    ])();
  }

  /** Array callbacks producing a number. The callbacks run once per element (assumed <= 6). */
  arrNum(ctx, d) {
    const r = this.r;
    const a = this.arr(ctx, d - 1);
    if (!this.on("arrayCallbacks")) return `(${a}[${r.int(4)}] ?? ${this.lit()})`;
    return r.weighted([
      [2, () => `(${a}[${r.int(4)}] ?? ${this.num(ctx, d - 1)})`],
      [1, () => `${a}.indexOf(${this.num(ctx, d - 1)})`],
      [2, () => { const [p, body] = this.callback(ctx, 2, d, "num"); return `${a}.reduce((acc, ${p}) => acc + ${body}, ${this.lit()})`; }],
      [1, () => { const [p, body] = this.callback(ctx, 2, d, "cond"); return `${a}.filter((${p}) => ${body}).length`; }],
      [1, () => { const [p, body] = this.callback(ctx, 2, d, "cond"); return `${a}.findIndex((${p}) => ${body})`; }],
      [1, () => { const [p, body] = this.callback(ctx, 1, d, "cond"); return `(${a}.${r.pick(["some", "every"])}((${p}) => ${body}) ? 1 : 0)`; }],
      [0.7, () => { const [p, body] = this.callback(ctx, 1, d, "cond"); return `(${a}.find((${p}) => ${body}) ?? -1)`; }],
      [0.5, () => { const [p, body] = this.callback(ctx, 1, d, "cond"); return `(${a}.findLast((${p}) => ${body}) ?? -1)`; }],
      [0.5, () => { const [p, body] = this.callback(ctx, 2, d, "cond"); return `${a}.findLastIndex((${p}) => ${body})`; }],
      [0.7, () => { const [p, body] = this.callback(ctx, 2, d, "num"); return `${a}.reduceRight((acc, ${p}) => acc - ${body}, ${this.lit()})`; }],
    ])();
  }

  /**
   * Parameters and expression body of an arrow callback called once per array element: the
   * element is `x`, the index `i` (fresh names), both numbers.
   */
  callback(ctx, nparams, d, kind, { elem = true } = {}) {
    const x = this.name("x");
    const i = this.name("i");
    const c = this.fnCtx(ctx, { kind: "arrow", budget: Math.max(20, (ctx.fn.budget - ctx.fn.cost.v) / (6 * ctx.mult)) });
    if (elem) c.scope.vars.push({ name: x, type: "num", mutable: false });
    if (nparams > 1) c.scope.vars.push({ name: i, type: "num", mutable: false });
    const body = kind === "cond" ? this.cond(c, d - 1) : this.num(c, d - 1);
    this.charge(ctx, 6 * (c.fn.cost.v + 1));
    return [nparams > 1 ? `${x}, ${i}` : x, body];
  }

  iife(ctx) {
    const c = this.fnCtx(ctx, { kind: "arrow", budget: Math.max(20, (ctx.fn.budget - ctx.fn.cost.v) / ctx.mult) });
    c.depth = Math.min(c.depth, 2);
    const body = this.stmts(c, this.r.range(1, 3));
    body.push(`return ${this.num(c, 2)};`);
    this.charge(ctx, c.fn.cost.v + 1);
    return `(() => ${block(body)})()`;
  }

  str(ctx, d) {
    const r = this.r;
    const strs = this.vars(ctx, (v) => v.type === "str");
    const lit = () => JSON.stringify(r.pick(["a", "bc", "", "xyz", "q-1", "1"]));
    if (d <= 0) return strs.length && r.chance(0.6) ? r.pick(strs).name : lit();
    return r.weighted([
      [2, lit],
      [strs.length ? 3 : 0, () => r.pick(strs).name],
      [3, () => `\`${r.pick(["", "v", "<"])}\${${this.num(ctx, d - 1)}}${r.pick(["", "-", "|"])}\${${ctx.noSw || r.chance(0.5) ? this.num(ctx, d - 1) : `(sw(), ${this.str(ctx, d - 1)})`}}\``],
      [1, () => `String(${this.num(ctx, d - 1)})`],
      [1.5, () => `(${this.str(ctx, d - 1)} + ${this.num(ctx, d - 1)})`],
      [1, () => `${this.arr(ctx, d - 1)}.join(${JSON.stringify(r.pick([",", "", "-"]))})`],
      [0.5, () => `(typeof ${this.num(ctx, d - 1)})`],
      [0.5, () => `(${this.cond(ctx, d - 1)} ? ${this.str(ctx, d - 1)} : ${lit()})`],
      [0.5, () => `${this.str(ctx, d - 1)}.slice(${r.int(3)})`],
      [0.3, () => `JSON.stringify(${this.obj(ctx, d - 1)})`],
    ])();
  }

  arr(ctx, d) {
    const r = this.r;
    const a = this.arrVar(ctx);
    const elems = (n) => Array.from({ length: n }, () => this.num(ctx, d - 1)).join(", ");
    if (d <= 0) return a && r.chance(0.6) ? a : `[${Array.from({ length: r.range(1, 3) }, () => this.numLeaf(ctx)).join(", ")}]`;
    const gens = this.gens(ctx, "from");
    const spreadable = this.gens(ctx, "spread");
    const cb = this.on("arrayCallbacks");
    return r.weighted([
      [3, () => `[${elems(r.range(0, 4))}]`],
      [a ? 4 : 0, () => a],
      [cb ? 1.5 : 0, () => { const [p, body] = this.callback(ctx, 2, d, "num"); return `${this.arr(ctx, d - 1)}.map((${p}) => ${body})`; }],
      [cb ? 1 : 0, () => { const [p, body] = this.callback(ctx, 1, d, "cond"); return `${this.arr(ctx, d - 1)}.filter((${p}) => ${body})`; }],
      [1, () => `[...${this.arr(ctx, d - 1)}, ${this.num(ctx, d - 1)}]`],
      [0.5, () => `${this.arr(ctx, d - 1)}.slice(${r.int(3)})`],
      [cb ? 0.7 : 0, () => { const [p, body] = this.callback(ctx, 2, d, "num", { elem: false }); return `Array.from({ length: ${r.range(0, 4)} }, (_, ${p.split(", ")[1]}) => ${body})`; }],
      [0.5, () => `${this.arr(ctx, d - 1)}.concat([${elems(r.range(0, 2))}])`],
      [cb ? 0.5 : 0, () => { const [p, body] = this.callback(ctx, 2, d, "num"); return `${this.arr(ctx, d - 1)}.flatMap((${p}) => [${body}, ${p.split(", ")[1]}])`; }],
      [gens.length ? 1.2 : 0, () => {
        const g = r.pick(gens);
        this.charge(ctx, g.cost);
        return spreadable.includes(g) && r.chance(0.5) ? `[...${g.name}(${this.num(ctx, d - 1)})]` : `Array.from(${g.name}(${this.num(ctx, d - 1)}))`;
      }],
    ])();
  }

  obj(ctx, d) {
    const r = this.r;
    const objs = this.vars(ctx, (v) => v.type === "obj");
    if (d <= 0 || (objs.length && r.chance(0.4))) return objs.length ? r.pick(objs).name : `{ a: ${this.lit()}, b: ${this.lit()} }`;
    return r.weighted([
      [3, () => `{ a: ${this.num(ctx, d - 1)}, b: ${this.num(ctx, d - 1)} }`],
      [objs.length ? 1 : 0, () => `{ ...${r.pick(objs).name}, b: ${this.num(ctx, d - 1)} }`],
      [ctx.noSw ? 0 : 0.7, () => `{ [(sw(), "a")]: ${this.num(ctx, d - 1)}, b: ${this.num(ctx, d - 1)} }`],
      [0.5, () => `{ b: ${this.num(ctx, d - 1)}, a: ${this.num(ctx, d - 1)}, ["c" + ${r.int(3)}]: ${this.lit()} }`],
    ])();
  }

  anyExpr(ctx, d) {
    const r = this.r;
    const others = this.vars(ctx, (v) => v.type === "inst" || v.type === "err" || v.type === "obj");
    return r.weighted([
      [5, () => this.num(ctx, d)],
      [1.5, () => this.str(ctx, d)],
      [1.5, () => this.arr(ctx, d)],
      [0.7, () => this.obj(ctx, d)],
      [others.length ? 0.7 : 0, () => r.pick(others).name],
      [this.on("thisValue") ? 0.4 : 0, () => `typeof this`],
    ])();
  }

  // ---------------------------------------------------------------------------------------------
  // Statements

  stmts(ctx, n) {
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.stmt(ctx));
    return out;
  }

  body(ctx) {
    return this.stmts(ctx, this.r.range(...this.size.block));
  }

  stmt(ctx) {
    this.charge(ctx, 1);
    const r = this.r;
    const d = this.size.expr;
    const deep = ctx.depth > 0;
    const sw = !ctx.noSw;
    const mutable = this.vars(ctx, (v) => v.type === "num" && v.mutable);
    const fnOk = deep && this.fnCount < this.size.maxFns && !ctx.noSw;
    const top = ctx.fn.kind === "main";
    return r.weighted([
      [3, () => this.declStmt(ctx, d)],
      [mutable.length ? 2 : 0, () => `${this.assignExpr(ctx, r.pick(mutable).name, d)};`],
      [1, () => this.mutateStmt(ctx, d)],
      [4, () => `log(${this.tag()}, ${Array.from({ length: r.range(1, 3) }, () => this.anyExpr(ctx, d)).join(", ")});`],
      [sw ? 1.5 : 0, () => "sw();"],
      [deep ? 2 : 0, () => this.ifStmt(ctx, d)],
      [deep ? 3 : 0, () => this.loopStmt(ctx, d)],
      [deep && this.on("tryFinally") ? 2 : 0, () => this.tryStmt(ctx, d)],
      [deep ? 0.6 : 0, () => `if (${this.cond(ctx, d)}) throw ${this.errorValue(ctx, d)};`],
      [fnOk ? 2.5 : 0, () => this.fnDecl(ctx)],
      [fnOk && this.on("generators") ? 1 : 0, () => this.genDecl(ctx)],
      [fnOk && this.on("closures") ? 0.8 : 0, () => this.recDecl(ctx)],
      [fnOk && this.on("closures") ? 1 : 0, () => this.counterDecl(ctx)],
      [deep && top && this.on("classes") && this.classCount < this.size.maxClasses ? 1.5 : 0, () => this.classDecl(ctx)],
      [deep && this.on("classes") ? 1 : 0, () => this.newInstance(ctx, d)],
      [fnOk ? 0.8 : 0, () => this.objectWithMethods(ctx, d)],
      [deep && sw && this.on("closures") ? 1.2 : 0, () => this.loopClosures(ctx, d)],
      [deep && this.on("switchStatements") ? 0.8 : 0, () => this.switchStmt(ctx, d)],
      [deep && this.on("labels") ? 0.4 : 0, () => this.labeledBlock(ctx, d)],
      [deep ? 0.6 : 0, () => this.shadowBlock(ctx, d)],
      [this.on("destructuring") ? 1.2 : 0, () => this.destructDecl(ctx, d)],
      [deep && this.on("arrayCallbacks") ? 1 : 0, () => this.forEachStmt(ctx, d)],
      [ctx.fn.canReturn && !top ? 0.8 : 0, () => `if (${this.cond(ctx, d)}) return ${this.num(ctx, d)};`],
      [ctx.fn.isGen ? 2 : 0, () => r.chance(0.7) ? `yield ${this.num(ctx, d)};` : `log(${this.tag()}, yield ${this.num(ctx, d - 1)});`],
      [ctx.fn.isGen && this.gens(ctx, "yield*").length ? 3 : 0, () => {
        const g = r.pick(this.gens(ctx, "yield*"));
        this.charge(ctx, g.cost);
        return `log(${this.tag()}, yield* ${g.name}(${this.num(ctx, d - 1)}));`;
      }],
      [ctx.loop.breakOk ? 0.8 : 0, () => `if (${this.cond(ctx, d - 1)}) ${this.jump(ctx, "break")};`],
      [ctx.loop.continueOk ? 0.8 : 0, () => `if (${this.cond(ctx, d - 1)}) ${this.jump(ctx, "continue")};`],
      [deep && this.on("errorTraps") ? 0.6 : 0, () => this.errorTrap(ctx)],
      [0.8, () => `${this.num(ctx, d)};`],
    ])();
  }

  /** `break`/`continue`, sometimes to an enclosing label (of a loop for continue). */
  jump(ctx, kind) {
    const labels = ctx.loop.labels.filter((l) => kind === "break" || l.loop);
    if (labels.length && this.r.chance(0.4)) return `${kind} ${this.r.pick(labels).name}`;
    return kind;
  }

  declStmt(ctx, d) {
    const r = this.r;
    const kind = r.weighted([[6, "num"], [1.5, "str"], [1.5, "arr"], [1, "obj"]]);
    const mutable = kind === "num" ? r.chance(0.75) : false;
    const name = this.name({ num: "v", str: "s", arr: "a", obj: "o" }[kind]);
    const init = kind === "num" ? this.num(ctx, d) : kind === "str" ? this.str(ctx, d) : kind === "arr" ? this.arr(ctx, d) : this.obj(ctx, d);
    ctx.scope.vars.push({ name, type: kind, mutable });
    return `${mutable ? (this.on("varDeclarations") && r.chance(0.15) ? "var" : "let") : "const"} ${name} = ${init};`;
  }

  /** Mutates arrays/objects in place (never the length of an array some for-of iterates: they iterate copies). */
  mutateStmt(ctx, d) {
    const r = this.r;
    const arrs = this.vars(ctx, (v) => v.type === "arr");
    const objs = this.vars(ctx, (v) => v.type === "obj");
    const insts = this.vars(ctx, (v) => v.type === "inst");
    const mutable = this.vars(ctx, (v) => v.type === "num" && v.mutable);
    return r.weighted([
      [arrs.length ? 2 : 0, () => `${r.pick(arrs).name}.push(${this.num(ctx, d)});`],
      [arrs.length ? 1.5 : 0, () => `${r.pick(arrs).name}[${ctx.noSw || r.chance(0.6) ? r.int(4) : `(sw(), ${r.int(4)})`}] = ${this.num(ctx, d)};`],
      [objs.length ? 2 : 0, () => `${r.pick(objs).name}.${r.pick(["a", "b"])} ${r.pick(["=", "+=", "-="])} ${this.num(ctx, d)};`],
      [insts.length ? 1.5 : 0, () => { const v = r.pick(insts); return `${v.name}.${r.pick(v.cls.props)} ${r.pick(["=", "+="])} ${this.num(ctx, d)};`; }],
      [mutable.length >= 2 && this.on("destructuring") ? 1 : 0, () => {
        const [x, y] = [r.pick(mutable).name, r.pick(mutable).name];
        return `[${x}, ${y}] = [${y}, ${this.num(ctx, d - 1)}];`;
      }],
      [1, () => `log(${this.tag()}, ${this.num(ctx, d)});`],
    ])();
  }

  ifStmt(ctx, d) {
    const then = this.body(this.blockCtx(ctx));
    let s = `if (${this.cond(ctx, d)}) ${block(then)}`;
    if (this.r.chance(0.5)) {
      if (this.r.chance(0.3) && ctx.depth > 1) s += ` else ${this.ifStmt(this.blockCtx(ctx), d)}`;
      else s += ` else ${block(this.body(this.blockCtx(ctx)))}`;
    }
    return s;
  }

  loopStmt(ctx, d) {
    const r = this.r;
    const label = this.on("labels") && r.chance(0.2) ? this.name("L") : undefined;
    const pre = label ? `${label}: ` : "";
    const n = r.range(1, 4);
    const kind = r.weighted([[4, "for"], [2, "while"], [1.5, "do"], [3, "forOf"], [this.on("forIn") ? 1 : 0, "forIn"]]);
    if (kind === "for") {
      const i = this.name("i");
      const c = this.loopCtx(ctx, n, label);
      c.scope.vars.push({ name: i, type: "num", mutable: false });
      const [init, test, update] = r.weighted([
        [4, [`let ${i} = 0`, `${i} < ${n}`, `${i}++`]],
        [ctx.noSw ? 0 : 0.7, [`let ${i} = 0`, `${i} < ${n}`, `${i}++, sw()`]],
        [1, [`let ${i} = ${n}`, `${i} > 0`, `${i}--`]],
        [1, [`let ${i} = 0`, `${i} < ${2 * n}`, `${i} += 2`]],
      ]);
      const testExpr = ctx.noSw || r.chance(0.75) ? test : `(sw(), ${test})`;
      return `${pre}for (${init}; ${testExpr}; ${update}) ${block(this.body(c))}`;
    }
    if (kind === "while" || kind === "do") {
      const w = this.name("w");
      const c = this.loopCtx(ctx, n, label);
      c.scope.vars.push({ name: w, type: "num", mutable: false });
      const swPart = ctx.noSw || r.chance(0.7) ? "" : "(sw(), 0) + ";
      const body = block(this.body(c));
      return kind === "while"
        ? `let ${w} = 0;\n${pre}while (${swPart}${w}++ < ${n}) ${body}`
        : `let ${w} = 0;\n${pre}do ${body} while (${swPart}++${w} < ${n});`;
    }
    if (kind === "forOf") {
      const c = this.loopCtx(ctx, 5, label);
      const x = this.name("x");
      const src = r.weighted([
        [3, () => { c.scope.vars.push({ name: x, type: "num", mutable: false }); return [`const ${x}`, this.arrCopy(ctx, d)]; }],
        [1, () => { c.scope.vars.push({ name: x, type: "str", mutable: false }); return [`const ${x}`, `${this.str(ctx, d - 1)}.slice(0, 4)`]; }],
        [1, () => {
          const k = this.name("k");
          c.scope.vars.push({ name: x, type: "num", mutable: false }, { name: k, type: "num", mutable: false });
          return [`const [${k}, ${x}]`, `new Map([[${this.lit()}, ${this.num(ctx, d - 1)}], [${this.lit()}, ${this.num(ctx, d - 1)}]])`];
        }],
        [this.gens(ctx, "for-of").length ? 2 : 0, () => {
          const g = r.pick(this.gens(ctx, "for-of"));
          this.charge(ctx, g.cost);
          c.scope.vars.push({ name: x, type: "num", mutable: false });
          return [`const ${x}`, `${g.name}(${this.num(ctx, d - 1)})`];
        }],
      ])();
      return `${pre}for (${src[0]} of ${src[1]}) ${block(this.body(c))}`;
    }
    // for-in over a fresh object (keys are never added while iterating)
    const c = this.loopCtx(ctx, 3, label);
    const k = this.name("k");
    c.scope.vars.push({ name: k, type: "str", mutable: false });
    return `${pre}for (const ${k} in ${this.r.chance(0.5) ? `{ ...${this.obj(ctx, d - 1)} }` : `{ a: ${this.num(ctx, d - 1)}, z: 1 }`}) ${block(this.body(c))}`;
  }

  /** An array expression that is a fresh array (safe to iterate while the body pushes to arrays). */
  arrCopy(ctx, d) {
    const r = this.r;
    const a = this.arrVar(ctx);
    return r.weighted([
      [a ? 2 : 0, () => `[...${a}].slice(0, 5)`],
      [2, () => `[${Array.from({ length: r.range(1, 4) }, () => this.num(ctx, d - 1)).join(", ")}]`],
      [1, () => `${this.arr(ctx, d - 1)}.slice(0, 5)`],
    ])();
  }

  errorValue(ctx, d) {
    const r = this.r;
    const errClasses = visible(ctx.scope, "classes").filter((c) => c.isError);
    return r.weighted([
      [4, () => `new ${r.pick(["Error", "TypeError", "RangeError"])}(${this.str(ctx, d - 1)})`],
      [errClasses.length ? 3 : 0, () => `new ${r.pick(errClasses).name}(${this.str(ctx, d - 1)}, ${this.num(ctx, d - 1)})`],
      [1, () => this.num(ctx, d - 1)],
      [0.5, () => `{ code: ${this.num(ctx, d - 1)} }`],
    ])();
  }

  tryStmt(ctx, d) {
    const r = this.r;
    const tryBody = this.body(this.blockCtx(ctx));
    if (r.chance(0.4)) tryBody.push(`if (${this.cond(ctx, d - 1)}) throw ${this.errorValue(ctx, d)};`);
    let s = `try ${block(tryBody)}`;
    const form = r.weighted([[4, "catch"], [2, "finally"], [3, "both"]]);
    if (form !== "finally") {
      const e = this.name("e");
      const c = this.blockCtx(ctx);
      const catchForm = r.weighted([[6, "plain"], [1, "none"], [this.on("destructuring") ? 1 : 0, "destructure"]]);
      let head;
      const body = [];
      if (catchForm === "plain") {
        c.scope.vars.push({ name: e, type: "err", mutable: false });
        head = ` catch (${e})`;
        body.push(`log(${this.tag()}, ${e});`);
      } else if (catchForm === "destructure") {
        c.scope.vars.push({ name: e, type: "str", mutable: false });
        head = ` catch ({ message: ${e} = "none" })`;
        body.push(`log(${this.tag()}, ${e});`);
      } else head = " catch";
      body.push(...this.body(c));
      if (catchForm === "plain" && r.chance(0.25)) body.push(`if (${this.cond(c, d - 1)}) throw ${e};`);
      s += `${head} ${block(body)}`;
    }
    if (form !== "catch") {
      const c = this.blockCtx(ctx);
      const body = [`log(${this.tag()}, "finally");`, ...this.body(c)];
      if (r.chance(0.2) && ctx.fn.canReturn && ctx.fn.kind !== "main") body.push(`if (${this.cond(c, d - 1)}) return ${this.num(c, d - 1)};`);
      else if (r.chance(0.15) && ctx.loop.breakOk) body.push(`if (${this.cond(c, d - 1)}) ${this.jump(ctx, "break")};`);
      s += ` finally ${block(body)}`;
    }
    return s;
  }

  // Functions ------------------------------------------------------------------------------------

  /** Parameter list; defaults are generated before the parameters they follow become visible (no TDZ reads). */
  params(c, d, { noSwDefaults = false } = {}) {
    const r = this.r;
    const dflt = () => this.num(noSwDefaults ? { ...c, noSw: true } : c, d - 1);
    const params = [];
    const text = [];
    const n = r.range(0, 3);
    for (let i = 0; i < n; i++) {
      const kind = this.on("destructuring") ? r.weighted([[6, "num"], [1.5, "default"], [1, "obj"], [0.7, "arr"], [i === n - 1 ? 0.5 : 0, "rest"]]) : "num";
      const p = this.name("p");
      if (kind === "num" || kind === "default") {
        text.push(kind === "default" ? `${p} = ${dflt()}` : p);
        c.scope.vars.push({ name: p, type: "num", mutable: true });
        params.push(kind === "default" ? "default" : "num");
      } else if (kind === "obj") {
        const q = this.name("p");
        text.push(`{ a: ${p}, b: ${q} = ${dflt()} } = {}`);
        c.scope.vars.push({ name: p, type: "num", mutable: true }, { name: q, type: "num", mutable: true });
        params.push("obj");
      } else if (kind === "arr") {
        const q = this.name("p");
        text.push(`[${p}, ${q} = ${dflt()}] = []`);
        c.scope.vars.push({ name: p, type: "num", mutable: true }, { name: q, type: "num", mutable: true });
        params.push("arr");
      } else {
        c.scope.vars.push({ name: p, type: "arr", mutable: false });
        text.push(`...${p}`);
        params.push("rest");
      }
    }
    return { params: params.map((p) => (p === "default" ? "num" : p)), text: text.join(", ") };
  }

  /** A function (declaration, arrow or function expression) that returns a number. */
  fnDecl(ctx) {
    const r = this.r;
    this.fnCount++;
    const name = this.name("f");
    const form = r.weighted([[3, "decl"], [2, "arrow"], [1, "expr"], [1, "arrowExpr"]]);
    const c = this.fnCtx(ctx, { kind: form.startsWith("arrow") ? "arrow" : "function", budget: this.size.fnBudget });
    const { params, text } = this.params(c, this.size.expr);
    if (form !== "arrowExpr" && !form.startsWith("arrow") && r.chance(0.2)) c.scope.vars.push({ name: "arguments.length", type: "num", mutable: false });
    let src;
    if (form === "arrowExpr") {
      src = `const ${name} = (${text}) => ${this.num(c, this.size.expr)};`;
    } else {
      const body = this.body(c);
      body.push(`return ${this.num(c, this.size.expr)};`);
      src = form === "decl" ? `function ${name}(${text}) ${block(body)}`
        : form === "arrow" ? `const ${name} = (${text}) => ${block(body)};`
        : `const ${name} = function ${this.name("h")}(${text}) ${block(body)};`;
    }
    ctx.scope.fns.push({ name, params, cost: c.fn.cost.v + 1 });
    return src;
  }

  /** Bounded recursion: the guard makes any argument (NaN, huge) end within 6 levels. */
  recDecl(ctx) {
    this.fnCount++;
    const r = this.r;
    const name = this.name("r");
    const c = this.fnCtx(ctx, { kind: "function", budget: this.size.fnBudget / 8 });
    const n = this.name("n");
    c.scope.vars.push({ name: n, type: "num", mutable: false });
    c.depth = Math.min(c.depth, 1);
    const body = [`if (!(${n} > 0 && ${n} < 6)) return ${this.num(c, 1)};`, ...this.stmts(c, r.range(0, 2))];
    body.push(r.chance(0.7)
      ? `return ${name}(${n} - 1) + ${this.num(c, 2)};`
      : `return ${name}(${n} - 2) ${r.pick(["+", "-"])} (sw(), ${name}(${n} - 1));`);
    ctx.scope.fns.push({ name, params: ["num"], cost: (c.fn.cost.v + 2) * 12 });
    return `function ${name}(${n}) ${block(body)}`;
  }

  genDecl(ctx) {
    this.fnCount++;
    const r = this.r;
    const name = this.name("g");
    const c = this.fnCtx(ctx, { kind: "function", budget: this.size.fnBudget, isGen: true });
    c.noGenCallForms = !this.on("generatorCallForms");
    const n = this.name("n");
    c.scope.vars.push({ name: n, type: "num", mutable: true });
    const i = this.name("i");
    const lc = this.loopCtx(c, 4);
    lc.scope.vars.push({ name: i, type: "num", mutable: false });
    const loopBody = this.body(lc);
    loopBody.push(`yield ${r.chance(0.5) ? `(sw(), ${i} * ${n})` : this.num(lc, 2)};`);
    let loop = `for (let ${i} = 0; ${i} < ${r.range(1, 4)}; ${i}++) ${block(loopBody)}`;
    if (r.chance(0.4) && this.on("tryFinally")) loop = `try ${block([loop])} finally ${block([`log(${this.tag()}, "gen finally", ${n});`])}`;
    const body = [...this.stmts(c, r.range(0, 2)), loop, `return ${this.num(c, 2)};`];
    ctx.scope.fns.push({ name, params: ["num"], cost: c.fn.cost.v + 4, gen: true });
    return `function* ${name}(${n}) ${block(body)}`;
  }

  /** A closure factory: the returned methods mutate a variable captured from the factory call. */
  counterDecl(ctx) {
    this.fnCount++;
    const r = this.r;
    const mk = this.name("mk");
    const c = this.fnCtx(ctx, { kind: "function", budget: this.size.fnBudget / 4 });
    const start = this.name("p");
    c.scope.vars.push({ name: start, type: "num", mutable: true });
    const cnt = this.name("c");
    c.scope.vars.push({ name: cnt, type: "num", mutable: true });
    const inc = this.fnCtx(c, { kind: "arrow", budget: this.size.fnBudget / 4 });
    const step = this.name("d");
    inc.scope.vars.push({ name: step, type: "num", mutable: true });
    const incBody = [...this.stmts(inc, r.range(0, 2)), `${cnt} += ${step};`, `return ${cnt};`];
    const src = `function ${mk}(${start}) ${block([
      `let ${cnt} = ${start};`,
      `return ${block([
        `inc(${step} = 1) ${block(incBody)},`,
        `get: () => ${r.chance(0.5) ? `(sw(), ${cnt})` : cnt},`,
      ])};`,
    ])}`;
    const v = this.name("ctr");
    const init = this.num(ctx, 2);
    ctx.scope.vars.push({ name: v, type: "counter", mutable: false, cost: inc.fn.cost.v + 2 });
    return `${src}\nconst ${v} = ${mk}(${init});`;
  }

  /** Per-iteration `let` bindings captured by closures, called after the loop. */
  loopClosures(ctx, d) {
    const r = this.r;
    const fs = this.name("fs");
    const i = this.name("i");
    const n = r.range(2, 4);
    const c = this.loopCtx(ctx, n);
    c.scope.vars.push({ name: i, type: "num", mutable: false });
    const local = this.name("v");
    const inner = this.fnCtx(c, { kind: "arrow", budget: 40 });
    inner.scope.vars.push({ name: local, type: "num", mutable: true });
    const body = [
      `let ${local} = ${this.num(c, d - 1)};`,
      `${fs}.push(() => ${r.chance(0.5) ? `(sw(), ${local}++ + ${i})` : `${i} * 10 + ${this.num(inner, 1)}`});`,
      ...(r.chance(0.5) ? this.stmts(c, 1) : []),
    ];
    this.charge(ctx, n * 3);
    const call = r.chance(0.5) ? `${fs}.map((h) => h())` : `${fs}.map((h) => h() + h())`;
    return `const ${fs} = [];\nfor (let ${i} = 0; ${i} < ${n}; ${i}++) ${block(body)}\nlog(${this.tag()}, ${call});`;
  }

  forEachStmt(ctx, d) {
    const x = this.name("x");
    const i = this.name("i");
    const c = this.fnCtx(ctx, { kind: "arrow", budget: Math.max(20, (ctx.fn.budget - ctx.fn.cost.v) / (6 * ctx.mult)), canReturn: false });
    c.scope.vars.push({ name: x, type: "num", mutable: false }, { name: i, type: "num", mutable: false });
    const body = this.r.chance(0.3) ? [`if (${this.cond(c, 1)}) return;`] : [];
    body.push(...this.body(c));
    this.charge(ctx, 6 * (c.fn.cost.v + 1));
    const r = this.r;
    return r.weighted([
      [4, () => `${this.arrCopy(ctx, d)}.forEach((${x}, ${i}) => ${block(body)});`],
      [1, () => `new Map([[${this.lit()}, ${this.num(ctx, d - 1)}], [${this.lit()}, ${this.num(ctx, d - 1)}]]).forEach((${x}, ${i}) => ${block(body)});`],
      [1, () => `new Set(${this.arrCopy(ctx, d)}).forEach((${x}, ${i}) => ${block(body)});`],
    ])();
  }

  // Classes ---------------------------------------------------------------------------------------

  classDecl(ctx) {
    const r = this.r;
    this.classCount++;
    if (r.chance(0.3)) {
      const name = this.name("Err");
      ctx.scope.classes.push({ name, isError: true });
      const code = this.name("code");
      return `class ${name} extends Error ${block([`constructor(message, ${code}) ${block(["super(message);", `this.name = ${JSON.stringify(name)};`, `this.code = ${code};`])}`])}`;
    }
    const bases = visible(ctx.scope, "classes").filter((c) => !c.isError);
    const base = bases.length && r.chance(0.5) ? r.pick(bases) : undefined;
    const name = this.name("K");
    const props = base ? [...base.props] : [];
    const getters = base ? [...base.getters] : [];
    const methods = base ? base.methods.map((m) => ({ ...m })) : [];
    const members = [];
    const thisVars = () => props.map((p) => ({ name: `this.${p}`, type: "num", mutable: true, thisBound: true }));
    // Fields: initializers may not switch (they run in the engine's constructor frame).
    const field = this.name("q");
    const noSwCtx = { ...this.fnCtx(ctx, { kind: "function", budget: 0, noSw: true }), depth: 0 };
    members.push(`${field} = ${this.num(noSwCtx, 1)};`);
    props.push(field);
    const priv = this.on("privateMembers") && r.chance(0.4) ? this.name("z") : undefined;
    if (priv) members.push(`#${priv} = ${this.lit()};`);
    // Constructor.
    const c = this.fnCtx(ctx, { kind: "method", budget: this.size.fnBudget / 2, isCtor: true, canReturn: this.on("ctorReturn") });
    const own = this.name("y");
    // A derived constructor's parameter defaults run before super(): they may not switch.
    const { params, text } = this.params(c, 2, { noSwDefaults: !!base || !this.on("ctorDefaultSwitch") });
    const ctorBody = [];
    if (base) {
      // super(...) arguments may not switch either: that code runs before `this` exists.
      const sc = { ...c, noSw: true, depth: 0 };
      ctorBody.push(`super(${this.args(sc, base.ctorParams, 2)});`);
    }
    c.scope.vars.push(...thisVars());
    ctorBody.push(`this.${own} = ${this.num(c, 2)};`);
    props.push(own);
    c.scope.vars.push({ name: `this.${own}`, type: "num", mutable: true, thisBound: true });
    c.depth = Math.min(c.depth, 2);
    ctorBody.push(...this.stmts(c, r.range(0, 2)));
    members.push(`constructor(${text}) ${block(ctorBody)}`);
    const info = { name, ctorParams: params, methods, props, getters, isError: false };
    // Methods (possibly overriding the base's, calling super.m()).
    for (let k = r.range(1, 3); k > 0; k--) {
      const overridable = methods.filter((m) => !m.isStatic && base && base.methods.some((b) => b.name === m.name));
      const override = overridable.length && r.chance(0.4) ? r.pick(overridable) : undefined;
      const mname = override ? override.name : this.name("m");
      const isStatic = !override && r.chance(0.15);
      const mc = this.fnCtx(ctx, { kind: "method", budget: this.size.fnBudget });
      const arity = override ? override.arity : r.range(0, 2);
      const ps = Array.from({ length: arity }, () => this.name("p"));
      for (const p of ps) mc.scope.vars.push({ name: p, type: "num", mutable: true });
      if (!isStatic) mc.scope.vars.push(...thisVars());
      if (priv && !isStatic) mc.scope.vars.push({ name: `this.#${priv}`, type: "num", mutable: true, thisBound: true });
      const mbody = this.body(mc);
      if (override && r.chance(0.7)) {
        mbody.push(`return super.${mname}(${ps.map(() => this.num(mc, 1)).join(", ")}) + ${this.num(mc, 2)};`);
        mc.fn.cost.v += override.cost;
      } else mbody.push(`return ${this.num(mc, this.size.expr)};`);
      members.push(`${isStatic ? "static " : ""}${mname}(${ps.join(", ")}) ${block(mbody)}`);
      const m = { name: mname, arity, cost: mc.fn.cost.v + 1, isStatic };
      if (override) Object.assign(override, { cost: Math.max(override.cost, m.cost) });
      else methods.push(m);
    }
    // A getter that cannot switch (reads fields only).
    if (r.chance(0.5)) {
      const g = this.name("get");
      members.push(`get ${g}() { return this.${r.pick(props)} * 2 + this.${r.pick(props)}; }`);
      getters.push(g);
    }
    ctx.scope.classes.push(info);
    return `class ${name}${base ? ` extends ${base.name}` : ""} ${block(members)}`;
  }

  newInstance(ctx, d) {
    const r = this.r;
    const classes = visible(ctx.scope, "classes").filter((c) => !c.isError);
    const v = this.name("o");
    if (!classes.length || ctx.noSw || ctx.noGenCallForms) {
      const init = this.obj(ctx, d);
      ctx.scope.vars.push({ name: v, type: "obj", mutable: false });
      return `const ${v} = ${init};`;
    }
    const cls = r.pick(classes);
    this.charge(ctx, 10);
    const stmt = `const ${v} = new ${cls.name}(${this.args(ctx, cls.ctorParams, d)});`;
    ctx.scope.vars.push({ name: v, type: "inst", mutable: false, cls });
    const statics = cls.methods.filter((m) => m.isStatic);
    if (statics.length && r.chance(0.5)) {
      const m = r.pick(statics);
      return `${stmt}\nlog(${this.tag()}, ${cls.name}.${m.name}(${Array.from({ length: m.arity }, () => this.num(ctx, d - 1)).join(", ")}));`;
    }
    return stmt;
  }

  /** An object literal with fields and methods (using `this`), used like a class instance. */
  objectWithMethods(ctx, d) {
    const r = this.r;
    this.fnCount++;
    const v = this.name("o");
    const props = ["a", "b"];
    const fields = props.map((p) => `${p}: ${this.num(ctx, d - 1)},`);
    const methods = [];
    const members = [];
    for (let k = r.range(1, 2); k > 0; k--) {
      const mname = this.name("m");
      const mc = this.fnCtx(ctx, { kind: "method", budget: this.size.fnBudget / 2 });
      const ps = Array.from({ length: r.range(0, 2) }, () => this.name("p"));
      for (const p of ps) mc.scope.vars.push({ name: p, type: "num", mutable: true });
      mc.scope.vars.push(...props.map((p) => ({ name: `this.${p}`, type: "num", mutable: true, thisBound: true })));
      const body = this.body(mc);
      body.push(`return ${this.num(mc, this.size.expr)};`);
      members.push(`${mname}(${ps.join(", ")}) ${block(body)},`);
      methods.push({ name: mname, arity: ps.length, cost: mc.fn.cost.v + 1, isStatic: false });
    }
    ctx.scope.vars.push({ name: v, type: "inst", mutable: false, cls: { name: "Object", props, methods, getters: [] } });
    return `const ${v} = ${block([...fields, ...members])};`;
  }

  // Other statements -------------------------------------------------------------------------------

  switchStmt(ctx, d) {
    const r = this.r;
    const c = this.blockCtx(ctx, { loop: { ...ctx.loop, breakOk: true } });
    const cases = [];
    const values = [0, 1, 2, 3].filter(() => r.chance(0.7));
    for (const v of values) {
      const body = this.body(this.blockCtx(c));
      if (r.chance(0.7)) body.push("break;");
      cases.push(`case ${ctx.noSw || r.chance(0.8) ? v : `(sw(), ${v})`}: ${block(body)}`);
    }
    if (r.chance(0.6)) cases.push(`default: ${block(this.body(this.blockCtx(c)))}`);
    return `switch (${this.num(ctx, d - 1)} & 3) ${block(cases)}`;
  }

  labeledBlock(ctx, d) {
    const label = this.name("B");
    const c = this.blockCtx(ctx, { loop: { ...ctx.loop, labels: [...ctx.loop.labels, { name: label, loop: false }] } });
    // The break is generated in sequence, so its condition only sees variables declared before it.
    const n = this.r.range(...this.size.block);
    const at = this.r.int(n + 1);
    const body = [];
    for (let i = 0; i <= n; i++) body.push(i === at ? `if (${this.cond(c, d - 1)}) break ${label};` : this.stmt(c));
    return `${label}: ${block(body)}`;
  }

  /** A block that shadows an outer variable with a binding of another type. */
  shadowBlock(ctx, d) {
    const c = this.blockCtx(ctx);
    const outer = this.vars(ctx, (v) => v.type === "num" && !v.name.includes("."));
    const stmts = [];
    if (outer.length) {
      const name = this.r.pick(outer).name;
      // While its initializer is generated the new binding is in its TDZ: hide the outer one.
      const binding = { name, type: "tdz", mutable: false };
      c.scope.vars.push(binding);
      stmts.push(`const ${name} = ${this.str(c, d - 1)};`);
      binding.type = "str";
      stmts.push(`log(${this.tag()}, ${name});`);
    }
    stmts.push(...this.body(c));
    return block(stmts);
  }

  destructDecl(ctx, d) {
    const r = this.r;
    const [x, y, z] = [this.name("d"), this.name("d"), this.name("d")];
    return r.weighted([
      [2, () => {
        const s = `let [${x}, ${y} = ${this.num(ctx, d - 1)}, ...${z}] = ${this.arr(ctx, d)};`;
        ctx.scope.vars.push({ name: x, type: "num", mutable: true }, { name: y, type: "num", mutable: true }, { name: z, type: "arr", mutable: false });
        return s;
      }],
      [2, () => {
        const s = `const { a: ${x}, b: ${y} = ${this.num(ctx, d - 1)}, ...${z} } = ${this.obj(ctx, d)};\nlog(${this.tag()}, ${z});`;
        ctx.scope.vars.push({ name: x, type: "num", mutable: false }, { name: y, type: "num", mutable: false });
        return s;
      }],
      [1, () => {
        const s = `const { p: [${x}, ${y} = ${this.num(ctx, d - 1)}] = [${this.num(ctx, d - 1)}] } = ${r.chance(0.5) ? "{}" : `{ p: ${this.arr(ctx, d - 1)} }`};`;
        ctx.scope.vars.push({ name: x, type: "num", mutable: false }, { name: y, type: "num", mutable: false });
        return s;
      }],
    ])();
  }

  /** Statements that throw a TypeError/ReferenceError natively; the message must match. */
  errorTrap(ctx) {
    const r = this.r;
    const nums = this.vars(ctx, (v) => v.type === "num" && !v.name.includes("."));
    const objs = this.vars(ctx, (v) => v.type === "obj");
    const classes = visible(ctx.scope, "classes").filter((c) => !c.isError);
    const num = nums.length ? r.pick(nums).name : "NaN";
    const obj = objs.length ? r.pick(objs).name : "({ a: 1 })";
    const call = this.on("callNonFunction");
    const bad = r.weighted([
      [call ? 2 : 0, () => `${num}()`],
      [call ? 2 : 0, () => `${obj}.a()`],
      [call ? 1 : 0, () => `${obj}.nope(${ctx.noSw ? 1 : "sw()"})`],
      [call ? 1 : 0, () => `new ${num}()`],
      // Functions that are not constructors: an arrow, a built-in method.
      [call ? 1 : 0, () => `new (() => 0)(${ctx.noSw ? 1 : "sw()"})`],
      [call ? 1 : 0, () => `new ${obj}.toString(${ctx.noSw ? 1 : "sw()"})`],
      [2, () => `${obj}.nope.deeper`],
      [1, () => `null[${ctx.noSw ? 0 : "(sw(), 0)"}]`],
      [1, () => `undeclared${r.int(9)} + 1`],
      [1, () => `(() => { const { a } = null; return a; })()`],
      [this.on("notIterable") ? 1 : 0, () => `[...${num}]`],
      [this.on("notIterable") ? 1 : 0, () => `(() => { for (const q of ${num}) log(q); })()`],
      [classes.length ? 1 : 0, () => `${r.pick(classes).name}()`],
      [1, () => `Symbol() + ""`],
    ])();
    const e = this.name("e");
    return `try ${block([`log(${this.tag()}, ${bad});`])} catch (${e}) ${block([`log(${this.tag()}, ${e});`])}`;
  }
}

/** The program for `seed`: an ES module exporting main(sw, log). */
export function generate(seed, options = {}) {
  const g = new Gen(seed >>> 0, options);
  const root = { scope: new Scope(undefined, "function") };
  const ctx = {
    scope: root.scope,
    fn: { kind: "main", canReturn: true, isGen: false, cost: { v: 0 }, budget: g.size.mainBudget },
    mult: 1,
    depth: g.size.depth,
    loop: { breakOk: false, continueOk: false, labels: [] },
    noSw: false,
  };
  const body = [
    `log(${g.tag()}, ${g.num(ctx, 1)});`,
    ...g.stmts(ctx, g.r.range(...g.size.top)),
  ];
  const nums = g.vars(ctx, (v) => v.type === "num" && !v.name.includes("."));
  body.push(`return [${nums.slice(0, 6).map((v) => v.name).join(", ")}];`);
  const header = `// fuzz program: seed ${seed}${options.size ? `, size ${options.size}` : ""}${options.avoid?.length ? `, avoid ${options.avoid.join(",")}` : ""}`;
  return `${header}\nexport function main(sw, log) ${block(body)}\n`;
}
