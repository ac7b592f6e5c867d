// Evaluation order inside an object literal whose later parts switch: a spread copies its source
// where it stands (a later part may change the source), a computed key is converted where it stands
// (toString may have effects), getters of a spread source run in order.
// Regression (fuzzer seed 970440): the spread was copied only when the literal was built.
export function main(sw, log) {
  const order = [];
  const src = { a: 1 };
  const later = (v) => { sw(); src.b = 2; delete src.a; order.push("later " + v); return v; };
  log("spread then change", { ...src, x: later(1) }, src);

  const withGetter = { get g() { order.push("getter"); return "G"; }, [Symbol.for("s")]: "sym", 2: "two", 1: "one" };
  log("getter order", { ...withGetter, y: later(2), ...withGetter }, order.splice(0));

  const key = { toString() { order.push("toString"); return "k"; } };
  log("computed key", { [key]: later(3), [later("k2")]: "v2" }, order.splice(0));
  log("proto key", Object.getPrototypeOf({ ["__proto__"]: later(4) }) === Object.prototype, Object.keys({ ["__proto__"]: later(5) }));

  const mut = { n: 0 };
  const bump = () => { sw(); mut.n++; return mut.n; };
  log("nested", { ...mut, inner: { ...mut, v: bump() }, after: bump(), ...mut });
  log("null and strings", { ...null, ...undefined, ..."ab", z: later(6) });
  sw();
}
