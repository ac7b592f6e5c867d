// Real-library tier: compiles the distributed CommonJS builds of real npm packages with fibers-ts
// (sourceType "commonjs", all: true) into test/real/.out/<lib>.cjs, then runs workloads.mjs
// through the original and the compiled copy (outside a fiber and inside one that switches to
// the main fiber from library callbacks) and compares the output.
//
// Plain ESM so that it runs both under vitest (real.test.ts loads it with Node's own import())
// and standalone: `node test/real/run.mjs [lib...]` (needs `npm run build`).

import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, "../..");
export const outDir = join(here, ".out");
const nm = join(repoRoot, "node_modules");

/**
 * file: the distributed CommonJS build. marked ships no .cjs since v16; its UMD build is CommonJS
 * when `module`/`exports` exist, but the package is "type": "module", so Node would load the .js
 * as ESM: the original is copied next to the compiled one as .cjs.
 */
export const LIBS = {
  acorn: { file: "acorn/dist/acorn.js", every: 2000 },
  esprima: { file: "esprima/dist/esprima.js", every: 2000 },
  marked: { file: "marked/lib/marked.umd.js", every: 500 },
  lodash: { file: "lodash/lodash.js", every: 100 },
  /** every function of lodash with a fixed set of arguments (the lodash copy is shared) */
  "lodash-sweep": { file: "lodash/lodash.js", every: 5, lib: "lodash" },
};

export function version(lib) {
  return JSON.parse(readFileSync(join(nm, LIBS[lib]?.lib ?? lib, "package.json"), "utf8")).version;
}

function ensureOut() {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, ".gitignore"), "*\n");
}

let compilerP;
function compiler() {
  compilerP ??= import(pathToFileURL(join(repoRoot, "dist/compiler/index.js")).href);
  return compilerP;
}

/**
 * The libraries are compiled with `all: true` (no method resolved by name) unless told otherwise:
 * `all: false` (`REAL_ALL=0` for run.mjs) is the compiler's default, the full "may reach a switch"
 * analysis (docs/conformance.md). The driver (workloads.mjs) is always compiled with `all: true`.
 */
const ALL = process.env.REAL_ALL !== "0";

/** Compiles <lib> into .out/<lib>.cjs or <lib>.analysed.cjs (and copies the original to .out/<lib>.orig.cjs). */
export async function compileLib(name, all = ALL) {
  ensureOut();
  const { transform } = await compiler();
  const src = join(nm, LIBS[name].file);
  const code = readFileSync(src, "utf8");
  const t0 = performance.now();
  const out = transform(code, { filename: src, sourceType: "commonjs", all });
  const ms = performance.now() - t0;
  const file = join(outDir, `${name}${all ? "" : ".analysed"}.cjs`);
  writeFileSync(file, out.code);
  const orig = join(outDir, `${name}.orig.cjs`);
  copyFileSync(src, orig);
  return { ms, origSize: Buffer.byteLength(code), outSize: Buffer.byteLength(out.code), file, orig };
}

/** Compiles workloads.mjs into .out/workloads.compiled.mjs. */
export async function compileDriver() {
  ensureOut();
  const { transform } = await compiler();
  const src = join(here, "workloads.mjs");
  const out = transform(readFileSync(src, "utf8"), { filename: src, sourceType: "module", all: true });
  const file = join(outDir, "workloads.compiled.mjs");
  writeFileSync(file, out.code);
  return file;
}

const req = createRequire(join(outDir, "x.cjs"));

/** A fresh instance of a CommonJS file (so module-level state cannot leak between copies). */
export function requireFresh(file) {
  delete req.cache[req.resolve(file)];
  return req(file);
}

