// Hand-edit experiment: where does the overhead of compiled code go?  node bench/experiments/decompose.mjs [program...]
// Builds variants of bench/.out/programs/*.mjs by textual edits and times them against the plain program,
// in alternating rounds (median). Run `node bench/run.mjs overhead` (or bench/lib/compile.mjs) first.
//   plain       uncompiled program, plain counting tick
//   fiber-K1000 compiled, in a fiber switching to main every 1000 ticks (the reported figure)
//   fiber-noswitch  compiled, in a fiber that never switches (K = 2^40)
//   noguards    as fiber-noswitch with every `$$pc` test folded to its pc = 0 value (the normal path without
//               resume guards: what a compiler emitting a separate resume copy of each function would run)
//   cheapchk-K1000  as fiber-K1000 with the post-call check `$$F.s !== null && $$F.chk()` replaced by
//               `$$F.s === $$F.U` (a native callee leaves a stale slot instead of going through chk())
//   cheapchk-noclear-K1000  cheapchk plus entry checks that do not store null into the slot
//   direct-K1000  as fiber-K1000 with `$$m = o.m; $$F.s = $$m; $$m.call(o, ...)` turned into
//               `$$F.s = o.m; o.m(...)` (the method is loaded twice; protocol and guards kept)
//   noguards-direct  noguards with the same direct method calls (no switching)
//   noprotocol-direct  noprotocol with `$$m = o.m; $$m.call(o, ...)` turned back into `o.m(...)`
//   noprotocol  noguards + no call-slot stores, no post-call checks, no entry checks (run on main, plain tick):
//               what is left is the temporaries and `.call` dispatch of the explode pass
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alternate } from "../lib/measure.mjs";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(benchDir, ".out");
const N = { bounce: 1200, deltablue: 180, havlak: 3, json: 600, list: 900, mandelbrot: 900, nbody: 750000, permute: 1800, queens: 1200, richards: 300, sieve: 1800, storage: 600, towers: 1200 };

const foldPc = (s) => s
  .replace(/\$\$pc >= \d+ && \$\$pc <= \d+/g, "false")
  .replace(/\$\$pc !== 0/g, "false")
  .replace(/\$\$pc === 0/g, "true")
  .replace(/\$\$pc === \d+/g, "false");
const dropProtocol = (s) => s
  .replace(/if \(\$\$F\.s === [\w$]+\) \$\$F\.s = null;else if \(\$\$F\.s === \$\$F\.R\) \{/g, "if (false) {")
  .replace(/\} else if \(\$\$F\.f\) return \$\$F\.nat\([^;]*\);/g, "}")
  .replace(/^\s*\$\$F\.s = [^;]+;\s*$/gm, "")
  .replace(/^\s*if \(\$\$F\.s !== null && \$\$F\.chk\(\)\) return [^;]*;\s*$/gm, "");

function variant(name, edit) {
  const dir = path.join(out, "exp", name);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(path.join(out, "programs"))) {
    fs.writeFileSync(path.join(dir, f), edit(fs.readFileSync(path.join(out, "programs", f), "utf8")));
  }
  return dir;
}
const cheapChk = (s) => s.replace(/if \(\$\$F\.s !== null && \$\$F\.chk\(\)\)/g, () => "if ($$F.s === $$F.U)");
const noClear = (s) => s.replace(/if \(\$\$F\.s === ([\w$]+)\) \$\$F\.s = null;else if/g, (_, x) => `if ($$F.s === ${x}) ;else if`);
const directCalls = (s) => s.replace(/\$\$m = ([\w$.]+)\.([\w$]+);\s*\n\s*(?:([\w$]+) = )?\$\$m\.call\(\1(, )?/g,
  (_, o, m, t, comma) => `${t ? t + " = " : ""}${o}.${m}(`);
const directSlot = (s) => s.replace(/\$\$m = ([\w$.]+)\.([\w$]+);\s*\n\s*\$\$F\.s = \$\$m;\s*\n\s*(?:([\w$]+) = )?\$\$m\.call\(\1(, )?/g,
  (_, o, m, t) => `$$F.s = ${o}.${m};\n${t ? t + " = " : ""}${o}.${m}(`);
const vDirectSlot = variant("direct", directSlot);
const vNoGuardsDirect = variant("noguards-direct", (s) => directSlot(foldPc(s)));
const vNoGuards = variant("noguards", foldPc);
const vCheap = variant("cheapchk", cheapChk);
const vCheapNoClear = variant("cheapchk-noclear", (s) => noClear(cheapChk(s)));
const vDirect = variant("noprotocol-direct", (s) => directCalls(dropProtocol(foldPc(s))));
const vNoProto = variant("noprotocol", (s) => dropProtocol(foldPc(s)));

const h = await import(path.join(out, "lib", "helpers.mjs"));
const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(N);
const results = {};
for (const name of names) {
  const n = N[name];
  const plain = await import(path.join(benchDir, "programs", name + ".mjs"));
  const comp = await import(path.join(out, "programs", name + ".mjs"));
  const ng = await import(path.join(vNoGuards, name + ".mjs"));
  const np = await import(path.join(vNoProto, name + ".mjs"));
  const ch = await import(path.join(vCheap, name + ".mjs"));
  const chn = await import(path.join(vCheapNoClear, name + ".mjs"));
  const ds = await import(path.join(vDirectSlot, name + ".mjs"));
  const ngd = await import(path.join(vNoGuardsDirect, name + ".mjs"));
  const nd = await import(path.join(vDirect, name + ".mjs"));
  let c = 0;
  const tick = () => { if (++c === 1000) c = 0; };
  const BIG = 2 ** 40;
  const res = alternate({
    plain: () => plain.run(n, tick),
    "fiber-K1000": () => h.runInFiber(comp.run, n, 1000)[0],
    "fiber-noswitch": () => h.runInFiber(comp.run, n, BIG)[0],
    noguards: () => h.runInFiber(ng.run, n, BIG)[0],
    noprotocol: () => np.run(n, tick),
    "noprotocol-direct": () => nd.run(n, tick),
    "direct-K1000": () => h.runInFiber(ds.run, n, 1000)[0],
    "noguards-direct": () => h.runInFiber(ngd.run, n, BIG)[0],
    "cheapchk-K1000": () => h.runInFiber(ch.run, n, 1000)[0],
    "cheapchk-noclear-K1000": () => h.runInFiber(chn.run, n, 1000)[0],
  }, { rounds: 7, warmup: 2 });
  const p = res.plain.median;
  results[name] = Object.fromEntries(Object.entries(res).map(([k, v]) => [k, +(v.median / p).toFixed(2)]));
  console.log(name.padEnd(11), Object.entries(results[name]).map(([k, v]) => `${k} ${v.toFixed(2)}`).join("  "), ` (plain ${p.toFixed(1)} ms)`);
}
fs.mkdirSync(path.join(benchDir, "results"), { recursive: true });
fs.writeFileSync(path.join(benchDir, "results", "decompose.json"), JSON.stringify(results, null, 2) + "\n");
