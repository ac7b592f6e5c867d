#!/usr/bin/env node
// Differential fuzzer CLI (npm run fuzz -- [options]); see docs/conformance.md, "Differential fuzzing".
//
//   --count N        programs to run (default 200)
//   --seed S         first seed (default: derived from the time; printed). Seeds S..S+N-1 run.
//   --size SIZE      small | medium | large | mixed (default mixed: chosen by seed)
//   --jobs J         worker processes (default: number of CPUs)
//   --timeout MS     per-program time limit (default 20000)
//   --avoid F,G      generator features to leave out (see FEATURES in gen.mjs), in addition to
//                    those of the known bugs (known.mjs)
//   --include-known  do not leave out the features of known bugs, and shrink failures with a
//                    known bug's signature too
//   --no-shrink      report (and save) failing programs without shrinking them
//   --loose          while shrinking, accept any failure of the same kind (default: same signature)
//   --out DIR        where shrunk failing programs go (default test/fuzz/found)
//   --print          print the program of --seed and exit
//   --check FILE     check one program file (export function main(sw, log)) and print the result
//   --shrink FILE    shrink a failing program file
// Exit status: 0 when every program behaved the same natively and compiled, 1 otherwise.
import { cpus } from "node:os";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { generate } from "./gen.mjs";
import { Pool } from "./pool.mjs";
import { shrink } from "./shrink.mjs";
import { sizeForSeed, failureHeader, isCompilerFailure, signature } from "./common.mjs";
import { KNOWN_BUG_AVOID, knownBugFor } from "./known.mjs";

const here = dirname(fileURLToPath(import.meta.url));

function parseArgs(argv) {
  const o = { count: 200, seed: undefined, size: "mixed", jobs: cpus().length, timeout: 20_000, avoid: [], shrink: true, out: join(here, "found") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    const int = () => {
      const v = Number(val());
      if (!Number.isInteger(v) || v < 0) throw new Error(`${a} needs a non-negative integer`);
      return v;
    };
    if (a === "--count") o.count = int();
    else if (a === "--seed") o.seed = int();
    else if (a === "--size") o.size = val();
    else if (a === "--jobs") o.jobs = Math.max(1, int());
    else if (a === "--timeout") o.timeout = int();
    else if (a === "--avoid") o.avoid = val().split(",").filter(Boolean);
    else if (a === "--include-known") o.includeKnown = true;
    else if (a === "--no-shrink") o.shrink = false;
    else if (a === "--loose") o.loose = true;
    else if (a === "--out") o.out = resolve(val());
    else if (a === "--print") o.print = true;
    else if (a === "--check") o.check = resolve(val());
    else if (a === "--shrink") o.shrinkFile = resolve(val());
    else if (a === "--help" || a === "-h") o.help = true;
    else throw new Error(`unknown option ${a} (try --help)`);
  }
  if (!["small", "medium", "large", "mixed"].includes(o.size)) throw new Error(`--size must be small, medium, large or mixed`);
  return o;
}

const avoided = (o) => [...new Set([...(o.includeKnown ? [] : KNOWN_BUG_AVOID), ...o.avoid])];
const genOptions = (o, seed) => ({ size: o.size === "mixed" ? sizeForSeed(seed) : o.size, avoid: avoided(o) });

async function shrinkAndSave(pool, o, src, result, name) {
  let final = src;
  let finalResult = result;
  if (o.shrink) {
    const t0 = Date.now();
    console.log(`    shrinking (keeping signature "${signature(result)}")...`);
    const s = await shrink(src, result, (candidate) => pool.check(candidate, { timeoutMs: Math.min(o.timeout, 3000) }), {
      loose: o.loose,
      parallel: o.jobs,
      log: (msg) => process.stdout.write(`    ${msg}\n`),
    });
    final = s.src;
    finalResult = s.result;
    console.log(`    shrunk ${src.length} -> ${final.length} chars in ${((Date.now() - t0) / 1000).toFixed(1)} s (${s.tests} runs)`);
  }
  mkdirSync(o.out, { recursive: true });
  const file = join(o.out, `${name}.js`);
  writeFileSync(file, failureHeader(name, finalResult) + final.replace(/^(\/\/.*\n)+/, ""));
  console.log(`    saved ${relative(process.cwd(), file)}`);
  return file;
}

