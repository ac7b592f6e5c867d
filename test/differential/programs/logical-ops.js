// &&, ||, ??, ?:, ?. and logical assignment with sw() in the right operand; short-circuiting.
export function main(sw, log) {
  const calls = [];
  function r(name, v) { calls.push(name); sw(); return v; }

  log("and", true && r("and1", "A"), false && r("and2", "never"), 0 && r("and3", 1));
  log("or", false || r("or1", "B"), "x" || r("or2", "never"), "" || r("or3", 0));
  log("nullish", null ?? r("nc1", "C"), 0 ?? r("nc2", "never"), undefined ?? r("nc3", null));
  log("ternary", r("t1", true) ? r("t2", "yes") : r("t3", "no"), r("t4", 0) ? r("t5", "y") : r("t6", "n"));
  log("calls", calls.splice(0));

  // optional chaining with switching parts
  const o = { inner: { val: 5, fn() { return this.val; } }, nothing: null };
  log("opt", o?.inner?.val, o.nothing?.deep.deeper, o?.[r("k", "inner")]?.fn(), o.nothing?.[r("never", "x")]);
  log("calls", calls.splice(0));

  // logical assignment
  let a = 0, b = 1, c = null;
  a ||= r("la1", "filled");
  b &&= r("la2", "replaced");
  c ??= r("la3", "defaulted");
  let d = "keep";
  d ||= r("never", "x");
  d ??= r("never", "y");
  log("logical assign", a, b, c, d, calls.splice(0));
  const obj = { p: undefined, q: 0 };
  obj.p ??= r("lp", "P");
  obj[r("key", "q")] ||= r("lq", "Q");
  log("member logical", obj, calls.splice(0));

  // nested mixtures inside a loop
  const res = [];
  for (let i = 0; i < 4; i++) {
    res.push(((i % 2 && r("odd", i)) || (i > 2 ? r("big", "B" + i) : r("small", "S" + i))) ?? "z");
  }
  log("mix", res, calls.splice(0));
  // conditional with side effects in both branches and result used after switch
  let flag = true;
  const picked = flag ? (sw(), "first") : (sw(), "second");
  sw();
  log("picked", picked);
  return res;
}
