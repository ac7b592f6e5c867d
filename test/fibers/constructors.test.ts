import { describe, it, expect } from "vitest";
import { Fiber, FiberError, current } from "../../runtime/index.js";

/**
 * Switches inside class constructors (compiler/constructors.ts): the constructed class's own body,
 * a parent's body run by super(), field initializers, in the order plain JavaScript runs them.
 */
describe("class constructors that switch", () => {
  function drive(fn: () => unknown): { result: unknown; hops: unknown[] } {
    const main = current();
    const hops: unknown[] = [];
    const f = new Fiber(fn);
    let v = f.switch();
    while (f.isAlive()) {
      hops.push(v);
      v = f.switch("back");
    }
    return { result: v, hops };
  }

  it("a base constructor body switches; new returns the finished object", () => {
    const main = current();
    class Point {
      x: number;
      y: number;
      constructor(x: number) {
        this.x = x;
        this.y = main.switch("in Point") === "back" ? x * 2 : -1;
      }
    }
    const { result, hops } = drive(() => {
      const p = new Point(3);
      return [p instanceof Point, p.x, p.y];
    });
    expect(hops).toEqual(["in Point"]);
    expect(result).toEqual([true, 3, 6]);
  });

  it("a parent constructor switches inside super(): parent fields, parent body, child fields, child body, in order", () => {
    const main = current();
    const order: string[] = [];
    const note = (s: string) => (order.push(s), s);
    class Base {
      baseField = note("base field");
      constructor() {
        note("base body before");
        main.switch("in Base");
        note("base body after");
      }
    }
    class Derived extends Base {
      childField = note("child field");
      kind: string;
      constructor() {
        super();
        this.kind = new.target.name;
        note("child body");
      }
    }
    const { result, hops } = drive(() => {
      const d = new Derived();
      return [d instanceof Derived, d.baseField, d.childField, d.kind];
    });
    expect(hops).toEqual(["in Base"]);
    expect(result).toEqual([true, "base field", "child field", "Derived"]);
    expect(order).toEqual(["base field", "base body before", "base body after", "child field", "child body"]);
  });

  it("a derived class without a constructor relays to its parent; an explicit object return wins", () => {
    const main = current();
    const replacement = { replaced: true };
    class Base {
      constructor(public n: number) {
        main.switch("in Base " + n);
      }
    }
    class Leaf extends Base {}
    class Returns {
      constructor() {
        main.switch("in Returns");
        return replacement;
      }
    }
    const { result, hops } = drive(() => [new Leaf(7).n, new Returns()]);
    expect(hops).toEqual(["in Base 7", "in Returns"]);
    expect(result).toEqual([7, replacement]);
  });

  it("a switch before super() raises FiberError and the fiber stays usable", () => {
    const main = current();
    class Base {}
    class Early extends Base {
      constructor() {
        main.switch("before super");
        super();
      }
    }
    const { result, hops } = drive(() => {
      let err: unknown;
      try {
        new Early();
      } catch (e) {
        err = e;
      }
      return [err instanceof FiberError, main.switch("still usable")];
    });
    expect(hops).toEqual(["still usable"]);
    expect(result).toEqual([true, "back"]);
  });
});
