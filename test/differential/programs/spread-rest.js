// Spread arguments, rest parameters, array spread with switching elements.
function collect(first, ...rest) { return { first, rest, n: arguments.length }; }
function sum(...xs) { let s = 0; for (const x of xs) s += x; return s; }

export function main(sw, log) {
  function v(x) { sw(); return x; }
  log("collect", collect(v(1), ...[v(2), v(3)], v(4), ...new Set([v(5)])));
  log("sum", sum(...[1, 2, 3].map((x) => v(x * 10))));
  const arr = [v("a"), ...v(["b", "c"]), , v("d"), ..."ef"];
  log("arr", arr, arr.length, 3 in arr);

  // rest params in arrow and method with switch before use
  const arrow = (a, ...others) => { sw(); return [a, others]; };
  log("arrow", arrow(1), arrow(1, 2, 3));
  const obj = { m(...all) { sw(); return all.reverse(); } };
  log("method", obj.m(v(1), v(2), v(3)));

  // spread into new and into Math.max
  class P { constructor(...parts) { this.parts = parts; } }
  const p = new P(...[v("x"), v("y")]);
  sw();
  log("new", p.parts);
  log("max", Math.max(...[v(3), 9, v(-1)]));
  // rest in destructuring with switch in source
  const [h, ...t] = [v(1), v(2), v(3)];
  const { k, ...others } = { k: v("K"), l: v("L"), m: v("M") };
  log("rest", h, t, k, others);
  // spread of a user iterable whose next switches
  const it = { i: 0, [Symbol.iterator]() { return this; }, next() { sw(); return this.i < 3 ? { value: this.i++, done: false } : { done: true }; } };
  log("iterable spread", sum(...it));
  // spread of arguments object
  function fwd() { sw(); return collect(...arguments); }
  log("fwd", fwd(7, 8, 9));
  return arr.length;
}
