// Port of python-fibers' test suite (saghul/python-fibers, tests/): test_fibers.py, test_throw.py,
// test_generator.py, test_generator_nested.py, test_gc.py, test_weakref.py and test_leaks.py.
// Each it() is named after the original test function. Python exception types are stood in for
// by Error subclasses (helpers/util.ts); ValueError raised by python-fibers maps to RangeError.
// This file is compiled by fibers-ts, so the test bodies themselves create and switch fibers.
import { describe, it, expect } from "vitest";
import { Fiber, current, FiberError, error } from "../../runtime/index.js";
import {
  catchError,
  expectThrow,
  SomeError,
  KeyError,
  IndexError,
  RuntimeError,
  ValueError,
} from "./helpers/util.js";
import { gcScenario, threadResults } from "./helpers/scripts.js";

const ENDED = /ended|dead|finished|terminated|not alive/i;

function fmain(seen: unknown[]): never {
  try {
    current().parent!.switch();
  } catch (e: any) {
    seen.push(e.constructor);
    throw e;
  }
  throw new SomeError();
}

function sendException(g: Fiber, exc: new () => Error): void {
  // note: sendException(g, exc) can be done with g.throw(exc); the purpose of this helper is to
  // check the propagation rules explicitly.
  function crasher(exc: new () => Error) {
    throw new exc();
  }
  const g1 = new Fiber({ target: crasher, args: [exc], parent: g });
  g1.switch();
}

