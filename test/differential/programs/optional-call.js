// Optional calls f?.(), o.m?.(), o?.m(), with switching callees and args.
export function main(sw, log) {
  const calls = [];
  function arg(v) { calls.push("arg:" + v); sw(); return v; }
  let f = null;
  log("null callee", f?.(arg(1)), calls.splice(0)); // args not evaluated
  f = (x) => { sw(); return "called " + x; };
  log("fn callee", f?.(arg(2)), calls.splice(0));

  const o = {
    v: 3,
    m(x) { sw(); return this.v + x; },
    nested: { deep: { fn() { sw(); return "deep"; } } },
    nullish: undefined,
  };
  log("method", o.m?.(arg(4)), o.missing?.(arg(5)), calls.splice(0));
  log("chain", o?.nested?.deep?.fn?.(), o.nullish?.deep.fn(), o.nested.nope?.fn());

  // short-circuit stops the rest of the chain
  let reached = false;
  const side = () => { reached = true; return "x"; };
  const r = o.nullish?.[side()].foo.bar();
  log("short-circuit", r, reached);

  // callee computed via switching function
  function getObj() { calls.push("getObj"); sw(); return o; }
  log("computed", getObj()?.["m"]?.(arg(10)), calls.splice(0));

  // optional call on a value that is not a function throws
  const notFn = { x: 5 };
  try { sw(); notFn.x?.(); } catch (e) { log("not a function", e.constructor.name); }

  // optional call with spread
  const spreadFn = (...xs) => { sw(); return xs.length; };
  log("spread", spreadFn?.(...[1, 2, 3]), undefined?.(...[]));
  // optional call in a loop with alternating null
  const fns = [null, (x) => x + 1, undefined, (x) => (sw(), x * 2)];
  log("loop", fns.map((g, i) => g?.(i)));
  // delete with optional chain
  const d = { a: { b: 1 } };
  log("delete optional", delete d?.a.b, delete d.zz?.b, d);
  return "ok";
}
