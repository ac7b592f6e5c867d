// Workloads of the real-library tier (see harness.mjs). This module is run twice: as-is with the
// original libraries (the reference), and compiled by fibers-ts (like the libraries) with the
// compiled libraries, outside a fiber and inside one. Every workload takes `tick`, which the
// library calls back from deep inside its own code (acorn's onToken, esprima's delegate, marked's
// walkTokens/renderer/hooks, lodash's iteratees); inside a fiber, every `every`-th tick switches
// to the main fiber, so the whole compiled call stack of the library is captured and resumed.
//
// Nothing here may depend on whether it is compiled; all outputs are strings (JSON).

/** JSON replacer: BigInt literal values (acorn's Literal.value) */
function big(k, v) {
  return typeof v === "bigint" ? `${v}n` : v;
}

// ---------------------------------------------------------------------------------------------
// acorn: parse a large script and a large module (AST JSON), tokenize with the iterator protocol.

export function acornWorkload(acorn, input, tick) {
  let tokens = 0;
  let comments = 0;
  const ast = acorn.parse(input.script, {
    ecmaVersion: "latest",
    sourceType: "script",
    locations: true,
    ranges: true,
    onToken(tok) {
      tokens++;
      tick();
    },
    onComment(block, text, start, end) {
      comments += block ? 1 : 2;
      tick();
    },
  });
  const mod = acorn.parse(input.module, {
    ecmaVersion: "latest",
    sourceType: "module",
    onToken: () => tick(),
  });
  const types = {};
  for (const tok of acorn.tokenizer(input.module, { ecmaVersion: "latest", sourceType: "module" })) {
    tick();
    types[tok.type.label] = (types[tok.type.label] || 0) + 1;
  }
  let err = null;
  try {
    acorn.parse("let x = (1 +;", { ecmaVersion: 2020 });
  } catch (e) {
    err = `${e.name}: ${e.message} @${e.pos}`;
  }
  // Many more files, in several language versions (old versions mostly end in SyntaxError).
  const files = [];
  for (const f of input.files) {
    const r = { name: f.name };
    for (const ecmaVersion of ["latest", 2017, 5]) {
      try {
        r[ecmaVersion] = acorn.parse(f.code, {
          ecmaVersion,
          sourceType: ecmaVersion === 5 ? "script" : "module",
          locations: ecmaVersion === "latest",
          allowReserved: true,
          onInsertedSemicolon: () => tick(),
          onTrailingComma: () => tick(),
          onToken: () => tick(),
        });
      } catch (e) {
        r[ecmaVersion] = `${e.name}: ${e.message} @${e.pos}`;
      }
    }
    files.push(r);
  }
  return JSON.stringify({ ast, mod, tokens, comments, types, err, files }, big);
}

// ---------------------------------------------------------------------------------------------
// esprima: parse (with the delegate called on every node) and tokenize a large script.

export function esprimaWorkload(esprima, input, tick) {
  let nodes = 0;
  const ast = esprima.parseScript(input.script, { range: true, loc: true, tokens: true, comment: true }, (node, meta) => {
    nodes++;
    tick();
  });
  const tokens = esprima.tokenize(input.script, { range: true, comment: true }, (tok) => {
    tick();
    return tok;
  });
  let mnodes = 0;
  const mod = esprima.parseModule(input.module, { range: true }, () => {
    mnodes++;
    tick();
  });
  let err = null;
  try {
    esprima.parseScript("var a = function( {");
  } catch (e) {
    err = `${e.name}: ${e.description} @${e.index}`;
  }
  const files = [];
  for (const f of input.files) {
    const r = { name: f.name };
    try {
      r.ast = esprima.parseModule(f.code, { range: true, tolerant: true }, () => tick());
    } catch (e) {
      r.ast = `${e.name}: ${e.description} @${e.index}`;
    }
    try {
      r.tokens = esprima.tokenize(f.code, { tolerant: true }).length;
    } catch (e) {
      r.tokens = `${e.name}: ${e.description} @${e.index}`;
    }
    files.push(r);
  }
  return JSON.stringify({ ast, tokens, nodes, mod, mnodes, err, files }, big);
}

// ---------------------------------------------------------------------------------------------
// marked: render a long Markdown document with the default instance and with an instance whose
// walkTokens / renderer / tokenizer hooks call back.

