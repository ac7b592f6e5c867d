// Callbacks of the built-ins that fibers-ts replaces with compiled versions may switch: Array.prototype
// forEach/map/filter/reduce/reduceRight/some/every/find/findIndex/findLast/findLastIndex/flatMap/
// sort, Array.from with a map function, Map/Set forEach. Each test suspends the fiber inside the
// callback (handing a value out to main), resumes it with an answer, and checks the built-in's
// result and its callback arguments. Compiled by fibers-ts.
import { describe, it, expect } from "vitest";
import { Fiber, current } from "../../runtime/index.js";
import { drive, SomeError } from "./helpers/util.js";

function up(v: unknown): any {
  return current().parent!.switch(v);
}

describe("Array.prototype callbacks can switch", () => {
  it("forEach", () => {
    const f = new Fiber(() => {
      const out: unknown[] = [];
      const ret = [1, 2, 3].forEach((x, i, arr) => {
        out.push([up(x), i, arr.length]);
      });
      return { out, ret };
    });
    const { yielded, result } = drive(f, (v) => v * 10);
    expect(yielded).toEqual([1, 2, 3]);
    expect(result).toEqual({ out: [[10, 0, 3], [20, 1, 3], [30, 2, 3]], ret: undefined });
  });

  it("forEach with thisArg", () => {
    const ctx = { k: "ctx" };
    const f = new Fiber(() => {
      const out: unknown[] = [];
      ["a", "b"].forEach(function (this: any, x) {
        out.push(this.k + up(x));
      }, ctx);
      return out;
    });
    const { yielded, result } = drive(f, (v) => v.toUpperCase());
    expect(yielded).toEqual(["a", "b"]);
    expect(result).toEqual(["ctxA", "ctxB"]);
  });

  it("map", () => {
    const f = new Fiber(() => [1, 2, 3].map((x, i) => up(x) + i));
    const { yielded, result } = drive(f, (v) => v * 10);
    expect(yielded).toEqual([1, 2, 3]);
    expect(result).toEqual([10, 21, 32]);
  });

  it("filter", () => {
    const f = new Fiber(() => [1, 2, 3, 4].filter((x) => up(x)));
    const { yielded, result } = drive(f, (v) => v % 2 === 0);
    expect(yielded).toEqual([1, 2, 3, 4]);
    expect(result).toEqual([2, 4]);
  });

  it("reduce, with and without an initial value", () => {
    const f = new Fiber(() => [
      [1, 2, 3].reduce((acc: number, x: number, i: number) => up([acc, x, i]), 0),
      [1, 2, 3].reduce((acc: number, x: number) => up([acc, x])),
    ]);
    const { yielded, result } = drive(f, ([a, x]) => a + x);
    expect(yielded).toEqual([[0, 1, 0], [1, 2, 1], [3, 3, 2], [1, 2], [3, 3]]);
    expect(result).toEqual([6, 6]);
  });

  it("reduceRight", () => {
    const f = new Fiber(() => ["a", "b", "c"].reduceRight((acc: string, x: string) => up(acc + x), ""));
    const { yielded, result } = drive(f, (v) => v + "|");
    expect(yielded).toEqual(["c", "c|b", "c|b|a"]);
    expect(result).toBe("c|b|a|");
  });

  it("some", () => {
    const f = new Fiber(() => [1, 2, 3, 4].some((x) => up(x)));
    const { yielded, result } = drive(f, (v) => v === 3);
    expect(yielded).toEqual([1, 2, 3]);
    expect(result).toBe(true);
  });

  it("every", () => {
    const f = new Fiber(() => [1, 2, 3, 4].every((x) => up(x)));
    const { yielded, result } = drive(f, (v) => v < 3);
    expect(yielded).toEqual([1, 2, 3]);
    expect(result).toBe(false);
  });

  it("find and findIndex", () => {
    const f = new Fiber(() => [[5, 6, 7, 8].find((x) => up(x)), [5, 6, 7, 8].findIndex((x) => up(x))]);
    const { yielded, result } = drive(f, (v) => v === 7);
    expect(yielded).toEqual([5, 6, 7, 5, 6, 7]);
    expect(result).toEqual([7, 2]);
  });

  it("findLast and findLastIndex", () => {
    const f = new Fiber(() => [
      [1, 2, 3, 4].findLast((x) => up(x)),
      [1, 2, 3, 4].findLastIndex((x) => up(x)),
    ]);
    const { yielded, result } = drive(f, (v) => v % 2 === 1);
    expect(yielded).toEqual([4, 3, 4, 3]);
    expect(result).toEqual([3, 2]);
  });

  it("flatMap", () => {
    const f = new Fiber(() => [1, 2].flatMap((x) => up(x)));
    const { yielded, result } = drive(f, (v) => [v, v * 100]);
    expect(yielded).toEqual([1, 2]);
    expect(result).toEqual([1, 100, 2, 200]);
  });

  it("sort", () => {
    const f = new Fiber(() => {
      const arr = [5, 3, 9, 1, 7, 2, 8];
      const ret = arr.sort((a, b) => up([a, b]));
      return { same: ret === arr, arr };
    });
    const { yielded, result } = drive(f, ([a, b]) => a - b);
    expect(yielded.length).toBeGreaterThan(0);
    for (const pair of yielded) expect(pair).toHaveLength(2);
    expect(result).toEqual({ same: true, arr: [1, 2, 3, 5, 7, 8, 9] });
  });

  it("Array.from with a map function (array, array-like, Set)", () => {
    const f = new Fiber(() => [
      Array.from([1, 2], (x, i) => up(x) + i),
      Array.from({ length: 2 }, (_, i) => up(i)),
      Array.from(new Set(["x", "y"]), (s) => up(s)),
    ]);
    const { yielded, result } = drive(f, (v) => (typeof v === "number" ? v * 10 : v + v));
    expect(yielded).toEqual([1, 2, 0, 1, "x", "y"]);
    expect(result).toEqual([[10, 21], [0, 10], ["xx", "yy"]]);
  });

  it("switching to another fiber (not the parent) from inside a callback", () => {
    const main = current();
    const log: string[] = [];
    const other = new Fiber(() => {
      for (;;) {
        const v = main.switch("other idle");
        log.push("other saw " + v);
      }
    });
    other.switch();
    const f = new Fiber(() =>
      [1, 2].map((x) => {
        other.switch(x); // other logs, then switches to main
        return x * 2;
      }),
    );
    expect(f.switch()).toBe("other idle");
    expect(f.switch()).toBe("other idle");
    expect(f.switch()).toEqual([2, 4]);
    expect(log).toEqual(["other saw 1", "other saw 2"]);
  });

  it("nested callbacks in several compiled frames", () => {
    function inner(row: number[]) {
      return row.map((x) => up(x));
    }
    const f = new Fiber(() =>
      [
        [1, 2],
        [3, 4],
      ].map((row) => inner(row).reduce((a: number, b: number) => a + b, 0)),
    );
    const { yielded, result } = drive(f, (v) => v * v);
    expect(yielded).toEqual([1, 2, 3, 4]);
    expect(result).toEqual([5, 25]);
  });

  it("an error thrown into a fiber suspended in a callback propagates out of the built-in", () => {
    const main = current();
    const log: string[] = [];
    const f = new Fiber(() => {
      try {
        [1, 2, 3].forEach((x) => {
          log.push("visit " + x);
          main.switch(x);
        });
        return "completed";
      } catch (e) {
        return "caught " + (e as Error).message;
      }
    });
    expect(f.switch()).toBe(1);
    expect(f.switch()).toBe(2);
    expect(f.throw(SomeError, "stop")).toBe("caught stop");
    expect(log).toEqual(["visit 1", "visit 2"]);
  });
});

