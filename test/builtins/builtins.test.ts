/**
 * Differential tests: every replacement in runtime/builtins.src.js (run UNCOMPILED here) against the
 * native method it replaces. Each scenario runs twice on fresh inputs, once per implementation, and
 * compares the result, the thrown error, the final state of the receiver, and the log of observable
 * events (callback invocations with their arguments and `this`, getter and proxy-trap activity).
 * Snapshots distinguish holes from undefined (own keys are listed), -0 from 0, and record prototypes.
 */
import { describe, test, expect } from "vitest";
import vm from "node:vm";
import { isDeepStrictEqual } from "node:util";
import * as Bimpl from "../../runtime/builtins.src.js";

type Fn = (...args: any[]) => any;
interface Impl {
  forEach: Fn; map: Fn; filter: Fn; some: Fn; every: Fn; find: Fn; findIndex: Fn; findLast: Fn;
  findLastIndex: Fn; reduce: Fn; reduceRight: Fn; flatMap: Fn; sort: Fn; arrayFrom: Fn;
  mapForEach: Fn; setForEach: Fn;
}

const AP = Array.prototype as any;
const N: Impl = {
  forEach: (O, cb, t) => AP.forEach.call(O, cb, t),
  map: (O, cb, t) => AP.map.call(O, cb, t),
  filter: (O, cb, t) => AP.filter.call(O, cb, t),
  some: (O, cb, t) => AP.some.call(O, cb, t),
  every: (O, cb, t) => AP.every.call(O, cb, t),
  find: (O, cb, t) => AP.find.call(O, cb, t),
  findIndex: (O, cb, t) => AP.findIndex.call(O, cb, t),
  findLast: (O, cb, t) => AP.findLast.call(O, cb, t),
  findLastIndex: (O, cb, t) => AP.findLastIndex.call(O, cb, t),
  reduce: (O, cb, ...init) => AP.reduce.call(O, cb, ...init),
  reduceRight: (O, cb, ...init) => AP.reduceRight.call(O, cb, ...init),
  flatMap: (O, cb, t) => AP.flatMap.call(O, cb, t),
  sort: (O, c) => AP.sort.call(O, c),
  arrayFrom: (C, items, mapfn, t) => (Array.from as any).call(C, items, mapfn, t),
  mapForEach: (M, cb, t) => Map.prototype.forEach.call(M, cb, t),
  setForEach: (S, cb, t) => Set.prototype.forEach.call(S, cb, t),
};
const B = Bimpl as unknown as Impl;

// ---------------------------------------------------------------------------------------------
// Snapshots

const protoNames = new Map<object, string>([
  [Array.prototype, "Array"], [Object.prototype, "Object"], [Function.prototype, "Function"],
  [String.prototype, "String"], [Number.prototype, "Number"], [Boolean.prototype, "Boolean"],
  [Map.prototype, "Map"], [Set.prototype, "Set"], [Error.prototype, "Error"],
]);
function protoName(p: object | null): string | null {
  if (p === null) return null;
  const known = protoNames.get(p);
  if (known !== undefined) return known;
  const ctor = Object.getOwnPropertyDescriptor(p, "constructor")?.value;
  return "proto:" + (typeof ctor === "function" ? ctor.name : "?");
}

