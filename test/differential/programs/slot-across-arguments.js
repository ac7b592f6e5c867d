// Code that runs while a call's arguments are evaluated, after the call site stored its callee in
// the call slot: a valueOf entered from the native `+`, a getter, a leaf function, a pure built-in
// whose conversion calls back. The callee must still find itself in the slot and may switch.
export function main(sw, log) {
  const seen = [];
  const note = (what) => seen.push(what); // a leaf
  // valueOf and the function the getter calls make calls, so they are entered through $$F.nat.
  const v = { valueOf() { note("valueOf"); return 3; } };
  function four() { note("four"); return 4; }
  const o = { get x() { return four(); } };
  const leaf = (a) => a * 10;
  function f(a, b) {
    sw();
    return a + b;
  }
  const obj = { m(a) { sw(); return a; } };
  log("valueOf", f(v + 1, 2));
  log("getter", f(o.x, 2));
  log("leaf", f(leaf(1), 2));
  log("builtin", f(Math.max(v, 1), String({ toString() { return "s"; } })));
  log("method", obj.m(v * 2), obj.m(leaf(o.x)));
  log("nested", f(f(v + 0, leaf(2)), leaf(3)));
  log("seen", seen);
  return "done";
}
