// Every runtime error of the fibers API: its class, and a message naming the cause. Plus the
// guarantees around suspension: a switch across a frame fibers-ts does not control fails with a
// FiberError at the switch() call and leaves the fiber usable; user catch/finally blocks never see
// a suspension; stack overflow inside a fiber is a catchable RangeError. Compiled by fibers-ts.
import { describe, it, expect } from "vitest";
import { Fiber, current, FiberError } from "../../runtime/index.js";
import { catchError, expectThrow, SomeError } from "./helpers/util.js";

const ENDED = /ended|dead|finished|terminated|not alive/i;
const SELF = /self|current|itself/i;
const NOT_STARTED = /start|value/i;
const PARENT = /parent|fiber/i;
const CYCLE = /cycl|circular|loop/i;
const UNCOMPILED = /uncompiled|native|compiled/i;

describe("switch/throw to the current fiber", () => {
  it("main fiber: switch() and throw() to itself raise FiberError", () => {
    const main = current();
    expectThrow(() => main.switch(), FiberError, SELF);
    expectThrow(() => main.switch(1), FiberError, SELF);
    expectThrow(() => main.throw(SomeError), FiberError, SELF);
    expectThrow(() => Fiber.current().throw(new SomeError("x")), FiberError, SELF);
    expect(current()).toBe(main);
  });

  it("inside a fiber: switch() and throw() to itself raise FiberError, and the fiber goes on", () => {
    const main = current();
    const g = new Fiber(() => {
      const me = current();
      const errs = [
        catchError(() => me.switch()),
        catchError(() => me.switch("v")),
        catchError(() => me.throw(SomeError)),
      ];
      const back = main.switch(errs);
      return "finished " + back;
    });
    const errs = g.switch() as any[];
    for (const e of errs) {
      expect(e).toBeInstanceOf(FiberError);
      expect(e.message).toMatch(SELF);
    }
    expect(g.switch("ok")).toBe("finished ok");
  });
});

describe("switch/throw to an ended fiber", () => {
  it("raises FiberError naming the ended state", () => {
    const g = new Fiber(() => 1);
    expect(g.switch()).toBe(1);
    expect(g.isAlive()).toBe(false);
    expectThrow(() => g.switch(), FiberError, ENDED);
    expectThrow(() => g.switch("x"), FiberError, ENDED);
    expectThrow(() => g.throw(SomeError), FiberError, ENDED);
    expectThrow(() => g.throw(new SomeError("x")), FiberError, ENDED);
  });

  it("a fiber that ended by an error, or by throw() before starting, is ended too", () => {
    const g = new Fiber(() => {
      throw new SomeError("boom");
    });
    expectThrow(() => g.switch(), SomeError, /boom/);
    expectThrow(() => g.switch(), FiberError, ENDED);
    const h = new Fiber(() => 1);
    expectThrow(() => h.throw(SomeError), SomeError);
    expectThrow(() => h.switch(), FiberError, ENDED);
  });

  it("from inside another fiber as well", () => {
    const dead = new Fiber(() => undefined);
    dead.switch();
    const g = new Fiber(() => catchError(() => dead.switch()));
    const e = g.switch();
    expect(e).toBeInstanceOf(FiberError);
    expect((e as Error).message).toMatch(ENDED);
  });
});

describe("passing a value to a fiber that has not started", () => {
  it("raises RangeError and leaves the fiber unstarted", () => {
    const ran: unknown[] = [];
    const g = new Fiber((...a: unknown[]) => {
      ran.push(a);
      return "ran";
    });
    expectThrow(() => g.switch(42), RangeError, NOT_STARTED);
    expectThrow(() => g.switch(null), RangeError, NOT_STARTED);
    expectThrow(() => g.switch(0), RangeError, NOT_STARTED);
    expectThrow(() => g.switch(""), RangeError, NOT_STARTED);
    expect(ran).toEqual([]);
    expect(g.isAlive()).toBe(true);
    expect(g.switch(undefined)).toBe("ran");
    expect(ran).toEqual([[]]);
  });
});

