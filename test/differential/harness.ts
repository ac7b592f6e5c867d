// Differential harness: runs each program in test/differential/programs twice — once as-is
// (reference) and once compiled by fibers-ts inside a fiber where every sw() is a real fiber
// round trip — and compares everything observable: the log, the number of sw() calls, and the
// final outcome (return value or thrown error).
//
// All program code, compiled or not, and the runtime are loaded with Node's *native* import()
// (not through vite): the compiled .mjs files import "fibers-ts/internal", which Node resolves
// through package.json "exports" to dist/runtime/index.js, and the harness imports "fibers-ts"
// the same way, so both sides share one runtime instance (there is exactly one module record
// per resolved URL in Node's ESM loader).

import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const programsDir = join(here, "programs");
export const outDir = join(here, ".out");
export const repoRoot = resolve(here, "../..");

// `import()` performed by Node itself, bypassing vite-node's module runner: vite-node hands
// data: URLs to Node's native import(), and the dynamic import() inside that data: module is
// then native too (a data: module may import absolute file: URLs).
const importerUrl = "data:text/javascript,export default (u) => import(u);";
let importer: Promise<(url: string) => Promise<any>> | undefined;
function nativeImport(url: string): Promise<any> {
  importer ??= import(/* @vite-ignore */ importerUrl).then((m) => m.default);
  return importer.then((imp) => imp(url));
}

export type TransformFn = (
  code: string,
  opts: { filename: string; sourceType: "module" | "commonjs" | "script"; sourceMaps?: boolean; all?: boolean },
) => { code: string; map?: unknown };

export interface RunResult {
  /** one entry per log() call: each logged value serialized */
  logs: string[][];
  swCount: number;
  /** "return <value>" or "throw <error>" */
  outcome: string;
}

export function listPrograms(): string[] {
  return readdirSync(programsDir)
    .filter((f) => f.endsWith(".js"))
    .sort();
}

// ---------------------------------------------------------------------------------------------
// Structured serializer: distinguishes -0, NaN, undefined, holes, errors (class + message), etc.
// Accessors are never invoked (printed as [Getter]/[Setter]) so serialization has no side effects.

function ctorName(v: object): string {
  const proto = Object.getPrototypeOf(v);
  if (proto === null) return "null-proto";
  const c = proto.constructor;
  return typeof c === "function" && typeof c.name === "string" ? c.name : "?";
}

function isError(v: unknown): v is Error {
  return v instanceof Error || Object.prototype.toString.call(v) === "[object Error]";
}

function serKey(k: string | symbol): string {
  return typeof k === "symbol" ? `[${k.toString()}]` : /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
}

function serProps(v: object, skip: (k: string) => boolean, seen: Set<object>, depth: number): string[] {
  const parts: string[] = [];
  for (const k of Reflect.ownKeys(v)) {
    if (typeof k === "string" && skip(k)) continue;
    const d = Object.getOwnPropertyDescriptor(v, k)!;
    if (!d.enumerable) continue;
    if ("value" in d) parts.push(`${serKey(k)}: ${ser(d.value, seen, depth + 1)}`);
    else parts.push(`${serKey(k)}: [${d.get ? "Getter" : ""}${d.get && d.set ? "/" : ""}${d.set ? "Setter" : ""}]`);
  }
  return parts;
}

