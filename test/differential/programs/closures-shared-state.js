// Closures created before a switch that read/write variables after it; sibling closures sharing state.
function makeCounter(sw, start) {
  let count = start;
  return {
    inc() { sw(); return ++count; },
    dec() { count--; sw(); return count; },
    get() { return count; },
    reset: () => { const old = count; count = start; return old; },
  };
}

export function main(sw, log) {
  const c1 = makeCounter(sw, 0);
  const c2 = makeCounter(sw, 100);
  c1.inc(); c1.inc(); c2.dec();
  sw();
  log("counters", c1.get(), c2.get());
  log("reset", c1.reset(), c1.get(), c2.inc());

  // outer variable mutated after the closure was created, across switches
  let shared = "initial";
  const read = () => shared;
  const write = (v) => { sw(); shared = v; };
  sw();
  shared = "changed-directly";
  log("read1", read());
  write("changed-by-closure");
  log("read2", read(), shared);

  // closure outlives the call that created it
  function makeAcc() {
    const items = [];
    let total = 0;
    return (x) => { items.push(x); sw(); total += x; return [items.length, total]; };
  }
  const acc = makeAcc();
  const acc2 = makeAcc();
  log("acc", acc(1), acc(2), acc2(10), acc(3));

  // deep chain of closures
  function level1(a) {
    return function level2(b) {
      return function level3(c) {
        sw();
        a += 1;
        return [a, b, c];
      };
    };
  }
  const l3 = level1(1)(2);
  log("chain", l3(3), l3(4));

  // memoization with closure and switches during compute
  function memo(fn) {
    const cache = new Map();
    return (n) => {
      if (cache.has(n)) return "hit:" + cache.get(n);
      sw();
      const v = fn(n);
      cache.set(n, v);
      return v;
    };
  }
  const sq = memo((n) => { sw(); return n * n; });
  log("memo", sq(3), sq(3), sq(4), sq(4));
  // function declarations closing over later-assigned let
  function useLater() { return laterVal; }
  let laterVal = "set later";
  sw();
  log("hoisted", useLater());
  // IIFE with switch
  const iife = (function (x) { sw(); return x * 2; })(21);
  log("iife", iife);
  return c1.get();
}
