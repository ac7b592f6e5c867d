// Runs one fuzz program in this process, natively and compiled, and compares the runs.
//
// A program is an ES module text `export function main(sw, log) { ... }` (the format of
// test/differential/programs). It is loaded without files: turned into a strict CommonJS body
// (`function main` + `module.exports = main`), compiled or not, and evaluated with
// vm.compileFunction, so nothing accumulates between programs. The compiled code's
// `require("fibers-ts/internal")` resolves through the package exports to dist/runtime, the same
// single runtime instance this module uses.
//
// Runs (every one must match the reference):
//   reference  the source as is, sw() only counts
//   direct     compiled, in a fiber; every sw() is a round trip to the main fiber
//   alternate  compiled, two fibers running main() at once; the main fiber resumes them in turn
//   pair       compiled, two fibers running main() that switch directly to each other at sw()
import vm from "node:vm";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ser } from "./ser.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
const req = createRequire(join(repoRoot, "package.json"));

let compiler;
let runtime;
let driver;

/** Loads dist/compiler and dist/runtime (run `npm run build` first) and compiles the driver. */
export async function init() {
  if (driver) return;
  compiler = await import(pathToFileURL(join(repoRoot, "dist/compiler/index.js")).href);
  runtime = req("fibers-ts");
  const src = readFileSync(join(here, "driver.cjs"), "utf8");
  const code = compiler.transform(src, { filename: join(here, "driver.cjs"), sourceType: "commonjs", all: true }).code;
  driver = evaluate(code, join(here, "driver.compiled.cjs"));
}

function evaluate(code, filename) {
  const fn = vm.compileFunction(code, ["require", "module", "exports"], { filename });
  const module = { exports: {} };
  fn(req, module, module.exports);
  return module.exports;
}

/** The program as a strict CommonJS module whose export is main. */
export function toCommonJs(src) {
  const re = /^export function main\b/m;
  if (!re.test(src)) throw new Error("fuzz program must contain `export function main(sw, log)` at the start of a line");
  return `"use strict";\n${src.replace(re, "function main")}\nmodule.exports = main;\n`;
}

export function compile(src, filename = "fuzz-program.js") {
  return compiler.transform(toCommonJs(src), { filename, sourceType: "commonjs", all: true }).code;
}

function makeLog() {
  const logs = [];
  return { logs, log: (...vals) => void logs.push(vals.map((x) => ser(x)).join(", ")) };
}

const outcomeOf = (threw, v) => (threw ? "throw " : "return ") + ser(v);

function runReference(src) {
  const main = evaluate(toCommonJs(src), "fuzz-program.ref.js");
  const { logs, log } = makeLog();
  let n = 0;
  let outcome;
  try {
    outcome = outcomeOf(false, main(() => void n++, log));
  } catch (e) {
    outcome = outcomeOf(true, e);
  }
  return { logs, swCount: n, outcome };
}

/** Switch limit for compiled runs: far above what the reference needed. */
const limitFor = (ref) => ref.swCount * 4 + 1000;

function runDirect(main, ref) {
  const { Fiber } = runtime;
  const { logs, log } = makeLog();
  const counter = { n: 0, limit: limitFor(ref) };
  const f = driver.programFiber(Fiber, Fiber.current(), main, log, counter);
  let outcome;
  for (;;) {
    let v;
    try {
      v = f.switch();
    } catch (e) {
      outcome = outcomeOf(true, e);
      break;
    }
    if (!f.isAlive()) {
      outcome = outcomeOf(false, v);
      break;
    }
  }
  return { logs, swCount: counter.n, outcome };
}

/**
 * Drives two fibers from the main fiber until both have ended. `fibers[i]` ends exactly when a
 * switch from main returns (or throws) while it was alive before and is not any more.
 */
function driveTwo(fibers, pick) {
  const outcomes = [undefined, undefined];
  while (outcomes[0] === undefined || outcomes[1] === undefined) {
    const target = pick(outcomes);
    const before = fibers.map((f) => f.isAlive());
    let threw = false;
    let v;
    try {
      v = fibers[target].switch();
    } catch (e) {
      threw = true;
      v = e;
    }
    const ended = [0, 1].filter((i) => before[i] && !fibers[i].isAlive());
    if (ended.length > 1) throw new Error("fuzz: two fibers ended in one switch");
    if (ended.length === 1) outcomes[ended[0]] = outcomeOf(threw, v);
    else if (threw) throw new Error(`fuzz: main received an error while both fibers are alive: ${ser(v)}`);
  }
  return outcomes;
}

