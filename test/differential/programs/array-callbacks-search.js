// sw() inside some/every/find/findIndex/findLast/findLastIndex/flatMap callbacks.
export function main(sw, log) {
  const xs = [4, 7, 10, 13, 16];
  const visits = [];
  function pred(tag, fn) {
    return (x, i) => { visits.push(tag + i); sw(); return fn(x); };
  }
  log("some", xs.some(pred("s", (x) => x > 8)), visits.splice(0));
  log("some none", xs.some(pred("n", (x) => x > 100)), visits.splice(0));
  log("every", xs.every(pred("e", (x) => x < 12)), visits.splice(0));
  log("every all", xs.every(pred("a", (x) => x > 0)), visits.splice(0));
  log("find", xs.find(pred("f", (x) => x % 5 === 0)), visits.splice(0));
  log("find none", xs.find(pred("fn", (x) => x < 0)), visits.splice(0));
  log("findIndex", xs.findIndex(pred("fi", (x) => x === 13)), visits.splice(0));
  log("findLast", xs.findLast(pred("fl", (x) => x % 2 === 0)), visits.splice(0));
  log("findLastIndex", xs.findLastIndex(pred("fli", (x) => x < 10)), visits.splice(0));
  log("findLastIndex none", xs.findLastIndex(pred("fln", (x) => x > 99)), visits.splice(0));

  const fm = xs.flatMap((x, i) => { sw(); return i % 2 ? [x, [x]] : x; });
  log("flatMap", fm);

  // find visits holes (as undefined), some skips them
  const sparse = [1, , 3];
  const fv = [];
  sparse.find((v, i) => { fv.push([i, v]); sw(); return false; });
  const sv = [];
  sparse.some((v, i) => { sv.push(i); sw(); return false; });
  log("holes", fv, sv);

  // thisArg
  const ctx = { limit: 10 };
  log("thisArg", xs.find(function (x) { sw(); return x > this.limit; }, ctx));
  // predicate using a closure counter incremented across switches
  let calls = 0;
  const idx = xs.findIndex(() => { sw(); return ++calls === 3; });
  log("closure count", idx, calls);
  // flat and flatMap on nested with switch
  const nested = [[1, [2]], [3]].flatMap((a) => { sw(); return a; });
  log("flatMap nested", nested, nested.flat());
  return fm.length;
}
