import { describe, it, expect } from "vitest";
import { transform, CompileError } from "../../compiler/index.js";

/** Bad input is reported as `file:line:column: message` with a hint, never as a crash. */
function compileError(code: string, filename: string, sourceType: "module" | "commonjs" | "script" = "module"): CompileError {
  try {
    transform(code, { filename, sourceType });
  } catch (e) {
    expect(e).toBeInstanceOf(CompileError);
    return e as CompileError;
  }
  throw new Error("expected a CompileError");
}

describe("compile errors name file:line:column and what to do", () => {
  it("syntax error", () => {
    const e = compileError("let x = 1;\nlet y = ;\n", "/src/app.ts");
    expect(e.message).toMatch(/^\/src\/app\.ts:2:9: syntax error: Unexpected token; fix the syntax/);
    expect([e.line, e.column]).toEqual([2, 9]);
  });
  it("a declaration Babel's scope check rejects (a name both imported and declared)", () => {
    const e = compileError('import { x } from "./a";\nexport const x = 1;\n', "/src/dup.ts");
    expect(e.message).toBe('/src/dup.ts:2:14: Duplicate declaration "x"; fix the code and compile again');
    expect([e.line, e.column]).toEqual([2, 14]);
  });
  it("with statement", () => {
    const e = compileError("function f(o) {\n  with (o) { x; }\n}", "/src/w.js", "script");
    expect(e.message).toMatch(/^\/src\/w\.js:2:3: `with` is not supported.*use an explicit object/);
  });
  it("direct eval", () => {
    const e = compileError("export function f(s) { return eval(s); }", "/src/e.js");
    expect(e.message).toMatch(/^\/src\/e\.js:1:31: direct eval is not supported.*\(0, eval\)/);
  });
  it("indirect eval and a shadowed eval are fine", () => {
    expect(() => transform("export const f = (s) => (0, eval)(s);", { filename: "/src/i.js" })).not.toThrow();
    expect(() => transform("function f(eval) { return eval(1); }", { filename: "/src/j.js", sourceType: "script" })).not.toThrow();
  });
  it("reserved $$ identifiers", () => {
    const e = compileError("const ok = 1;\nconst $$x = 2;", "/src/r.js");
    expect(e.message).toMatch(/^\/src\/r\.js:2:7: the identifier \$\$x uses the prefix "\$\$".*rename it/);
  });
  it("ES module syntax in a CommonJS file", () => {
    const e = compileError('import y from "./y";\nmodule.exports = y;', "/src/c.cts", "commonjs");
    expect(e.message).toMatch(/^\/src\/c\.cts:1:1: ES module syntax .* CommonJS file/);
  });
  it("TypeScript CommonJS forms compile to require/module.exports", () => {
    const out = transform('import y = require("./y");\nexport = { y };', { filename: "/src/d.cts", sourceType: "commonjs" }).code;
    expect(out).toContain('const y = require("./y")');
    expect(out).toMatch(/module\.exports = \{/);
  });
});

describe("compiled output", () => {
  it("is deterministic: the same input gives the same output, whatever was compiled before", () => {
    const src = "export function f(xs) { const g = (x) => x * 2; return xs.map((x) => g(x)).filter(function (y) { return y > 1; }); }";
    const first = transform(src, { filename: "/src/a.js" }).code;
    transform("export const other = [1].map((x) => x); class K { m() {} }", { filename: "/src/b.js" });
    expect(transform(src, { filename: "/src/a.js" }).code).toBe(first);
  });
});
