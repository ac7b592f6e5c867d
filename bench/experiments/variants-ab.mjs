// Compiler-variant A/B: node bench/experiments/variants-ab.mjs <program[,program...]> <label>:<ENV=V[+ENV=V]> ...
// Compiles bench/programs/<program>.mjs once per variant (environment switches of the compiler, e.g.
// FIBERS_TS_FAST_COPY_MAX=0), runs each in a fiber switching to main every 1000 ticks, in alternating rounds
// with the plain program (counting tick, as bench/lib/worker.mjs), and prints medians as ratios to plain.
// Label `base` with no settings compiles with the defaults. Run `npm run build && node bench/run.mjs overhead` first.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { alternate } from "../lib/measure.mjs";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const out = `${root}/bench/.out`;
const N = { bounce: 1200, deltablue: 180, havlak: 3, json: 600, list: 900, mandelbrot: 750, nbody: 250000, permute: 1800, queens: 1200, richards: 300, sieve: 1800, storage: 600, towers: 1200 };
const h = await import(out + "/lib/helpers.mjs");
const programs = process.argv[2].split(",");
const variants = process.argv.slice(3).map((v) => {
  const [label, settings = ""] = v.split(":");
  return { label, env: Object.fromEntries(settings.split("+").filter(Boolean).map((kv) => kv.split("="))) };
});
fs.mkdirSync(`${out}/var`, { recursive: true });
for (const name of programs) {
  const K = 1000;
  let c = 0;
  const plainTick = () => { if (++c === K) c = 0; };
  const plain = await import(`${root}/bench/programs/${name}.mjs`);
  const fns = { plain: () => plain.run(N[name], plainTick) };
  for (const { label, env } of variants) {
    const code = execFileSync(process.execPath, ["-e", `import(${JSON.stringify(root + "/dist/compiler/index.js")}).then(({transform})=>process.stdout.write(transform(require("fs").readFileSync(${JSON.stringify(`${root}/bench/programs/${name}.mjs`)},"utf8"),{filename:"x.mjs"}).code))`], { env: { ...process.env, ...env }, maxBuffer: 1e8 }).toString();
    const f = `${out}/var/${name}-${label}.mjs`;
    // Programs that import the shared SOM collections get the default-compiled copy (bench/.out/programs).
    fs.writeFileSync(f, code.replace('"fibers-ts/internal"', '"./../dist/runtime/index.js"').replace(/from "\.\/som\.mjs"/g, 'from "../programs/som.mjs"'));
    const m = await import(f);
    fns[label] = () => h.runInFiber(m.run, N[name], K)[0];
  }
  const res = alternate(fns, { rounds: 11, warmup: 2 });
  console.log(name.padEnd(10), Object.entries(res).map(([k, v]) => `${k} ${(v.median / res.plain.median).toFixed(2)}`).join("  "));
}