function snap(v: any, depth = 0): any {
  if (v === undefined) return "<undefined>";
  if (typeof v === "number") return Object.is(v, -0) ? "<-0>" : Number.isFinite(v) ? v : `<${v}>`;
  if (typeof v === "symbol") return `<symbol ${String(v.description)}>`;
  if (typeof v === "bigint") return `<bigint ${v}>`;
  if (typeof v === "function") return `<function ${v.name}>`;
  if (v === null || typeof v !== "object") return v;
  if (depth > 5) return "<deep>";
  if (v instanceof Error) return { "<error>": v.constructor.name, message: v.message };
  const out: any = { "<proto>": protoName(Object.getPrototypeOf(v)), "<isArray>": Array.isArray(v) };
  for (const k of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    const key = typeof k === "symbol" ? `[${String(k.description)}]` : k;
    out[key] = "value" in d
      ? [snap(d.value, depth + 1), d.writable, d.enumerable, d.configurable]
      : ["<accessor>", d.enumerable, d.configurable];
  }
  if (v instanceof Map) out["<entries>"] = [...v].map(([k, x]) => [snap(k, depth + 1), snap(x, depth + 1)]);
  if (v instanceof Set) out["<values>"] = [...v].map((x) => snap(x, depth + 1));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Scenario runner

class Ctx {
  log: any[] = [];
  quiet = false;
  /** The receiver as passed (callbacks log whether their 3rd argument is it). */
  receiver: any = undefined;
  /** Snapshotted after the run (the receiver's final state), if set. */
  state: any = undefined;
  hasState = false;
  push(entry: any) {
    if (!this.quiet) this.log.push(entry);
  }
  watch<T>(o: T): T {
    this.receiver = o;
    this.state = o;
    this.hasState = true;
    return o;
  }
  /** Records a callback invocation: this, number of arguments, arguments (the receiver by identity). */
  rec(tag: string, self: any, args: any[]) {
    this.push([
      tag,
      snap(self),
      args.length,
      ...args.map((a) => (a !== null && typeof a === "object" && a === this.receiver ? "<O>" : snapArg(a))),
    ]);
  }
}
function snapArg(a: any): any {
  // Receivers that were primitives arrive as wrapper objects: describe them briefly.
  if (a !== null && typeof a === "object" && (a instanceof String || a instanceof Number || a instanceof Boolean)) {
    return `<wrapper ${typeof a.valueOf()} ${String(a)}>`;
  }
  if (a !== null && typeof a === "object" && isLoggingProxy.has(a)) return "<proxy>";
  return snap(a);
}

const isLoggingProxy = new WeakSet<object>();
function loggingProxy<T extends object>(target: T, ctx: Ctx): T {
  const key = (k: PropertyKey) => (typeof k === "symbol" ? `[${String(k.description)}]` : k);
  const p = new Proxy(target, {
    has(t, k) { ctx.push(["has", key(k)]); return Reflect.has(t, k); },
    get(t, k, r) { ctx.push(["get", key(k)]); return Reflect.get(t, k, r); },
    set(t, k, v) { ctx.push(["set", key(k), snap(v)]); return Reflect.set(t, k, v); },
    deleteProperty(t, k) { ctx.push(["delete", key(k)]); return Reflect.deleteProperty(t, k); },
    defineProperty(t, k, d) { ctx.push(["defineProperty", key(k), snap(d)]); return Reflect.defineProperty(t, k, d); },
    getOwnPropertyDescriptor(t, k) { ctx.push(["gOPD", key(k)]); return Reflect.getOwnPropertyDescriptor(t, k); },
    ownKeys(t) { ctx.push(["ownKeys"]); return Reflect.ownKeys(t); },
  });
  isLoggingProxy.add(p);
  return p;
}

function snapThrown(e: any): any {
  if (e instanceof Error) return { "<thrown>": e.constructor.name, message: e.message };
  return { "<thrown-value>": snap(e) };
}

function outcome(impl: Impl, scenario: (impl: Impl, ctx: Ctx) => any) {
  const ctx = new Ctx();
  let result: any;
  try {
    result = { returned: scenario(impl, ctx) };
  } catch (e) {
    result = { threw: e };
  }
  ctx.quiet = true;
  return {
    result: "threw" in result ? snapThrown(result.threw) : snap(result.returned),
    log: ctx.log,
    state: ctx.hasState ? snap(ctx.state) : "<none>",
  };
}

let comparisons = 0;
/** Runs the scenario with the native methods and with the replacements, and compares everything. */
function same(label: string, scenario: (impl: Impl, ctx: Ctx) => any) {
  const native = outcome(N, scenario);
  const ours = outcome(B, scenario);
  comparisons++;
  const a = JSON.stringify(ours);
  const b = JSON.stringify(native);
  // Identical serializations are equal; otherwise a deep comparison (insensitive to the order of
  // object keys) decides. Big outcomes get a compact report: a full diff would take ages to render.
  if (a !== b && !isDeepStrictEqual(ours, native)) {
    if (a.length + b.length < 20000) expect(ours, label).toEqual(native);
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    expect.fail(`${label}: outcomes differ at char ${i}\n  replacement: …${a.slice(Math.max(0, i - 200), i + 200)}\n  native:      …${b.slice(Math.max(0, i - 200), i + 200)}`);
  }
  return native;
}

// ---------------------------------------------------------------------------------------------
// Inputs

class MyArray extends Array {}
class LoggedArray extends Array {
  static log: any[] | null = null;
  constructor(...args: any[]) {
    LoggedArray.log?.push(["LoggedArray ctor", args.map((a) => snap(a))]);
    super(...args);
  }
}

const receivers: Record<string, (ctx: Ctx) => any> = {
  empty: () => [],
  dense: () => [1, 2, 3, 4, 5],
  mixed: () => [0, -0, NaN, "", "a", null, undefined, false, true, { x: 1 }, [1, [2]], Symbol.for("s")],
  holes: () => [1, , 3, , , 6, ,],
  allHoles: () => new Array(5),
  sparse: () => {
    const a: any[] = [];
    a[3] = "x";
    a[10] = "y";
    a.length = 15;
    return a;
  },
  protoHoles: () => {
    const a = [1, , 3];
    Object.setPrototypeOf(a, Object.assign(Object.create(Array.prototype), { 1: "fromProto", 3: "beyond" }));
    return a;
  },
  arrayLike: () => ({ length: 4, 0: "a", 2: "c", 3: undefined, 4: "beyond" }),
  arrayLikeStringLength: () => ({ length: "3", 0: 1, 1: 2, 2: 3 }),
  arrayLikeFractional: () => ({ length: 2.9, 0: "x", 1: "y", 2: "z" }),
  arrayLikeNegative: () => ({ length: -5, 0: 1 }),
  arrayLikeNaN: () => ({ length: "abc", 0: 1 }),
  arrayLikeNoLength: () => ({ 0: 1 }),
  arrayLikeBigIntLength: () => ({ length: 2n, 0: 1 }),
  arrayLikeSymbolLength: () => ({ length: Symbol("len"), 0: 1 }),
  arrayLikeInfinityLength: () => ({ length: -Infinity, 0: 1 }),
  arrayLikeValueOf: (ctx) => ({
    length: { valueOf() { ctx.push("length.valueOf"); return 2; }, toString() { return "9"; } },
    0: "p",
    1: "q",
  }),
  getters: (ctx) => ({
    get length() { ctx.push("get length"); return 3; },
    get 0() { ctx.push("get 0"); return "a"; },
    get 2() { ctx.push("get 2"); return "c"; },
  }),
  string: () => "abc",
  surrogate: () => "a\u{1F600}b",
  emptyString: () => "",
  number: () => 42,
  boolean: () => true,
  args: () => (function (..._: any[]) { return arguments; })(1, 2, 3),
  typed: () => new Uint8Array([3, 1, 2]),
  proxy: (ctx) => loggingProxy([1, , 3, 4], ctx),
  proxyArrayLike: (ctx) => loggingProxy({ length: 3, 0: "a", 2: "c" } as any, ctx),
  subclass: () => MyArray.from([1, 2, 3]),
  nested: () => [[1, 2], [3, [4]], [], [, 5], "s", { length: 1, 0: "al" }],
  big: () => Array.from({ length: 300 }, (_, i) => ((i * 7919) % 101) - 50),
};

/** Callbacks for the iteration methods: (ctx) => [callback, thisArg]. */
const callbacks: Record<string, (ctx: Ctx) => [Fn, any]> = {
  record: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return a[0]; }, undefined],
  oddIndex: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return a[1] % 2 === 1; }, undefined],
  alwaysTrue: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return 1; }, undefined],
  alwaysFalse: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return ""; }, undefined],
  wrap: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return { v: a[0] }; }, undefined],
  arrow: (ctx) => [(...a: any[]) => { ctx.rec("arrow", undefined, a); return a[0] === undefined; }, undefined],
  push: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] === 0) Array.prototype.push.call(a[2], "pushed", "pushed2");
    return a[0];
  }, undefined],
  pop: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] < 2) Array.prototype.pop.call(a[2]);
    return a[0];
  }, undefined],
  deleteAhead: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] === 0) { delete a[2][2]; delete a[2][3]; }
    return a[0];
  }, undefined],
  assignAhead: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] === 0) { a[2][1] = "changed"; a[2][4] = "new"; a[2][6] = "filled"; }
    return a[0];
  }, undefined],
  assignBehind: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] === 2) a[2][0] = "back";
    return a[0];
  }, undefined],
  shrink: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] === 0) a[2].length = 1;
    return a[0];
  }, undefined],
  throwAt1: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    if (a[1] === 1) throw new RangeError("boom at " + a[1]);
    return a[0];
  }, undefined],
  throwValue: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    throw { sentinel: a[1] };
  }, undefined],
  thisObj: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return a[0]; }, { t: 1 }],
  thisPrim: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return a[1] > 1; }, 5],
  thisNull: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("cb", this, a); return a[0]; }, null],
  returnsArrays: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    return [a[0], [a[0]], , a[1]];
  }, undefined],
  returnsSparse: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    const r: any[] = [];
    r[2] = a[0];
    return r;
  }, undefined],
  returnsArrayLike: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    return { length: 1, 0: a[0] };
  }, undefined],
  returnsProxyArray: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    return loggingProxy([a[0], , "p"], ctx);
  }, undefined],
  returnsSubclass: (ctx) => [function (this: any, ...a: any[]) {
    ctx.rec("cb", this, a);
    return MyArray.of(a[0], a[0]);
  }, undefined],
};

