// Glue that is compiled by fibers-ts together with every program (see harness.ts).
// It lives in compiled code on purpose: every frame of a fiber (its body and the switch
// helper that calls home.switch()) is then a compiled frame, so nothing in this file relies
// on the runtime being able to suspend an uncompiled frame.

/** Creates a fiber that runs progMain(sw, log); each sw() is a round trip to `home`. */
export function createProgramFiber(Fiber, home, progMain, log, counter) {
  function sw() {
    counter.n++;
    home.switch();
  }
  return new Fiber(function programBody() {
    return progMain(sw, log);
  });
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
