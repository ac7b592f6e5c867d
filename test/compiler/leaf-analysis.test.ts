import { describe, it, expect, afterAll } from "vitest";
import vm from "node:vm";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "../../compiler/index.js";
import "../../runtime/index.js";

/**
 * The "may reach a switch" analysis (compiler/leaves.ts, docs/design.md "What is compiled"):
 * which calls stay ordinary calls, what keeps a call site, and what its one assumption costs.
 * (test/differential/programs/method-resolution.js runs the same rules against native output.)
 */

/** The fast copy of a compiled function, or a leaf's whole body, by function or method name. */
function bodyOf(code: string, name: string): string {
  const start = code.search(new RegExp(`(function ${name}|\\n\\s*${name})\\(`));
  if (start < 0) throw new Error(`no ${name} in\n${code}`);
  const open = code.indexOf("{", start);
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    if (code[i] === "{") depth++;
    else if (code[i] === "}" && --depth === 0) return code.slice(open, i + 1);
  }
  throw new Error("unbalanced");
}

const isCallSite = (body: string, callee: string) => body.includes(`$$F.s = ${callee}`) || new RegExp(`\\$\\$m = [\\w$.]+\\.${callee};`).test(body);

describe("leaf analysis: calls resolved within the file", () => {
  const compile = (src: string) => transform(src, { filename: "/virtual/leaves.mjs" }).code;

  it("a method every definition of which is a leaf is called plainly, and its caller becomes a leaf", () => {
    const code = compile(`
      class A { area() { return this.w * this.h; } }
      class B { area() { return Math.PI * this.r * this.r; } }
      export function total(shapes) { let t = 0; for (let i = 0; i < shapes.length; i++) t += shapes[i].area(); return t; }
      export function run(tick) { tick(); return total([new A(), new B()]); }`);
    expect(isCallSite(bodyOf(code, "total"), "area")).toBe(false);
    expect(bodyOf(code, "total")).toContain("shapes[i].area()");
    // total is a leaf: run calls it plainly; tick (a parameter) stays a call site.
    expect(bodyOf(code, "run")).toContain("total([new A(), new B()])");
    expect(isCallSite(bodyOf(code, "run"), "tick")).toBe(true);
  });

  it("keeps a call site when one definition of the name may switch, or the name is unknown", () => {
    const code = compile(`
      class A { step() { return 1; } }
      class B { constructor(sw) { this.sw = sw; } step() { this.sw(); return 2; } }
      export function viaName(x) { return x.step(); }
      export function viaLibrary(socket) { return socket.read(); }`);
    expect(isCallSite(bodyOf(code, "viaName"), "step")).toBe(true);
    expect(isCallSite(bodyOf(code, "viaLibrary"), "read")).toBe(true);
  });

  it("keeps a call site for the fiber API even when the file defines a leaf of that name", () => {
    const code = compile(`
      class Door { switch() { return "door"; } throw() { return "ball"; } }
      export function go(f) { return new Door().switch() + f.switch(); }`);
    expect(isCallSite(bodyOf(code, "go"), "switch")).toBe(true);
  });

  it("keeps a call site for names stored as accessors or as values of unknown origin", () => {
    const code = compile(`
      class G { get run() { return () => 1; } }
      class Cb { constructor(cb) { this.cb = cb; } fire() { return this.cb(); } }
      export function a(o) { return o.run(); }`);
    expect(isCallSite(bodyOf(code, "a"), "run")).toBe(true);
    expect(isCallSite(bodyOf(code, "fire"), "cb")).toBe(true);
  });

  it("keeps a call site for methods of a class that may be extended in another file", () => {
    const code = compile(`
      export class Base { template() { return this.hook() + 1; } hook() { return 1; } }`);
    expect(isCallSite(bodyOf(code, "template"), "hook")).toBe(true);
    const local = compile(`
      class Base { template() { return this.hook() + 1; } hook() { return 1; } }
      export function make() { return new Base().template(); }`);
    expect(isCallSite(bodyOf(local, "template"), "hook")).toBe(false);
  });

  it("narrows this.m() to the class hierarchy and resolves super.m() exactly", () => {
    const code = compile(`
      class Shape { area() { return 1; } twice() { return this.area() * 2; } }
      class Square extends Shape { area() { return 4; } outline() { return super.area() + 1; } }
      class Noisy { constructor(sw) { this.sw = sw; } area() { this.sw(); return 9; } }
      export function use(x) { return x.area(); }`);
    expect(isCallSite(bodyOf(code, "twice"), "area")).toBe(false);
    expect(bodyOf(code, "outline")).toContain("super.area()");
    expect(isCallSite(bodyOf(code, "outline"), "area")).toBe(false);
    // Not through \`this\`: every \`area\` of the file, one of which switches.
    expect(isCallSite(bodyOf(code, "use"), "area")).toBe(true);
  });

  it("calls array methods plainly on fields that only ever hold arrays", () => {
    const code = compile(`
      class Chan { constructor(sw) { this.sw = sw; } push(v) { this.sw(); return v; } }
      class Stack {
        constructor(sw) { this.items = []; this.out = new Chan(sw); }
        add(v) { this.items.push(v); return this.out.push(v); }
      }`);
    const add = bodyOf(code, "add");
    expect(add).toContain("this.items.push(v)");
    expect(isCallSite(add, "push")).toBe(true); // this.out.push: a Chan
  });

  it("calls built-in string and array methods plainly, but not names a fiber API could use", () => {
    const code = compile(`
      export function scan(s, q) { let n = 0; for (let i = 0; i < s.length; i++) n += s.charCodeAt(i); return n + s.slice(1).indexOf("x") + q.pop(); }`);
    const body = bodyOf(code, "scan");
    expect(body).toContain("s.charCodeAt(i)");
    expect(isCallSite(body, "pop")).toBe(true);
  });
});