const iterationMethods = [
  "forEach", "map", "filter", "some", "every", "find", "findIndex", "findLast", "findLastIndex", "flatMap",
] as const;

// ---------------------------------------------------------------------------------------------

describe("iteration methods: receivers x callbacks", () => {
  for (const method of iterationMethods) {
    describe(method, () => {
      for (const [rname, mk] of Object.entries(receivers)) {
        test(rname, () => {
          for (const [cname, mkcb] of Object.entries(callbacks)) {
            same(`${method} ${rname} ${cname}`, (impl, ctx) => {
              const O = ctx.watch(mk(ctx));
              const [cb, thisArg] = mkcb(ctx);
              return impl[method](O, cb, thisArg);
            });
          }
        });
      }
    });
  }
});

const nonCallables: Array<[string, () => any]> = [
  ["undefined", () => undefined], ["null", () => null], ["1", () => 1], ["-0", () => -0], ["NaN", () => NaN],
  ["string", () => "abc"], ["emptyString", () => ""], ["true", () => true], ["symbol", () => Symbol("s")],
  ["bigint", () => 10n], ["object", () => ({})], ["array", () => []], ["array2", () => [1, 2]],
  ["nullProto", () => Object.create(null)], ["map", () => new Map()], ["regexp", () => /x/],
  ["date", () => new Date(0)], ["error", () => new Error("e")], ["namedError", () => Object.assign(new TypeError("m"), { name: "N" })],
  ["math", () => Math], ["instance", () => new (class Foo {})()], ["numberObj", () => Object(1)],
  ["stringObj", () => Object("s")], ["tagged", () => ({ [Symbol.toStringTag]: "T" })],
  ["nullProtoTagged", () => Object.assign(Object.create(null), { [Symbol.toStringTag]: "Zed" })],
  ["subclassInstance", () => new MyArray()], ["ctorNotFn", () => ({ constructor: 1 })],
];

describe("errors", () => {
  const allArrayMethods = [...iterationMethods, "reduce", "reduceRight", "sort"] as const;
  test("non-callable callbacks: TypeError (same message) after reading length, before iterating", () => {
    for (const method of allArrayMethods) {
      for (const [vname, mk] of nonCallables) {
        if (method === "sort" && vname === "undefined") continue;
        for (const rname of ["dense", "getters", "proxy", "empty"]) {
          same(`${method} ${vname} ${rname}`, (impl, ctx) => impl[method](ctx.watch(receivers[rname](ctx)), mk()));
        }
      }
    }
  });

  test("non-callable callbacks of Array.from, Map and Set forEach", () => {
    for (const [vname, mk] of nonCallables) {
      if (vname !== "undefined") {
        same(`arrayFrom ${vname}`, (impl, ctx) => impl.arrayFrom(Array, receivers.getters(ctx), mk()));
        same(`arrayFrom null items ${vname}`, (impl) => impl.arrayFrom(Array, null, mk()));
      }
      same(`mapForEach ${vname}`, (impl) => impl.mapForEach(new Map([[1, 2]]), mk()));
      same(`setForEach ${vname}`, (impl) => impl.setForEach(new Set([1]), mk()));
    }
  });

  test("null and undefined receivers", () => {
    for (const method of allArrayMethods) {
      for (const recv of [null, undefined]) {
        same(`${method} ${recv}`, (impl, ctx) => impl[method](recv, callbacks.record(ctx)[0]));
        same(`${method} ${recv} non-callable`, (impl) => impl[method](recv, 1));
        same(`${method} ${recv} no callback`, (impl) => impl[method](recv));
      }
    }
  });

  test("huge lengths: clamped to 2^53-1, ArrayCreate RangeError", () => {
    const huge = () => ({ length: 2 ** 53 + 10, 0: 1, get 1() { throw new Error("stop at 1"); } });
    for (const method of ["find", "findIndex", "some", "every", "map", "filter", "flatMap"] as const) {
      same(`${method} huge`, (impl, ctx) => impl[method](huge(), callbacks[method === "every" ? "alwaysTrue" : "alwaysFalse"](ctx)[0]));
    }
    for (const method of ["findLast", "findLastIndex"] as const) {
      same(`${method} huge`, (impl, ctx) => impl[method]({ length: Infinity, get [2 ** 53 - 2]() { ctx.push("last"); return "x"; } }, (v: any, i: number) => {
        ctx.push(["cb", v, i]);
        return true;
      }));
    }
    same("map 2^32", (impl) => impl.map({ length: 2 ** 32 }, () => 1));
    same("map 2^32-1 array-like: no RangeError", (impl) => impl.some({ length: 2 ** 32 - 1, 0: 1 }, () => true));
    same("arrayFrom 2^32", (impl) => impl.arrayFrom(Array, { length: 2 ** 32 }));
    same("arrayFrom 2^32 non-constructor", (impl) => impl.arrayFrom(undefined, { length: 2 ** 32 }));
  });

  test("the exception thrown by the callback propagates unchanged (same identity)", () => {
    for (const method of [...iterationMethods, "reduce", "reduceRight", "sort", "arrayFrom", "mapForEach", "setForEach"] as const) {
      for (const impl of [N, B]) {
        const sentinel = { sentinel: true };
        const cb = () => { throw sentinel; };
        let caught: unknown = "nothing";
        try {
          if (method === "arrayFrom") impl.arrayFrom(Array, [1, 2], cb);
          else if (method === "mapForEach") impl.mapForEach(new Map([[1, 2]]), cb);
          else if (method === "setForEach") impl.setForEach(new Set([1]), cb);
          else (impl as any)[method]([3, 1, 2], cb);
        } catch (e) {
          caught = e;
        }
        expect(caught, method).toBe(sentinel);
      }
    }
  });
});

