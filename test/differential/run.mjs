// Runs programs without vitest, through the same harness.ts code paths.
//   node test/differential/run.mjs [--compiled] [--quiet] [program.js | /abs/path.js ...]
// Without --compiled: reference run only (no compiler needed); prints each log.
// With --compiled: compiles with dist/compiler/index.js (run `npm run build` first) and prints the
// comparison of the reference and the directly-driven compiled runs: compiled with `all: true`, and
// with the compiler's defaults (the full "may reach a switch" analysis).
import { transform } from "esbuild";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
mkdirSync(join(here, ".out"), { recursive: true });
const ts = readFileSync(join(here, "harness.ts"), "utf8");
const { code } = await transform(ts, { loader: "ts", format: "esm" });
// keep import.meta.url pointing at the real harness location
const out = join(here, ".out", `harness.run.${process.pid}.mjs`);
writeFileSync(out, code.replace(/import\.meta\.url/g, JSON.stringify(pathToFileURL(join(here, "harness.ts")).href)));
const h = await import(pathToFileURL(out).href);
const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const compiled = args.includes("--compiled");
const names = args.filter((a) => !a.startsWith("--")).map((a) => (a.includes("/") ? resolve(a) : a));
if (compiled) {
  const c = await import(pathToFileURL(join(here, "../../dist/compiler/index.js")).href);
  h.setTransform(c.transform);
}
let failed = 0;
for (const name of names.length ? names : h.listPrograms()) {
  let r;
  try {
    r = await h.runReference(name);
  } catch (e) {
    console.log(`== ${name}: LOAD ERROR ${e}`);
    failed++;
    continue;
  }
  console.log(`== ${name}: ${r.logs.length} log lines, ${r.swCount} sw() calls, ${r.outcome}`);
  if (!quiet) for (const l of r.logs) console.log("   " + l.join(", "));
  if (compiled) {
    for (const all of [true, false]) {
      const label = all ? "compiled (all: true)" : "compiled (defaults)";
      try {
        const g = await h.runCompiledDirect(name, all);
        const cmp = h.compare(r, g);
        if (cmp.ok) console.log(`   ${label}: SAME${cmp.unsupported.length ? " (unsupported: " + cmp.unsupported.join(", ") + ")" : ""}`);
        else {
          failed++;
          console.log(`   ${label}: DIFFERENT\n` + cmp.report.replace(/^/gm, "   "));
        }
      } catch (e) {
        failed++;
        console.log(`   ${label}: ERROR ${e && e.stack ? e.stack.split("\n").slice(0, 3).join("\n") : e}`);
      }
    }
  }
}
if (compiled) console.log(`${failed} failing`);