function runAlternate(main, ref) {
  const { Fiber } = runtime;
  const home = Fiber.current();
  const runs = [0, 1].map(() => ({ ...makeLog(), counter: { n: 0, limit: limitFor(ref) } }));
  const fibers = runs.map((r) => driver.programFiber(Fiber, home, main, r.log, r.counter));
  let turn = 1;
  const outcomes = driveTwo(fibers, (done) => {
    turn = done[1 - turn] === undefined ? 1 - turn : turn;
    return turn;
  });
  return runs.map((r, i) => ({ logs: r.logs, swCount: r.counter.n, outcome: outcomes[i] }));
}

function runPair(main, ref) {
  const { Fiber } = runtime;
  const runs = [0, 1].map(() => ({ ...makeLog(), counter: { n: 0, limit: limitFor(ref) } }));
  const fibers = driver.pairFibers(Fiber, Fiber.current(), main, runs.map((r) => r.log), runs.map((r) => r.counter));
  const outcomes = driveTwo(fibers, (done) => (done[0] === undefined ? 0 : 1));
  return runs.map((r, i) => ({ logs: r.logs, swCount: r.counter.n, outcome: outcomes[i] }));
}

/**
 * Differences between a compiled run and the reference: [{ what, ref, got }] (empty: identical).
 * At most 4 differing log lines are listed.
 */
export function diff(ref, got) {
  const out = [];
  const n = Math.max(ref.logs.length, got.logs.length);
  for (let i = 0; i < n && out.length < 4; i++) {
    if (ref.logs[i] !== got.logs[i]) out.push({ what: `log #${i}`, ref: ref.logs[i] ?? "(missing)", got: got.logs[i] ?? "(missing)" });
  }
  if (ref.swCount !== got.swCount) out.push({ what: "sw() count", ref: String(ref.swCount), got: String(got.swCount) });
  if (ref.outcome !== got.outcome) out.push({ what: "outcome", ref: ref.outcome, got: got.outcome });
  return out;
}

/** Readable text of the problems of every mode; modes with identical problems are listed together. */
export function formatProblems(byMode) {
  const groups = new Map();
  for (const [mode, problems] of byMode) {
    if (!problems.length) continue;
    const text = problems.map((p) => `${p.what} differs:\n  reference: ${p.ref}\n  compiled:  ${p.got}`).join("\n");
    groups.set(text, [...(groups.get(text) ?? []), mode]);
  }
  return [...groups].map(([text, modes]) => `[${modes.join(", ")}]\n${text}`).join("\n");
}

export const MODES = ["direct", "alternate", "pair"];

/**
 * Runs a program in every mode. Result: { kind, detail, ref }, kind one of
 *   "pass", "invalid" (the reference cannot even load it: a generator or shrinker artefact),
 *   "compile-error" (fibers-ts rejects a program that runs natively), "mismatch", "harness-error".
 * `progress(stage)` is called after the reference run so that a parent enforcing a timeout can tell
 * a reference that never ends (a generator bug) from a compiled run that never ends.
 */
export function check(src, { progress = () => {}, modes = MODES } = {}) {
  let ref;
  try {
    ref = runReference(src);
  } catch (e) {
    return { kind: "invalid", detail: `reference does not load: ${e && e.stack ? e.stack.split("\n").slice(0, 2).join(" ") : e}` };
  }
  progress("reference-done");
  // Reading a variable in its temporal dead zone is a documented limitation (docs/design.md): a
  // program that does so natively is not a valid test.
  const tdz = [...ref.logs, ref.outcome].find((l) => /ReferenceError\("Cannot access '[^']*' before initialization"\)/.test(l));
  if (tdz) return { kind: "invalid", detail: `the reference reads a variable in its temporal dead zone: ${tdz}`, ref };
  let main;
  try {
    main = evaluate(compile(src), "fuzz-program.compiled.js");
  } catch (e) {
    return { kind: "compile-error", detail: String(e && e.message), ref };
  }
  const byMode = [];
  try {
    if (modes.includes("direct")) byMode.push(["direct", diff(ref, runDirect(main, ref))]);
    if (modes.includes("alternate")) runAlternate(main, ref).forEach((r, i) => byMode.push([`alternate fiber ${i}`, diff(ref, r)]));
    if (modes.includes("pair")) runPair(main, ref).forEach((r, i) => byMode.push([`pair fiber ${i}`, diff(ref, r)]));
  } catch (e) {
    return { kind: "harness-error", detail: String(e && e.stack), ref };
  }
  const failing = byMode.filter(([, p]) => p.length);
  if (failing.length) return { kind: "mismatch", detail: formatProblems(byMode), problems: failing[0][1], ref };
  return { kind: "pass", ref };
}
