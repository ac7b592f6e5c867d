// for-of over Sets and Maps, including mutation during iteration.
export function main(sw, log) {
  const set = new Set([3, 1, 2]);
  const seen = [];
  for (const v of set) {
    sw();
    seen.push(v);
    if (v === 1) { set.delete(2); set.add(4); }
  }
  log("set", seen, [...set]);

  const map = new Map([["a", 1], ["b", 2], [NaN, "nan"], [-0, "zero"]]);
  const entries = [];
  for (const [k, v] of map) {
    sw();
    entries.push([k, v]);
  }
  log("map", entries);
  log("map get", map.get(0), map.get(NaN));

  const keys = [];
  for (const k of map.keys()) { keys.push(k); sw(); }
  const vals = [];
  for (const v of map.values()) { sw(); vals.push(v); }
  log("keys", keys, "vals", vals);

  // mutate map values during iteration
  const counts = new Map([["x", 0], ["y", 0]]);
  for (let round = 0; round < 3; round++) {
    for (const [k, v] of counts) {
      sw();
      counts.set(k, v + round + (k === "x" ? 1 : 10));
    }
  }
  log("counts", [...counts]);

  // set of objects: identity preserved across switch
  const o1 = { id: 1 };
  const o2 = { id: 2 };
  const objs = new Set([o1, o2, o1]);
  let same = 0;
  for (const o of objs) {
    sw();
    if (o === o1 || o === o2) same++;
  }
  log("same", same, objs.size);

  // WeakMap lookups after switches
  const wm = new WeakMap();
  wm.set(o1, "one");
  sw();
  log("wm", wm.get(o1), wm.has(o2));
  return seen.length;
}
