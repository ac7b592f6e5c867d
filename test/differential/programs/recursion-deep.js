// Deep recursion (2000 frames) with sw() at the bottom and at every 100th level.
function down(sw, n, acc) {
  if (n % 100 === 0) sw();
  if (n === 0) {
    sw();
    return acc;
  }
  const local = n * 2;
  const r = down(sw, n - 1, acc + 1);
  return r + (local - n * 2);
}

function build(sw, n) {
  // recursion that builds a structure on the way back up
  if (n === 0) { sw(); return []; }
  const arr = build(sw, n - 1);
  if (n % 100 === 0) sw();
  arr.push(n % 7);
  return arr;
}

function sumTree(sw, depth) {
  if (depth === 0) { return 1; }
  if (depth % 4 === 0) sw();
  return sumTree(sw, depth - 1) + sumTree(sw, depth - 1);
}

export function main(sw, log) {
  log("down", down(sw, 2000, 0));
  const arr = build(sw, 2000);
  let s = 0;
  for (const v of arr) s += v;
  log("build", arr.length, s, arr.slice(0, 10));
  log("tree", sumTree(sw, 10));
  // recursion via arrow closure
  const fact = (n) => (n <= 1 ? (sw(), 1n) : BigInt(n) * fact(n - 1));
  log("fact", fact(30));
  // deep recursion that throws at the bottom after a switch
  function thrower(n) {
    if (n === 0) { sw(); throw new Error("bottom"); }
    return thrower(n - 1);
  }
  try { thrower(1500); } catch (e) { log("deep throw", e.message); }
  return arr.length;
}
