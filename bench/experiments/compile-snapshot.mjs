// Compiles a fixed corpus with dist/compiler and writes every output (code and, for some, the source
// map) into a directory, so that two compiler builds can be diffed byte for byte:
//   [FIBERS_DIST=dir] node bench/experiments/compile-snapshot.mjs OUTDIR [EXTRA_DIR...]
// Corpus: test/differential/programs, bench/programs, bench/lib, test/fuzz/regressions, every source
// under test/ and examples/, 150 programs of the fuzz generator (seeds 1-150), plus any extra
// directories (e.g. a frozen copy of compiler/ and runtime/, the bench's own inputs).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
// FIBERS_DIST=/path/to/dist compiles with another build (e.g. one of an older commit).
const { transform } = await import(path.join(process.env.FIBERS_DIST ?? path.join(root, "dist"), "compiler", "index.js"));
const [outDir, ...extra] = process.argv.slice(2);
const dirs = ["test/differential/programs", "bench/programs", "bench/lib", "test/fuzz/regressions", "test", "examples"].map((d) => path.join(root, d)).concat(extra);
const files = [];
const walk = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.name.startsWith(".") || e.name === "node_modules") continue; // test outputs (.out), caches
    if (e.isDirectory()) walk(p);
    else if (/\.(m?js|ts)$/.test(e.name) && !e.name.endsWith(".d.ts")) files.push(p);
  }
};
for (const d of dirs) walk(d);
// Random programs of the differential fuzzer (fixed seeds).
const { generate } = await import(path.join(root, "test", "fuzz", "gen.mjs"));
const fuzzDir = path.join(os.tmpdir(), "fibers-ts-compile-snapshot-fuzz");
fs.mkdirSync(fuzzDir, { recursive: true });
for (let seed = 1; seed <= 150; seed++) {
  const f = path.join(fuzzDir, `seed-${seed}.js`);
  fs.writeFileSync(f, generate(seed));
  files.push(f);
}
fs.mkdirSync(outDir, { recursive: true });
let n = 0;
const variants = [
  { tag: "all", opts: { all: true, sourceType: "module" } },
  { tag: "default", opts: { sourceType: "module" } },
  { tag: "map", opts: { all: true, sourceType: "module", sourceMaps: true } },
];
for (const f of files) {
  const code = fs.readFileSync(f, "utf8");
  const key = path.relative(f.startsWith(fuzzDir) ? fuzzDir : root, f).replace(/[\/.]/g, "_");
  for (const { tag, opts } of variants) {
    let out;
    try {
      const r = transform(code, { filename: f, ...opts });
      out = r.code + (r.map ? "\n//MAP " + JSON.stringify(r.map) : "");
    } catch (e) {
      out = "ERROR " + (e && e.message);
    }
    fs.writeFileSync(path.join(outDir, key + "." + tag + ".out"), out);
    n++;
  }
}
// CommonJS and script formats on the differential programs that parse as such.
for (const f of files.filter((f) => f.includes("differential"))) {
  // Crude de-moduling: drop import lines and `export` keywords (the outputs only need to compile).
  const code = fs.readFileSync(f, "utf8").replace(/^import .*$/gm, "").replace(/^export (default )?/gm, "");
  const key = path.relative(f.startsWith(fuzzDir) ? fuzzDir : root, f).replace(/[\/.]/g, "_");
  for (const sourceType of ["commonjs", "script"]) {
    let out;
    try { out = transform(code, { filename: f, sourceType, all: true }).code; } catch (e) { out = "ERROR " + (e && e.message); }
    fs.writeFileSync(path.join(outDir, key + "." + sourceType + ".out"), out);
    n++;
  }
}
console.log(n, "outputs of", files.length, "files in", outDir);