describe("test_fibers.py: FiberTests", () => {
  it("test_simple", () => {
    const lst: number[] = [];
    function f() {
      lst.push(1);
      current().parent!.switch();
      lst.push(3);
    }
    const g = new Fiber(f);
    lst.push(0);
    g.switch();
    lst.push(2);
    g.switch();
    lst.push(4);
    expect(lst).toEqual([0, 1, 2, 3, 4]);
  });

  it("test_simple2", () => {
    const lst: number[] = [];
    function f() {
      lst.push(1);
      current().parent!.switch();
      lst.push(3);
    }
    const g = new Fiber(f);
    lst.push(0);
    g.switch();
    lst.push(2);
    g.switch();
    lst.push(4);
    expect(lst).toEqual([0, 1, 2, 3, 4]);
    expect(g.isAlive()).toBe(false);
  });

  it("test_two_children", () => {
    const lst: number[] = [];
    function f() {
      lst.push(1);
      current().parent!.switch();
      lst.push(1, 1);
    }
    const g = new Fiber(f);
    const h = new Fiber(f);
    g.switch();
    expect(lst.length).toBe(1);
    h.switch();
    expect(lst.length).toBe(2);
    h.switch();
    expect(lst.length).toBe(4);
    expect(h.isAlive()).toBe(false);
    g.switch();
    expect(lst.length).toBe(6);
    expect(g.isAlive()).toBe(false);
  });

  it("test_two_recursive_children", () => {
    const lst: number[] = [];
    function f() {
      lst.push(1);
      current().parent!.switch();
    }
    function h() {
      lst.push(1);
      const i = new Fiber(f);
      i.switch();
      lst.push(1);
    }
    const g = new Fiber(h);
    g.switch();
    expect(lst.length).toBe(3);
    expect(g.isAlive()).toBe(false);
  });

  it("test_exception", () => {
    const seen: unknown[] = [];
    const g1 = new Fiber({ target: fmain, args: [seen] });
    const g2 = new Fiber({ target: fmain, args: [seen] });
    g1.switch();
    g2.switch();
    g2.parent = g1;
    expect(seen).toEqual([]);
    expectThrow(() => g2.switch(), SomeError);
    expect(seen).toEqual([SomeError]);
    expect(g1.isAlive()).toBe(false);
    expect(g2.isAlive()).toBe(false);
  });

  it("test_send_exception", () => {
    const seen: unknown[] = [];
    const g1 = new Fiber({ target: fmain, args: [seen] });
    g1.switch();
    expectThrow(() => sendException(g1, KeyError), KeyError);
    expect(seen).toEqual([KeyError]);
    expect(g1.isAlive()).toBe(false);
  });

  describe("threads (worker_threads: each worker is a thread with its own fiber tree)", () => {
    let results: Record<string, any> | undefined;
    const groups = () =>
      (results ??= threadResults([
        "test_threads",
        "test_thread_bug",
        "test_switch_after_thread_of_prev_fiber_exited",
      ]));

    it("test_threads", () => {
      const runs = groups().test_threads;
      expect(runs).toHaveLength(10);
      for (const r of runs) {
        expect(r.msg, JSON.stringify(r)).toEqual({ ok: true, value: { lst: [0, 1, 2, 3, 4], alive: false } });
        expect(r.exitCode).toBe(0);
      }
    });

    it("test_thread_bug", () => {
      const [a, b] = groups().test_thread_bug;
      expect(a.msg, JSON.stringify(a)).toEqual({ ok: true, value: { r: "slept 200", alive: false } });
      expect(b.msg, JSON.stringify(b)).toEqual({ ok: true, value: { r: "slept 300", alive: false } });
      expect(a.exitCode).toBe(0);
      expect(b.exitCode).toBe(0);
    });

    it("test_switch_after_thread_of_prev_fiber_exited", () => {
      const [t1, t2] = groups().test_switch_after_thread_of_prev_fiber_exited;
      expect(t1.msg, JSON.stringify(t1)).toEqual({ ok: true, value: { r: "f11 done", alive: false } });
      expect(t2.msg, JSON.stringify(t2)).toEqual({
        ok: true,
        value: { r: "f22 done", f21Alive: true, f22Alive: false },
      });
      expect(t1.exitCode).toBe(0);
      expect(t2.exitCode).toBe(0);
    });
  });

  it("test_exc_state", () => {
    // Python checks sys.exc_info() is per fiber. JS equivalent: the error bound by a catch clause
    // survives a switch to a fiber that raises and handles its own error.
    const log: string[] = [];
    function h() {
      try {
        throw new Error("from h");
      } catch (e2: any) {
        log.push("h caught " + e2.message);
      }
    }
    function f() {
      try {
        throw new ValueError("fun");
      } catch (e: any) {
        const t = new Fiber(h);
        t.switch();
        log.push(`f still has ${e.name}: ${e.message}`);
        expect(e).toBeInstanceOf(ValueError);
        expect(t.isAlive()).toBe(false);
      }
    }
    const g = new Fiber(f);
    g.switch();
    expect(log).toEqual(["h caught from h", "f still has ValueError: fun"]);
    expect(g.isAlive()).toBe(false);
  });

  it("test_instance_dict", () => {
    function f() {
      (current() as any).test = 42;
    }
    const g = new Fiber(f);
    expect((g as any).test).toBeUndefined();
    g.switch();
    expect((g as any).test).toBe(42);
    expect(Object.prototype.hasOwnProperty.call(g, "test")).toBe(true);
  });

  it("test_finished_parent", () => {
    function f() {
      return 42;
    }
    const g = new Fiber(f);
    expect(g.switch()).toBe(42);
    expect(g.isAlive()).toBe(false);
    expectThrow(() => new Fiber({ parent: g }), RangeError, ENDED);
    expectThrow(() => new Fiber(() => 1, [], undefined, g), RangeError, ENDED);
  });
});

