// Fast-copy A/B (docs/performance.md, "Fast path"): node bench/experiments/fast-path-ab.mjs <program> <n>
// Compiles bench/programs/<program>.mjs with no fast copies, with the default 600-node cap and with
// no cap (FIBERS_TS_FAST_COPY_MAX), runs each in a fiber switching every 1000 ticks, in alternating
// rounds with the plain program, and prints medians as ratios to plain. Run `node bench/run.mjs overhead` first.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
import { execFileSync } from "node:child_process";
const out = `${root}/bench/.out`;
const h = await import(out + "/lib/helpers.mjs");
const [name, n] = [process.argv[2], Number(process.argv[3])];
fs.mkdirSync(`${out}/var`, { recursive: true });
const mods = {};
for (const [k, max] of [["nofast", "0"], ["fast600", "600"], ["fastall", "1e9"]]) {
  const code = execFileSync("node", ["-e", `import("${root}/dist/compiler/index.js").then(({transform})=>process.stdout.write(transform(require("fs").readFileSync("${root}/bench/programs/${name}.mjs","utf8"),{filename:"x.mjs"}).code))`], { env: { ...process.env, FIBERS_TS_FAST_COPY_MAX: max }, maxBuffer: 1e8 }).toString();
  const f = `${out}/var/${name}-${k}.mjs`;
  fs.writeFileSync(f, code.replace('"fibers-ts/internal"', '"./../dist/runtime/index.js"'));
  mods[k] = await import(f);
}
const plain = await import(`${root}/bench/programs/${name}.mjs`);
const res = { plain: [] }; for (const k in mods) res[k] = [];
for (let r = 0; r < 15; r++) for (const k of Object.keys(res)) {
  const t0 = performance.now();
  if (k === "plain") plain.run(n, () => {}); else h.runInFiber(mods[k].run, n, 1000);
  if (r >= 3) res[k].push(performance.now() - t0);
}
const med = (a) => a.sort((x, y) => x - y)[a.length >> 1];
console.log(name, Object.entries(res).map(([k, v]) => `${k} ${(med(v) / med(res.plain)).toFixed(2)}`).join("  "));
