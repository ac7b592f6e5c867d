import { describe, it, expect } from "vitest";
import vm from "node:vm";
import { transform } from "../../compiler/index.js";
import "../../runtime/index.js";

/** A classic script reaches the runtime through the documented global `FibersTS`. */
describe("classic scripts (sourceType: script)", () => {
  it("run with vm.runInThisContext and switch from nested calls", () => {
    const source = `
      var log = [];
      function producer(n) { for (var i = 0; i < n; i++) { emit(i); } return "done"; }
      function emit(v) { log.push("sent " + v + " got " + FibersTS.current().parent.switch(v)); }
      var f = new FibersTS.Fiber(producer, [3]);
      var v = f.switch();
      while (f.isAlive()) { v = f.switch(v * 10); }
      globalThis.__scriptResult = { log: log, last: v };
    `;
    const { code } = transform(source, { filename: "/virtual/page.js", sourceType: "script" });
    expect(code).not.toMatch(/\bimport\b|\brequire\(/);
    vm.runInThisContext(code, { filename: "/virtual/page.js" });
    const result = (globalThis as any).__scriptResult;
    delete (globalThis as any).__scriptResult;
    expect(result).toEqual({ log: ["sent 0 got 0", "sent 1 got 10", "sent 2 got 20"], last: "done" });
  });

  it("two scripts with classes share the global scope without clashing generated names", () => {
    const a = `class First { m() { return 1; } } globalThis.__scriptA = new First().m();`;
    const b = `class Second { m() { return 2; } } globalThis.__scriptB = new Second().m();`;
    vm.runInThisContext(transform(a, { filename: "/virtual/a.js", sourceType: "script" }).code);
    vm.runInThisContext(transform(b, { filename: "/virtual/b.js", sourceType: "script" }).code);
    expect([(globalThis as any).__scriptA, (globalThis as any).__scriptB]).toEqual([1, 2]);
    delete (globalThis as any).__scriptA;
    delete (globalThis as any).__scriptB;
  });
});
