/**
 * Synchronous-looking code over promises. await_(p) suspends the calling fiber until p settles:
 * the promise's callbacks (which run on the main fiber, from the microtask queue) switch back into
 * the fiber with the value, or throw the rejection into it. No async/await anywhere below await_.
 *
 *   npx fibers-ts run examples/promises.ts
 */
import { Fiber } from "fibers-ts";

const hub = Fiber.current(); // the main fiber: where suspended fibers wait for the event loop

function await_<T>(p: PromiseLike<T> | T): T {
  const f = Fiber.current();
  if (f === hub) throw new Error("await_() must be called inside a fiber");
  Promise.resolve(p).then(
    (v) => f.switch(v),
    (e) => f.throw(typeof e === "object" && e !== null ? e : new Error(String(e))),
  );
  return hub.switch() as T; // back to the event loop until a callback switches into f
}

/**
 * Runs fn(...args) in a new fiber and returns a promise of its result. The fiber starts from a
 * microtask (on the main fiber) and its parent is the main fiber, so the caller keeps running.
 */
function go<T>(fn: (...args: any[]) => T, ...args: unknown[]): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const f = new Fiber({
      target: () => {
        try {
          resolve(fn(...args));
        } catch (e) {
          reject(e);
        }
      },
      parent: hub,
    });
    queueMicrotask(() => f.switch());
  });
}

const delay = <T>(ms: number, value: T): Promise<T> => new Promise((r) => setTimeout(() => r(value), ms));

// A fake database with asynchronous, promise-returning calls.
const users = new Map([
  [1, { id: 1, name: "ada", friends: [2, 3] }],
  [2, { id: 2, name: "grace", friends: [1] }],
  [3, { id: 3, name: "linus", friends: [] as number[] }],
]);
function fetchUser(id: number) {
  const u = users.get(id);
  return u ? delay(5 * id, u) : Promise.reject(new Error(`no user ${id}`));
}

// Ordinary synchronous functions that happen to wait: they call each other and use plain
// loops, array callbacks and try/catch.
function friendNames(id: number): string[] {
  const user = await_(fetchUser(id));
  return user.friends.map((f) => await_(fetchUser(f)).name);
}

function describe(id: number): string {
  try {
    const user = await_(fetchUser(id));
    const names = friendNames(id);
    return `${user.name} knows ${names.length ? names.join(" and ") : "nobody"}`;
  } catch (e) {
    return `lookup failed: ${(e as Error).message}`;
  }
}

function countdown(label: string, n: number, ms: number): string {
  for (let i = n; i > 0; i--) {
    const v = await_(delay(ms, i));
    console.log(`${label}: ${v}`);
  }
  return `${label} done`;
}

const log: string[] = [];
go(() => {
  for (const id of [1, 2, 3, 4]) log.push(describe(id));
  // A value that is not a promise is awaited like `await 42`.
  log.push(`plain value: ${await_(42)}`);
  // Two countdowns, each in its own fiber, interleaving on the event loop (same 20 ms tick, so
  // the order is deterministic: timers of equal duration fire in the order they were set).
  const results = await_(Promise.all([go(countdown, "tick", 3, 20), go(countdown, "tock", 2, 20)]));
  log.push(...results);
  return log.length;
})
  .then((count) => {
    for (const line of log) console.log(line);
    console.log(`${count} lines`);
    console.log("ok");
  })
  .catch((e) => {
    console.error("failed:", e);
    process.exitCode = 1;
  });