describe("Map and Set forEach callbacks can switch", () => {
  it("Map.prototype.forEach", () => {
    const f = new Fiber(() => {
      const m = new Map([
        ["a", 1],
        ["b", 2],
      ]);
      const out: unknown[] = [];
      m.forEach((v, k, map) => {
        out.push(k + up(v) + (map === m ? "" : "!"));
      });
      return out;
    });
    const { yielded, result } = drive(f, (v) => v * 10);
    expect(yielded).toEqual([1, 2]);
    expect(result).toEqual(["a10", "b20"]);
  });

  it("Set.prototype.forEach", () => {
    const f = new Fiber(() => {
      const s = new Set([3, 4]);
      const out: unknown[] = [];
      s.forEach((v, v2, set) => {
        out.push([up(v), v2, set === s]);
      });
      return out;
    });
    const { yielded, result } = drive(f, (v) => -v);
    expect(yielded).toEqual([3, 4]);
    expect(result).toEqual([[-3, 3, true], [-4, 4, true]]);
  });
});

describe("the replaced built-ins keep their specified semantics while callbacks are suspended", () => {
  it("forEach/map/reduce: length is fixed at the start, holes made during a suspension are skipped", () => {
    const main = current();
    const arr = [1, 2, 3, 4];
    const f = new Fiber(() => {
      const visited: number[] = [];
      arr.forEach((x) => {
        visited.push(x);
        if (x === 1) main.switch("mutate now");
      });
      return visited;
    });
    expect(f.switch()).toBe("mutate now");
    arr.push(5);
    delete arr[2];
    expect(f.switch()).toEqual([1, 2, 4]);

    const arr2 = [1, 2, 3, 4];
    const g = new Fiber(() =>
      arr2.map((x) => {
        if (x === 1) main.switch("mutate now");
        return x * 10;
      }),
    );
    expect(g.switch()).toBe("mutate now");
    arr2.push(5);
    delete arr2[2];
    const mapped = g.switch() as number[];
    expect(mapped.length).toBe(4);
    expect(2 in mapped).toBe(false);
    expect([mapped[0], mapped[1], mapped[3]]).toEqual([10, 20, 40]);

    const arr3 = [1, 2, 3, 4];
    const h = new Fiber(() =>
      arr3.reduce((acc: number[], x) => {
        if (x === 1) main.switch("mutate now");
        return [...acc, x];
      }, []),
    );
    expect(h.switch()).toBe("mutate now");
    arr3.push(5);
    delete arr3[2];
    expect(h.switch()).toEqual([1, 2, 4]);
  });

  it("find/findIndex visit holes (as undefined); filter/some skip them", () => {
    const main = current();
    const arr = [1, 2, 3];
    const f = new Fiber(() => {
      const seen: unknown[] = [];
      const found = arr.findIndex((x, i) => {
        seen.push([i, x]);
        if (i === 0) main.switch("mutate now");
        return false;
      });
      return { found, seen };
    });
    expect(f.switch()).toBe("mutate now");
    delete arr[1];
    expect(f.switch()).toEqual({ found: -1, seen: [[0, 1], [1, undefined], [2, 3]] });

    const arr2 = [1, 2, 3];
    const g = new Fiber(() => {
      const seen: number[] = [];
      const kept = arr2.filter((x, i) => {
        seen.push(i);
        if (i === 0) main.switch("mutate now");
        return true;
      });
      return { kept, seen };
    });
    expect(g.switch()).toBe("mutate now");
    delete arr2[1];
    expect(g.switch()).toEqual({ kept: [1, 3], seen: [0, 2] });
  });

  it("Map/Set forEach visit entries added during a suspension and skip deleted ones", () => {
    const main = current();
    const m = new Map([
      ["a", 1],
      ["b", 2],
      ["c", 3],
    ]);
    const f = new Fiber(() => {
      const keys: string[] = [];
      m.forEach((_v, k) => {
        keys.push(k);
        if (k === "a") main.switch("mutate now");
      });
      return keys;
    });
    expect(f.switch()).toBe("mutate now");
    m.delete("b");
    m.set("z", 26);
    expect(f.switch()).toEqual(["a", "c", "z"]);

    const s = new Set([1, 2, 3]);
    const g = new Fiber(() => {
      const vals: number[] = [];
      s.forEach((v) => {
        vals.push(v);
        if (v === 1) main.switch("mutate now");
      });
      return vals;
    });
    expect(g.switch()).toBe("mutate now");
    s.delete(2);
    s.add(9);
    expect(g.switch()).toEqual([1, 3, 9]);
  });

  it("sort is stable, sorts undefined and holes last without comparing them", () => {
    const items = [
      { k: 2, id: "a" },
      { k: 1, id: "b" },
      { k: 2, id: "c" },
      { k: 1, id: "d" },
      { k: 0, id: "e" },
      { k: 2, id: "f" },
    ];
    const f = new Fiber(() => items.slice().sort((x, y) => up(x.k - y.k)).map((x) => x.id));
    const { result } = drive(f, (v) => v);
    expect(result).toEqual(["e", "b", "d", "a", "c", "f"]);

    // eslint-disable-next-line no-sparse-arrays
    const sparse: Array<number | undefined> = [3, undefined, 1, , 2];
    const compared: unknown[] = [];
    const g = new Fiber(() =>
      sparse.sort((a, b) => {
        compared.push(a, b);
        return up((a as number) - (b as number));
      }),
    );
    const r = drive(g, (v) => v).result as unknown[];
    expect(r.length).toBe(5);
    expect([r[0], r[1], r[2], r[3]]).toEqual([1, 2, 3, undefined]);
    expect(4 in r).toBe(false);
    expect(compared.includes(undefined)).toBe(false);
  });

  it("errors: reduce of an empty array, non-callable callbacks", () => {
    const f = new Fiber(() => {
      const errs: unknown[] = [];
      try {
        [].reduce((a: never) => a);
      } catch (e) {
        errs.push(e);
      }
      try {
        [1].forEach(42 as any);
      } catch (e) {
        errs.push(e);
      }
      try {
        [1].map(undefined as any);
      } catch (e) {
        errs.push(e);
      }
      return errs;
    });
    const errs = f.switch() as unknown[];
    expect(errs).toHaveLength(3);
    for (const e of errs) expect(e).toBeInstanceOf(TypeError);
  });

  it("a callback's error stops the iteration and propagates to the caller", () => {
    const visited: number[] = [];
    const f = new Fiber(() => {
      try {
        [1, 2, 3].map((x) => {
          visited.push(x);
          up(x);
          if (x === 2) throw new SomeError("stop at 2");
          return x;
        });
      } catch (e) {
        return (e as Error).message;
      }
      return "no error";
    });
    const { yielded, result } = drive(f, () => undefined);
    expect(yielded).toEqual([1, 2]);
    expect(result).toBe("stop at 2");
    expect(visited).toEqual([1, 2]);
  });
});