export function markedWorkload(lib, input, tick) {
  const plain = lib.marked.parse(input.markdown);
  const m = new lib.Marked({ gfm: true, breaks: true });
  let walked = 0;
  m.use({
    walkTokens(token) {
      walked++;
      tick();
      if (token.type === "codespan") token.text = token.text.toUpperCase();
    },
    hooks: {
      preprocess(md) {
        tick();
        return md;
      },
      postprocess(html) {
        tick();
        return html.replace(/<hr>/g, "<hr class=x>");
      },
    },
    renderer: {
      heading(token) {
        tick();
        if (token.depth === 3) return `<h3 class="h">${this.parser.parseInline(token.tokens)}</h3>\n`;
        return false;
      },
      link(token) {
        tick();
        return false;
      },
    },
  });
  const hooked = m.parse(input.markdown);
  const tokens = m.lexer(input.markdown);
  const inline = lib.marked.parseInline("**bold** _it_ `code` [l](http://x) ~~s~~");
  return JSON.stringify({ plain, hooked, walked, ntokens: tokens.length, types: tokens.map((t) => t.type).join(","), inline });
}

// ---------------------------------------------------------------------------------------------
// lodash: collection, string, function, object and lang utilities; chains (lazy and not).

export function lodashWorkload(_, input, tick) {
  const out = {};
  const nums = _.range(0, 3000);
  const users = _.times(800, (i) => {
    tick();
    return {
      id: i,
      name: `user ${(i * 7919) % 1000} ${["alpha", "beta", "gamma", "delta"][i % 4]}`,
      age: 18 + ((i * 31) % 60),
      tags: ["t" + (i % 5), "g" + (i % 3)],
      nested: { score: (i * 37) % 101, deep: { list: [i, i * 2], flag: i % 2 === 0 } },
    };
  });
  // collection
  out.map = _.map(nums, (n) => {
    tick();
    return (n * n) % 97;
  });
  out.filter = _.filter(users, (u) => {
    tick();
    return u.age > 40;
  }).length;
  out.reject = _.reject(users, "nested.deep.flag").length;
  out.groupBy = _.mapValues(
    _.groupBy(users, (u) => {
      tick();
      return u.age % 7;
    }),
    (g) => g.length,
  );
  out.countBy = _.countBy(users, (u) => u.tags[0]);
  out.keyBy = _.size(_.keyBy(users, "name"));
  out.sortBy = _.map(_.sortBy(users, [(u) => { tick(); return u.nested.score; }, "name"]), "id").slice(0, 80);
  out.orderBy = _.map(_.orderBy(users, ["age", "id"], ["desc", "asc"]), "id").slice(0, 40);
  out.uniq = _.uniq(_.map(users, "age"));
  out.uniqBy = _.map(_.uniqBy(users, (u) => { tick(); return u.nested.score % 13; }), "id");
  out.chunk = _.chunk(nums.slice(0, 50), 7);
  out.zip = _.zip(["a", "b", "c"], [1, 2, 3], [true, false]);
  out.unzipWith = _.unzipWith([[1, 10, 100], [2, 20, 200]], _.add);
  out.zipObjectDeep = _.zipObjectDeep(["a.b[0].c", "a.b[1].d"], [1, 2]);
  out.partition = _.partition(nums.slice(0, 40), (n) => { tick(); return n % 3 === 0; });
  out.reduce = _.reduce(users, (acc, u) => { tick(); acc[u.age % 5] = (acc[u.age % 5] || 0) + u.nested.score; return acc; }, {});
  out.reduceRight = _.reduceRight([[0, 1], [2, 3], [4, 5]], (a, b) => a.concat(b), []);
  out.flatMapDeep = _.flatMapDeep([1, 2, 3], (n) => [[[n, n * 2]]]);
  out.setops = [
    _.difference(nums.slice(0, 30), nums.slice(10, 20)),
    _.intersectionBy([2.1, 1.2, 3.3], [2.3, 3.4], Math.floor),
    _.union([2, 1], [4, 2], [1, 2]),
    _.xorBy([{ x: 1 }], [{ x: 2 }, { x: 1 }], "x"),
    _.differenceWith([{ a: 1 }, { a: 2 }], [{ a: 1 }], _.isEqual),
  ];
  out.stats = [_.sumBy(users, "age"), _.meanBy(users, (u) => u.nested.score), _.maxBy(users, "age").id, _.minBy(users, (u) => { tick(); return u.nested.score; }).id];
  out.search = [
    _.find(users, { age: 50 }).id,
    _.findLast(users, ["age", 50]).id,
    _.findIndex(users, (u) => { tick(); return u.name.startsWith("user 99"); }),
    _.every(users, "name"),
    _.some(users, (u) => { tick(); return u.age > 76; }),
    _.includes(nums, 2999),
    _.sortedIndexBy(nums, 1500.5, (n) => n),
  ];
  out.forEach = (() => {
    const acc = [];
    _.forEach({ b: 2, a: 1, c: 3 }, (v, k) => { tick(); acc.push(k + v); });
    _.forEachRight([1, 2, 3], (v) => { acc.push(v); if (v === 2) return false; });
    return acc;
  })();
  // string
  const phrases = _.map(users.slice(0, 150), (u) => `${u.name}__the ${u.tags.join("-")} XMLHttpRequest déjà-vu ${u.id}`);
  out.camelCase = _.map(phrases, (p) => { tick(); return _.camelCase(p); });
  out.kebabCase = _.map(phrases, _.kebabCase);
  out.snakeCase = _.map(phrases.slice(0, 20), _.snakeCase);
  out.startCase = _.map(phrases.slice(0, 20), _.startCase);
  out.words = _.words(phrases.join(" ")).length;
  out.wordsPattern = _.words("fred, barney, & pebbles", /[^, ]+/g);
  out.deburr = _.deburr("déjà vu Æsir ŒUVRE");
  out.escape = _.escape(`<a href="x">'fish' & "chips"</a>`);
  out.unescape = _.unescape("&lt;p&gt;&amp;&quot;&#39;");
  out.pad = [_.padStart("42", 8, "0"), _.padEnd("abc", 7, "xy"), _.pad("mid", 9, "-+")];
  out.truncate = _.truncate(phrases[3], { length: 24, separator: /,? +/ });
  out.misc = [_.capitalize("hELLO"), _.upperFirst("fred"), _.repeat("ab", 3), _.trim("  x  "), _.trimEnd("-_-abc-_-", "_-"), _.parseInt("08"), _.split("a-b-c", "-", 2), _.replace("Hi Fred", "Fred", "Barney")];
  const tpl = _.template(
    "<ul><% _.forEach(users, function(u) { %><li><%- u.name %>:<%= u.age %></li><% }); %></ul>${ extra }",
    { imports: { helper: (x) => x } },
  );
  out.template = tpl({ users: users.slice(0, 30), extra: "<b>" });
  out.templateInterp = _.template("hello {{ user }}!", { interpolate: /{{([\s\S]+?)}}/g })({ user: "mustache" });
  // function
  const fib = _.memoize((n) => {
    tick();
    return n < 2 ? n : fib(n - 1) + fib(n - 2);
  });
  out.memoize = [fib(70), fib.cache.size];
  const resolverMemo = _.memoize((a, b) => a * b, (a, b) => `${a}|${b}`);
  out.memoize2 = [resolverMemo(3, 4), resolverMemo(3, 5), resolverMemo.cache.size];
  const add3 = _.curry((a, b, c) => { tick(); return a + b + c; });
  out.curry = [add3(1)(2)(3), add3(1, 2)(3), add3(1)(2, 3), add3(_, 2)(1, 3), _.curryRight((a, b, c) => [a, b, c])(1)(2)(3)];
  const greet = (greeting, name, punct) => `${greeting} ${name}${punct}`;
  out.partial = [_.partial(greet, "hi")("fred", "!"), _.partial(greet, _, "bob")("yo", "?"), _.partialRight(greet, "!")("hey", "x")];
  out.flow = [_.flow([_.add, (n) => n * n, String])(1, 2), _.flowRight(_.toUpper, _.trim)("  abc ")];
  let onceCount = 0;
  const once = _.once(() => ++onceCount);
  once();
  once();
  out.once = [once(), onceCount];
  let beforeCount = 0;
  const before = _.before(3, () => ++beforeCount);
  for (let i = 0; i < 5; i++) before();
  const afterLog = [];
  const after = _.after(2, (x) => afterLog.push(x));
  for (let i = 0; i < 4; i++) after(i);
  out.counts = [beforeCount, afterLog];
  out.adapters = [
    _.map(["6", "8", "10"], _.ary(parseInt, 1)),
    _.rearg((a, b, c) => [a, b, c], [2, 0, 1])("b", "c", "a"),
    _.overArgs((x, y) => [x, y], [(x) => x * 2, (y) => y + 1])(5, 5),
    _.spread((a, b) => a + b)([4, 5]),
    _.rest((what, names) => what + names.join(","))("hi", "a", "b"),
    _.negate((n) => n % 2 === 0)(3),
    _.flip((...args) => args)(1, 2, 3),
    _.unary(parseFloat)("1.5e1"),
    _.wrap(_.escape, (fn, text) => `<p>${fn(text)}</p>`)("a&b"),
    _.over([Math.max, Math.min])(1, 5, 3),
    _.overEvery([Boolean, isFinite])("1"),
    _.cond([[_.matches({ a: 1 }), _.constant("one")], [_.stubTrue, _.constant("other")]])({ a: 1 }),
    _.attempt((x) => { throw new Error("boom " + x); }, 1).message,
  ];
  // object
  const a = { a: [{ b: 2 }, { d: 4 }], x: { y: { z: 1 } } };
  const b = { a: [{ c: 3 }, { e: 5 }], x: { y: { w: 2 } } };
  out.merge = _.merge(_.cloneDeep(a), b);
  out.mergeWith = _.mergeWith({ a: [1], b: [2] }, { a: [3], b: [4] }, (o, s) => (_.isArray(o) ? o.concat(s) : undefined));
  const circ = { name: "c", list: [1, 2, { d: new Date(0) }], m: new Map([["k", { v: 1 }]]), s: new Set([1, 2]), re: /x/gi };
  circ.self = circ;
  const cloned = _.cloneDeep(circ);
  out.cloneDeep = [cloned.self === cloned, cloned.list[2].d.getTime(), cloned.m.get("k").v, [...cloned.s], String(cloned.re), _.isEqual(_.omit(cloned, "self"), _.omit(circ, "self"))];
  out.cloneDeepWith = _.cloneDeepWith({ a: 1, b: { c: 2 } }, (v) => (_.isNumber(v) ? v * 10 : undefined));
  const obj = {};
  for (let i = 0; i < 300; i++) {
    tick();
    _.set(obj, `k${i % 10}.list[${i % 7}].v${i % 3}`, i);
  }
  out.set = obj;
  out.get = [_.get(obj, "k3.list[3].v0"), _.get(obj, ["k1", "list", "1", "v1"]), _.get(obj, "nope.x", "dflt"), _.has(obj, "k2.list[2]"), _.hasIn(obj, "k9")];
  out.update = _.update({ a: { n: 1 } }, "a.n", (n) => n + 41);
  out.unset = (() => { const o = { a: { b: 1, c: 2 } }; _.unset(o, "a.b"); return o; })();
  out.pick = _.pick(users[5], ["id", "nested.score", "tags[1]"]);
  out.pickBy = _.pickBy({ a: 1, b: "2", c: 3 }, (v) => { tick(); return _.isNumber(v); });
  out.omit = _.omit(users[7], ["nested", "tags"]);
  out.omitBy = _.omitBy({ a: 1, b: null, c: undefined }, _.isNil);
  out.defaults = [_.defaults({ a: 1 }, { a: 3, b: 2 }), _.defaultsDeep({ a: { b: 2 } }, { a: { b: 1, c: 3 } })];
  out.invert = [_.invert({ a: 1, b: 2, c: 1 }), _.invertBy({ a: 1, b: 2, c: 1 }, (v) => "g" + v)];
  out.mapKeys = _.mapKeys({ a: 1, b: 2 }, (v, k) => { tick(); return k + v; });
  out.pairs = [_.toPairs({ a: 1, b: 2 }), _.fromPairs([["x", 1], ["y", 2]]), _.at(a, ["a[0].b", "x.y.z"])];
  out.transform = _.transform({ a: 1, b: 2, c: 1 }, (r, v, k) => { tick(); (r[v] || (r[v] = [])).push(k); }, {});
  out.isEqual = [_.isEqual(users, _.cloneDeep(users)), _.isEqualWith([1, "2"], ["1", 2], (x, y) => String(x) === String(y)), _.isMatch(users[2], { nested: { score: users[2].nested.score } })];
  out.lang = [_.isPlainObject(obj), _.isArrayLike("abc"), _.toArray("abc"), _.toPath("a[0].b.c"), _.castArray(1), _.clamp(10, -5, 5), _.inRange(3, 2, 4), _.toNumber("0x1f"), _.toSafeInteger(2 ** 60), _.toString([1, [2, null]])];
  // chains: explicit, implicit, lazy (LazyWrapper with take/filter/map shortcut fusion)
  out.chain = _.chain(users).filter((u) => { tick(); return u.age < 30; }).map("name").sortBy().uniq().take(10).value();
  out.lazy = _(nums).map((n) => { tick(); return n * 3; }).filter((n) => n % 2 === 0).takeRight(5).reverse().value();
  out.lazy2 = _(nums).drop(5).takeWhile((n) => n < 500).map(_.negate(_.isNaN)).compact().size();
  out.implicit = _([3, 1, 2]).sort().join("-");
  out.mixin = (() => {
    const lo = _.runInContext();
    lo.mixin({ triple: (n) => n * 3 });
    return [lo.triple(4), lo([1, 2]).map(lo.triple).value()];
  })();
  return JSON.stringify(out);
}

