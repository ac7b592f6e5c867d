// typescript.js compiled whole by fibers-ts (issue 5): node test/real/typescript/run.mjs
// (after `npm run build`; about 2 minutes and 2 GB of memory, most of it the compile).
//   1. compiles node_modules/typescript/lib/typescript.js (all: true; TS_ALL=0: the compiler's defaults)
//      next to symlinks of its lib.*.d.ts files, in test/real/typescript/.out/;
//   2. type-checks and emits a small project (workload.cjs) with the original and the compiled
//      TypeScript: same diagnostics, same output;
//   3. the same with the compiled TypeScript inside a fiber, its host callbacks switching to the
//      main fiber every EVERY calls (and twice interleaved with a second fiber), same result again.
// Prints one JSON line; exits 1 on a mismatch.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, "../../..");
const require = createRequire(import.meta.url);
const { transform } = await import(path.join(root, "dist/compiler/index.js"));
const runtime = path.join(root, "dist/runtime/index.cjs");
const { Fiber } = require(runtime);
const EVERY = Number(process.env.TS_EVERY ?? 5);

const out = path.join(here, ".out");
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, "package.json"), '{ "type": "commonjs" }\n'); // typescript.js is CommonJS
const libDir = path.join(root, "node_modules/typescript/lib");
const compiledTs = path.join(out, "typescript.js");
const source = fs.readFileSync(path.join(libDir, "typescript.js"), "utf8");
// The compiled files load the runtime by package name; here it is this checkout's dist/.
const withRuntime = (code) => code.replace('require("fibers-ts/internal")', () => `require(${JSON.stringify(runtime)})`);

const t0 = performance.now();
const all = process.env.TS_ALL !== "0";
const compiled = transform(source, { filename: path.join(libDir, "typescript.js"), sourceType: "commonjs", all });
const compileMs = performance.now() - t0;
fs.writeFileSync(compiledTs, withRuntime(compiled.code));
for (const f of fs.readdirSync(libDir)) {
  if (!f.endsWith(".d.ts")) continue;
  const link = path.join(out, f);
  fs.rmSync(link, { force: true });
  fs.symlinkSync(path.join(libDir, f), link);
}
const workloadSrc = fs.readFileSync(path.join(here, "workload.cjs"), "utf8");
const compiledWorkload = path.join(out, "workload.cjs");
fs.writeFileSync(compiledWorkload, withRuntime(transform(workloadSrc, { filename: "workload.cjs", sourceType: "commonjs", all: true }).code));

const originalTs = require(path.join(libDir, "typescript.js"));
const t1 = performance.now();
const fibersTs = require(compiledTs);
const loadMs = performance.now() - t1;
const plainWorkload = require(path.join(here, "workload.cjs"));
const fiberWorkload = require(compiledWorkload);

const json = (r) => JSON.stringify(r);
const time = (fn) => { const t = performance.now(); const r = fn(); return [r, performance.now() - t]; };
const noop = () => {};
// Warm both copies once, then time them alternately.
const reference = json(plainWorkload.checkProject(originalTs, noop));
const plainResult = json(plainWorkload.checkProject(fibersTs, noop));
const refMs = [], cmpMs = [];
for (let i = 0; i < 3; i++) {
  refMs.push(time(() => plainWorkload.checkProject(originalTs, noop))[1]);
  cmpMs.push(time(() => plainWorkload.checkProject(fibersTs, noop))[1]);
}
const median = (a) => a.sort((x, y) => x - y)[a.length >> 1];

const inFibers = (n) => {
  const r = fiberWorkload.checkInFibers(fibersTs, Fiber, n, EVERY);
  return { results: r.results.map(json), switches: r.switches };
};
const single = inFibers(1);
const pair = inFibers(2);
const res = {
  library: `typescript ${originalTs.version}`,
  compileMs: Math.round(compileMs),
  inputBytes: source.length,
  outputBytes: compiled.code.length,
  loadMs: Math.round(loadMs),
  refMs: Math.round(median(refMs)),
  cmpMs: Math.round(median(cmpMs)),
  ratio: +(median(cmpMs) / median(refMs)).toFixed(2),
  plainMatch: plainResult === reference,
  fiberMatch: single.results[0] === reference,
  interleavedMatch: pair.results.every((r) => r === reference),
  switches: single.switches,
  every: EVERY,
};
console.log(JSON.stringify(res));
const checks = [res.plainMatch, res.fiberMatch, res.interleavedMatch];
const failed = checks.filter((ok) => !ok).length;
if (failed) console.error("typescript: compiled output differs from the original (plain, in a fiber, interleaved)");
console.log(`typescript: ${checks.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
