import { describe, it, expect } from "vitest";
import vm from "node:vm";
import { transform } from "../../compiler/index.js";
import "../../runtime/index.js";

/** Lines of a compiled function after its entry prologue (the fast copy), by function name. */
function fastCopy(code: string, name: string): string {
  const start = code.indexOf(`function ${name}(`);
  const nat = code.indexOf(`return $$F.nat(${name}`, start);
  const end = code.indexOf("\n}", nat);
  return code.slice(code.indexOf("\n", nat) + 1, end);
}

describe("fast path (compiler/fast-path.ts): the running copy has no resume guards", () => {
  const source = `
    function work(n) {
      let total = 0;
      for (let i = 0; i < n; i++) total += step(i);
      return total;
    }
    function step(i) { if (i % 3 === 0) FibersTS.current().parent.switch(i); return i; }
    var seen = [];
    var f = new FibersTS.Fiber(work, [10]);
    var v = f.switch();
    while (f.isAlive()) { seen.push(v); v = f.switch(); }
    globalThis.__fastPathResult = { seen: seen, last: v };
  `;

  it("emits the body twice: guarded for resuming, folded for running", () => {
    const { code } = transform(source, { filename: "/virtual/fast.js", sourceType: "script" });
    const fast = fastCopy(code, "work");
    expect(fast).toContain("step");
    expect(fast).not.toContain("$$pc");
    expect(fast).toMatch(/for \(let i = 0; i < n; i\+\+\)/);
    // The guarded copy is still there, inside the resume branch.
    expect(code.slice(code.indexOf("function work("), code.indexOf("return $$F.nat(work"))).toContain("$$pc === 0");
  });

  it("suspends from the fast copy and resumes in the guarded copy", () => {
    const { code } = transform(source, { filename: "/virtual/fast.js", sourceType: "script" });
    vm.runInThisContext(code, { filename: "/virtual/fast.js" });
    const result = (globalThis as any).__fastPathResult;
    delete (globalThis as any).__fastPathResult;
    expect(result).toEqual({ seen: [0, 3, 6, 9], last: 45 });
  });

  it("copies only the innermost functions of a nesting chain, so nesting does not multiply code", () => {
    // Twelve nested closures, each with a call: copying every level would double the code 12 times.
    let body = "sw(); return 1;";
    for (let i = 0; i < 12; i++) body = `sw(); const f${i} = () => { ${body} }; return f${i}();`;
    const nested = `export function outer(sw) { ${body} }`;
    const { code } = transform(nested, { filename: "/virtual/nested.mjs" });
    expect(code.length).toBeLessThan(nested.length * 60);
    // The innermost arrow got a fast copy; its enclosing functions did not.
    expect((code.match(/return;\n/g) ?? []).length).toBe(1);
  });

  it("looks through leaves and generators in a nesting chain: a frame under one still counts as nested", () => {
    // `leaf` and `gen` have no call site of their own, so they are not frames; `inner` and the
    // generator's arrow are, and their enclosing frame `outer` must then keep a single (guarded) copy.
    for (const between of [
      "const leaf = () => { function inner(n) { sw(); return n; } return inner; }; return leaf;",
      "function* gen() { yield () => { sw(); return 2; }; } return gen;",
    ]) {
      const source = `export function outer(sw) { sw(); ${between} }`;
      const { code } = transform(source, { filename: "/virtual/nested-leaf.mjs" });
      // outer's code after its prologue is the guarded body (it reads $$pc): no fast copy of it.
      const afterPrologue = code.slice(code.indexOf("return $$F.nat(outer"));
      expect(afterPrologue.slice(0, afterPrologue.search(/const leaf|function\* gen/))).toContain("$$pc");
      // The nested frame has its fast copy (one resume branch ends with `return;`).
      expect((code.match(/return;\n/g) ?? []).length).toBe(1);
    }
  });
});
