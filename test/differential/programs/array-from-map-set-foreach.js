// Array.from(x, mapFn) and Map/Set forEach with switching callbacks.
export function main(sw, log) {
  const a1 = Array.from([1, 2, 3], (x, i) => { sw(); return x * 10 + i; });
  const a2 = Array.from({ length: 4 }, (_, i) => { sw(); return i * i; });
  const a3 = Array.from("héllo", (ch) => { sw(); return ch.toUpperCase(); });
  const a4 = Array.from(new Set([5, 5, 6]), function (x) { sw(); return x + this.off; }, { off: 100 });
  const a5 = Array.from(new Map([["k", 1]]), ([k, v]) => { sw(); return k + v; });
  log("from", a1, a2, a3, a4, a5);

  // Array.from of a switching iterator with a switching mapFn
  const it = {
    n: 0,
    [Symbol.iterator]() { return this; },
    next() { sw(); return this.n < 3 ? { value: this.n++, done: false } : { value: undefined, done: true }; },
  };
  log("from iterator", Array.from(it, (x) => { sw(); return -x; }));

  const map = new Map([["a", 1], ["b", 2], ["c", 3]]);
  const mseen = [];
  map.forEach((v, k, m) => {
    sw();
    mseen.push(k + "=" + v + (m === map ? "" : "!"));
    if (k === "a") { map.delete("b"); map.set("d", 4); }
  });
  log("map forEach", mseen, [...map.keys()]);

  const set = new Set(["x", "y"]);
  const sseen = [];
  set.forEach(function (v, v2, s) {
    sw();
    sseen.push([v, v === v2, s === set, this.tag]);
    if (v === "x") set.add("z");
  }, { tag: "T" });
  log("set forEach", sseen);

  // nested forEach on Map within Set forEach
  const nested = [];
  new Set([1, 2]).forEach((outer) => {
    new Map([["p", 10], ["q", 20]]).forEach((v, k) => { sw(); nested.push(outer * v + k); });
  });
  log("nested", nested);
  // exception escaping Map.forEach after switch
  try {
    map.forEach((v, k) => { sw(); if (k === "c") throw new Error("map stop " + k); });
  } catch (e) { log("map throw", e); }
  // Array.from with array-like having holes and getters
  const arrLike = { length: 3, 0: "z", get 2() { return "getter"; } };
  log("arraylike", Array.from(arrLike, (v, i) => { sw(); return [i, v]; }));
  return a1;
}