let inputs;
export function loadInputs() {
  if (inputs) return inputs;
  const script = readFileSync(join(nm, "lodash/lodash.js"), "utf8");
  const module = readFileSync(join(nm, "acorn/dist/acorn.mjs"), "utf8");
  const docs = [join(repoRoot, "README.md"), ...readdirSync(join(repoRoot, "docs")).filter((f) => f.endsWith(".md")).sort().map((f) => join(repoRoot, "docs", f))]
    .map((f) => readFileSync(f, "utf8"))
    .join("\n\n---\n\n");
  const extra = [
    "# Extra constructs",
    "",
    "Setext heading\n==============",
    "",
    "> quote with **bold**, *em*, `code`, ~~strike~~ and a [ref link][r] and <https://auto.link>.",
    "> > nested quote",
    "",
    "1. one\n2. two\n   - nested *item*\n   - [ ] task\n   - [x] done\n3. three",
    "",
    "| a | b |\n|:--|--:|\n| `x` | **y** |\n| 1 | 2 |",
    "",
    "```js\nconst x = 1 < 2 && \"q\";\n```",
    "",
    "    indented code",
    "",
    "<div class=\"raw\">html <em>block</em></div>",
    "",
    "Line with trailing spaces  \nhard break, footnote-like [^1] text, entity &copy; &#169; and escaped \\*stars\\*.",
    "",
    "![image](http://example.com/i.png \"title\")",
    "",
    "[r]: http://example.com/ref \"Ref\"",
    "",
    "***",
    "",
  ].join("\n");
  const markdown = Array.from({ length: 8 }, (_, i) => `## Copy ${i + 1}\n\n${docs}\n\n${extra}`).join("\n\n");
  // Varied modern code (classes, private fields, generators, async, destructuring...).
  const files = [];
  for (const dir of ["dist/compiler", "dist/runtime", "test/differential/programs"]) {
    for (const f of readdirSync(join(repoRoot, dir)).filter((f) => f.endsWith(".js")).sort()) {
      files.push({ name: `${dir}/${f}`, code: readFileSync(join(repoRoot, dir, f), "utf8") });
    }
  }
  files.push({ name: "marked.esm.js", code: readFileSync(join(nm, "marked/lib/marked.esm.js"), "utf8") });
  inputs = { script, module, markdown, files };
  return inputs;
}

// `import()` performed by Node itself, also when this file is loaded through vite-node (see
// test/differential/harness.ts): data: URL modules are handed to Node's native import().
const importerUrl = "data:text/javascript,export default (u) => import(u);";
let importer;
export function nativeImport(url) {
  importer ??= import(/* @vite-ignore */ importerUrl).then((m) => m.default);
  return importer.then((imp) => imp(url));
}

let ctxP;
/** Runtime, reference driver and compiled driver. */
export function context() {
  ctxP ??= (async () => {
    const compiledDriver = await compileDriver();
    // the same URL "fibers-ts/internal" resolves to from compiled code: one runtime instance
    const rt = await nativeImport(pathToFileURL(join(repoRoot, "dist/runtime/index.js")).href);
    const ref = await nativeImport(pathToFileURL(join(here, "workloads.mjs")).href);
    const cmp = await nativeImport(pathToFileURL(compiledDriver).href);
    return { Fiber: rt.Fiber, ref, cmp };
  })();
  return ctxP;
}

export async function runInFiber(ctx, name, lib, input, every) {
  const home = ctx.Fiber.current();
  const f = ctx.cmp.createWorkloadFiber(ctx.Fiber, home, name, lib, input, every);
  let r;
  let mainSwitches = 0;
  for (;;) {
    r = f.switch();
    if (!f.isAlive()) break;
    mainSwitches++;
  }
  if (r.switches !== mainSwitches) throw new Error(`fiber reported ${r.switches} switches, main saw ${mainSwitches}`);
  return r;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** First differing position of two strings, with context, for failure messages. */
export function firstDiff(a, b) {
  if (typeof a !== "string" || typeof b !== "string") return `not strings: ${typeof a} / ${typeof b}`;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return `lengths ${a.length} / ${b.length}; first difference at ${i}:\n  original: ${JSON.stringify(a.slice(Math.max(0, i - 80), i + 80))}\n  compiled: ${JSON.stringify(b.slice(Math.max(0, i - 80), i + 80))}`;
}

function attempt(fn) {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, error: e };
  }
}

