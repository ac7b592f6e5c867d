// User-defined iterators whose next() itself switches; return() on early exit.
class Range {
  constructor(from, to, sw, log) {
    this.from = from; this.to = to; this.sw = sw; this.log = log;
  }
  [Symbol.iterator]() {
    let cur = this.from;
    const self = this;
    return {
      next() {
        self.sw();
        if (cur < self.to) return { value: cur++, done: false };
        return { value: "end", done: true };
      },
      return(v) {
        self.sw();
        self.log("return called", cur, v);
        return { done: true };
      },
    };
  }
}

class Countdown {
  constructor(n, sw) { this.n = n; this.sw = sw; }
  [Symbol.iterator]() { return this; }
  next() {
    this.sw();
    return this.n > 0 ? { value: this.n--, done: false } : { value: undefined, done: true };
  }
}

export function main(sw, log) {
  const got = [];
  for (const v of new Range(0, 4, sw, log)) {
    got.push(v);
    sw();
  }
  log("full", got);

  // break triggers return()
  for (const v of new Range(10, 20, sw, log)) {
    if (v === 12) break;
    sw();
    log("partial", v);
  }

  // exception in body triggers return() and propagates
  try {
    for (const v of new Range(0, 5, sw, log)) {
      sw();
      if (v === 1) throw new RangeError("boom at " + v);
    }
  } catch (e) {
    sw();
    log("caught", e);
  }

  // iterator without return()
  const cd = [];
  for (const v of new Countdown(3, sw)) cd.push(v);
  log("countdown", cd);
  // spread and Array.from over a switching iterator
  log("spread", [...new Countdown(2, sw)]);
  log("from", Array.from(new Range(1, 3, sw, log)));
  // destructuring from a switching iterator closes it
  const [first, second] = new Range(5, 9, sw, log);
  log("destr", first, second);
  return got.length;
}
