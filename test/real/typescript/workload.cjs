// The TypeScript workload, run by the original typescript.js and by the copy fibers-ts compiled
// (test/real/typescript/run.mjs). This file is itself compiled for the fiber runs, so the host
// callbacks below, which the compiler calls from deep inside its own code, can switch.
"use strict";

/** A small project: modules, generics, classes, enums, overloads, a type error in each file. */
const FILES = {
  "/p/a.ts": [
    "export function add(a: number, b: number): number { return a + b; }",
    "export const bad: string = 1;",
    "export interface Shape { kind: 'circle' | 'square'; size: number }",
    "export function area(s: Shape): number { switch (s.kind) { case 'circle': return Math.PI * s.size ** 2; case 'square': return s.size * s.size; } }",
  ].join("\n"),
  "/p/b.ts": [
    "import { add, area, Shape } from './a';",
    "const x: number = add(1, '2');",
    "class Box<T> { constructor(public v: T) {} map<U>(f: (v: T) => U): Box<U> { return new Box(f(this.v)); } }",
    "export const c = new Box(add(1, 2)).map((n) => String(n)).v;",
    "enum E { A, B = 5, C }",
    "export const e: E = E.C;",
    "export const shapes: Shape[] = [{ kind: 'circle', size: 1 }, { kind: 'triangle', size: 2 }];",
    "export const total = shapes.map(area).reduce((p, q) => p + q, 0);",
    "export async function later(): Promise<number> { await null; return total; }",
  ].join("\n"),
};

/**
 * Type-checks and emits the project with `ts`; `onCallback` runs at every host callback (it may
 * switch fibers). Returns the diagnostics and emitted files as plain data.
 */
function checkProject(ts, onCallback) {
  const host = ts.createCompilerHost({});
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (f, lang) => {
    onCallback();
    return FILES[f] !== undefined ? ts.createSourceFile(f, FILES[f], lang) : getSourceFile.call(host, f, lang);
  };
  host.fileExists = (f) => {
    onCallback();
    return FILES[f] !== undefined || ts.sys.fileExists(f);
  };
  host.directoryExists = (d) => d === "/p" || ts.sys.directoryExists(d);
  host.readFile = (f) => FILES[f] ?? ts.sys.readFile(f);
  const out = {};
  host.writeFile = (f, d) => {
    onCallback();
    out[f] = d;
  };
  const options = { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, strict: true, declaration: true };
  const program = ts.createProgram(Object.keys(FILES), options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) =>
    `${d.file ? d.file.fileName : ""}:${d.start}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
  program.emit();
  return { diagnostics, out };
}

/**
 * Checks the project in `n` fibers at once (interleaved), each switching to the main fiber every
 * `every` host callbacks. Returns each fiber's result and the number of switches.
 */
function checkInFibers(ts, Fiber, n, every) {
  const main = Fiber.current();
  let switches = 0;
  const results = [];
  const fibers = [];
  for (let k = 0; k < n; k++) {
    let calls = 0;
    fibers.push(new Fiber(() => {
      results[k] = checkProject(ts, () => {
        if (++calls % every === 0) {
          switches++;
          main.switch();
        }
      });
    }));
  }
  for (let alive = true; alive;) {
    alive = false;
    for (const f of fibers) {
      if (f.isAlive()) {
        f.switch();
        alive = true;
      }
    }
  }
  return { results, switches };
}

module.exports = { checkProject, checkInFibers };