// ---------------------------------------------------------------------------------------------
// lodash sweep: every function of the library called with a fixed set of argument tuples (the
// same fresh values for both copies); results, thrown errors, and the results of calling a
// returned function are serialized.

/** Structural serialization that never throws and never invokes accessors. */
export function show(v, seen = new Set(), depth = 0) {
  switch (typeof v) {
    case "undefined":
      return "undefined";
    case "number":
      return Object.is(v, -0) ? "-0" : String(v);
    case "bigint":
      return `${v}n`;
    case "string":
      return JSON.stringify(v);
    case "boolean":
      return String(v);
    case "symbol":
      return v.toString();
    case "function":
      return `[Function ${v.name}/${v.length}]`;
  }
  if (v === null) return "null";
  if (seen.has(v)) return "[Circular]";
  if (depth > 8) return "[Deep]";
  seen.add(v);
  try {
    if (v instanceof Error) {
      let msg = v.message;
      // Known deviations (docs/conformance.md): a call of a non-callable method is a different
      // TypeError in compiled code (repros/call-own-property.js), and V8 quotes a function's
      // source text, which is the compiled source in compiled code.
      if (/ is not a function$|^Cannot read properties of undefined \(reading '(call|apply)'\)$/.test(msg)) msg = "<not a function>";
      msg = msg.replace(/ of function '[\s\S]*'$/, " of function <source>");
      return `${v.constructor.name}(${JSON.stringify(msg)})`;
    }
    if (v instanceof Date) return `Date(${v.getTime()})`;
    if (v instanceof RegExp) return String(v);
    if (v instanceof Map) return `Map{${[...v].map(([k, x]) => show(k, seen, depth + 1) + "=>" + show(x, seen, depth + 1)).join(",")}}`;
    if (v instanceof Set) return `Set{${[...v].map((x) => show(x, seen, depth + 1)).join(",")}}`;
    const proto = Object.getPrototypeOf(v);
    const tag = Array.isArray(v) ? "" : proto === null ? "null:" : proto === Object.prototype ? "" : `${(proto.constructor && proto.constructor.name) || "?"}:`;
    const parts = [];
    for (const k of Reflect.ownKeys(v)) {
      const d = Object.getOwnPropertyDescriptor(v, k);
      if (!d.enumerable && !(Array.isArray(v) && k === "length")) continue;
      parts.push(`${typeof k === "string" && /^[\w$]+$/.test(k) ? k : show(k)}:${"value" in d ? show(d.value, seen, depth + 1) : "[accessor]"}`);
    }
    return `${tag}{${parts.join(",")}}`;
  } finally {
    seen.delete(v);
  }
}

