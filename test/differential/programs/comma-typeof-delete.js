// Comma expressions, typeof/delete/void/unary operators with switching operands.
export function main(sw, log) {
  let x = 0;
  const c = (x++, sw(), x++, sw(), x * 10);
  log("comma", c, x);

  function val(v) { sw(); return v; }
  log("typeof", typeof val(1), typeof val("s"), typeof val(null), typeof val(undefined), typeof val(() => 1), typeof val(1n), typeof val(Symbol()));
  // typeof undeclared identifier does not throw
  log("typeof undeclared", typeof notDeclaredAnywhere, (sw(), typeof notDeclaredAnywhere));

  const obj = { a: 1, b: 2, c: 3 };
  function key(k) { sw(); return k; }
  log("delete", delete obj[key("a")], delete obj.b, delete obj[key("zz")], Object.keys(obj));
  // delete of non-configurable throws in strict mode
  const nc = Object.defineProperty({}, "fixed", { value: 1, configurable: false });
  try { delete nc[key("fixed")]; } catch (e) { log("delete nc", e.constructor.name); }
  // delete array element leaves hole
  const arr = [1, 2, 3];
  delete arr[(sw(), 1)];
  log("hole", arr, 1 in arr, arr.length);

  log("void", void val("ignored"), void 0);
  log("unary", -val(5), +val("42"), !val(0), ~val(5), -val(0), +val(""), +val("x"));
  // comma in for head and in conditional
  let i, j;
  for (i = 0, j = 10; i < j; i += 4, j--, sw());
  log("for comma", i, j);
  const pick = (sw(), false) ? "a" : (sw(), "b");
  log("pick", pick);
  // indirect call through comma loses this
  const o = { m() { return this === undefined ? "no-this" : "this"; } };
  log("indirect", (0, o.m)(), (sw(), o.m)(), o.m());
  // in operator and instanceof after switch
  log("in", key("c") in obj, key("a") in obj);
  return x;
}
