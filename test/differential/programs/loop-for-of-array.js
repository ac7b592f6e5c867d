// for-of over arrays, with holes, mutation during iteration, destructuring targets.
export function main(sw, log) {
  const arr = [1, , 3, -0, NaN, undefined];
  const out = [];
  for (const v of arr) {
    sw();
    out.push(v);
  }
  log("out", out);

  // appending during iteration extends the loop
  const grow = [1, 2, 3];
  let n = 0;
  for (const v of grow) {
    sw();
    if (v < 3 && grow.length < 6) grow.push(v + 10);
    n++;
  }
  log("grow", grow, n);

  // destructuring in the head
  const pairs = [[1, "a"], [2, "b"], [3]];
  for (const [num, ch = "dflt"] of pairs) {
    sw();
    log("pair", num, ch);
  }
  for (const { x, y: [y0] = [sw(), "noy"][1] } of [{ x: 1, y: ["yy"] }, { x: 2 }]) {
    log("obj", x, y0);
  }

  // existing variables / member targets
  let last;
  const target = { v: 0 };
  for (last of [5, 6, 7]) sw();
  for (target.v of [8, 9]) sw();
  log("last", last, target.v);

  // nested for-of with break and continue
  const res = [];
  for (const a of [1, 2, 3]) {
    for (const b of ["x", "y", "z"]) {
      if (b === "y") { sw(); continue; }
      if (a === 2 && b === "z") break;
      res.push(a + b);
      sw();
    }
  }
  log("res", res);

  // iterating arguments-like and typed arrays
  const ta = new Int16Array([3, -1, 7]);
  let s = 0;
  for (const t of ta) { sw(); s += t; }
  log("typed", s);
  // entries() and keys()
  for (const [i, v] of ["p", "q"].entries()) { sw(); log("entry", i, v); }
  return out.length + n;
}
