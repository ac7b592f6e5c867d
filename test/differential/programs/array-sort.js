// Array.prototype.sort with comparators that switch; stability; default sort.
// Which comparisons a sort performs (and how many) is implementation-defined, so each
// comparator switches only on its first few calls: enough to suspend in the middle of every
// sort, but a count that does not depend on the sorting algorithm.
export function main(sw, log) {
  let comparisons = 0;
  function limited(n) {
    let calls = 0;
    return () => { if (calls++ < n) sw(); };
  }
  const nums = [5, 3, 9, 1, 7, 3, 0, -2, 11, 4];
  const s1 = limited(8);
  const sorted = nums.slice().sort((a, b) => { comparisons++; s1(); return a - b; });
  log("sorted", sorted, comparisons > 0);

  // stability: equal keys keep original order
  const people = [
    { n: "ann", age: 30 }, { n: "bob", age: 25 }, { n: "cat", age: 30 },
    { n: "dan", age: 25 }, { n: "eve", age: 35 }, { n: "fay", age: 30 },
  ];
  const s2 = limited(5);
  people.sort((a, b) => { s2(); return a.age - b.age; });
  log("stable", people.map((p) => p.n));

  // sort returns the same array, in place
  const arr = [3, 1, 2];
  const s3 = limited(2);
  const ret = arr.sort((a, b) => (s3(), b - a));
  log("in place", ret === arr, arr);

  // default sort (string comparison) with undefined and holes
  const mixed = [10, 9, undefined, 1, , "b", "a", 100];
  mixed.sort();
  sw();
  log("default", mixed, mixed.length);
  // undefined goes last even with comparator, comparator never sees undefined
  const withU = [3, undefined, 1, undefined, 2];
  const seenU = [];
  const s4 = limited(2);
  withU.sort((a, b) => { if (a === undefined || b === undefined) seenU.push("saw undefined"); s4(); return a - b; });
  log("undefined last", withU, seenU);

  // comparator with closure state
  const order = ["high", "mid", "low"];
  const tasks = ["low", "high", "mid", "low", "high"];
  const rank = new Map(order.map((o, i) => [o, i]));
  const s5 = limited(4);
  tasks.sort((a, b) => { s5(); return rank.get(a) - rank.get(b); });
  log("rank", tasks);
  // toSorted (ES2023) with a comparator that does not switch, between switches
  sw();
  const ts = nums.toSorted((a, b) => b - a);
  sw();
  log("toSorted", ts, nums[0]);
  // comparator throws after a switch: array state afterwards is implementation-defined, only log the error
  try { [3, 2, 1].sort(() => { sw(); throw new Error("cmp failed"); }); } catch (e) { log("cmp throw", e); }
  // sort of strings with localeCompare-free comparator
  const words = ["delta", "Alpha", "charlie", "Bravo"];
  const s7 = limited(3);
  words.sort((a, b) => { s7(); const x = a.toLowerCase(), y = b.toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; });
  log("words", words);
  return sorted;
}