describe("test_fibers.py: module API and python-fibers semantics", () => {
  it("exports error as an alias of FiberError, an Error subclass", () => {
    expect(error).toBe(FiberError);
    const e = new FiberError("x");
    expect(e).toBeInstanceOf(Error);
    expect(e.message).toBe("x");
  });

  it("current() and Fiber.current() return the running fiber", () => {
    const main = current();
    expect(main).toBeInstanceOf(Fiber);
    expect(Fiber.current()).toBe(main);
    expect(main.isAlive()).toBe(true);
    expect(main.parent ?? null).toBeNull();
    let inside: any[] = [];
    const g = new Fiber(() => {
      inside = [current(), Fiber.current(), current().parent];
    });
    g.switch();
    expect(inside[0]).toBe(g);
    expect(inside[1]).toBe(g);
    expect(inside[2]).toBe(main);
    expect(current()).toBe(main);
  });

  it("runner(*args, **kwargs): args are spread, kwargs is one extra last argument", () => {
    let got: any[] = [];
    function runner(...a: any[]) {
      got = a;
      return 42;
    }
    const f = new Fiber({ target: runner, args: [1, 2, 3], kwargs: { foo: 123 } });
    expect(f.switch()).toBe(42);
    expect(got).toEqual([1, 2, 3, { foo: 123 }]);

    const f2 = new Fiber(runner, [1, 2]);
    expect(f2.switch()).toBe(42);
    expect(got).toEqual([1, 2]);

    const f3 = new Fiber(runner, undefined, { only: "kw" });
    f3.switch();
    expect(got).toEqual([{ only: "kw" }]);

    const f4 = new Fiber(runner);
    f4.switch();
    expect(got).toEqual([]);
  });

  it("a fiber without a target ends immediately, returning undefined to its parent", () => {
    const f = new Fiber();
    expect(f.isAlive()).toBe(true);
    expect(f.switch()).toBeUndefined();
    expect(f.isAlive()).toBe(false);
    const f2 = new Fiber({});
    expect(f2.switch()).toBeUndefined();
    expect(f2.isAlive()).toBe(false);
  });

  it("is_alive: unstarted and suspended fibers are alive, the running one too, ended ones not", () => {
    let whileRunning: boolean | undefined;
    const g = new Fiber(() => {
      whileRunning = g.isAlive();
      current().parent!.switch();
    });
    expect(g.isAlive()).toBe(true);
    g.switch();
    expect(whileRunning).toBe(true);
    expect(g.isAlive()).toBe(true);
    g.switch();
    expect(g.isAlive()).toBe(false);
  });

  it("parent defaults to the creating fiber", () => {
    const main = current();
    const outer = new Fiber(() => {
      const inner = new Fiber(() => current().parent);
      return [inner.parent, inner.switch()];
    });
    expect(outer.parent).toBe(main);
    const [p1, p2] = outer.switch() as any[];
    expect(p1).toBe(outer);
    expect(p2).toBe(outer);
  });

  it("switch values travel both ways", () => {
    const main = current();
    const g = new Fiber((a: number) => {
      const b = main.switch(a + 1);
      const c = main.switch((b as number) * 2);
      return `end ${c}`;
    }, [1]);
    expect(g.switch()).toBe(2);
    expect(g.switch(10)).toBe(20);
    expect(g.switch("x")).toBe("end x");
    // switch() without a value delivers undefined
    const h = new Fiber(() => main.switch());
    h.switch();
    expect(h.switch()).toBeUndefined();
    expect(h.isAlive()).toBe(false);
  });

  it("a finished fiber returns to its parent, not to the fiber that switched to it last", () => {
    const main = current();
    const log: string[] = [];
    let c!: Fiber;
    const p = new Fiber(() => {
      c = new Fiber(() => {
        const v = main.switch("c suspended");
        log.push("c got " + v);
        return "c result";
      });
      const r = c.switch();
      log.push("p got " + r);
      return "p result";
    });
    expect(p.switch()).toBe("c suspended");
    expect(c.parent).toBe(p);
    // main resumes c; c's return value goes to p (its parent), whose return value comes to main.
    expect(c.switch("hello")).toBe("p result");
    expect(log).toEqual(["c got hello", "p got c result"]);
    expect(c.isAlive()).toBe(false);
    expect(p.isAlive()).toBe(false);
  });

  it("a finished fiber skips unstarted ancestors", () => {
    const ranP: string[] = [];
    const p = new Fiber((x: string) => {
      ranP.push(x);
      return "p ran";
    }, ["arg"]);
    const c = new Fiber({ target: () => "c result", parent: p });
    expect(c.switch()).toBe("c result");
    expect(c.isAlive()).toBe(false);
    expect(p.isAlive()).toBe(true);
    expect(ranP).toEqual([]);
    expect(p.switch()).toBe("p ran");
    expect(ranP).toEqual(["arg"]);
  });

  it("a finished fiber skips ended ancestors", () => {
    const main = current();
    const p = new Fiber(() => {
      main.switch("p suspended");
      return "p done";
    });
    const c = new Fiber(() => {
      const v = main.switch("c suspended");
      return "c done " + v;
    });
    expect(p.switch()).toBe("p suspended");
    expect(c.switch()).toBe("c suspended");
    c.parent = p;
    expect(p.switch()).toBe("p done");
    expect(p.isAlive()).toBe(false);
    expect(c.parent).toBe(p);
    // c's parent has ended: its result goes to the next started, not-ended ancestor (main)
    expect(c.switch("v")).toBe("c done v");
    expect(c.isAlive()).toBe(false);
  });

  it("an uncaught error goes to the first started, not-ended ancestor", () => {
    const main = current();
    const caught: unknown[] = [];
    const grand = new Fiber(() => {
      try {
        main.switch("grand suspended");
      } catch (e) {
        caught.push(e);
        return "grand handled it";
      }
      return "grand: no error";
    });
    expect(grand.switch()).toBe("grand suspended");
    const mid = new Fiber({ target: () => "mid never ran", parent: grand }); // never started
    const leaf = new Fiber({
      target: () => {
        main.switch("leaf suspended");
        throw new SomeError("boom");
      },
      parent: mid,
    });
    expect(leaf.switch()).toBe("leaf suspended");
    // leaf raises: mid is skipped (unstarted), grand gets the error at its suspension point,
    // handles it and returns; grand's result comes back to main.
    expect(leaf.switch()).toBe("grand handled it");
    expect(caught).toHaveLength(1);
    expect(caught[0]).toBeInstanceOf(SomeError);
    expect((caught[0] as Error).message).toBe("boom");
    expect(mid.isAlive()).toBe(true);
    expect(leaf.isAlive()).toBe(false);
    expect(grand.isAlive()).toBe(false);
    // mid was never run; it still can be
    expect(mid.switch()).toBe("mid never ran");
  });

  it("a fiber started by another fiber still returns to its own parent", () => {
    const main = current();
    const g = new Fiber(() => "g result"); // parent: main
    const f = new Fiber(() => {
      const r = g.switch(); // starts g, but g's result goes to main, not here
      return "f resumed with " + r;
    });
    expect(f.switch()).toBe("g result");
    expect(g.isAlive()).toBe(false);
    expect(f.isAlive()).toBe(true);
    expect(f.switch("late")).toBe("f resumed with late");
    expect(current()).toBe(main);
  });

  it("an error thrown into a fiber that does not catch it goes to that fiber's parent, not to the thrower", () => {
    const main = current();
    const c = new Fiber(() => {
      main.switch("c suspended");
    });
    expect(c.switch()).toBe("c suspended");
    const thrower = new Fiber(() => {
      c.throw(new SomeError("into c"));
      return "thrower resumed";
    });
    // c's parent is main: the error surfaces here while thrower stays suspended in throw()
    expectThrow(() => thrower.switch(), SomeError, /into c/);
    expect(c.isAlive()).toBe(false);
    expect(thrower.isAlive()).toBe(true);
    expect(thrower.switch()).toBe("thrower resumed");
  });

  it("a running fiber may change its own parent; its result then goes to the new parent", () => {
    const main = current();
    const p = new Fiber(() => {
      const got = main.switch("p suspended");
      return "p got " + got;
    });
    expect(p.switch()).toBe("p suspended");
    const f = new Fiber(() => {
      current().parent = p;
      return "f result";
    });
    expect(f.switch()).toBe("p got f result");
    expect(f.parent).toBe(p);
    expect(p.isAlive()).toBe(false);
  });

  it("an uncaught error in a child of main surfaces at main's switch", () => {
    const g = new Fiber(() => {
      throw new SomeError("to main");
    });
    const e = expectThrow(() => g.switch(), SomeError, /to main/);
    expect(e.message).toBe("to main");
    expect(g.isAlive()).toBe(false);
    // non-Error values thrown propagate unchanged
    const h = new Fiber(() => {
      throw 42;
    });
    expect(catchError(() => h.switch())).toBe(42);
  });

  it("throw into an unstarted fiber ends it without running it", () => {
    const ran: string[] = [];
    const g = new Fiber(() => {
      ran.push("ran");
    });
    expectThrow(() => g.throw(SomeError, "never ran"), SomeError, /never ran/);
    expect(g.isAlive()).toBe(false);
    expect(ran).toEqual([]);
    expectThrow(() => g.switch(), FiberError, ENDED);
  });

  it("throw into an unstarted fiber raises in its first started ancestor", () => {
    const main = current();
    const log: string[] = [];
    const p = new Fiber(() => {
      try {
        main.switch("p ready");
      } catch (e: any) {
        log.push("p caught " + e.message);
        return "p caught";
      }
      return "p normal";
    });
    expect(p.switch()).toBe("p ready");
    const c = new Fiber({ target: () => log.push("c ran"), parent: p });
    expect(c.throw(new IndexError("into c"))).toBe("p caught");
    expect(log).toEqual(["p caught into c"]);
    expect(c.isAlive()).toBe(false);
    expect(p.isAlive()).toBe(false);
  });

  it("subclassing: a subclass may pass its own method as target, or override nothing", () => {
    class Plain extends Fiber {}
    const p = new Plain(() => "plain");
    expect(p).toBeInstanceOf(Fiber);
    expect(p.switch()).toBe("plain");

    class Worker extends Fiber {
      count = 0;
      constructor(public readonly step: number) {
        super({ target: () => this.run() });
      }
      run() {
        for (;;) {
          this.count += this.step;
          const cmd = this.parent!.switch(this.count);
          if (cmd === "stop") return `stopped at ${this.count}`;
        }
      }
    }
    const w = new Worker(5);
    expect(w.switch()).toBe(5);
    expect(w.switch()).toBe(10);
    expect(w.switch("stop")).toBe("stopped at 10");
    expect(w.isAlive()).toBe(false);

    let seenCurrent: unknown;
    class Sub extends Fiber {
      constructor() {
        super(Sub.body);
      }
      static body() {
        seenCurrent = current();
        return current() instanceof Sub;
      }
    }
    const s = new Sub();
    expect(s.switch()).toBe(true);
    expect(seenCurrent).toBe(s);
  });
});