/**
 * Everything for one library: compile, reference run, compiled run, in-fiber run, timing.
 * `reps`: alternating reference/compiled runs for the runtime ratio.
 */
export async function checkLib(name, { reps = 3, all = ALL } = {}) {
  const ctx = await context();
  const input = loadInputs();
  const comp = await compileLib(name, all);
  const original = requireFresh(comp.orig);
  const compiled = requireFresh(comp.file);
  const every = Number(process.env.REAL_EVERY) || LIBS[name].every;
  const res = { name, version: version(name), all, compileMs: comp.ms, origSize: comp.origSize, outSize: comp.outSize, every };

  const refTimes = [];
  const cmpTimes = [];
  let ref;
  let plain;
  for (let i = 0; i < reps; i++) {
    let t0 = performance.now();
    ref = ctx.ref.runPlain(name, original, input);
    refTimes.push(performance.now() - t0);
    t0 = performance.now();
    plain = attempt(() => ctx.cmp.runPlain(name, compiled, input));
    cmpTimes.push(performance.now() - t0);
    if (!plain.ok) break;
  }
  res.refMs = median(refTimes);
  res.ticks = ref.ticks;
  res.outLength = ref.out.length;
  if (plain.ok) {
    res.cmpMs = median(cmpTimes);
    res.ratio = res.cmpMs / res.refMs;
    res.plainMatch = plain.value.out === ref.out && plain.value.ticks === ref.ticks;
    if (!res.plainMatch) res.plainDiff = `ticks ${ref.ticks} / ${plain.value.ticks}; ` + firstDiff(ref.out, plain.value.out);
  } else {
    res.plainMatch = false;
    res.plainDiff = `compiled run threw: ${plain.error?.stack ?? plain.error}`;
  }

  // In a fiber: a fresh copy of the compiled library (no state shared with the runs above).
  const compiled2 = requireFresh(comp.file);
  const t0 = performance.now();
  let fib;
  try {
    fib = { ok: true, value: await runInFiber(ctx, name, compiled2, input, every) };
  } catch (e) {
    fib = { ok: false, error: e };
  }
  res.fiberMs = performance.now() - t0;
  if (fib.ok) {
    res.switches = fib.value.switches;
    res.fiberMatch = fib.value.out === ref.out && fib.value.ticks === ref.ticks;
    if (!res.fiberMatch) res.fiberDiff = `ticks ${ref.ticks} / ${fib.value.ticks}; ` + firstDiff(ref.out, fib.value.out);
  } else {
    res.fiberMatch = false;
    res.fiberDiff = `in-fiber run threw: ${fib.error?.stack ?? fib.error}`;
  }

  // Two fibers over one more fresh compiled copy, advanced alternately (different switch
  // periods), so each resumes while the other's frames of the same library are suspended.
  const compiled3 = requireFresh(comp.file);
  try {
    const outs = await runInterleaved(ctx, name, compiled3, input, [every, every + 3]);
    res.interleavedMatch = outs.every((o) => o.out === ref.out && o.ticks === ref.ticks);
    if (!res.interleavedMatch) res.interleavedDiff = outs.map((o) => firstDiff(ref.out, o.out)).join("\n");
  } catch (e) {
    res.interleavedMatch = false;
    res.interleavedDiff = `interleaved run threw: ${e?.stack ?? e}`;
  }
  return res;
}

export async function runInterleaved(ctx, name, lib, input, periods) {
  const home = ctx.Fiber.current();
  const fibers = periods.map((every) => ctx.cmp.createWorkloadFiber(ctx.Fiber, home, name, lib, input, every));
  const results = [];
  let live = fibers.length;
  while (live > 0) {
    live = 0;
    for (let i = 0; i < fibers.length; i++) {
      if (!fibers[i].isAlive()) continue;
      const r = fibers[i].switch();
      if (fibers[i].isAlive()) live++;
      else results[i] = r;
    }
  }
  return results;
}

export function sizeOf(file) {
  return statSync(file).size;
}
