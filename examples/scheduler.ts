/**
 * A small gevent-like hub. Worker fibers call sleep(ms), which files a timer with the hub and
 * switches to the hub fiber. The hub runs the fibers that are ready; when none is, it arms a
 * setTimeout for its earliest timer and switches to the main fiber, so that the event loop runs.
 * The timer callback (on the main fiber) switches back into the hub, which wakes the sleepers
 * that are due. Workers' parent is the hub: a worker that returns hands its result to the hub.
 *
 * The hub keeps a virtual clock (`now`: the deadline of the timer being served), so the output is
 * the same however late the real timers fire.
 *
 *   npx fibers-ts run examples/scheduler.ts
 */
import { Fiber, current } from "fibers-ts";

interface Timer {
  at: number;
  seq: number;
  fiber: Fiber;
}

const main = Fiber.current();
const ready: Fiber[] = [];
const timers: Timer[] = []; // sorted by (at, seq)
const results: string[] = [];
let now = 0;
let seq = 0;
let started = 0;

function hubLoop(): string {
  for (;;) {
    while (ready.length > 0) {
      const fiber = ready.shift()!;
      const result = fiber.switch(); // runs until the fiber sleeps (undefined) or returns
      if (!fiber.isAlive()) results.push(result as string);
    }
    if (timers.length === 0) return `hub: all ${results.length} workers finished at t=${now}`;
    const due = timers[0].at;
    setTimeout(enterHub, Math.max(0, started + due - Date.now()));
    main.switch(); // wait on the event loop; the timer switches back here
    now = due;
    while (timers.length > 0 && timers[0].at === due) ready.push(timers.shift()!.fiber);
  }
}
const hub = new Fiber(hubLoop);

/** Suspends the calling worker for `ms` milliseconds; the other workers run meanwhile. */
function sleep(ms: number): void {
  const fiber = current();
  if (fiber === main || fiber === hub) throw new Error("sleep() must be called from a worker fiber");
  const timer = { at: now + ms, seq: seq++, fiber };
  let i = timers.length;
  while (i > 0 && timers[i - 1].at > timer.at) i--;
  timers.splice(i, 0, timer);
  hub.switch();
}

/** Schedules `fn(...args)` in a new worker fiber. */
function spawn(fn: (...args: any[]) => string, ...args: unknown[]): Fiber {
  const f = new Fiber({ target: fn, args, parent: hub });
  ready.push(f);
  return f;
}

function log(who: string, what: string): void {
  console.log(`t=${String(now).padStart(3)}  ${who.padEnd(7)} ${what}`);
}

function worker(name: string, naps: number[]): string {
  log(name, "starts");
  let slept = 0;
  for (const ms of naps) {
    sleep(ms);
    slept += ms;
    log(name, `woke up after ${ms} ms`);
  }
  return `${name} slept ${slept} ms in ${naps.length} nap${naps.length === 1 ? "" : "s"}`;
}

/** A worker that spawns more workers while running. */
function spawner(): string {
  log("spawner", "starts");
  for (const n of [1, 2, 3]) {
    sleep(40);
    log("spawner", `spawns child${n}`);
    spawn(worker, `child${n}`, [15 * n]);
  }
  return "spawner spawned 3 children";
}

spawn(worker, "alpha", [30, 30, 30]);
spawn(worker, "beta", [50, 20]);
spawn(worker, "gamma", [60]); // due at t=60 like alpha's second nap; filed first, so it runs first
spawn(worker, "delta", [10, 10, 10, 10]);
spawn(spawner);

/**
 * Switches from the main fiber into the hub (at start, and from each timer callback). The hub
 * comes back here when it waits for a timer (undefined), or when it finishes: its parent is the
 * main fiber, so its return value arrives at this switch().
 */
function enterHub(): void {
  const summary = hub.switch();
  if (summary === undefined) return;
  console.log(summary);
  for (const r of results) console.log(r);
  console.log(`real time >= virtual time: ${Date.now() - started >= now - 5}`);
  console.log("ok");
}

started = Date.now();
enterHub();
