import { describe, it, expect } from "vitest";
import { Fiber, current } from "../../runtime/index.js";

/** A switch in the synchronous part of an async function (before its first await) suspends the fiber. */
describe("async functions in fibers", () => {
  it("switch before the first await suspends and resumes the fiber; the promise settles after", async () => {
    const main = current();
    const log: string[] = [];
    async function load(id: number) {
      log.push("start " + id);
      const token = main.switch("need " + id);
      log.push("resumed with " + token);
      const value = await Promise.resolve(id * 10);
      log.push("after await " + value);
      return token + ":" + value;
    }
    let promise!: Promise<string>;
    const f = new Fiber(() => {
      promise = load(4);
      log.push("load returned a promise " + (promise instanceof Promise));
      return "fiber done";
    });
    expect(f.switch()).toBe("need 4");
    expect(log).toEqual(["start 4"]);
    expect(f.switch("T")).toBe("fiber done");
    expect(await promise).toBe("T:40");
    expect(log).toEqual(["start 4", "resumed with T", "load returned a promise true", "after await 40"]);
  });

  it("an error thrown after a switch rejects the promise", async () => {
    const main = current();
    const run = async () => {
      main.switch("paused");
      throw new RangeError("late");
    };
    let p!: Promise<unknown>;
    const f = new Fiber(() => {
      p = run();
    });
    expect(f.switch()).toBe("paused");
    f.switch();
    await expect(p).rejects.toThrow(RangeError);
  });

  it("keeps the identity of an async function", () => {
    async function named() {}
    const arrow = async () => 1;
    const AsyncFunction = Object.getPrototypeOf(async function () {}).constructor;
    for (const fn of [named, arrow]) {
      expect(fn.constructor).toBe(AsyncFunction);
      expect(fn instanceof AsyncFunction).toBe(true);
      expect(Object.prototype.toString.call(fn)).toBe("[object AsyncFunction]");
    }
    expect(named.name).toBe("named");
    expect(arrow.name).toBe("arrow");
  });
});