describe("ArraySpeciesCreate (map, filter, flatMap)", () => {
  const speciesMethods = ["map", "filter", "flatMap"] as const;
  function Plain(this: any, ...args: any[]) { this.ctorArgs = args.map((a) => snap(a)); }
  const species: Record<string, (ctx: Ctx) => any> = {
    subclass: () => MyArray.from([1, 2, 3]),
    loggedSubclass: (ctx) => {
      LoggedArray.log = ctx.log;
      const a = new LoggedArray();
      a.push(1, 2, 3);
      ctx.push("created");
      return a;
    },
    ctorUndefined: () => Object.assign([1, 2], { constructor: undefined }),
    ctorNull: () => Object.assign([1, 2], { constructor: null }),
    ctorNumber: () => Object.assign([1, 2], { constructor: 1 }),
    ctorString: () => Object.assign([1, 2], { constructor: "str" }),
    speciesNull: () => Object.assign([1, 2], { constructor: { [Symbol.species]: null } }),
    speciesUndefined: () => Object.assign([1, 2], { constructor: { [Symbol.species]: undefined } }),
    speciesArray: () => Object.assign([1, 2], { constructor: { [Symbol.species]: Array } }),
    speciesPlainFunction: () => Object.assign([1, , 2], { constructor: { [Symbol.species]: Plain } }),
    speciesArrow: () => Object.assign([1, 2], { constructor: { [Symbol.species]: () => [] } }),
    speciesMethod: () => Object.assign([1, 2], { constructor: { [Symbol.species]: Math.max } }),
    speciesNumber: () => Object.assign([1, 2], { constructor: { [Symbol.species]: 7 } }),
    speciesFrozen: () => Object.assign([1, 2], {
      constructor: { [Symbol.species]: function () { return Object.freeze([]); } },
    }),
    speciesNonExtensible: () => Object.assign([1, 2], {
      constructor: { [Symbol.species]: function () { return Object.preventExtensions({}); } },
    }),
    speciesReadonlyConfigurable: () => Object.assign([1, 2], {
      constructor: {
        [Symbol.species]: function () {
          return Object.defineProperty({}, "0", { value: "ro", writable: false, configurable: true });
        },
      },
    }),
    speciesReadonlyNonConfigurable: () => Object.assign([1, 2], {
      constructor: {
        [Symbol.species]: function () {
          return Object.defineProperty({}, "0", { value: "ro", writable: false, configurable: false });
        },
      },
    }),
    speciesSetter: (ctx) => Object.assign([1, 2], {
      constructor: {
        [Symbol.species]: function () {
          return Object.defineProperty({}, "0", {
            set(v: any) { ctx.push(["setter", snap(v)]); }, configurable: true,
          });
        },
      },
    }),
    speciesProxy: (ctx) => Object.assign([1, , 3], {
      constructor: { [Symbol.species]: function () { return loggingProxy({}, ctx); } },
    }),
    ctorGetter: (ctx) => Object.defineProperty([1, 2], "constructor", {
      get() { ctx.push("get constructor"); return MyArray; },
    }),
    speciesGetter: (ctx) => Object.assign([1, 2], {
      constructor: { get [Symbol.species]() { ctx.push("get species"); return MyArray; } },
    }),
    speciesThrows: () => Object.assign([1, 2], {
      constructor: { get [Symbol.species]() { throw new SyntaxError("species"); } },
    }),
    arrayLikeWithCtor: () => ({ length: 2, 0: 1, 1: 2, constructor: { [Symbol.species]: MyArray } }),
    proxyArray: (ctx) => loggingProxy(MyArray.from([1, 2]), ctx),
    proxyArrayPlain: (ctx) => loggingProxy([1, 2], ctx),
    boundCtor: () => Object.assign([1, 2], { constructor: { [Symbol.species]: MyArray.bind(null) } }),
    proxyCtor: (ctx) => Object.assign([1, 2], {
      constructor: { [Symbol.species]: new Proxy(MyArray, { construct(t, a, nt) { ctx.push(["construct", a]); return Reflect.construct(t, a, nt); } }) },
    }),
  };
  for (const method of speciesMethods) {
    test(method, () => {
      for (const [sname, mk] of Object.entries(species)) {
        for (const cname of ["record", "oddIndex", "returnsArrays"]) {
          same(`${method} ${sname} ${cname}`, (impl, ctx) => {
            try {
              return impl[method](ctx.watch(mk(ctx)), callbacks[cname](ctx)[0]);
            } finally {
              LoggedArray.log = null;
            }
          });
        }
      }
    });
  }

  test("arrays from another realm produce arrays of this realm", () => {
    for (const method of speciesMethods) {
      same(method, (impl) => {
        const foreign = vm.runInNewContext("[1, 2, [3]]");
        const r = impl[method](foreign, (x: any) => x);
        return [Object.getPrototypeOf(r) === Array.prototype, Array.isArray(r), r.length];
      });
      same(method + " foreign subclass", (impl) => {
        const foreign = vm.runInNewContext("class Sub extends Array {}; Sub.from([1, 2])");
        const r = impl[method](foreign, (x: any) => x);
        return [Object.getPrototypeOf(r) === Object.getPrototypeOf(foreign), r.constructor.name, r.length];
      });
    }
  });

  test("indexed setters on Array.prototype are not triggered by the created results", () => {
    let setterCalls = 0;
    const run = (impl: Impl) => [
      impl.map([5, 6], (x: number) => x + 1),
      impl.filter([5, 6], () => true),
      impl.flatMap([5, [6]], (x: any) => x),
      impl.arrayFrom(Array, [5, 6]),
      impl.arrayFrom(Array, { length: 2, 0: 5, 1: 6 }, (x: number) => x * 2),
      impl.sort([6, 5]),
    ];
    let native: any[] = [];
    let ours: any[] = [];
    const saved = [0, 1].map((i) => Object.getOwnPropertyDescriptor(Array.prototype, i));
    try {
      for (const i of [0, 1]) {
        Object.defineProperty(Array.prototype, i, { set() { setterCalls++; }, get() { return "proto"; }, configurable: true });
      }
      native = run(N);
      ours = run(B);
    } finally {
      for (const i of [0, 1]) delete (Array.prototype as any)[i];
    }
    expect(saved).toEqual([undefined, undefined]);
    expect(setterCalls).toBe(0);
    expect(ours.map((r) => snap(r))).toEqual(native.map((r) => snap(r)));
  });

  test("data properties on Object.prototype are seen through holes the same way", () => {
    try {
      (Object.prototype as any)[1] = "op";
      for (const method of [...iterationMethods, "reduce", "reduceRight", "sort"] as const) {
        for (const rname of ["holes", "allHoles", "arrayLike", "sparse"]) {
          // (sort's sequence of comparator calls is implementation-defined: use a consistent, silent one)
          same(`${method} ${rname}`, (impl, ctx) => impl[method](
            ctx.watch(receivers[rname](ctx)),
            method === "sort" ? (a: any, b: any) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0) : callbacks.record(ctx)[0],
          ));
          if (method === "sort") same(`sort default ${rname}`, (impl, ctx) => impl.sort(ctx.watch(receivers[rname](ctx))));
        }
      }
    } finally {
      delete (Object.prototype as any)[1];
    }
  });
});

