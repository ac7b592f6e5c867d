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

  it("a sloppy `arguments[i] = v` in an argument does not change the receiver of the call", () => {
    // Mapped arguments alias parameters: the receiver `o` must be the value read before the arguments.
    const source = `
      var a = { tag: "a", m: function (x) { return this.tag + x; } };
      var b = { tag: "b", m: a.m };
      function touch() { return FibersTS.current().parent ? FibersTS.current().parent.switch(1) : 1; }
      function f(o) { return o.m((arguments[0] = b, touch())); }
      var fiber = new FibersTS.Fiber(function () { return f(a); });
      var first = fiber.switch();
      globalThis.__receiverResult = [first, fiber.switch(2), f(a)];
    `;
    vm.runInThisContext(transform(source, { filename: "/virtual/recv.js", sourceType: "script" }).code);
    const compiled = (globalThis as any).__receiverResult;
    delete (globalThis as any).__receiverResult;
    // What JavaScript gives (the switch in the fiber delivers 2; on the main fiber touch() returns 1).
    expect(compiled).toEqual([1, "a2", "a1"]);
  });
});
