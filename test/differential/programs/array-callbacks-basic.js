// sw() inside callbacks passed to forEach/map/filter/reduce/reduceRight.
export function main(sw, log) {
  const xs = [5, 3, 8, 1, 9, 2];
  const seen = [];
  const fe = xs.forEach((x, i, arr) => { sw(); seen.push([x, i, arr === xs]); });
  log("forEach", seen, fe);

  const mapped = xs.map((x, i) => { sw(); return x * 10 + i; });
  log("map", mapped);

  const filtered = xs.filter(function (x) { sw(); return x > this.min; }, { min: 4 });
  log("filter", filtered);

  const reduced = xs.reduce((acc, x, i) => { sw(); return acc + x * i; }, 0);
  const reducedNoInit = xs.reduce((a, b) => { sw(); return a > b ? a : b; });
  log("reduce", reduced, reducedNoInit);

  const right = xs.reduceRight((acc, x) => { sw(); return acc + "," + x; }, "R");
  log("reduceRight", right);

  // sparse arrays: callbacks are skipped for holes
  const sparse = [1, , 3, , 5];
  const sparseSeen = [];
  sparse.forEach((v, i) => { sw(); sparseSeen.push(i); });
  log("sparse", sparseSeen, sparse.map((v) => { sw(); return v * 2; }));

  // mutation during iteration: forEach uses the initial length
  const grow = [1, 2, 3];
  grow.forEach((v) => { sw(); if (grow.length < 10) grow.push(v * 100); });
  log("grow", grow);
  // deletion during iteration skips deleted element
  const del = [1, 2, 3, 4];
  const visited = [];
  del.forEach((v, i) => { visited.push(v); sw(); if (i === 0) delete del[2]; });
  log("delete", visited);

  // nested callbacks
  const matrix = [[1, 2], [3, 4]].map((row) => row.map((v) => { sw(); return v * v; }));
  log("nested", matrix);
  // chained
  const chained = xs.filter((x) => (sw(), x % 2)).map((x) => (sw(), x + 1)).reduce((a, b) => (sw(), a + b), 0);
  log("chained", chained);
  // callbacks calling helper functions that switch deep
  function deep(n) { if (n === 0) { sw(); return 0; } return 1 + deep(n - 1); }
  log("deep", [3, 1, 2].map((n) => deep(n)));
  // exception from reduce callback
  try { xs.reduce((a, b) => { sw(); if (b === 8) throw new Error("stop at 8"); return a + b; }); } catch (e) { log("reduce throw", e); }
  // empty reduce throws TypeError
  try { [].reduce((a, b) => a + b); } catch (e) { log("empty reduce", e.constructor.name); }
  return mapped;
}