export function ser(v: unknown, seen: Set<object> = new Set(), depth = 0): string {
  switch (typeof v) {
    case "undefined":
      return "undefined";
    case "number":
      return Object.is(v, -0) ? "-0" : String(v);
    case "bigint":
      return `${v}n`;
    case "string":
      return JSON.stringify(v);
    case "boolean":
      return String(v);
    case "symbol": {
      const reg = Symbol.keyFor(v);
      return reg !== undefined ? `Symbol.for(${JSON.stringify(reg)})` : v.toString();
    }
    case "function":
      return `[Function ${v.name || "<anonymous>"}]`;
  }
  if (v === null) return "null";
  const o = v as object;
  if (seen.has(o)) return "[Circular]";
  if (depth > 12) return "[Deep]";
  seen.add(o);
  try {
    if (isError(o)) {
      const e = o as Error & Record<string, unknown>;
      const extra = serProps(o, (k) => k === "message" || k === "stack", seen, depth);
      const name = Object.prototype.hasOwnProperty.call(e, "name") || e.name !== ctorName(o) ? ` name=${JSON.stringify(e.name)}` : "";
      return `${ctorName(o)}(${JSON.stringify(e.message)}${name}${extra.length ? " {" + extra.join(", ") + "}" : ""})`;
    }
    if (Array.isArray(o)) {
      const items: string[] = [];
      for (let i = 0; i < o.length; i++) items.push(i in o ? ser(o[i], seen, depth + 1) : "<hole>");
      const extra = serProps(o, (k) => k === "length" || String(Number(k) >>> 0) === k, seen, depth);
      const c = ctorName(o);
      return `${c === "Array" ? "" : c}[${items.concat(extra).join(", ")}]`;
    }
    if (o instanceof Map) {
      return `Map{${[...o].map(([k, val]) => ser(k, seen, depth + 1) + " => " + ser(val, seen, depth + 1)).join(", ")}}`;
    }
    if (o instanceof Set) return `Set{${[...o].map((x) => ser(x, seen, depth + 1)).join(", ")}}`;
    if (o instanceof Date) return `Date(${isNaN(o.getTime()) ? "invalid" : o.toISOString()})`;
    if (o instanceof RegExp) return `${String(o)}@${o.lastIndex}`;
    if (ArrayBuffer.isView(o) && !(o instanceof DataView)) {
      return `${ctorName(o)}[${Array.from(o as unknown as ArrayLike<number | bigint>, (x) => ser(x)).join(", ")}]`;
    }
    if (o instanceof WeakMap || o instanceof WeakSet || o instanceof Promise) return `[${ctorName(o)}]`;
    const c = ctorName(o);
    const props = serProps(o, () => false, seen, depth);
    return `${c === "Object" ? "" : c + " "}{${props.join(", ")}}`;
  } finally {
    seen.delete(o);
  }
}

function errorSummary(e: unknown): string {
  if (isError(e)) return `${ctorName(e)}: ${e.message}\n${e.stack ?? ""}`;
  return ser(e);
}

// ---------------------------------------------------------------------------------------------
// Loading programs. Every run gets a fresh module instance (distinct ?i= query) so module-level
// state of one run cannot leak into another.

let instanceCounter = 0;
const tag = `${process.pid}`;

let outDirReady = false;
function ensureOutDir() {
  if (outDirReady) return;
  outDirReady = true;
  mkdirSync(outDir, { recursive: true });
  const gi = join(outDir, ".gitignore");
  if (!existsSync(gi)) writeFileSync(gi, "*\n");
  // Remove files left by earlier runs whose process is gone (names end in .<pid>.mjs).
  for (const f of readdirSync(outDir)) {
    const m = /\.(\d+)\.mjs$/.exec(f);
    if (!m || Number(m[1]) === process.pid) continue;
    try {
      process.kill(Number(m[1]), 0);
    } catch {
      try { unlinkSync(join(outDir, f)); } catch { /* already gone */ }
    }
  }
}

function writeOut(name: string, code: string): string {
  ensureOutDir();
  const file = join(outDir, name);
  writeFileSync(file, code);
  return file;
}

async function importFresh(file: string): Promise<any> {
  return nativeImport(`${pathToFileURL(file).href}?i=${++instanceCounter}`);
}

/** A program is named by its file name in programs/, or by an absolute path (ad-hoc repros). */
function programPath(name: string): string {
  return isAbsolute(name) ? name : join(programsDir, name);
}

function readProgram(name: string): string {
  return readFileSync(programPath(name), "utf8");
}

const refFiles = new Map<string, string>();
function referenceFile(name: string): string {
  let f = refFiles.get(name);
  if (!f) {
    f = writeOut(`${basename(name, ".js")}.ref.${tag}.mjs`, readProgram(name));
    refFiles.set(name, f);
  }
  return f;
}

let transformFn: TransformFn | undefined;
export function setTransform(fn: TransformFn) {
  transformFn = fn;
}

const compiledFiles = new Map<string, string>();
/**
 * Compiles programs/<name> (or driver.js when name === "<driver>") into .out/. Throws compile errors.
 * `all: true` (the default here) makes no assumption about method names; `all: false` is the
 * compiler's default, with the full "may reach a switch" analysis (compiler/leaves.ts).
 */
