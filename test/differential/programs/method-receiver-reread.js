// The receiver of a method call whose variable is never reassigned is read again at the call
// (no temp, see compiler/explode.ts Exploder.call); one that can change keeps the value it had
// when the method was read, as JavaScript evaluates `x.m(args)`: x, then x.m, then args, then the call.
export function main(sw, log) {
  const mk = (tag) => ({ tag, m(...xs) { sw(); return this.tag + ":" + xs.join(","); } });
  const a = mk("a"), b = mk("b");

  // A never-reassigned receiver, with switches in the arguments and in the callee.
  const k = mk("k");
  function sw2(v) { sw(); return v; }
  log("const", k.m(sw2(1), sw2(2)), k.m());

  // A receiver reassigned in an argument: the call still gets the object the method was read from.
  let r = a;
  log("let, reassigned in an argument", r.m((sw(), r = b, 1)), r.tag);

  // A receiver reassigned by the getter that produces the method.
  let g = mk("g1");
  Object.defineProperty(g, "n", { get() { const was = g; g = mk("g2"); return function () { sw(); return this === was; }; } });
  log("let, reassigned by the getter", g.n(sw2(0)), g.tag);

  // A closure's never-reassigned variable (as the bench's tick reads `main`).
  function makeCaller(target) { return function call(x) { return target.m(sw2(x)); }; }
  const caller = makeCaller(b);
  log("captured parameter", caller(3), caller(4));

  // A parameter, a catch binding and a for-of binding, never reassigned.
  function viaParam(o) { return o.m(sw2("p")); }
  log("parameter", viaParam(a));
  try { throw mk("e"); } catch (e) { log("catch binding", e.m(sw2("c"))); }
  for (const o of [a, b]) log("for-of binding", o.m(sw2("f")));
}