describe("reduce / reduceRight", () => {
  const reducers: Record<string, (ctx: Ctx) => Fn> = {
    record: (ctx) => function (this: any, ...a: any[]) { ctx.rec("r", this, [a[0], a[1], a[2], a[3] === ctx.receiver, a.length]); return String(a[0]) + "|" + String(a[1]); },
    sum: () => (acc: any, v: any) => acc + v,
    push: (ctx) => function (this: any, ...a: any[]) { ctx.rec("r", this, [a[0], a[1], a[2]]); if (a[2] === 1) Array.prototype.push.call(a[3], "pushed"); return a[1]; },
    deleteAhead: (ctx) => function (this: any, ...a: any[]) { ctx.rec("r", this, [a[0], a[1], a[2]]); delete a[3][1]; delete a[3][3]; return a[1]; },
    assign: (ctx) => function (this: any, ...a: any[]) { ctx.rec("r", this, [a[0], a[1], a[2]]); a[3][0] = "a0"; a[3][4] = "a4"; return a[1]; },
    shrink: (ctx) => function (this: any, ...a: any[]) { ctx.rec("r", this, [a[0], a[1], a[2]]); a[3].length = 2; return a[1]; },
    throws: (ctx) => function (this: any, ...a: any[]) { ctx.rec("r", this, [a[0], a[1], a[2]]); if (a[2] === 2) throw new EvalError("r"); return a[1]; },
  };
  const initials: Array<[string, any[]]> = [["none", []], ["undefined", [undefined]], ["zero", [0]], ["obj", [{ init: 1 }]], ["two", ["first", "ignored"]]];
  for (const method of ["reduce", "reduceRight"] as const) {
    test(method, () => {
      for (const [rname, mk] of Object.entries(receivers)) {
        for (const [fname, mkf] of Object.entries(reducers)) {
          for (const [iname, init] of initials) {
            same(`${method} ${rname} ${fname} ${iname}`, (impl, ctx) => impl[method](ctx.watch(mk(ctx)), mkf(ctx), ...init));
          }
        }
      }
    });
  }
  test("empty input without initial value: TypeError, after the callable check", () => {
    for (const method of ["reduce", "reduceRight"] as const) {
      for (const O of [() => [], () => [, , ,], () => ({ length: 0 }), () => ({ length: 3 }), () => "", () => new Array(100)]) {
        same(`${method} ${String(O())}`, (impl) => impl[method](O(), () => 1));
        same(`${method} ${String(O())} init`, (impl) => impl[method](O(), () => 1, "init"));
        same(`${method} ${String(O())} non-callable`, (impl) => impl[method](O(), null));
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// sort

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("sort", () => {
  test("200 random arrays of objects with duplicate keys: stable, same order as V8", () => {
    const rnd = mulberry32(12345);
    for (let t = 0; t < 200; t++) {
      const len = t < 150 ? Math.floor(rnd() * 120) : Math.floor(rnd() * 3000);
      const range = 1 + Math.floor(rnd() * (t % 3 === 0 ? 5 : 200));
      const input = Array.from({ length: len }, (_, i) => ({ k: Math.floor(rnd() * range), i }));
      const cmps: Fn[] = [(a, b) => a.k - b.k, (a, b) => b.k - a.k, (a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0)];
      const cmp = cmps[t % 3];
      same(`objects #${t}`, (impl, ctx) => impl.sort(ctx.watch(input.slice()), cmp));
    }
  });

  test("200 random int arrays: default comparator (string order) and numeric comparator", () => {
    const rnd = mulberry32(777);
    for (let t = 0; t < 200; t++) {
      const len = Math.floor(rnd() * (t < 180 ? 60 : 2000));
      const input = Array.from({ length: len }, () => Math.floor(rnd() * 200) - 100);
      same(`default #${t}`, (impl, ctx) => impl.sort(ctx.watch(input.slice())));
      same(`numeric #${t}`, (impl, ctx) => impl.sort(ctx.watch(input.slice()), (a: number, b: number) => a - b));
      same(`explicit undefined comparator #${t}`, (impl, ctx) => impl.sort(ctx.watch(input.slice()), undefined));
    }
  });

  test("presorted, reversed, and sawtooth inputs", () => {
    for (const len of [0, 1, 2, 9, 10, 11, 20, 21, 100, 1000, 1025]) {
      const asc = Array.from({ length: len }, (_, i) => ({ k: i >> 1, i }));
      const desc = asc.slice().reverse();
      const saw = asc.map((o, i) => ({ k: i % 7, i: o.i }));
      for (const [name, arr] of [["asc", asc], ["desc", desc], ["saw", saw]] as const) {
        same(`${name} ${len}`, (impl, ctx) => impl.sort(ctx.watch(arr.slice()), (a: any, b: any) => a.k - b.k));
        same(`${name} ${len} default`, (impl, ctx) => impl.sort(ctx.watch(arr.map((o) => o.k))));
      }
    }
  });

  test("undefined values and holes go last (holes after undefineds), comparator never sees undefined", () => {
    const rnd = mulberry32(99);
    for (let t = 0; t < 100; t++) {
      const len = Math.floor(rnd() * 80);
      const input: any[] = new Array(len);
      for (let i = 0; i < len; i++) {
        const r = rnd();
        if (r < 0.15) continue; // hole
        input[i] = r < 0.3 ? undefined : Math.floor(rnd() * 30);
      }
      same(`default #${t}`, (impl, ctx) => impl.sort(ctx.watch(input.slice())));
      same(`cmp #${t}`, (impl, ctx) => impl.sort(ctx.watch(input.slice()), (a: any, b: any) => {
        if (a === undefined || b === undefined) ctx.push("comparator saw undefined");
        return b - a;
      }));
    }
    same("only undefined", (impl, ctx) => impl.sort(ctx.watch([undefined, , undefined, ,])));
    same("only holes", (impl, ctx) => impl.sort(ctx.watch(new Array(7))));
    same("trailing length", (impl, ctx) => {
      const a: any[] = [3, undefined, 1];
      a.length = 10;
      return impl.sort(ctx.watch(a));
    });
  });

  test("default comparator with mixed values", () => {
    const mixed = () => [
      3, "10", 2, "b", "a", null, true, undefined, , { toString() { return "z"; } }, [1, 2], [10], -1, -0, 0, NaN,
      Infinity, -Infinity, 1e21, 1e-7, "\u{1F600}", "\uFFFF", "", " ", "A", "a\u0000", false, 10n, 2n, ,
      { valueOf() { return 0; }, toString() { return "obj"; } }, new Date(0), /re/g, "undefined", "null",
    ];
    same("mixed", (impl, ctx) => impl.sort(ctx.watch(mixed())));
    same("mixed numeric cmp", (impl, ctx) => impl.sort(ctx.watch([5, 1, 10, -2, 0.5, 100, -0, 0, 3]), (a: number, b: number) => a - b));
    same("strings", (impl, ctx) => impl.sort(ctx.watch("the quick brown fox jumps over the lazy dog THE Quick".split(""))));
    same("symbol throws", (impl, ctx) => impl.sort(ctx.watch([1, Symbol("x"), 2])));
    same("single symbol", (impl, ctx) => impl.sort(ctx.watch([Symbol("x")])));
    same("single symbol and undefined", (impl, ctx) => impl.sort(ctx.watch([Symbol("x"), undefined])));
    same("toString throws", (impl, ctx) => impl.sort(ctx.watch([1, { toString() { throw new URIError("ts"); } }])));
  });

  test("comparator return values: strings, NaN, objects, BigInt, booleans-free", () => {
    const base = () => [5, 3, 9, 1, 3, 7, 2, 8, 6, 4, 0, 11, 15, 13];
    same("string results", (impl, ctx) => impl.sort(ctx.watch(base()), (a: number, b: number) => (a < b ? "-1" : a > b ? "1" : "0")));
    same("NaN results", (impl, ctx) => impl.sort(ctx.watch(base()), () => NaN));
    same("zero results", (impl, ctx) => impl.sort(ctx.watch(base()), () => 0));
    same("undefined results", (impl, ctx) => impl.sort(ctx.watch(base()), () => undefined));
    same("object results", (impl, ctx) => impl.sort(ctx.watch(base()), (a: number, b: number) => ({ valueOf: () => a - b })));
    same("infinite results", (impl, ctx) => impl.sort(ctx.watch(base()), (a: number, b: number) => (a - b) * Infinity));
    same("BigInt result", (impl, ctx) => impl.sort(ctx.watch(base()), () => 1n));
    same("Symbol result", (impl, ctx) => impl.sort(ctx.watch(base()), () => Symbol()));
    same("BigInt result, one element", (impl, ctx) => impl.sort(ctx.watch([1]), () => 1n));
    same("this is undefined, 2 args", (impl, ctx) => impl.sort(ctx.watch([2, 1]), function (this: any, ...a: any[]) {
      ctx.push([snap(this), a.length]);
      return a[0] - a[1];
    }));
  });

  test("comparator that throws leaves the array untouched; mutations by the comparator", () => {
    same("throws", (impl, ctx) => {
      let n = 0;
      return impl.sort(ctx.watch([5, 4, 3, 2, 1, 0, 9, 8, 7, 6, 10, 12, 11]), (a: number, b: number) => {
        if (++n === 5) throw new Error("cmp");
        return a - b;
      });
    });
    same("pushes", (impl, ctx) => {
      const arr = ctx.watch([3, 1, 2, , undefined]);
      let pushed = false;
      return impl.sort(arr, (a: number, b: number) => {
        if (!pushed) { pushed = true; arr.push(100, 99); }
        return a - b;
      });
    });
    same("clears", (impl, ctx) => {
      const arr = ctx.watch([3, 1, 2, , undefined, 0]);
      return impl.sort(arr, (a: number, b: number) => { arr.length = 0; return a - b; });
    });
    same("writes", (impl, ctx) => {
      const arr: any[] = ctx.watch([3, 1, 2, , , 7]);
      return impl.sort(arr, (a: number, b: number) => { arr[4] = "w"; arr[0] = "x"; return a - b; });
    });
  });

  test("receivers: array-likes, strings, frozen, proxies, subclasses, typed arrays", () => {
    const cases: Record<string, (ctx: Ctx) => any> = {
      arrayLike: () => ({ length: 6, 0: 3, 2: 1, 4: undefined, 5: "b", 7: "beyond" }),
      arrayLikeShort: () => ({ length: 1, 0: 3 }),
      arrayLikeNoLength: () => ({ 0: 3, 1: 1 }),
      string: () => "ba",
      stringSingle: () => "a",
      emptyString: () => "",
      number: () => 5,
      frozenSingle: () => Object.freeze([1]),
      frozenEmpty: () => Object.freeze([]),
      frozenPair: () => Object.freeze([2, 1]),
      frozenSorted: () => Object.freeze([1, 2]),
      sealedHoles: () => Object.seal([2, , 1]),
      nonConfigurableHole: () => Object.defineProperty([3, 2, , 1], "3", { value: 1, configurable: false, writable: true, enumerable: true }),
      proxy: (ctx) => loggingProxy([3, , 1, undefined, 2], ctx),
      proxyArrayLike: (ctx) => loggingProxy({ length: 4, 1: "b", 3: "a" } as any, ctx),
      getters: (ctx) => ({
        get length() { ctx.push("get length"); return 3; },
        get 0() { ctx.push("get 0"); return "c"; },
        set 0(v) { ctx.push(["set 0", v]); },
        2: "a",
      }),
      subclass: () => MyArray.from([3, 1, 2]),
      typed: () => new Uint8Array([3, 1, 2]),
      args: () => (function (..._: any[]) { return arguments; })(3, 1, 2),
      protoHoles: receivers.protoHoles,
    };
    for (const [name, mk] of Object.entries(cases)) {
      same(name, (impl, ctx) => impl.sort(ctx.watch(mk(ctx))));
      same(name + " cmp", (impl, ctx) => impl.sort(ctx.watch(mk(ctx)), (a: any, b: any) => (a < b ? 1 : a > b ? -1 : 0)));
      same(name + " bad cmp", (impl, ctx) => impl.sort(ctx.watch(mk(ctx)), null));
    }
    same("null receiver, bad comparator: comparator error first", (impl) => impl.sort(null, {}));
    same("null receiver", (impl) => impl.sort(null));
    same("returns the receiver object", (impl) => {
      const a = [2, 1];
      return impl.sort(a) === a;
    });
  });

  test("large arrays", () => {
    const rnd = mulberry32(4242);
    const nums = Array.from({ length: 30000 }, () => Math.floor(rnd() * 1000));
    same("numeric 30000", (impl, ctx) => impl.sort(ctx.watch(nums.slice()), (a: number, b: number) => a - b));
    same("default 30000", (impl, ctx) => impl.sort(ctx.watch(nums.slice())));
    const objs = nums.map((k, i) => ({ k: k % 50, i }));
    same("stable objects 30000", (impl, ctx) => impl.sort(ctx.watch(objs.slice()), (a: any, b: any) => a.k - b.k));
  });
});

// ---------------------------------------------------------------------------------------------
// Array.from

describe("Array.from (arrayFrom)", () => {
  function* gen(ctx: Ctx) {
    try {
      ctx.push("gen start");
      yield 1;
      yield* [2, 3];
      ctx.push("gen end");
    } finally {
      ctx.push("gen finally");
    }
  }
  function loggingIterable(ctx: Ctx, values: any[], opts: { returnKind?: string; nextThrowsAt?: number; badResultAt?: number } = {}) {
    const iterable: any = {
      get [Symbol.iterator]() {
        ctx.push("get @@iterator");
        return function (this: any, ...a: any[]) {
          ctx.push(["@@iterator called", a.length, this === iterable]);
          let i = 0;
          const iter: any = {
            get next() {
              ctx.push("get next");
              return function (this: any, ...na: any[]) {
                ctx.push(["next", na.length, this === iter]);
                if (opts.nextThrowsAt === i) throw new Error("next threw");
                if (opts.badResultAt === i) return i === 0 ? 5 : null;
                const done = i >= values.length;
                const value = values[i++];
                return {
                  get done() { ctx.push("get done"); return done; },
                  get value() { ctx.push("get value"); return value; },
                };
              };
            },
          };
          if (opts.returnKind === "fn") iter.return = function (this: any, ...ra: any[]) { ctx.push(["return", ra.length, this === iter]); return {}; };
          if (opts.returnKind === "throws") iter.return = function () { ctx.push("return throws"); throw new Error("return threw"); };
          if (opts.returnKind === "getterThrows") Object.defineProperty(iter, "return", { get() { ctx.push("get return throws"); throw new Error("get return"); } });
          if (opts.returnKind === "notCallable") iter.return = 42;
          if (opts.returnKind === "null") iter.return = null;
          if (opts.returnKind === "primitiveResult") iter.return = function () { ctx.push("return prim"); return 1; };
          return iter;
        };
      },
    };
    return iterable;
  }

  const itemsCases: Record<string, (ctx: Ctx) => any> = {
    array: () => [1, , 3],
    set: () => new Set([1, 2, 2, 3]),
    map: () => new Map<any, any>([[1, "a"], [2, "b"]]),
    generator: (ctx) => gen(ctx),
    string: () => "a\u{1F600}b\uD800c",
    emptyString: () => "",
    arguments: () => (function (..._: any[]) { return arguments; })(1, 2),
    typed: () => new Int16Array([-1, 2]),
    arrayLike: () => ({ length: 3, 0: "a", 2: "c" }),
    arrayLikeGetters: receivers.getters,
    arrayLikeStringLength: receivers.arrayLikeStringLength,
    iteratorNull: () => ({ length: 2, 0: "x", 1: "y", [Symbol.iterator]: null }),
    iteratorUndefined: () => ({ length: 1, 0: "x", [Symbol.iterator]: undefined }),
    iteratorNotCallable: () => ({ length: 1, 0: "x", [Symbol.iterator]: 1 }),
    iteratorReturnsPrimitive: () => ({ [Symbol.iterator]: () => 1 }),
    iteratorNoNext: () => ({ [Symbol.iterator]: () => ({}) }),
    iteratorNextNumber: () => ({ [Symbol.iterator]: () => ({ next: 1 }) }),
    logging: (ctx) => loggingIterable(ctx, ["x", "y", "z"], { returnKind: "fn" }),
    loggingEmpty: (ctx) => loggingIterable(ctx, [], { returnKind: "fn" }),
    nextThrows: (ctx) => loggingIterable(ctx, ["x", "y"], { returnKind: "fn", nextThrowsAt: 1 }),
    badResult0: (ctx) => loggingIterable(ctx, ["x", "y"], { returnKind: "fn", badResultAt: 0 }),
    badResult1: (ctx) => loggingIterable(ctx, ["x", "y"], { returnKind: "fn", badResultAt: 1 }),
    returnThrows: (ctx) => loggingIterable(ctx, ["x", "y", "z"], { returnKind: "throws" }),
    returnGetterThrows: (ctx) => loggingIterable(ctx, ["x", "y", "z"], { returnKind: "getterThrows" }),
    returnNotCallable: (ctx) => loggingIterable(ctx, ["x", "y", "z"], { returnKind: "notCallable" }),
    returnNull: (ctx) => loggingIterable(ctx, ["x", "y", "z"], { returnKind: "null" }),
    returnPrimitive: (ctx) => loggingIterable(ctx, ["x", "y", "z"], { returnKind: "primitiveResult" }),
    number: () => 42,
    boolean: () => false,
    null: () => null,
    undefined: () => undefined,
    proxyArray: (ctx) => loggingProxy([1, 2], ctx),
    proxyArrayLike: (ctx) => loggingProxy({ length: 2, 0: "a" } as any, ctx),
  };

  function F(this: any, ...args: any[]) { this.ctorArgs = args.map((a) => snap(a)); }
  const ctors: Record<string, (ctx: Ctx) => any> = {
    Array: () => Array,
    MyArray: () => MyArray,
    LoggedArray: (ctx) => { LoggedArray.log = ctx.log; return LoggedArray; },
    plainFunction: () => F,
    arrow: () => () => ({ arrow: true }),
    method: () => Math.max,
    object: () => ({}),
    undefined: () => undefined,
    null: () => null,
    number: () => 3,
    frozenResult: () => function () { return Object.freeze([]); },
    nonExtensibleResult: () => function () { return Object.preventExtensions({}); },
    readonlyResult: () => function () { return Object.defineProperty({}, "0", { value: "ro" }); },
    lengthSetter: (ctx) => class {
      set length(v: any) { ctx.push(["set length", snap(v)]); }
    },
    lengthReadonly: () => function () { return Object.defineProperty({}, "length", { value: 0 }); },
    proxyResult: (ctx) => function () { return loggingProxy({}, ctx); },
    foreignArray: () => vm.runInNewContext("Array"),
    bound: () => MyArray.bind(null),
  };
  const mapfns: Record<string, (ctx: Ctx) => [any, any]> = {
    none: () => [undefined, undefined],
    record: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("mapfn", this, a); return [a[0]]; }, undefined],
    thisArg: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("mapfn", this, a); return a[1]; }, { t: 1 }],
    throwsAt1: (ctx) => [function (this: any, ...a: any[]) { ctx.rec("mapfn", this, a); if (a[1] === 1) throw new Error("mapfn"); return a[0]; }, undefined],
  };

  test("items x constructors x mapfn", () => {
    for (const [iname, mki] of Object.entries(itemsCases)) {
      for (const [cname, mkc] of Object.entries(ctors)) {
        for (const [mname, mkm] of Object.entries(mapfns)) {
          same(`${iname} ${cname} ${mname}`, (impl, ctx) => {
            try {
              const [mapfn, thisArg] = mkm(ctx);
              const C = mkc(ctx);
              const items = mki(ctx);
              const r = impl.arrayFrom(C, items, mapfn, thisArg);
              return [r, C !== null && C !== undefined && typeof C === "function" && r instanceof C];
            } finally {
              LoggedArray.log = null;
            }
          });
        }
      }
    }
  });

  test("returns arrays of this realm when called on a foreign Array", () => {
    same("foreign", (impl) => {
      const C = vm.runInNewContext("Array");
      const r = impl.arrayFrom(C, [1, 2]);
      return [Object.getPrototypeOf(r) === C.prototype, Object.getPrototypeOf(r) === Array.prototype];
    });
  });

  test("mapfn errors come before items errors", () => {
    same("null items, bad mapfn", (impl) => impl.arrayFrom(Array, null, {}));
    same("undefined items, bad mapfn", (impl) => impl.arrayFrom(Array, undefined, 0));
  });
});

// ---------------------------------------------------------------------------------------------
// Map / Set forEach

describe("Map and Set forEach", () => {
  const mkMap = () => new Map<any, any>([["a", 1], ["b", 2], ["c", 3], ["d", 4]]);
  const mkSet = () => new Set<any>(["a", "b", "c", "d"]);
  type Mut = (ctx: Ctx, coll: any, key: any, n: number) => void;
  const mutations: Record<string, Mut> = {
    none: () => {},
    addEach: (_c, m, k, n) => { if (n < 5) m instanceof Map ? m.set(k + "+", n) : m.add(k + "+"); },
    addExisting: (_c, m, _k, n) => { if (n === 0) m instanceof Map ? m.set("c", "updated") : m.add("c"); },
    deleteUpcoming: (_c, m, _k, n) => { if (n === 0) m.delete("c"); },
    deleteCurrent: (_c, m, k) => { m.delete(k); },
    deleteVisited: (_c, m, _k, n) => { if (n === 1) m.delete("a"); },
    deleteAndReadd: (_c, m, _k, n) => { if (n === 1) { m.delete("a"); m instanceof Map ? m.set("a", "again") : m.add("a"); } },
    deleteUpcomingAndReadd: (_c, m, _k, n) => { if (n === 0) { m.delete("c"); m instanceof Map ? m.set("c", "again") : m.add("c"); } },
    clear: (_c, m, _k, n) => { if (n === 1) m.clear(); },
    clearAndAdd: (_c, m, _k, n) => { if (n === 1) { m.clear(); m instanceof Map ? m.set("z", 26) : m.add("z"); } },
    deleteAllButLast: (_c, m, _k, n) => { if (n === 0) { m.delete("b"); m.delete("c"); } },
    growMuch: (_c, m, k, n) => { if (n < 40) m instanceof Map ? m.set(`${k}${n}`, n) : m.add(`${k}${n}`); },
    throws: (_c, _m, _k, n) => { if (n === 2) throw new Error("forEach cb"); },
  };
  const thisArgs: Array<[string, any]> = [["none", undefined], ["obj", { t: 1 }], ["prim", "s"]];
  test("mutation during iteration", () => {
    for (const [mname, mut] of Object.entries(mutations)) {
      for (const [tname, thisArg] of thisArgs) {
        same(`map ${mname} ${tname}`, (impl, ctx) => {
          const M = ctx.watch(mkMap());
          let n = 0;
          return impl.mapForEach(M, function (this: any, ...a: any[]) {
            ctx.rec("cb", this, a);
            mut(ctx, a[2], a[1], n++);
          }, thisArg);
        });
        same(`set ${mname} ${tname}`, (impl, ctx) => {
          const S = ctx.watch(mkSet());
          let n = 0;
          return impl.setForEach(S, function (this: any, ...a: any[]) {
            ctx.rec("cb", this, a);
            mut(ctx, a[2], a[0], n++);
          }, thisArg);
        });
      }
    }
  });

  test("subclasses with overridden iteration methods are still walked natively", () => {
    class M2 extends Map {
      entries(): any { throw new Error("entries"); }
      [Symbol.iterator](): any { throw new Error("iterator"); }
      forEach(): any { throw new Error("forEach"); }
    }
    class S2 extends Set {
      values(): any { throw new Error("values"); }
      [Symbol.iterator](): any { throw new Error("iterator"); }
    }
    same("map subclass", (impl, ctx) => impl.mapForEach(new M2([[1, 2], [3, 4]]), (...a: any[]) => ctx.rec("cb", undefined, a)));
    same("set subclass", (impl, ctx) => impl.setForEach(new S2([1, 2]), (...a: any[]) => ctx.rec("cb", undefined, a)));
    same("keys of every type", (impl, ctx) => {
      const M = new Map<any, any>([[NaN, 1], [-0, 2], [undefined, 3], [null, 4], [{}, 5]]);
      return impl.mapForEach(M, (...a: any[]) => ctx.rec("cb", undefined, a));
    });
  });

  test("incompatible receivers", () => {
    const bad: Array<[string, () => any]> = [
      ["undefined", () => undefined], ["null", () => null], ["number", () => 1], ["string", () => "s"],
      ["object", () => ({})], ["array", () => []], ["weakMap", () => new WeakMap()], ["weakSet", () => new WeakSet()],
      ["mapProto", () => Map.prototype], ["setProto", () => Set.prototype], ["fn", () => function foo() { return 1; }],
      ["mapLike", () => Object.create(Map.prototype)], ["symbol", () => Symbol("m")],
    ];
    for (const [name, mk] of bad) {
      same(`map ${name}`, (impl) => impl.mapForEach(mk(), () => 1));
      same(`map ${name} bad cb`, (impl) => impl.mapForEach(mk(), 1));
      same(`set ${name}`, (impl) => impl.setForEach(mk(), () => 1));
    }
    same("map given a Set", (impl) => impl.mapForEach(new Set([1]), () => 1));
    same("set given a Map", (impl) => impl.setForEach(new Map([[1, 1]]), () => 1));
  });

  test("large collections", () => {
    const M = () => new Map(Array.from({ length: 5000 }, (_, i) => [i, i * 2] as [number, number]));
    same("map 5000 with deletes", (impl, ctx) => {
      const m = ctx.watch(M());
      let sum = 0;
      impl.mapForEach(m, (v: number, k: number, mm: Map<number, number>) => { sum += v + k; if (k % 3 === 0) mm.delete(k + 1); });
      return sum;
    });
  });
});

test("sanity: many comparisons were made", () => {
  expect(comparisons).toBeGreaterThan(5000);
});