const SWEEP_SKIP = new Set([
  // timers, randomness, clocks, global or library-wide mutation
  "debounce", "throttle", "defer", "delay", "now", "random", "shuffle", "sample", "sampleSize",
  "uniqueId", "mixin", "noConflict", "runInContext",
]);

function sweepArgs(tick) {
  const cb1 = (x) => {
    tick();
    return typeof x === "number" ? x % 2 === 0 : !!x;
  };
  const cb2 = (v, k) => {
    tick();
    return `${k}:${typeof v}`;
  };
  const cb3 = (o) => {
    tick();
    return o.a;
  };
  const fn3 = function named(a, b, c) {
    tick();
    return [a, b, c, arguments.length];
  };
  // Function.prototype.toString shows the compiled source of compiled functions (string
  // utilities would print it): give the callbacks a fixed text.
  for (const f of [cb1, cb2, cb3, fn3]) Object.defineProperty(f, "toString", { value: () => `<${f.name}>` });
  return [
    [],
    [undefined],
    [null, 1],
    [[1, 2, 3, 2, null, undefined, NaN, 0, -0, "2"]],
    [[3, 1, 2, 10, 4], 2],
    [[4, 1, 3], cb1],
    [[{ a: 1, b: [1, 2] }, { a: 2, b: [3] }, { a: 1, b: [] }], "a"],
    [[{ a: 1, b: 2 }, { a: 2, b: 1 }], { a: 2 }],
    [[{ a: 1 }, { a: 3 }, { a: 2 }], cb3],
    [{ a: 1, b: { c: [1, 2] }, d: "x" }, "b.c[1]"],
    [{ a: 1, b: 2, c: 3 }, cb2],
    [{ a: 1, b: 2 }, ["a", "c"], 7],
    ["Hello wORLD-foo_bar  déjà", 3],
    ["  abc-_-  ", "a-"],
    [5.5, 2],
    [-7, 3, 10],
    [[[1, [2, [3, [4]]]], 5], 2],
    [[1, 2, 3], [2, 3, 4], [3, 4, 5]],
    [fn3, 1, 2],
    [fn3, [1, 0]],
    [2, fn3],
    [{ x: { y: [{ z: 1 }] } }, ["x", "y", 0, "z"], 42],
    [new Map([["k", 1]]), new Set([1, 2])],
    ["a,b,,c", ","],
    [[1, 2, 3, 4, 5, 6], 1, 4],
  ];
}