describe("test_throw.py: ThrowTests", () => {
  function sw(val: unknown): any {
    return current().parent!.switch(val);
  }

  it("test_class", () => {
    function f() {
      try {
        sw("ok");
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        sw("ok");
        return;
      }
      sw("fail");
    }
    const g = new Fiber(f);
    let res = g.switch();
    expect(res).toBe("ok");
    res = g.throw(RuntimeError);
    expect(res).toBe("ok");
  });

  it("test_val", () => {
    function f() {
      try {
        sw("ok");
      } catch (e) {
        if (!(e instanceof RuntimeError)) throw e;
        if (String(e.message) === "ciao") {
          sw("ok");
          return;
        }
      }
      sw("fail");
    }
    let g = new Fiber(f);
    let res = g.switch();
    expect(res).toBe("ok");
    res = g.throw(new RuntimeError("ciao"));
    expect(res).toBe("ok");

    g = new Fiber(f);
    res = g.switch();
    expect(res).toBe("ok");
    res = g.throw(RuntimeError, "ciao");
    expect(res).toBe("ok");
  });

  it("test_kill", () => {
    function f() {
      try {
        sw("ok");
        sw("fail");
      } catch (e) {
        return e;
      }
    }
    const g = new Fiber(f);
    const res = g.switch();
    expect(res).toBe("ok");
    const res2 = g.throw(ValueError);
    expect(res2).toBeInstanceOf(ValueError);
    expect(g.isAlive()).toBe(false);
  });

  function f1(main: Fiber) {
    try {
      main.switch("f1 ready to catch");
    } catch (e) {
      if (e instanceof IndexError) return "caught";
      throw e;
    }
    return "normal exit";
  }
  function f2(main: Fiber) {
    main.switch("from f2");
  }

  it("test_throw_goes_to_original_parent", () => {
    const main = current();
    const g1 = new Fiber(f1, [main]);
    const g2 = new Fiber({ target: f2, args: [main], parent: g1 });
    expectThrow(() => g2.throw(IndexError), IndexError);
    expect(g2.isAlive()).toBe(false);
    expect(g1.isAlive()).toBe(true); // g1 is skipped because it was not started
  });

  it("test_throw_goes_to_original_parent2", () => {
    const main = current();
    const g1 = new Fiber(f1, [main]);
    const g2 = new Fiber({ target: f2, args: [main], parent: g1 });
    let res = g1.switch();
    expect(res).toBe("f1 ready to catch");
    res = g2.throw(IndexError);
    expect(res).toBe("caught");
    expect(g2.isAlive()).toBe(false);
    expect(g1.isAlive()).toBe(false);
  });

  it("test_throw_goes_to_original_parent3", () => {
    const main = current();
    const g1 = new Fiber(f1, [main]);
    const g2 = new Fiber({ target: f2, args: [main], parent: g1 });
    let res = g1.switch();
    expect(res).toBe("f1 ready to catch");
    res = g2.switch();
    expect(res).toBe("from f2");
    res = g2.throw(IndexError);
    expect(res).toBe("caught");
    expect(g2.isAlive()).toBe(false);
    expect(g1.isAlive()).toBe(false);
  });

  it("throw variants: class, class + message, class + instance, instance", () => {
    const main = current();
    function catcher() {
      const got: any[] = [];
      for (;;) {
        try {
          main.switch(got);
        } catch (e) {
          got.push(e);
        }
      }
    }
    const g = new Fiber(catcher);
    const got = g.switch() as any[];

    g.throw(RangeError);
    expect(got[0]).toBeInstanceOf(RangeError);
    expect(got[0].constructor).toBe(RangeError);

    g.throw(SomeError, "with message");
    expect(got[1]).toBeInstanceOf(SomeError);
    expect(got[1].message).toBe("with message");

    const inst = new SomeError("instance as val");
    g.throw(SomeError, inst);
    expect(got[2]).toBe(inst);

    const inst2 = new TypeError("instance as typ");
    g.throw(inst2);
    expect(got[3]).toBe(inst2);

    expect(got).toHaveLength(4);
    expect(g.isAlive()).toBe(true);
  });
});