describe("leaf analysis: behaviour", () => {
  it("a leaf keeps its source as written and leaves the call slot alone; unresolved calls of it still switch correctly", () => {
    const src = `
      (function () {
        function double(x) { return x * 2; }
        function run(cb, sw) {
          var a = cb(3);                    // cb is a parameter: a call site; here it runs the leaf double
          var b = sw(double(a) + cb(1));    // leaves run while the call site's arguments are evaluated
          var c = [1, 2].map(double);       // a leaf entered from (replaced) native code
          return [a, b, c, sw("again")];
        }
        var log = [];
        var f = new FibersTS.Fiber(function () { return run(double, function (v) { return FibersTS.current().parent.switch(v); }); });
        log.push(f.switch());
        log.push(f.switch("b"));
        log.push(f.switch("d"));
        globalThis.__leafSlot = { log: log };
      })();`;
    const code = transform(src, { filename: "/virtual/leaf-slot.js", sourceType: "script" }).code;
    expect(bodyOf(code, "double")).toBe("{\n    return x * 2;\n  }");
    vm.runInThisContext(code);
    const result = (globalThis as any).__leafSlot;
    delete (globalThis as any).__leafSlot;
    expect(result.log).toEqual([14, "again", [6, "b", [2, 4], "d"]]);
  });

  it("a classic script's top-level class is a global: a later script may override its methods and switch", () => {
    const base = `
      class LeafBase { template() { return this.hook() * 2; } hook() { return 1; } }`;
    const sub = `
      class Switching extends LeafBase { hook() { return FibersTS.current().parent.switch("in hook"); } }
      var f = new FibersTS.Fiber(function () { return new Switching().template(); });
      var first = f.switch();
      globalThis.__leafScript = [first, f.switch(21)];`;
    vm.runInThisContext(transform(base, { filename: "/virtual/base.js", sourceType: "script" }).code);
    vm.runInThisContext(transform(sub, { filename: "/virtual/sub.js", sourceType: "script" }).code);
    const result = (globalThis as any).__leafScript;
    delete (globalThis as any).__leafScript;
    expect(result).toEqual(["in hook", 42]);
  });

  it("documented assumption: a foreign switching function stored as data under a method name of the file raises FiberError, and the fiber stays usable", () => {
    // (Inside a function: top-level classes of a classic script are globals, whose names stay open.)
    const lib = `
      (function () {
        class Quiet { act() { return 1; } }
        class Store { constructor(fn) { this.act = fn; } }
        // (Not through \`this\`: Store's own hierarchy has no act() method, which would settle it.)
        function go(store) { return store.act(); }
        globalThis.__leafStore = function (fn) { var s = new Store(fn); return { go: function () { return go(s); } }; };
      })();`;
    const user = `
      var f = new FibersTS.Fiber(function () {
        var s = __leafStore(function () { return FibersTS.current().parent.switch("inside"); });
        var out = [];
        try { s.go(); out.push("switched"); } catch (e) { out.push(e.constructor.name + ": " + /native frame/.test(e.message)); }
        out.push(FibersTS.current().parent.switch("still usable"));
        return out;
      });
      var first = f.switch();
      globalThis.__leafHazard = [first, f.switch("back")];`;
    vm.runInThisContext(transform(lib, { filename: "/virtual/lib.js", sourceType: "script" }).code);
    vm.runInThisContext(transform(user, { filename: "/virtual/user.js", sourceType: "script" }).code);
    const result = (globalThis as any).__leafHazard;
    delete (globalThis as any).__leafHazard;
    delete (globalThis as any).__leafStore;
    expect(result).toEqual(["still usable", ["FiberError: true", "back"]]);
  });

  it("all: true, the escape hatch: no method is resolved by name, and the same program switches", () => {
    const src = `class Q { step() { return 1; } } export function f(x) { return x.step() + [1].indexOf(1); }`;
    expect(isCallSite(bodyOf(transform(src, { filename: "/virtual/a.mjs" }).code, "f"), "step")).toBe(false);
    expect(isCallSite(bodyOf(transform(src, { filename: "/virtual/a.mjs", all: true }).code, "f"), "step")).toBe(true);

    const lib = `
      (function () {
        class Quiet { act() { return 1; } }
        class Store { constructor(fn) { this.act = fn; } go() { return this.act(); } }
        globalThis.__leafStoreAll = function (fn) { return new Store(fn); };
      })();`;
    const user = `
      var f = new FibersTS.Fiber(function () {
        var s = __leafStoreAll(function () { return FibersTS.current().parent.switch("inside"); });
        return s.go();
      });
      var first = f.switch();
      globalThis.__leafAll = [first, f.switch("back")];`;
    vm.runInThisContext(transform(lib, { filename: "/virtual/lib-all.js", sourceType: "script", all: true }).code);
    vm.runInThisContext(transform(user, { filename: "/virtual/user-all.js", sourceType: "script", all: true }).code);
    const result = (globalThis as any).__leafAll;
    delete (globalThis as any).__leafAll;
    delete (globalThis as any).__leafStoreAll;
    expect(result).toEqual(["inside", "back"]);
  });

  describe("ES modules compiled one by one", () => {
    const dir = join(dirname(fileURLToPath(import.meta.url)), ".out", "leaf-modules");
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("an exported class's methods overridden in another module switch from inside the base's template method", () => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dirname(dir), ".gitignore"), "*\n");
      const files: Record<string, string> = {
        "base.mjs": `export class Base { template() { return this.hook() + 1; } hook() { return 1; } }`,
        "sub.mjs": `import { Base } from "./base.mjs";
          import { Fiber } from "fibers-ts";
          export class Sub extends Base { hook() { return Fiber.current().parent.switch("hook") * 10; } }`,
        "main.mjs": `import { Sub } from "./sub.mjs";
          import { Fiber } from "fibers-ts";
          const f = new Fiber(() => new Sub().template());
          const first = f.switch();
          console.log(JSON.stringify([first, f.switch(4)]));`,
      };
      for (const [name, src] of Object.entries(files)) writeFileSync(join(dir, name), transform(src, { filename: join(dir, name) }).code);
      const out = execFileSync(process.execPath, [join(dir, "main.mjs")], { encoding: "utf8" });
      expect(JSON.parse(out)).toEqual(["hook", 41]);
    });
  });
});
