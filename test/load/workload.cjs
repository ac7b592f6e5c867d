// Code run inside fibers by the leak/load tier (run.mjs). It is compiled by fibers-ts when the
// tier starts (transform() as CommonJS, evaluated with vm.compileFunction), so every frame that a
// fiber suspends through is a compiled frame.
"use strict";

/** Fiber body for the churn test: switches to main once, then returns. */
function churnBody(main, i) {
  const got = main.switch(i);
  return got + 1;
}

/**
 * Creates `n` fibers one after another; each switches back to main once and is then resumed to
 * completion. Returns a checksum (sum over i of i + 2) so the work cannot be skipped.
 * `leak` (an array, or null) is the self-test of run.mjs --inject-leak: it keeps what a leak would.
 */
function churn(Fiber, n, leak) {
  const main = Fiber.current();
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const f = new Fiber(churnBody, [main, i]);
    const v = f.switch();
    sum += f.switch(v + 1);
    if (f.isAlive()) throw new Error(`churn: fiber ${i} is still alive after returning`);
    if (leak) leak.push(f);
  }
  return sum;
}

/** Counts finally blocks that ran in parked fibers: dropping a suspended fiber must run none. */
const parkState = { finallyRan: 0 };

function level(main, depth, payload) {
  try {
    if (depth === 0) {
      main.switch(payload.length);
      return payload.length;
    }
    return level(main, depth - 1, payload) + 1;
  } finally {
    parkState.finallyRan++;
  }
}

/**
 * Starts `n` fibers that each suspend at `depth` nested compiled calls (each inside try/finally),
 * holding a small array so that leaked frames would show in the heap. Returns the fibers.
 */
function park(Fiber, n, depth, onFiber, leak) {
  const main = Fiber.current();
  const fibers = [];
  for (let i = 0; i < n; i++) {
    const f = new Fiber(level, [main, depth, [i, i + 1, i + 2, i + 3]]);
    const v = f.switch();
    if (v !== 4) throw new Error(`park: fiber ${i} switched back ${v}, expected 4`);
    onFiber(f, i);
    fibers.push(f);
    if (leak) leak.push(f);
  }
  return fibers;
}

/** Ping-pong partner: returns to main with v + 1 forever (until dropped). */
function pong(main, v) {
  for (;;) v = main.switch(v + 1);
}

/**
 * `rounds` round trips main -> fiber -> main, each passing a value both ways; every `every`
 * rounds, calls sample(roundsDone). Returns the last value (must equal 2 * rounds).
 */
function pingPong(Fiber, rounds, every, sample, leak) {
  const main = Fiber.current();
  const f = new Fiber(pong, [main, 0]);
  let v = f.switch();
  for (let i = 1; i <= rounds; i++) {
    v = f.switch(v + 1);
    if (leak) leak.push({ i });
    if (i % every === 0) sample(i);
  }
  return v;
}

module.exports = { churn, park, parkState, pingPong };
