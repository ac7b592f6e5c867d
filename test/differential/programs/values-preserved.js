// Locals of every kind of value survive switches unchanged (identity, special numbers, symbols, bigint).
export function main(sw, log) {
  const sym = Symbol("local");
  const obj = { k: 1 };
  const fn = function f() { return "f"; };
  const re = /a(b)?/g;
  const date = new Date(0);
  const values = [-0, 0, NaN, Infinity, -Infinity, 1e-320, 2 ** 53 + 2, 123456789012345678901234567890n, "", "str", true, false, null, undefined, sym, obj, fn, re, date];
  const before = values.map((v) => v);
  let neg = -0, nan = NaN, big = -5n, u, n = null, s = sym;
  sw();
  const same = before.every((v, i) => Object.is(v, values[i]));
  log("identity", same, Object.is(neg, -0), Number.isNaN(nan), big, u, n, s === sym, s.toString());
  log("values", values.slice(0, 14), typeof values[14], values[15], values[16](), values[17].source, values[18].getTime());

  // regex lastIndex state survives a switch mid exec loop
  const rx = /\d+/g;
  const text = "a12b345c6";
  const found = [];
  let m;
  while ((m = rx.exec(text)) !== null) {
    sw();
    found.push([m[0], m.index, rx.lastIndex]);
  }
  log("regex", found);

  // typed arrays and DataView state
  const buf = new ArrayBuffer(8);
  const dv = new DataView(buf);
  dv.setFloat64(0, -0);
  sw();
  log("dataview", Object.is(dv.getFloat64(0), -0), new Uint8Array(buf)[0]);

  // object with symbol keys, non-enumerable and accessor properties
  const o = { [sym]: "symval", plain: 1 };
  Object.defineProperty(o, "hidden", { value: "h", enumerable: false });
  sw();
  log("object", o[sym], o.hidden, Object.keys(o), Object.getOwnPropertySymbols(o).length);

  // Map with object keys, Set with NaN
  const mp = new Map([[obj, "objkey"], [NaN, "nan"]]);
  const st = new Set([NaN, -0, 0]);
  sw();
  log("collections", mp.get(obj), mp.get(NaN), st.size, st.has(-0));
  // frozen/sealed status
  const fr = Object.freeze({ a: 1 });
  const se = Object.seal({ b: 2 });
  sw();
  log("frozen", Object.isFrozen(fr), Object.isSealed(se), Object.isExtensible(se));
  // sparse array and array with extra props
  const arr = [1, , 3];
  arr.prop = "p";
  sw();
  log("array", arr, arr.prop, 1 in arr);
  return values.length;
}