// ____________________________________________________________ test_generator.py

class genlet extends Fiber {
  args: unknown[];
  fn!: (...a: any[]) => unknown;
  constructor(...args: unknown[]) {
    super({ target: genletRun });
    this.args = args;
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this as unknown as Iterator<unknown>;
  }
  next(): IteratorResult<unknown> {
    this.parent = current();
    const result = this.switch();
    if (this.isAlive()) return { value: result, done: false };
    return { value: undefined, done: true };
  }
}

function genletRun() {
  const self = current() as genlet;
  self.fn(...self.args);
}

function Yield(value: unknown) {
  let g: Fiber | null = current();
  while (!(g instanceof genlet)) {
    if (g == null) throw new RuntimeError("yield outside a genlet");
    g = g.parent;
  }
  g.parent!.switch(value);
}

function generator(func: (...a: any[]) => unknown) {
  return class extends genlet {
    constructor(...args: unknown[]) {
      super(...args);
      this.fn = func;
    }
  };
}

describe("test_generator.py: GeneratorTests", () => {
  it("test_generator", () => {
    const seen: number[] = [];
    function g(n: number) {
      for (let i = 0; i < n; i++) {
        seen.push(i);
        Yield(i);
      }
    }
    const G = generator(g);
    for (let k = 0; k < 3; k++) {
      for (const j of new G(5)) {
        seen.push(j as number);
      }
    }
    const once = [0, 0, 1, 1, 2, 2, 3, 3, 4, 4];
    expect(seen).toEqual([...once, ...once, ...once]);
  });
});

