// Destructuring with defaults that call switching functions; nested patterns; order of evaluation.
export function main(sw, log) {
  const order = [];
  function dflt(name, v) { order.push("dflt:" + name); sw(); return v; }

  const { a = dflt("a", 1), b = dflt("b", 2), c: { d = dflt("d", 4) } = {} } = { b: undefined, c: { d: null } };
  log("obj", a, b, d, order.splice(0));

  const [x = dflt("x", 10), , y = dflt("y", 20), ...rest] = [undefined, "skip", 0, 7, 8];
  log("arr", x, y, rest, order.splice(0));

  // computed keys in patterns that switch
  function key(k) { order.push("key:" + k); sw(); return k; }
  const src = { p: "P", q: "Q" };
  const { [key("p")]: pv, [key("q")]: qv = dflt("qv", "no"), ...others } = { ...src, r: "R" };
  log("computed", pv, qv, others, order.splice(0));

  // assignment destructuring to existing variables and members
  let m, n;
  const target = {};
  ({ m = dflt("m", "M"), n: target.n = dflt("n", "N") } = { m: undefined });
  log("assign", m, target.n, order.splice(0));
  [target["k" + key(1)], m = dflt("m2", "MM")] = ["first"];
  log("assign2", target, m, order.splice(0));

  // swap via destructuring around a switch
  let s1 = "one", s2 = "two";
  [s1, s2] = [s2, (sw(), s1)];
  log("swap", s1, s2);

  // defaults referencing earlier bindings
  const { e1 = 5, e2 = e1 * dflt("e2", 2) } = {};
  log("chain", e1, e2, order.splice(0));

  // destructuring in parameters
  function params({ u = dflt("u", "U"), v: [v0 = dflt("v0", "V0")] = [] } = {}, [w = dflt("w", "W")] = []) {
    sw();
    return [u, v0, w];
  }
  log("params", params(), params({ u: 1, v: [2] }, [3]), order.splice(0));

  // destructuring errors after switch
  try {
    sw();
    const { z } = null;
    log("never", z);
  } catch (e) { log("destructure null", e.constructor.name); }
  // string and iterable destructuring
  const [c0, c1 = dflt("c1", "?")] = "h";
  log("str", c0, c1, order.splice(0));
  return a + b;
}