export function compiledFile(name: string, all = true): string {
  const key = `${name}|${all}`;
  let f = compiledFiles.get(key);
  if (f) return f;
  if (!transformFn) throw new Error("harness: setTransform() was not called");
  const isDriver = name === "<driver>";
  const srcPath = isDriver ? join(here, "driver.js") : programPath(name);
  const src = readFileSync(srcPath, "utf8");
  const out = transformFn(src, { filename: srcPath, sourceType: "module", all });
  f = writeOut(`${isDriver ? "driver" : basename(name, ".js")}.compiled${all ? "" : ".analysed"}.${tag}.mjs`, out.code);
  compiledFiles.set(key, f);
  return f;
}

// ---------------------------------------------------------------------------------------------
// Reference run

function makeLogger(): { logs: string[][]; log: (...vals: unknown[]) => void } {
  const logs: string[][] = [];
  return {
    logs,
    log: (...vals: unknown[]) => {
      logs.push(vals.map((x) => ser(x)));
    },
  };
}

const refCache = new Map<string, RunResult>();
export async function runReference(name: string): Promise<RunResult> {
  const cached = refCache.get(name);
  if (cached) return cached;
  const mod = await importFresh(referenceFile(name));
  const { attempt } = await nativeImport(pathToFileURL(join(here, "driver.js")).href);
  const { logs, log } = makeLogger();
  let swCount = 0;
  let outcome: string;
  try {
    outcome = "return " + ser(mod.main(() => void swCount++, log, attempt));
  } catch (e) {
    outcome = "throw " + ser(e);
  }
  const r = { logs, swCount, outcome };
  refCache.set(name, r);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Compiled runs

export interface Runtime {
  Fiber: any;
}
let runtimePromise: Promise<Runtime> | undefined;
/** The runtime exactly as the compiled code sees it: Node resolves "fibers-ts" via package exports. */
export function loadRuntime(): Promise<Runtime> {
  if (!runtimePromise) {
    const shim = writeOut(`runtime-shim.${tag}.mjs`, `export * from "fibers-ts";\nexport * as internal from "fibers-ts/internal";\n`);
    runtimePromise = nativeImport(pathToFileURL(shim).href).then((m) => {
      if (m.Fiber !== m.internal.Fiber) throw new Error("harness: fibers-ts and fibers-ts/internal are different runtime instances");
      return { Fiber: m.Fiber };
    });
  }
  return runtimePromise;
}

let driverPromise: Promise<any> | undefined;
function loadDriver(): Promise<any> {
  if (!driverPromise) driverPromise = nativeImport(pathToFileURL(compiledFile("<driver>")).href);
  return driverPromise;
}

/** No program switches anywhere near this often; more means the compiled code loops. */
const MAX_SWITCHES = 100_000;

interface Job {
  fiber: any;
  counter: { n: number };
  logs: string[][];
  done: boolean;
  outcome?: string;
  /** the value produced by the last fiber.switch() call from main */
  last?: unknown;
  steps: number;
}

function step(job: Job) {
  if (job.done) throw new Error("harness: stepping a finished job");
  try {
    job.last = job.fiber.switch();
  } catch (e) {
    job.done = true;
    job.outcome = "throw " + ser(e);
    return;
  }
  job.steps++;
  if (!job.fiber.isAlive()) {
    job.done = true;
    job.outcome = "return " + ser(job.last);
  } else if (job.steps > MAX_SWITCHES) {
    throw new Error("harness: runaway fiber (too many switches)");
  }
}

async function startProgram(name: string, rt: Runtime, all = true): Promise<Job> {
  const prog = await importFresh(compiledFile(name, all));
  const driver = await loadDriver();
  const { logs, log } = makeLogger();
  const counter = { n: 0 };
  const home = rt.Fiber.current();
  const fiber = driver.createProgramFiber(rt.Fiber, home, prog.main, log, counter);
  return { fiber, counter, logs, done: false, steps: 0 };
}

function result(job: Job): RunResult {
  return { logs: job.logs, swCount: job.counter.n, outcome: job.outcome! };
}

/** Mode 1: every sw() suspends to the main fiber, which immediately switches back. */
export async function runCompiledDirect(name: string, all = true): Promise<RunResult> {
  const rt = await loadRuntime();
  const job = await startProgram(name, rt, all);
  while (!job.done) step(job);
  return result(job);
}

export interface InterleavedResult {
  primary: RunResult;
  companions: { name: string; result: RunResult; complete: boolean }[];
  workloads: { seed: number; value: string | undefined; expected: string }[];
}

/**
 * Mode 2: while the primary program's fiber is suspended, the main fiber runs unrelated work
 * before switching back: it advances a companion program's fiber by one step (two fresh
 * instances of the companion, one after the other), and afterwards workload fibers from the
 * driver, allocating a new one each time the previous one finishes.
 */
export async function runCompiledInterleaved(name: string, companion: string): Promise<InterleavedResult> {
  const rt = await loadRuntime();
  const driver = await loadDriver();
  const refDriver = await nativeImport(pathToFileURL(join(here, "driver.js")).href);
  const primary = await startProgram(name, rt);
  const companions: Job[] = [await startProgram(companion, rt), await startProgram(companion, rt)];
  const workloads: { seed: number; job: Job; expected: string }[] = [];
  const home = rt.Fiber.current();
  let seed = 1;
  while (!primary.done) {
    step(primary);
    if (primary.done) break;
    const c = companions.find((j) => !j.done);
    if (c) {
      step(c);
    } else {
      let w = workloads[workloads.length - 1];
      if (!w || w.job.done) {
        const s = seed++;
        const counter = { n: 0 };
        w = {
          seed: s,
          job: { fiber: driver.createWorkloadFiber(rt.Fiber, home, s, counter), counter, logs: [], done: false, steps: 0 },
          expected: "return " + ser(refDriver.workload(() => {}, s)),
        };
        workloads.push(w);
      }
      step(w.job);
    }
  }
  return {
    primary: result(primary),
    companions: companions.map((j) => ({ name: companion, result: { logs: j.logs, swCount: j.counter.n, outcome: j.outcome ?? "(unfinished)" }, complete: j.done })),
    workloads: workloads.filter((w) => w.job.done).map((w) => ({ seed: w.seed, value: w.job.outcome, expected: w.expected })),
  };
}

// ---------------------------------------------------------------------------------------------
// Comparison

export interface Comparison {
  ok: boolean;
  /** labels of "attempt:" log lines where the compiled run reported FiberError */
  unsupported: string[];
  report: string;
}

const UNSUPPORTED = JSON.stringify("unsupported: FiberError");

/**
 * Compares a compiled run with the reference. Log lines whose first value is a string starting
 * with "attempt:" may instead read [same label, "unsupported: FiberError"] in the compiled run;
 * when that happens the sw() count is not compared (the reference performed switches that the
 * compiled run legitimately refused).
 */
export function compare(ref: RunResult, got: RunResult): Comparison {
  const problems: string[] = [];
  const unsupported: string[] = [];
  const n = Math.max(ref.logs.length, got.logs.length);
  for (let i = 0; i < n; i++) {
    const r = ref.logs[i];
    const g = got.logs[i];
    const rs = r ? r.join(", ") : "(missing)";
    const gs = g ? g.join(", ") : "(missing)";
    if (rs === gs) continue;
    if (r && g && r[0].startsWith('"attempt:') && g[0] === r[0] && g.length === 2 && g[1] === UNSUPPORTED) {
      unsupported.push(JSON.parse(r[0]));
      continue;
    }
    problems.push(`log #${i} differs:\n  reference: ${rs}\n  compiled:  ${gs}`);
    if (problems.length >= 5) {
      problems.push("  ...");
      break;
    }
  }
  if (unsupported.length === 0 && ref.swCount !== got.swCount) {
    problems.push(`sw() count differs: reference ${ref.swCount}, compiled ${got.swCount}`);
  }
  if (ref.outcome !== got.outcome) {
    problems.push(`outcome differs:\n  reference: ${ref.outcome}\n  compiled:  ${got.outcome}`);
  }
  return { ok: problems.length === 0, unsupported, report: problems.join("\n") };
}

export { errorSummary };