// ____________________________________________________________ test_generator_nested.py

class ngenlet extends Fiber {
  args: unknown[];
  child: ngenlet | null;
  fn!: (...a: any[]) => unknown;
  constructor(...args: unknown[]) {
    super({ target: ngenletRun });
    this.args = args;
    this.child = null;
  }
  [Symbol.iterator](): Iterator<unknown> {
    return this as unknown as Iterator<unknown>;
  }
  set_child(child: ngenlet) {
    this.child = child;
  }
  next(): IteratorResult<unknown> {
    let result: unknown;
    if (this.child) {
      let child = this.child;
      while (child.child) {
        const tmp = child;
        child = child.child;
        tmp.child = null;
      }
      result = child.switch();
    } else {
      this.parent = current();
      result = this.switch();
    }
    if (this.isAlive()) return { value: result, done: false };
    return { value: undefined, done: true };
  }
}

function ngenletRun() {
  const self = current() as ngenlet;
  self.fn(...self.args);
}

function NYield(value: unknown, level = 1) {
  let g: any = current();
  while (level !== 0) {
    if (!(g instanceof ngenlet)) throw new RuntimeError("yield outside a genlet");
    if (level > 1) (g.parent as ngenlet).set_child(g);
    g = g.parent;
    level -= 1;
  }
  g.switch(value);
}

function Genlet(func: (...a: any[]) => unknown) {
  const cls = class extends ngenlet {
    constructor(...args: unknown[]) {
      super(...args);
      this.fn = func;
    }
  };
  return (...args: unknown[]) => new cls(...args);
}

function* g1(n: number, seen: number[]) {
  for (let i = 0; i < n; i++) {
    seen.push(i + 1);
    yield i;
  }
}