function printResult(label, r) {
  console.log(`${label}: ${r.kind.toUpperCase()}`);
  if (r.detail) console.log(r.detail.replace(/^/gm, "    "));
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  if (o.help) {
    const lines = readFileSync(fileURLToPath(import.meta.url), "utf8").split("\n");
    const start = lines.findIndex((l) => l.startsWith("//"));
    const end = lines.findIndex((l, i) => i > start && !l.startsWith("//"));
    console.log(lines.slice(start, end).map((l) => l.slice(3)).join("\n"));
    return 0;
  }
  if (o.print) {
    process.stdout.write(generate(o.seed ?? 1, genOptions(o, o.seed ?? 1)));
    return 0;
  }
  const pool = new Pool({ jobs: o.jobs, timeoutMs: o.timeout });
  try {
    if (o.check || o.shrinkFile) {
      const file = o.check ?? o.shrinkFile;
      const src = readFileSync(file, "utf8");
      const r = await pool.check(src);
      printResult(relative(process.cwd(), file), r);
      if (o.shrinkFile && isCompilerFailure(r)) {
        await shrinkAndSave(pool, { ...o, shrink: true }, src, r, `${basename(file, ".js")}.shrunk`);
      }
      return r.kind === "pass" ? 0 : 1;
    }
    const seed0 = o.seed ?? (Date.now() % 1_000_000_000);
    const avoid = avoided(o);
    console.log(`fuzz: ${o.count} programs, seeds ${seed0}..${seed0 + o.count - 1}, size ${o.size}, ${o.jobs} jobs${avoid.length ? `, avoiding ${avoid.join(",")}` : ""}`);
    const t0 = Date.now();
    const failures = [];
    let passed = 0;
    let switches = 0;
    let next = 0;
    const runOne = async () => {
      while (next < o.count) {
        const seed = seed0 + next++;
        const src = generate(seed, genOptions(o, seed));
        const r = await pool.check(src);
        if (r.kind === "pass") {
          passed++;
          switches += r.ref.swCount;
          continue;
        }
        failures.push({ seed, src, r });
        printResult(`seed ${seed}`, r);
      }
    };
    await Promise.all(Array.from({ length: o.jobs }, runOne));
    const secs = (Date.now() - t0) / 1000;
    console.log(`fuzz: ${passed}/${o.count} passed in ${secs.toFixed(1)} s (${switches} sw() calls in the passing reference runs)`);
    const extra = `${o.size !== "mixed" ? ` --size ${o.size}` : ""}${o.includeKnown ? " --include-known" : ""}${o.avoid.length ? ` --avoid ${o.avoid.join(",")}` : ""}`;
    const bySignature = new Map();
    for (const f of failures.sort((a, b) => a.seed - b.seed)) {
      const sig = signature(f.r);
      const entry = bySignature.get(sig) ?? { seeds: [], known: knownBugFor(f.r) };
      entry.seeds.push(f.seed);
      bySignature.set(sig, entry);
      if (!isCompilerFailure(f.r)) {
        console.log(`seed ${f.seed}: ${f.r.kind} is a fuzzer bug (the generated program is not valid or does not terminate natively); see it with --print --seed ${f.seed}${extra}`);
        continue;
      }
      const known = knownBugFor(f.r);
      if (known && !o.includeKnown) {
        console.log(`seed ${f.seed}: known bug ${known.id} (${known.repro})`);
        continue;
      }
      console.log(`seed ${f.seed}: ${sig}; reproduce with: npm run fuzz -- --seed ${f.seed} --count 1${extra}`);
      await shrinkAndSave(pool, o, f.src, f.r, `seed-${f.seed}`);
    }
    if (bySignature.size) {
      console.log("fuzz: failures by signature:");
      for (const [sig, { seeds, known }] of bySignature) console.log(`  ${seeds.length} x ${sig}${known ? ` (known: ${known.id})` : ""}: seeds ${seeds.slice(0, 12).join(" ")}${seeds.length > 12 ? " ..." : ""}`);
    }
    return failures.length ? 1 : 0;
  } finally {
    pool.close();
  }
}

// exitCode rather than process.exit(): stdout may be a pipe with output still to flush.
main().then((code) => { process.exitCode = code; }, (e) => {
  console.error(`fuzz: ${e && e.message ? e.message : e}`);
  process.exitCode = 2;
});
