// Leak and load tier: `npm run test:load` (= node --expose-gc test/load/run.mjs).
//
//   churn    N fibers created and run to completion one after another (each switches to main once
//            and is resumed): heap after / before (after gc), retained bytes per fiber ~ 0.
//   park     M fibers left suspended 5 compiled frames deep (each frame inside try/finally), then
//            every reference dropped: after gc the heap is back at its baseline, every sampled
//            fiber was finalized (FinalizationRegistry) and no finally block ran.
//   pingpong R round trips main -> fiber -> main with values; heapUsed sampled after gc every
//            R/20 round trips: the (Theil-Sen) slope must be flat.
//
// Options: --quick (100k fibers, 20k parked, 2M round trips: what load.test.ts runs),
//          --churn N --park M --rounds R, --json (print one JSON object instead of the table),
//          --inject-leak (self-test: the workload keeps every fiber / one object per round trip,
//          so every check must fail).
// The workload (workload.cjs) is compiled by fibers-ts here, with dist/compiler (npm run build).
// Exit status 1 when a check fails (the table says which and why), 2 on a usage/setup error.
import vm from "node:vm";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "../..");

/** Failure thresholds: generous enough to be stable, tight enough to catch a real leak. */
export const LIMITS = {
  retainedPerFiber: 64, // bytes per fiber still on the heap after the fibers are gone...
  heapNoise: 512 * 1024, // ...beyond this much: heapUsed after gc varies by up to ~350 KB between runs
  parkedMinPerFiber: 200, // a parked fiber must visibly hold its frames (else the measure is broken)
  slopePerRoundTrip: 0.05, // bytes of heap growth per round trip (1 MB per 20M round trips)
};

function parseArgs(argv) {
  const quick = argv.includes("--quick");
  const o = { churn: quick ? 100_000 : 1_000_000, park: quick ? 20_000 : 100_000, rounds: quick ? 2_000_000 : 20_000_000, json: false, depth: 5, leak: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v <= 0) throw new Error(`${a} needs a positive integer`);
      return v;
    };
    if (a === "--quick") continue;
    else if (a === "--json") o.json = true;
    else if (a === "--inject-leak") o.leak = [];
    else if (a === "--churn") o.churn = num();
    else if (a === "--park") o.park = num();
    else if (a === "--rounds") o.rounds = num();
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

async function loadWorkload() {
  const { transform } = await import(pathToFileURL(join(repoRoot, "dist/compiler/index.js")).href);
  const file = join(here, "workload.cjs");
  const { code } = transform(readFileSync(file, "utf8"), { filename: file, sourceType: "commonjs" });
  const req = createRequire(join(repoRoot, "package.json"));
  const fn = vm.compileFunction(code, ["require", "module", "exports"], { filename: file });
  const module = { exports: {} };
  fn(req, module, module.exports);
  return { w: module.exports, Fiber: req("fibers-ts").Fiber };
}

const tick = () => new Promise((r) => setImmediate(r));

/** heapUsed after full collections (and a turn of the event loop for finalization callbacks). */
async function settledHeap() {
  for (let i = 0; i < 3; i++) {
    globalThis.gc();
    await tick();
  }
  globalThis.gc();
  return process.memoryUsage().heapUsed;
}

const fmtBytes = (b) => (Math.abs(b) >= 1 << 20 ? `${(b / (1 << 20)).toFixed(2)} MB` : `${(b / 1024).toFixed(1)} KB`);
const fmtN = (n) => n.toLocaleString("en-US");