const g2 = Genlet((n: number, seen: number[]) => {
  for (let i = 0; i < n; i++) {
    seen.push(i + 1);
    NYield(i);
  }
});

function nested(i: number) {
  NYield(i);
}

const g3 = Genlet((n: number, seen: number[]) => {
  for (let i = 0; i < n; i++) {
    seen.push(i + 1);
    nested(i);
  }
});

const ax: (n: number) => ngenlet = Genlet(function a(n: number) {
  if (n === 0) return;
  for (const ii of ax(n - 1)) NYield(ii);
  NYield(n);
});

const perms: (l: number[]) => ngenlet = Genlet((l: number[]) => {
  if (l.length > 1) {
    for (const e of l) {
      for (const p of perms(l.filter((x) => x !== e))) {
        NYield([e, ...(p as number[])]);
      }
    }
  } else {
    NYield(l);
  }
});

const gr1 = Genlet((n: number) => {
  for (let ii = 1; ii < n; ii++) {
    NYield(ii);
    NYield(ii * ii, 2);
  }
});

const gr2 = Genlet((n: number, seen: unknown[]) => {
  for (const ii of gr1(n)) seen.push(ii);
});

describe("test_generator_nested.py: NestedGeneratorTests", () => {
  it("test_layered_genlets", () => {
    const seen: unknown[] = [];
    for (const ii of gr2(5, seen)) seen.push(ii);
    expect(seen).toEqual([1, 1, 2, 4, 3, 9, 4, 16]);
  });

  it("test_permutations", () => {
    const permutations: number[][] = [];
    for (const p of perms([0, 1, 2, 3])) permutations.push(p as number[]);
    expect(permutations.length).toBe(4 * 3 * 2 * 1);
    expect(permutations).toContainEqual([0, 1, 2, 3]);
    expect(permutations).toContainEqual([3, 2, 1, 0]);
    expect(new Set(permutations.map((p) => p.join(""))).size).toBe(24);

    // zip(perms(range(4)), perms(range(3)))
    const res: unknown[] = [];
    const a = perms([0, 1, 2, 3]);
    const b = perms([0, 1, 2]);
    for (;;) {
      const x = a.next();
      if (x.done) break;
      const y = b.next();
      if (y.done) break;
      res.push([x.value, y.value]);
    }
    expect(res).toEqual([
      [[0, 1, 2, 3], [0, 1, 2]],
      [[0, 1, 3, 2], [0, 2, 1]],
      [[0, 2, 1, 3], [1, 0, 2]],
      [[0, 2, 3, 1], [1, 2, 0]],
      [[0, 3, 1, 2], [2, 0, 1]],
      [[0, 3, 2, 1], [2, 1, 0]],
    ]);
  });

  it("test_genlet_simple", () => {
    const gens: Array<(n: number, seen: number[]) => Iterable<unknown>> = [g1, g2 as any, g3 as any];
    for (const g of gens) {
      const seen: number[] = [];
      for (let k = 0; k < 3; k++) {
        for (const j of g(5, seen)) seen.push(j as number);
      }
      const once = [1, 0, 2, 1, 3, 2, 4, 3, 5, 4];
      expect(seen).toEqual([...once, ...once, ...once]);
    }
  });

  it("test_genlet_bad", () => {
    expectThrow(() => NYield(10), RuntimeError, /yield outside a genlet/);
    expectThrow(() => Yield(10), RuntimeError, /yield outside a genlet/);
  });

  it("test_nested_genlets", () => {
    const seen: unknown[] = [];
    for (const ii of ax(5)) seen.push(ii);
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});

// ____________________________________________________________ test_gc.py, test_weakref.py, test_leaks.py
// These run in a child `node --expose-gc` process (fixtures/gc-scenarios.mjs, compiled with
// fibers-ts; fixtures/gc-runner.mjs forces collections between steps).

describe("test_gc.py: GCTests", () => {
  it("test_circular_fiber", () => {
    const r = gcScenario("test_circular_fiber");
    expect(r.isFiber).toBe(true);
    expect(r.collected).toBe(true);
  });

  it("test_dead_circular_ref", () => {
    // Fiber(current).switch() returns the (now ended) fiber itself
    const r = gcScenario("test_dead_circular_ref");
    expect(r.isFiber).toBe(true);
    expect(r.alive).toBe(false);
    expect(r.collected).toBe(true);
  });

  it("test_inactive_ref", () => {
    expect(gcScenario("test_inactive_ref").collected).toBe(true);
  });

  it("test_finalizer_crash", () => {
    const r = gcScenario("test_finalizer_crash");
    expect(r.aliveAfterSwitch).toBe(true);
    expect(r.collected).toBe(true);
    expect(r.log).toEqual([]); // the finally block of the dropped fiber never runs
    expect(r.after).toBe(42);
    expect(r.finalized).toEqual(["fiber", "object"]);
  });
});

describe("test_weakref.py: WeakRefTests", () => {
  it("test_dead_weakref", () => {
    const r = gcScenario("test_dead_weakref");
    expect(r.alive).toBe(false);
    expect(r.collected).toBe(true);
  });

  it("test_inactive_weakref", () => {
    expect(gcScenario("test_inactive_weakref").collected).toBe(true);
  });
});

describe("test_leaks.py: ArgRefcountTests", () => {
  it("test_arg_refs", () => {
    const r = gcScenario("test_arg_refs");
    expect(r.heldBeforeRun).toBe(true);
    expect(r.gotLen).toBe(3);
    expect(r.gotTag).toBe("a");
    expect(r.fiberStillReferenced).toBe(true);
    expect(r.aliveAfterEnd).toBe(false);
    expect(r.releasedAfterEnd).toBe(true);
  });

  it("test_kwarg_refs", () => {
    const r = gcScenario("test_kwarg_refs");
    expect(r.heldBeforeRun).toBe(true);
    expect(r.gotTag).toBe("k");
    expect(r.fiberStillReferenced).toBe(true);
    expect(r.aliveAfterEnd).toBe(false);
    expect(r.releasedAfterEnd).toBe(true);
  });

  it("an ended fiber releases its target (python-fibers clears target/args/kwargs after running)", () => {
    const r = gcScenario("target_released_after_end");
    expect(r.heldBeforeRun).toBe(true);
    expect(r.r).toBe("captured by target");
    expect(r.aliveAfterEnd).toBe(false);
    expect(r.releasedAfterEnd).toBe(true);
  });

  it("throw() into an unstarted fiber releases its target, args and kwargs", () => {
    const r = gcScenario("released_after_throw_into_unstarted");
    expect(r.heldBefore).toEqual([true, true, true]);
    expect(r.caught).toBe(true);
    expect(r.aliveAfter).toBe(false);
    expect(r.released).toEqual([true, true, true]);
  });

  // Python checks that the per-thread main fibers are freed when threads exit. Observable here: a
  // worker that used fibers (only its main fiber; finished fibers; still-suspended fibers) exits
  // on its own, normally, as soon as its work is done.
  let leakRuns: Record<string, any> | undefined;
  const leaks = () => (leakRuns ??= threadResults(["test_threaded_leak", "test_threaded_adv_leak"]));

  it("test_threaded_leak", () => {
    const runs = leaks().test_threaded_leak;
    expect(runs).toHaveLength(2);
    for (const r of runs) {
      expect(r.msg, JSON.stringify(r)).toEqual({ ok: true, value: { isMain: true } });
      expect(r.exitCode).toBe(0);
    }
  });

  it("test_threaded_adv_leak", () => {
    const runs = leaks().test_threaded_adv_leak;
    expect(runs).toHaveLength(2);
    for (const r of runs) {
      expect(r.msg, JSON.stringify(r)).toEqual({
        ok: true,
        value: { finished: 2, allDead: true, suspended: ["suspended 0", "suspended 1", "suspended 2"] },
      });
      expect(r.exitCode).toBe(0);
    }
  });

  it("values passed through switch/return/throw are not retained by the runtime", () => {
    const r = gcScenario("transferred_values_not_retained");
    expect(r.ack).toBe("got it");
    expect(r.gotReturned).toBe(true);
    expect(r.gotRaised).toBe(true);
    expect(r.collected).toEqual([true, true, true, true]);
  });

  it("dropped suspended fibers (a whole suspended chain) are freed and run nothing", () => {
    const r = gcScenario("dropped_suspended_chain");
    expect(r.r).toBe("inner suspended");
    expect(r.outerCollected).toBe(true);
    expect(r.log).toEqual([]);
    expect(r.log2).toEqual([]);
    expect(r.finalized).toEqual(["inner frame", "outer frame"]);
  });
});