export function lodashSweep(_, tick) {
  const names = Object.keys(_).filter((k) => typeof _[k] === "function" && !SWEEP_SKIP.has(k)).sort();
  const lines = [];
  for (const name of names) {
    const tuples = sweepArgs(tick);
    for (let i = 0; i < tuples.length; i++) {
      const args = tuples[i];
      let line;
      try {
        const r = _[name](...args);
        line = show(r);
        if (typeof r === "function" && name !== "constant" && !name.startsWith("stub")) {
          try {
            line += " -> " + show(r(1, 2, 3));
          } catch (e) {
            line += " -> throws " + show(e);
          }
        }
      } catch (e) {
        line = "throws " + show(e);
      }
      line += " | args " + show(args);
      lines.push(`${name}#${i}: ${line}`);
    }
  }
  return lines.join("\n");
}

export const workloads = {
  acorn: acornWorkload,
  esprima: esprimaWorkload,
  marked: markedWorkload,
  lodash: lodashWorkload,
  "lodash-sweep": (_, input, tick) => lodashSweep(_, tick),
};

/** Runs a workload with a tick that only counts. */
export function runPlain(name, lib, input) {
  let ticks = 0;
  const out = workloads[name](lib, input, () => {
    ticks++;
  });
  return { out, ticks, switches: 0 };
}

/**
 * Creates a fiber that runs the workload; every `every`-th tick switches to `home` (the main
 * fiber), which switches straight back. The fiber returns { out, ticks, switches }.
 */
export function createWorkloadFiber(Fiber, home, name, lib, input, every) {
  let ticks = 0;
  let switches = 0;
  function tick() {
    ticks++;
    if (ticks % every === 0) {
      switches++;
      home.switch();
    }
  }
  return new Fiber(function workloadBody() {
    const out = workloads[name](lib, input, tick);
    return { out, ticks, switches };
  });
}
