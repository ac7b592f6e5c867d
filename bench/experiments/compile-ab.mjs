// Compile speed of two compiler builds in one process, alternating rounds, on the bench's compile
// corpus (every .js/.mjs/.ts file under compiler/ runtime/ bench/programs/ bench/lib/), against a
// plain Babel parse + generate of the same files:
//   node bench/experiments/compile-ab.mjs OTHER_DIST [rounds] [file...]
// With files (e.g. node_modules/@babel/traverse/lib/scope/index.js), compiles those instead of the
// corpus (CommonJS unless the file has import/export, as compile-inputs.mjs).
// OTHER_DIST is the dist/ of another build, e.g. of an older commit:
//   git worktree add ../wt-base <commit> && (cd ../wt-base && ln -s ../main/node_modules && node scripts/build.mjs)
//   node bench/experiments/compile-ab.mjs ../wt-base/dist
// Prints the median time of each and its ratio to Babel ("base" = OTHER_DIST, "new" = this checkout's dist/).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { compileCorpus, plainBabelCompile } from "../lib/compile.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const [otherDist, roundsArg, ...files] = process.argv.slice(2);
if (!otherDist) throw new Error("usage: node bench/experiments/compile-ab.mjs OTHER_DIST [rounds]");
const base = (await import(path.resolve(otherDist, "compiler", "index.js"))).transform;
const current = (await import(path.join(root, "dist", "compiler", "index.js"))).transform;
const babel = await import("@babel/core");

const inputs = files.length === 0 ? compileCorpus(root) : files.map((f) => {
  const code = fs.readFileSync(f, "utf8");
  return { filename: path.resolve(f), code, commonjs: !/^\s*(import|export)\b/m.test(code) };
});
const sourceType = (i) => (i.commonjs ? "commonjs" : "module");
const fns = {
  babel: () => plainBabelCompile(babel, inputs),
  base: () => { for (const i of inputs) base(i.code, { filename: i.filename, sourceType: sourceType(i) }); },
  new: () => { for (const i of inputs) current(i.code, { filename: i.filename, sourceType: sourceType(i) }); },
};
const rounds = Number(roundsArg ?? 9);
const times = { babel: [], base: [], new: [] };
for (let r = 0; r < rounds + 2; r++) {
  for (const k of Object.keys(fns)) {
    const t = performance.now();
    fns[k]();
    if (r >= 2) times[k].push(performance.now() - t); // two warm-up rounds
  }
}
const median = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
const ref = median(times.babel);
console.log(`${inputs.length} files; babel ${ref.toFixed(0)} ms; ` +
  ["base", "new"].map((k) => `${k} ${median(times[k]).toFixed(0)} ms = ${(median(times[k]) / ref).toFixed(2)} x Babel`).join("; "));
