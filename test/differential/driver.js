// Glue that is compiled by fibers-ts together with every program (see harness.ts).
// It lives in compiled code on purpose: every frame of a fiber (its body and the switch
// helper that calls home.switch()) is then a compiled frame, so nothing in this file relies
// on the runtime being able to suspend an uncompiled frame.

/** Creates a fiber that runs progMain(sw, log, attempt); each sw() is a round trip to `home`. */
export function createProgramFiber(Fiber, home, progMain, log, counter) {
  function sw() {
    counter.n++;
    home.switch();
  }
  return new Fiber(function programBody() {
    return progMain(sw, log, attempt);
  });
}

/**
 * A program's third argument (the reference run gets this function uncompiled): runs fn() where
 * fibers-ts may refuse a switch, and logs ["attempt:<label>", "works", result], or in the compiled
 * run ["attempt:<label>", "unsupported: FiberError"], which the harness accepts instead.
 */
export function attempt(log, label, fn) {
  try {
    log("attempt:" + label, "works", fn());
  } catch (e) {
    const name = e && e.constructor && e.constructor.name;
    if (name === "FiberError") log("attempt:" + label, "unsupported: FiberError");
    else throw e;
  }
}

/** Unrelated work run in its own fiber while a program fiber is suspended (mode 2). */
export function createWorkloadFiber(Fiber, home, seed, counter) {
  function sw() {
    counter.n++;
    home.switch();
  }
  return new Fiber(function workloadBody() {
    return workload(sw, seed);
  });
}

export function workload(sw, seed) {
  let acc = seed;
  const memo = [];
  for (let i = 0; i < 4; i++) {
    const step = (x) => {
      sw();
      return (x * 31 + i) % 1000003;
    };
    try {
      acc = step(acc);
      if (i === 2) throw new Error("w" + acc);
    } catch (e) {
      sw();
      acc += e.message.length;
    } finally {
      memo.push(acc);
    }
  }
  return memo.join(",");
}
