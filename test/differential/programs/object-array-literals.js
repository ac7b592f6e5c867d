// Object/array literals with sw() in computed keys, values, spread; property order.
export function main(sw, log) {
  const order = [];
  function k(name) { order.push("k:" + name); sw(); return name; }
  function v(val) { order.push("v:" + val); sw(); return val; }

  const o = {
    first: v(1),
    [k("second")]: v(2),
    ...v({ spreadA: "A", first: "overridden" }),
    [k("third")]: v(3),
    2: "numeric",
    1: "numeric-first",
    get g() { return "getter"; },
    [k(Symbol.for("sym").description)]: "from symbol desc",
  };
  log("object", o, Object.keys(o), order.splice(0));

  // duplicate keys: last wins but position stays
  const dup = { a: v(1), b: 2, [k("a")]: v(3) };
  log("dup", dup, Object.keys(dup), order.splice(0));

  // spread of getters evaluates them; spreading null/undefined/string is fine
  let gets = 0;
  const withGetter = { get x() { gets++; return "gx"; } };
  const spreadAll = { ...withGetter, ...null, ...undefined, ..."hi", ...(sw(), [7, 8]) };
  log("spread", spreadAll, gets);

  // arrays with holes, spread and switching elements
  const arr = [v("a"), , ...[v("b"), , v("c")], v("d"), ,];
  log("array", arr, arr.length, Object.keys(arr), order.splice(0));

  // nested literals and shorthand methods using this
  const nested = {
    list: [1, (sw(), 2), { deep: [k("x")] }],
    method() { return this.list.length; },
    [`tmpl${k("key")}`]: true,
  };
  log("nested", nested, nested.method(), order.splice(0));
  // __proto__ in literal
  const proto = { inherited: "yes" };
  const child = { __proto__: proto, own: v("own") };
  log("proto", child.inherited, Object.keys(child), Object.getPrototypeOf(child) === proto);
  // computed key that throws after switch
  try {
    const bad = { [k("ok")]: 1, [(sw(), { toString() { throw new Error("bad key"); } })]: 2 };
    log("never", bad);
  } catch (e) { log("bad key", e.message, order.splice(0)); }
  return Object.keys(o).length;
}