describe("parent checks", () => {
  it("setting parent to a fiber that has ended raises RangeError", () => {
    const dead = new Fiber(() => undefined);
    dead.switch();
    const g = new Fiber(() => undefined);
    expectThrow(() => {
      g.parent = dead;
    }, RangeError, ENDED);
    expect(g.parent).toBe(current());
  });

  it("creating a fiber with an ended parent raises RangeError", () => {
    const dead = new Fiber(() => undefined);
    dead.switch();
    expectThrow(() => new Fiber({ target: () => 1, parent: dead }), RangeError, ENDED);
    expectThrow(() => new Fiber({ parent: dead }), RangeError, ENDED);
  });

  it("a parent that would make a cycle raises RangeError", () => {
    const a = new Fiber(() => undefined);
    const b = new Fiber({ target: () => undefined, parent: a });
    const c = new Fiber({ target: () => undefined, parent: b });
    expectThrow(() => {
      a.parent = a;
    }, RangeError, CYCLE);
    expectThrow(() => {
      a.parent = c;
    }, RangeError, CYCLE);
    expectThrow(() => {
      b.parent = c;
    }, RangeError, CYCLE);
    expect(a.parent).toBe(current());
    expect(b.parent).toBe(a);
    // the main fiber cannot get a descendant as parent either
    const main = current();
    expectThrow(() => {
      main.parent = c;
    }, RangeError, CYCLE);
    expect(main.parent ?? null).toBeNull();
    // a non-cyclic reparenting is fine
    c.parent = a;
    expect(c.parent).toBe(a);
  });

  it("a parent that is not a Fiber raises TypeError (setter and constructor)", () => {
    const g = new Fiber(() => undefined);
    for (const bad of [null, 0, "fiber", {}, [], () => undefined]) {
      expectThrow(() => {
        (g as any).parent = bad;
      }, TypeError, PARENT);
      expect(g.parent).toBe(current());
    }
    expectThrow(() => new Fiber({ target: () => 1, parent: {} as any }), TypeError, PARENT);
    expectThrow(() => new Fiber(() => 1, [], undefined, 42 as any), TypeError, PARENT);
  });
});

describe("constructor argument types", () => {
  it("a target that is not callable raises TypeError", () => {
    for (const bad of [42, "f", true, Symbol("s")]) {
      expectThrow(() => new Fiber(bad as any), TypeError, /target|callable|function/i);
    }
    expectThrow(() => new Fiber({ target: {} as any }), TypeError, /target|callable|function/i);
    expectThrow(() => new Fiber({ target: 1 as any, args: [] }), TypeError, /target|callable|function/i);
  });

  it("args that are not an array raise TypeError", () => {
    for (const bad of [42, "abc", true]) {
      expectThrow(() => new Fiber(() => 1, bad as any), TypeError, /args|array|arguments/i);
    }
    expectThrow(() => new Fiber({ target: () => 1, args: 5 as any }), TypeError, /args|array|arguments/i);
  });

  it("kwargs that are not an object raise TypeError", () => {
    for (const bad of [42, "abc", true]) {
      expectThrow(() => new Fiber(() => 1, [], bad as any), TypeError, /kwargs|object/i);
    }
    expectThrow(() => new Fiber({ target: () => 1, kwargs: "x" as any }), TypeError, /kwargs|object/i);
  });
});

describe("throw() argument checks", () => {
  it("an error instance together with a separate value raises TypeError and does not switch", () => {
    const ran: string[] = [];
    const g = new Fiber(() => {
      ran.push("ran");
    });
    expectThrow(() => g.throw(new SomeError("a"), "b"), TypeError, /instance|value|separate/i);
    expectThrow(() => g.throw(new SomeError("a"), new SomeError("b")), TypeError, /instance|value|separate/i);
    expect(ran).toEqual([]);
    expect(g.isAlive()).toBe(true);
    g.switch();
    expect(ran).toEqual(["ran"]);
  });

  it("something that is neither an error class nor an error instance raises TypeError", () => {
    const g = new Fiber(() => undefined);
    for (const bad of [42, "abc", true]) {
      expectThrow(() => g.throw(bad as any), TypeError, /error|exception|class|instance/i);
    }
    expect(g.isAlive()).toBe(true);
  });
});

// ____________________________________________________________ uncompiled frames

