// sw() inside helper functions several calls deep, reached through methods, arrows, and closures.
function h3(sw, trace, x) { trace.push("h3>" + x); sw(); trace.push("h3<" + x); return x + 1; }
function h2(sw, trace, x) { const y = h3(sw, trace, x * 2); sw(); return h3(sw, trace, y); }
function h1(sw, trace, x) { try { return h2(sw, trace, x) * 10; } finally { trace.push("h1 fin"); } }

export function main(sw, log) {
  const trace = [];
  log("direct", h1(sw, trace, 1), trace.splice(0));

  const service = {
    factor: 3,
    run(x) { return this.step(x) + this.step(x + 1); },
    step(x) { return [x].map((v) => h1(sw, trace, v * this.factor))[0]; },
  };
  log("method", service.run(1), trace.splice(0));

  // closure factory that captures helpers
  function pipeline(...stages) {
    return (input) => stages.reduce((acc, stage) => stage(acc), input);
  }
  const p = pipeline(
    (x) => h3(sw, trace, x),
    (x) => { sw(); return x * 2; },
    (x) => [1, 2].reduce((a, b) => a + h3(sw, trace, b), x),
  );
  log("pipeline", p(5), p(0), trace.splice(0));

  // helper invoked via call/apply/bind and a class static
  class Util {
    static apply(fn, ...args) { sw(); return fn.apply(null, args); }
  }
  const bound = h3.bind(null, sw, trace);
  log("indirect", Util.apply(h3, sw, trace, 7), bound(8), h3.call(null, sw, trace, 9), trace.splice(0));

  // recursion through callbacks
  function walk(node, depth) {
    sw();
    return node.children.reduce((acc, c) => acc + walk(c, depth + 1), depth);
  }
  const tree = { children: [{ children: [{ children: [] }, { children: [] }] }, { children: [] }] };
  log("walk", walk(tree, 0));
  // event-emitter style listener registry
  const listeners = [];
  const on = (fn) => listeners.push(fn);
  const emit = (ev) => listeners.map((l) => l(ev));
  let tally = 0;
  on((e) => { sw(); tally += e; return "L1:" + e; });
  on((e) => { const r = h3(sw, trace, e); tally *= 2; return "L2:" + r; });
  log("emit", emit(1), emit(2), tally, trace.splice(0));
  return tally;
}