async function churnTest(w, Fiber, n, leak) {
  const before = await settledHeap();
  const t0 = performance.now();
  const sum = w.churn(Fiber, n, leak);
  const ms = performance.now() - t0;
  const after = await settledHeap();
  const expected = (n * (n - 1)) / 2 + 2 * n;
  const perFiber = (after - before) / n;
  const overLimit = (after - before - LIMITS.heapNoise) / n > LIMITS.retainedPerFiber;
  const failures = [];
  if (sum !== expected) failures.push(`checksum ${sum}, expected ${expected}`);
  if (overLimit) failures.push(`${perFiber.toFixed(1)} bytes retained per finished fiber (limit ${LIMITS.retainedPerFiber} + ${fmtBytes(LIMITS.heapNoise)} in all)`);
  return {
    name: "churn",
    what: `${fmtN(n)} fibers created, switched, finished`,
    measured: `${perFiber.toFixed(2)} B retained/fiber (heap ${fmtBytes(before)} -> ${fmtBytes(after)}); ${(ms * 1000 / n).toFixed(2)} us/fiber`,
    limit: `<= ${LIMITS.retainedPerFiber} B/fiber (+${fmtBytes(LIMITS.heapNoise)})`,
    data: { n, before, after, perFiber, ms },
    failures,
  };
}

async function parkTest(w, Fiber, n, depth, leak) {
  const finalized = { count: 0 };
  const registry = new FinalizationRegistry(() => void finalized.count++);
  const sampleEvery = 100;
  const sampled = Math.ceil(n / sampleEvery);
  w.parkState.finallyRan = 0;
  const before = await settledHeap();
  let fibers = w.park(Fiber, n, depth, (f, i) => {
    if (i % sampleEvery === 0) registry.register(f, i);
  }, leak);
  const parked = await settledHeap();
  const alive = fibers.filter((f) => f.isAlive()).length;
  fibers = null; // drop every reference to the suspended fibers
  const after = await settledHeap();
  for (let i = 0; i < 20 && finalized.count < sampled; i++) await settledHeap();
  const parkedPerFiber = (parked - before) / n;
  const residualPerFiber = (after - before) / n;
  const failures = [];
  if (alive !== n) failures.push(`${n - alive} parked fibers were not alive before the drop`);
  if (parkedPerFiber < LIMITS.parkedMinPerFiber) failures.push(`parked fibers hold only ${parkedPerFiber.toFixed(0)} B each (< ${LIMITS.parkedMinPerFiber}): the measurement cannot see frames`);
  if ((after - before - LIMITS.heapNoise) / n > LIMITS.retainedPerFiber) failures.push(`${residualPerFiber.toFixed(1)} bytes per dropped fiber still on the heap (limit ${LIMITS.retainedPerFiber} + ${fmtBytes(LIMITS.heapNoise)} in all)`);
  if (finalized.count !== sampled) failures.push(`only ${finalized.count} of ${sampled} sampled fibers were finalized`);
  if (w.parkState.finallyRan !== 0) failures.push(`${w.parkState.finallyRan} finally blocks ran in dropped fibers`);
  return {
    name: "park",
    what: `${fmtN(n)} fibers suspended at depth ${depth}, then dropped`,
    measured: `${parkedPerFiber.toFixed(0)} B/fiber while parked (heap +${fmtBytes(parked - before)}); after drop ${residualPerFiber.toFixed(2)} B/fiber (${fmtBytes(after - before)}); finalized ${finalized.count}/${sampled} sampled; finally ran ${w.parkState.finallyRan}`,
    limit: `<= ${LIMITS.retainedPerFiber} B/fiber (+${fmtBytes(LIMITS.heapNoise)}) after drop, all finalized, 0 finally`,
    data: { n, depth, before, parked, after, parkedPerFiber, residualPerFiber, finalized: finalized.count, sampled, finallyRan: w.parkState.finallyRan },
    failures,
  };
}

/**
 * Theil-Sen slope of y over x (median of the pairwise slopes). Robust to the occasional sample
 * that catches a transient allocation (seen: one sample in ten ~220 KB high), unlike least squares.
 */
