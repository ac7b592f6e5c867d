// Benchmark helpers that must run as compiled code (compiled into bench/.out/lib/helpers.mjs).
import { Fiber } from "fibers-ts";

/** A tick that counts and every K calls switches to main (compiled: it may suspend the fiber). */
export function makeTick(main, K) {
  let c = 0;
  return function tick() {
    if (++c === K) {
      c = 0;
      main.switch();
    }
  };
}

/** Runs `run(n, tick)` inside a fiber that switches to main every K ticks; returns [result, switches]. */
export function runInFiber(run, n, K) {
  const main = Fiber.current();
  const tick = makeTick(main, K);
  const f = new Fiber(function target() { return run(n, tick); });
  let switches = 0;
  for (;;) {
    const r = f.switch();
    if (!f.isAlive()) return [r, switches];
    switches++;
  }
}

/** N round trips main -> fiber -> main, a value passed each way. */
export function mainRoundTrip(N) {
  const main = Fiber.current();
  const f = new Fiber(function body() {
    let v = 0;
    for (;;) v = main.switch(v + 1);
  });
  let x = f.switch();
  for (let i = 0; i < N; i++) x = f.switch(x);
  return x;
}

/** N round trips a -> b -> a between two non-main fibers. */
export function fiberRoundTrip(N) {
  let a = null;
  const b = new Fiber(function bBody() {
    let v = 0;
    for (;;) v = a.switch(v + 1);
  });
  a = new Fiber(function aBody() {
    let x = b.switch();
    for (let i = 0; i < N; i++) x = b.switch(x);
    return x;
  });
  return a.switch();
}

function rec(main, d) {
  if (d > 1) return rec(main, d - 1) + 0;
  let v = 0;
  for (;;) v = main.switch(v + 1);
}

/** N round trips main -> fiber -> main where the fiber switches from recursion depth `depth`. */
export function depthRoundTrip(N, depth) {
  const main = Fiber.current();
  const f = new Fiber(function body() { return rec(main, depth); });
  let x = f.switch();
  for (let i = 0; i < N; i++) x = f.switch(x);
  return x;
}

function parkRec(main, d) {
  if (d > 1) return parkRec(main, d - 1) + 0;
  return main.switch(1);
}

/** Creates `count` fibers, each suspended at recursion depth `depth`. */
export function park(count, depth) {
  const main = Fiber.current();
  const out = new Array(count);
  for (let i = 0; i < count; i++) {
    const f = new Fiber(parkRec, [main, depth]);
    f.switch();
    out[i] = f;
  }
  return out;
}