const callThrough = new Function("cb", "return cb()") as (cb: () => unknown) => unknown;

/**
 * Runs, inside a fresh fiber, `viaUncompiled(cb)` where cb tries to switch to main. Checks that
 * the switch fails with a FiberError at the switch() call (catchable inside cb), that the fiber
 * then still switches normally, and finishes.
 */
function checkUncompiledFrame(viaUncompiled: (cb: () => unknown) => unknown, cause: RegExp) {
  const main = current();
  const log: string[] = [];
  let inner: any;
  const g = new Fiber(() => {
    const r = viaUncompiled(() => {
      try {
        main.switch("must not arrive");
        log.push("switch returned");
      } catch (e) {
        inner = e;
        log.push("caught at switch");
      }
      return 7;
    });
    log.push("uncompiled frame returned " + String(r));
    const v = main.switch("still usable");
    log.push("resumed with " + v);
    return "done";
  });
  expect(g.switch()).toBe("still usable");
  expect(inner).toBeInstanceOf(FiberError);
  expect(String(inner.message)).toMatch(UNCOMPILED);
  expect(String(inner.message)).toMatch(cause);
  expect(g.switch("v")).toBe("done");
  expect(g.isAlive()).toBe(false);
  return log;
}

describe("switch across a frame fibers-ts does not control", () => {
  it("a callback called by a Function-constructor (uncompiled) function", () => {
    const log = checkUncompiledFrame((cb) => callThrough(cb), UNCOMPILED);
    expect(log[0]).toBe("caught at switch");
    expect(log.slice(1)).toEqual(["uncompiled frame returned 7", "resumed with v"]);
  });

  it("a getter", () => {
    const log = checkUncompiledFrame((cb) => {
      const o = {
        get x() {
          return cb();
        },
      };
      return o.x;
    }, /uncompiled|native|compiled|getter|accessor/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("valueOf called by an operator", () => {
    const log = checkUncompiledFrame((cb) => {
      const o = { valueOf: () => cb() };
      return (o as any) * 1;
    }, /uncompiled|native|compiled|valueOf|conversion|primitive/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("a JSON.parse reviver", () => {
    const log = checkUncompiledFrame((cb) => {
      const parsed = JSON.parse('{"a":1}', (k, v) => (k === "a" ? cb() : v));
      return parsed.a;
    }, /uncompiled|native|compiled|JSON|reviver/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("a String.prototype.replace callback", () => {
    const log = checkUncompiledFrame((cb) => "abc".replace(/b/, () => String(cb())).length, /uncompiled|native|compiled|replace/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 3", "resumed with v"]);
  });

  it("a setter", () => {
    const log = checkUncompiledFrame((cb) => {
      let stored: unknown;
      const o = {
        set x(v: unknown) {
          stored = cb();
        },
      };
      o.x = 1;
      return stored;
    }, /uncompiled|native|compiled|setter|accessor/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("toString / Symbol.toPrimitive called by string conversion", () => {
    const log = checkUncompiledFrame((cb) => {
      const o = { toString: () => String(cb()) };
      return `${o}`;
    }, /uncompiled|native|compiled|toString|conversion|primitive/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
    const log2 = checkUncompiledFrame((cb) => {
      const o = { [Symbol.toPrimitive]: () => cb() };
      return +(o as any);
    }, /uncompiled|native|compiled|toPrimitive|conversion|primitive/i);
    expect(log2).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  // These built-ins are called as plain calls, without the call protocol (compiler/explode.ts,
  // PURE_STATICS...): a callback they make is still entered as from native code.
  it("conversions and callbacks inside built-ins called as plain calls (String, Math.max, JSON.stringify, new Map)", () => {
    const viaString = checkUncompiledFrame((cb) => String({ toString: () => String(cb()) }).length, /uncompiled|native|compiled|toString/i);
    expect(viaString).toEqual(["caught at switch", "uncompiled frame returned 1", "resumed with v"]);
    const viaMax = checkUncompiledFrame((cb) => Math.max(0, { valueOf: () => cb() } as any), /uncompiled|native|compiled|valueOf/i);
    expect(viaMax).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
    const viaStringify = checkUncompiledFrame((cb) => JSON.stringify({ toJSON: () => cb() }).length, /uncompiled|native|compiled|toJSON/i);
    expect(viaStringify).toEqual(["caught at switch", "uncompiled frame returned 1", "resumed with v"]);
    const viaMap = checkUncompiledFrame((cb) => {
      function* entries() {
        yield [1, cb()] as [number, unknown];
      }
      return new Map(entries()).get(1);
    }, /uncompiled|native|compiled|generator/i);
    expect(viaMap).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("a Proxy trap", () => {
    const log = checkUncompiledFrame((cb) => {
      const p = new Proxy({} as any, { get: () => cb() });
      return p.anything;
    }, /uncompiled|native|compiled|proxy|trap/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("a Promise executor", () => {
    const log = checkUncompiledFrame((cb) => {
      let r: unknown;
      new Promise(() => {
        r = cb();
      });
      return r;
    }, /uncompiled|native|compiled|promise|executor/i);
    expect(log).toEqual(["caught at switch", "uncompiled frame returned 7", "resumed with v"]);
  });

  it("a generator body: a switch there works, or is a FiberError at the switch; nothing is corrupted", () => {
    // Not in the specified lists: generator bodies may be compiled (then a switch inside suspends
    // the whole fiber, generator included, as in python-fibers) or not (FiberError at the switch).
    const main = current();
    let error: unknown;
    function* gen() {
      let got: unknown;
      try {
        got = main.switch("from generator");
      } catch (e) {
        error = e;
        got = "fallback";
      }
      yield got;
      yield "second";
    }
    const g = new Fiber(() => {
      const it = gen();
      const first = it.next().value;
      const second = it.next().value;
      const after = main.switch("after generator");
      return [first, second, after];
    });
    const r1 = g.switch();
    if (r1 === "from generator") {
      expect(g.switch("resumed")).toBe("after generator");
      expect(g.switch("x")).toEqual(["resumed", "second", "x"]);
      expect(error).toBeUndefined();
    } else {
      expect(r1).toBe("after generator");
      expect(error).toBeInstanceOf(FiberError);
      expect((error as Error).message).toMatch(/uncompiled|native|compiled|generator/i);
      expect(g.switch("x")).toEqual(["fallback", "second", "x"]);
    }
    expect(g.isAlive()).toBe(false);
  });

  it("an iterator's next() called by a built-in constructor (new Set(iterable))", () => {
    const main = current();
    const errors: unknown[] = [];
    const g = new Fiber(() => {
      let i = 0;
      const iterable = {
        [Symbol.iterator]() {
          return this;
        },
        next() {
          if (i++ > 0) return { done: true, value: undefined };
          try {
            main.switch("must not arrive");
          } catch (e) {
            errors.push(e);
          }
          return { done: false, value: "item" };
        },
      };
      const set = new Set(iterable);
      const v = main.switch([...set]);
      return "done " + v;
    });
    expect(g.switch()).toEqual(["item"]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(FiberError);
    expect((errors[0] as Error).message).toMatch(UNCOMPILED);
    expect(g.switch("ok")).toBe("done ok");
  });

  it("a class constructor body: a switch there works or is a FiberError; nothing is corrupted", () => {
    const main = current();
    class Box {
      v: unknown;
      constructor() {
        let r: unknown;
        try {
          r = main.switch("from constructor");
        } catch (e) {
          r = e;
        }
        this.v = r;
      }
    }
    const g = new Fiber(() => {
      const b = new Box();
      const after = main.switch("after constructor");
      return [b.v, after];
    });
    const first = g.switch();
    if (first === "from constructor") {
      expect(g.switch("resumed")).toBe("after constructor");
      expect(g.switch("x")).toEqual(["resumed", "x"]);
    } else {
      expect(first).toBe("after constructor");
      const [v, after] = g.switch("x") as any[];
      expect(v).toBeInstanceOf(FiberError);
      expect(after).toBe("x");
    }
    expect(g.isAlive()).toBe(false);
  });

  it("the FiberError can also be left to propagate through the uncompiled frame", () => {
    const main = current();
    const g = new Fiber(() => {
      let err: any;
      try {
        callThrough(() => main.switch("must not arrive"));
      } catch (e) {
        err = e;
      }
      const v = main.switch(err);
      return v + "!";
    });
    const err = g.switch();
    expect(err).toBeInstanceOf(FiberError);
    expect((err as Error).message).toMatch(UNCOMPILED);
    expect(g.switch("usable")).toBe("usable!");
  });

  it("uncaught, the FiberError ends the fiber and reaches its parent", () => {
    const main = current();
    const g = new Fiber(() => {
      callThrough(() => main.switch("must not arrive"));
      return "unreachable";
    });
    expectThrow(() => g.switch(), FiberError, UNCOMPILED);
    expect(g.isAlive()).toBe(false);
  });

  it("starting another fiber from an uncompiled frame fails too, and that fiber stays unstarted", () => {
    const ran: string[] = [];
    const other = new Fiber(() => {
      ran.push("other ran");
    });
    const g = new Fiber(() => {
      const e = catchError(() => callThrough(() => other.switch()));
      return e;
    });
    const e = g.switch();
    expect(e).toBeInstanceOf(FiberError);
    expect(ran).toEqual([]);
    expect(other.isAlive()).toBe(true);
    other.switch();
    expect(ran).toEqual(["other ran"]);
  });

  it("throw() from an uncompiled frame fails the same way and raises nothing in the target", () => {
    const main = current();
    const log: string[] = [];
    const victim = new Fiber(() => {
      try {
        main.switch("victim waiting");
      } catch (e) {
        log.push("victim got " + (e as Error).message);
      }
      return "victim done";
    });
    expect(victim.switch()).toBe("victim waiting");
    const g = new Fiber(() => catchError(() => callThrough(() => victim.throw(SomeError, "x"))));
    const e = g.switch();
    expect(e).toBeInstanceOf(FiberError);
    expect(log).toEqual([]);
    expect(victim.switch()).toBe("victim done");
  });
});

// ____________________________________________________________ catch / finally and suspension

describe("catch and finally around a switch", () => {
  it("a catch around a switch does not run when the fiber merely suspends", () => {
    const main = current();
    const log: string[] = [];
    const g = new Fiber(() => {
      try {
        log.push("before");
        const v = main.switch("out");
        log.push("got " + v);
      } catch (e) {
        log.push("catch " + String(e));
      }
      return "end";
    });
    expect(g.switch()).toBe("out");
    expect(log).toEqual(["before"]);
    expect(g.switch("in")).toBe("end");
    expect(log).toEqual(["before", "got in"]);
  });

  it("catch-all blocks in several nested frames swallow nothing across many switches", () => {
    const main = current();
    const log: string[] = [];
    function level3(i: number) {
      try {
        return main.switch(i) as number;
      } catch {
        log.push("catch 3");
        return -1;
      }
    }
    function level2(i: number) {
      try {
        return level3(i) * 2;
      } catch (e) {
        log.push("catch 2");
        throw e;
      }
    }
    function level1() {
      let total = 0;
      for (let i = 0; i < 50; i++) {
        try {
          total += level2(i);
        } catch {
          log.push("catch 1");
        }
      }
      return total;
    }
    const g = new Fiber(level1);
    let v = g.switch();
    let expectedTotal = 0;
    while (g.isAlive()) {
      expectedTotal += (v as number) * 2;
      v = g.switch(v);
    }
    expect(v).toBe(expectedTotal);
    expect(log).toEqual([]);
  });

  it("finally does not run at suspension and runs exactly once at completion", () => {
    const main = current();
    const log: string[] = [];
    function inner() {
      try {
        log.push("inner try");
        main.switch("1");
        main.switch("2");
        return "inner value";
      } finally {
        log.push("inner finally");
      }
    }
    const g = new Fiber(() => {
      try {
        const r = inner();
        log.push("outer got " + r);
        main.switch("3");
      } finally {
        log.push("outer finally");
      }
      return "end";
    });
    expect(g.switch()).toBe("1");
    expect(log).toEqual(["inner try"]);
    expect(g.switch()).toBe("2");
    expect(log).toEqual(["inner try"]);
    expect(g.switch()).toBe("3");
    expect(log).toEqual(["inner try", "inner finally", "outer got inner value"]);
    expect(g.switch()).toBe("end");
    expect(log).toEqual(["inner try", "inner finally", "outer got inner value", "outer finally"]);
  });

  it("an error thrown into a suspended fiber runs the catch once and the finally once", () => {
    const main = current();
    const log: string[] = [];
    const g = new Fiber(() => {
      try {
        try {
          main.switch("waiting");
          log.push("not reached");
        } catch (e) {
          log.push("catch " + (e as Error).message);
          main.switch("in catch");
          throw e;
        } finally {
          log.push("finally");
        }
      } catch (e2) {
        log.push("outer catch " + (e2 as Error).message);
      }
      return "done";
    });
    expect(g.switch()).toBe("waiting");
    expect(g.throw(SomeError, "boom")).toBe("in catch");
    expect(log).toEqual(["catch boom"]);
    expect(g.switch()).toBe("done");
    expect(log).toEqual(["catch boom", "finally", "outer catch boom"]);
  });

  it("a switch inside a finally block suspends and resumes the finally", () => {
    const main = current();
    const log: string[] = [];
    const g = new Fiber(() => {
      try {
        log.push("try");
        return "from try";
      } finally {
        const v = main.switch("in finally");
        log.push("finally resumed with " + v);
      }
    });
    expect(g.switch()).toBe("in finally");
    expect(log).toEqual(["try"]);
    expect(g.switch("x")).toBe("from try");
    expect(log).toEqual(["try", "finally resumed with x"]);
  });

  it("a loop with break/continue inside try/finally around switches runs each finally once", () => {
    const main = current();
    const log: string[] = [];
    const g = new Fiber(() => {
      for (let i = 0; i < 5; i++) {
        try {
          if (i === 1) continue;
          if (i === 3) break;
          main.switch(i);
        } finally {
          log.push("f" + i);
        }
      }
      return "out";
    });
    const { yielded, result } = (() => {
      const ys: unknown[] = [];
      let v = g.switch();
      while (g.isAlive()) {
        ys.push(v);
        v = g.switch();
      }
      return { yielded: ys, result: v };
    })();
    expect(yielded).toEqual([0, 2]);
    expect(result).toBe("out");
    expect(log).toEqual(["f0", "f1", "f2", "f3"]);
  });
});

// ____________________________________________________________ stack overflow

describe("stack overflow inside a fiber", () => {
  function infinite(n: number): number {
    return infinite(n + 1) + 1;
  }

  it("is a catchable RangeError, and the fiber still works afterwards", () => {
    const main = current();
    const g = new Fiber(() => {
      let caught: unknown;
      try {
        infinite(0);
      } catch (e) {
        caught = e;
      }
      const v = main.switch(caught) as number;
      // deep-ish work after the overflow still works, including a switch in the middle
      function rec(n: number): number {
        return n === 0 ? (main.switch("deep") as number) : rec(n - 1) + 1;
      }
      return rec(200) + v;
    });
    const err = g.switch();
    expect(err).toBeInstanceOf(RangeError);
    expect((err as Error).message).toMatch(/stack|recursion|depth/i);
    expect(g.switch(41)).toBe("deep");
    expect(g.switch(1)).toBe(242);
    expect(g.isAlive()).toBe(false);
  });

  it("uncaught, it ends the fiber and reaches the parent as a RangeError", () => {
    const g = new Fiber(() => infinite(0));
    expectThrow(() => g.switch(), RangeError, /stack|recursion|depth/i);
    expect(g.isAlive()).toBe(false);
    // fibers keep working
    expect(new Fiber(() => "fine").switch()).toBe("fine");
  });

  it("after a fiber overflowed, other suspended fibers resume correctly", () => {
    const main = current();
    const keeper = new Fiber(() => {
      let s = 0;
      for (;;) s += main.switch(s) as number;
    });
    keeper.switch();
    expect(keeper.switch(5)).toBe(5);
    const g = new Fiber(() => {
      try {
        infinite(0);
      } catch {
        return "overflowed";
      }
    });
    expect(g.switch()).toBe("overflowed");
    expect(keeper.switch(6)).toBe(11);
  });
});