function slope(xs, ys) {
  const slopes = [];
  for (let i = 0; i < xs.length; i++) {
    for (let j = i + 1; j < xs.length; j++) slopes.push((ys[j] - ys[i]) / (xs[j] - xs[i]));
  }
  slopes.sort((a, b) => a - b);
  const m = slopes.length >> 1;
  return slopes.length % 2 ? slopes[m] : (slopes[m - 1] + slopes[m]) / 2;
}

async function pingPongTest(w, Fiber, rounds, leak) {
  const samplesWanted = 20;
  const every = Math.max(1, Math.floor(rounds / samplesWanted));
  const xs = [];
  const ys = [];
  let gcMs = 0;
  const t0 = performance.now();
  // Sampling runs inside the compiled loop, on the main fiber, so gc() is synchronous here.
  const v = w.pingPong(Fiber, rounds, every, (i) => {
    const g0 = performance.now();
    globalThis.gc();
    gcMs += performance.now() - g0;
    xs.push(i);
    ys.push(process.memoryUsage().heapUsed);
  }, leak);
  const ms = performance.now() - t0 - gcMs;
  const s = slope(xs, ys);
  const growth = s * rounds;
  const failures = [];
  if (v !== 2 * rounds + 1) failures.push(`final value ${v}, expected ${2 * rounds + 1}`);
  if (s > LIMITS.slopePerRoundTrip) failures.push(`heap grows ${s.toFixed(3)} B per round trip (${fmtBytes(growth)} over the run; limit ${LIMITS.slopePerRoundTrip})`);
  return {
    name: "pingpong",
    what: `${fmtN(rounds)} round trips (${fmtN(2 * rounds)} switches), ${xs.length} samples`,
    measured: `slope ${s.toFixed(4)} B/round trip (${fmtBytes(growth)} over the run; samples ${fmtBytes(Math.min(...ys))}..${fmtBytes(Math.max(...ys))}); ${(ms * 1e6 / rounds).toFixed(0)} ns/round trip`,
    limit: `<= ${LIMITS.slopePerRoundTrip} B/round trip`,
    data: { rounds, every, samples: ys, slope: s, ms },
    failures,
  };
}

function printTable(results) {
  const rows = [["test", "workload", "measured", "limit", "result"], ...results.map((r) => [r.name, r.what, r.measured, r.limit, r.failures.length ? "FAIL" : "ok"])];
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => "| " + r.map((cell, c) => cell.padEnd(widths[c])).join(" | ") + " |";
  console.log(line(rows[0]));
  console.log("| " + widths.map((n) => "-".repeat(n)).join(" | ") + " |");
  for (const r of rows.slice(1)) console.log(line(r));
}

async function main() {
  if (typeof globalThis.gc !== "function") {
    console.error("test:load needs --expose-gc: run `npm run test:load` or `node --expose-gc test/load/run.mjs`");
    return 2;
  }
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`test:load: ${e.message}`);
    return 2;
  }
  const { w, Fiber } = await loadWorkload();
  // Warm-up: compile and optimize the workload's paths before any baseline is taken.
  w.churn(Fiber, 20_000, null);
  w.park(Fiber, 2_000, o.depth, () => {}, null);
  w.pingPong(Fiber, 200_000, 100_000, () => {}, null);
  const t0 = performance.now();
  const results = [];
  results.push(await churnTest(w, Fiber, o.churn, o.leak));
  results.push(await parkTest(w, Fiber, o.park, o.depth, o.leak));
  results.push(await pingPongTest(w, Fiber, o.rounds, o.leak));
  const secs = (performance.now() - t0) / 1000;
  const failed = results.filter((r) => r.failures.length);
  if (o.json) {
    console.log(JSON.stringify({ node: process.version, seconds: secs, limits: LIMITS, results }));
  } else {
    console.log(`fibers-ts leak/load tier (node ${process.version}, ${secs.toFixed(1)} s)`);
    printTable(results);
    for (const r of failed) for (const f of r.failures) console.log(`FAIL ${r.name}: ${f}`);
    if (!failed.length) console.log("all checks passed");
  }
  return failed.length ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(2);
});
