// Default parameters calling switching functions; referencing earlier params; scope rules.
export function main(sw, log) {
  const order = [];
  function d(name, v) { order.push(name); sw(); return v; }

  function f(a = d("a", 1), b = d("b", a + 1), c = d("c", [a, b])) {
    sw();
    return [a, b, c];
  }
  log("none", f(), order.splice(0));
  log("some", f(10), order.splice(0));
  log("undefined triggers default", f(undefined, 5, undefined), order.splice(0));
  log("null does not", f(null, null, null), order.splice(0));

  // defaults in arrows and methods
  const arrow = (x = d("x", "X"), y = x + d("y", "Y")) => [x, y];
  log("arrow", arrow(), order.splice(0));
  const obj = {
    base: 7,
    m(z = this.base * d("z", 2)) { return z; },
  };
  log("method", obj.m(), obj.m(1), order.splice(0));

  // default closes over parameter, body var shadows it (separate scopes)
  function scoped(p = "param", getP = () => p) {
    var p;
    sw();
    p = "body";
    return [p, getP()];
  }
  log("scoped", scoped());

  // default referencing later param throws (TDZ)
  function tdz(a = b, b = 1) { return [a, b]; }
  try { sw(); tdz(); } catch (e) { log("tdz", e.constructor.name); }
  log("tdz ok", tdz(5));

  // default evaluated once per call, after switch in earlier default
  let counter = 0;
  function cnt(v = (sw(), ++counter), w = ++counter) { return [v, w]; }
  log("counter", cnt(), cnt(), cnt(0), counter);
  // function length ignores defaults
  log("length", f.length, arrow.length, cnt.length);
  // default that throws after switch
  function thrower(x = d("thr", null).boom) { return x; }
  try { thrower(); } catch (e) { log("default throws", e.constructor.name, order.splice(0)); }
  return "ok";
}
