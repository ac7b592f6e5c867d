// Whole-compiler A/B: node bench/experiments/compiler-ab.mjs <other checkout> [program...]
// Compiles bench/programs/*.mjs and bench/lib/helpers.mjs with this checkout's dist/compiler and with
// the other checkout's (built: `git worktree add ../wt-base <commit> && cd ../wt-base && npm run build`),
// both against this checkout's runtime, and runs each program in a fiber switching every 1000 ticks,
// in alternating rounds with the plain program (counting tick, as bench/lib/worker.mjs). Prints
// medians as ratios to plain. Run `npm run build && node bench/run.mjs overhead` first (for bench/.out/dist).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { alternate } from "../lib/measure.mjs";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = path.join(root, "bench", ".out");
const other = path.resolve(process.argv[2]);
const N = { bounce: 1200, deltablue: 180, havlak: 3, json: 600, list: 900, mandelbrot: 750, nbody: 250000, permute: 1800, queens: 1200, richards: 300, sieve: 1800, storage: 600, towers: 1200 };
const names = process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(N);
const compilers = {
  base: (await import(pathToFileURL(path.join(other, "dist", "compiler", "index.js")).href)).transform,
  new: (await import(pathToFileURL(path.join(root, "dist", "compiler", "index.js")).href)).transform,
};
const runtime = pathToFileURL(path.join(out, "dist", "runtime", "index.js")).href;
const mods = {};
for (const [label, transform] of Object.entries(compilers)) {
  const dir = path.join(out, "ab", label);
  fs.mkdirSync(path.join(dir, "programs"), { recursive: true });
  fs.mkdirSync(path.join(dir, "lib"), { recursive: true });
  const emit = (rel) => {
    const code = transform(fs.readFileSync(path.join(root, "bench", rel), "utf8"), { filename: path.join(root, "bench", rel), sourceType: "module" }).code;
    fs.writeFileSync(path.join(dir, rel), code.replaceAll('"fibers-ts/internal"', JSON.stringify(runtime)).replaceAll('from "fibers-ts"', `from ${JSON.stringify(runtime)}`));
  };
  emit("lib/helpers.mjs");
  for (const n of [...names, "som"]) emit(`programs/${n}.mjs`); // som.mjs: imported by havlak
  mods[label] = { h: await import(pathToFileURL(path.join(dir, "lib", "helpers.mjs")).href) };
  for (const n of names) mods[label][n] = await import(pathToFileURL(path.join(dir, "programs", n + ".mjs")).href);
}
const rows = [];
for (const name of names) {
  const K = 1000;
  let c = 0;
  const plainTick = () => { if (++c === K) c = 0; };
  const plain = await import(pathToFileURL(path.join(root, "bench", "programs", name + ".mjs")).href);
  const fns = { plain: () => plain.run(N[name], plainTick) };
  for (const label of Object.keys(compilers)) fns[label] = () => mods[label].h.runInFiber(mods[label][name].run, N[name], K)[0];
  const res = alternate(fns, { rounds: 11, warmup: 2 });
  const r = Object.fromEntries(Object.keys(compilers).map((k) => [k, res[k].median / res.plain.median]));
  rows.push(r);
  console.log(name.padEnd(10), Object.entries(r).map(([k, v]) => `${k} ${v.toFixed(2)}`).join("  "));
}
const geo = (k) => Math.exp(rows.reduce((s, r) => s + Math.log(r[k]), 0) / rows.length);
console.log("geomean".padEnd(10), Object.keys(compilers).map((k) => `${k} ${geo(k).toFixed(2)}`).join("  "));
