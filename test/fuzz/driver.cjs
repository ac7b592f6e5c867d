// Fiber glue for the fuzzer, compiled by fibers-ts (as CommonJS) when a worker starts: the fiber
// bodies and the sw() helpers must be compiled frames, because the runtime refuses to suspend
// uncompiled ones. `counter.limit` stops a compiled run that switches far more often than the
// reference did (it would otherwise loop until the timeout).
"use strict";

function makeSw(counter, target) {
  return function sw() {
    if (++counter.n > counter.limit) throw new Error("fuzz driver: runaway (more sw() calls than the reference made)");
    target().switch();
  };
}

/** One fiber running main(sw, log); every sw() is a round trip to `home`. */
function programFiber(Fiber, home, main, log, counter) {
  // main is the fiber's target (called with `this` undefined, as in the reference run), not a
  // call from a closure: see found/this-captured-callee.js.
  return new Fiber(main, [makeSw(counter, () => home), log]);
}

/**
 * Two fibers running main() that switch to each other directly: sw() in one switches to the
 * other while the other is alive, else to `home`.
 */
function pairFibers(Fiber, home, main, logs, counters) {
  const fibers = [];
  for (let i = 0; i < 2; i++) {
    const sw = makeSw(counters[i], () => (fibers[1 - i].isAlive() ? fibers[1 - i] : home));
    fibers.push(new Fiber(main, [sw, logs[i]]));
  }
  return fibers;
}

module.exports = { programFiber, pairFibers };
