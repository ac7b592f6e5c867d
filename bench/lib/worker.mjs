// One benchmark section, run in its own process; prints one JSON line on stdout.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { alternate } from "./measure.mjs";
import { COMPILE_CORPUS_DIRS, compileCorpus, plainBabelCompile } from "./compile.mjs";

const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const root = path.resolve(benchDir, "..");
const out = path.join(benchDir, ".out");
const [, , section, ...args] = process.argv;
const emit = (o) => process.stdout.write(JSON.stringify(o) + "\n");

// Hand-written native generator round trip (the reference for switch and depth).
function* pong() {
  let v = 0;
  for (;;) v = yield v + 1;
}
function genRoundTrip(N) {
  const it = pong();
  let x = it.next().value;
  for (let i = 0; i < N; i++) x = it.next(x).value;
  return x;
}

const H = () => import(path.join(out, "lib", "helpers.mjs"));

if (section === "switch") {
  const h = await H();
  const N = 200000;
  const res = alternate({
    generator: () => genRoundTrip(N),
    mainFiber: () => h.mainRoundTrip(N),
    fiberFiber: () => h.fiberRoundTrip(N),
  }, { rounds: 11, warmup: 3, check: (n, v) => { if (v !== N + 1) throw new Error(`${n}: bad result ${v}`); } });
  emit({ N, ns: Object.fromEntries(Object.entries(res).map(([k, v]) => [k, (v.median * 1e6) / N])), raw: res });
} else if (section === "depth") {
  const h = await H();
  const N = 200000;
  const fns = { generator: () => genRoundTrip(N) };
  for (const d of [1, 10, 100, 1000]) fns["depth" + d] = () => h.depthRoundTrip(N, d);
  const res = alternate(fns, { rounds: 11, warmup: 3, check: (n, v) => { if (v !== N + 1) throw new Error(`${n}: bad result ${v}`); } });
  emit({ N, ns: Object.fromEntries(Object.entries(res).map(([k, v]) => [k, (v.median * 1e6) / N])), raw: res });
} else if (section === "overhead") {
  const [name, nStr, kStr] = args;
  const n = Number(nStr), K = Number(kStr);
  const plain = await import(path.join(benchDir, "programs", name + ".mjs"));
  const compiled = await import(path.join(out, "programs", name + ".mjs"));
  const h = await H();
  let c = 0;
  const plainTick = () => { if (++c === K) c = 0; };
  let switches = 0;
  let expected;
  const res = alternate({
    plain: () => plain.run(n, plainTick),
    compiled: () => { const [r, s] = h.runInFiber(compiled.run, n, K); switches = s; return r; },
  }, {
    rounds: 9, warmup: 2,
    check: (which, v) => {
      if (expected === undefined) expected = v;
      else if (v !== expected) throw new Error(`${name}: ${which} returned ${v}, expected ${expected}`);
    },
  });
  emit({ name, n, K, switchesPerRun: switches, plainMs: res.plain.median, compiledMs: res.compiled.median, raw: res });
} else if (section === "memory") {
  const [kind, depthStr] = args;
  const depth = Number(depthStr);
  const COUNT = 100000;
  const h = await H();
  // Warm up the code paths (and allocate the agent's main fiber) before the baseline.
  let keep = kind === "fiber" ? h.park(100, depth) : null;
  keep = null;
  const gcAll = () => { for (let i = 0; i < 3; i++) globalThis.gc(); };
  gcAll();
  const before = process.memoryUsage().heapUsed;
  if (kind === "fiber") keep = h.park(COUNT, depth);
  else {
    function* g() { yield 1; }
    keep = new Array(COUNT);
    for (let i = 0; i < COUNT; i++) { const it = g(); it.next(); keep[i] = it; }
  }
  gcAll();
  const after = process.memoryUsage().heapUsed;
  if (keep.length !== COUNT) throw new Error("lost fibers");
  emit({ kind, depth, count: COUNT, bytesPerItem: (after - before) / COUNT });
} else if (section === "compile") {
  const { transform } = await import(path.join(out, "dist", "compiler", "index.js"));
  const babel = await import("@babel/core");
  const inputs = [];
  let label;
  if (args[0] === "typescript") {
    const p = path.join(root, "node_modules", "typescript", "lib", "typescript.js");
    inputs.push({ filename: p, code: fs.readFileSync(p, "utf8"), commonjs: true });
    label = "node_modules/typescript/lib/typescript.js";
  } else {
    inputs.push(...compileCorpus(root));
    label = COMPILE_CORPUS_DIRS.map((d) => d + "/").join(", ") + " (" + inputs.length + " files)";
  }
  const bytes = inputs.reduce((s, i) => s + Buffer.byteLength(i.code), 0);
  const plainBabel = () => plainBabelCompile(babel, inputs);
  const fibers = () => {
    for (const i of inputs) transform(i.code, { filename: i.filename, sourceType: i.commonjs ? "commonjs" : "module" });
  };
  let outBytes = 0;
  for (const i of inputs) outBytes += Buffer.byteLength(transform(i.code, { filename: i.filename, sourceType: i.commonjs ? "commonjs" : "module" }).code);
  const rounds = Number(args[1] ?? 5);
  const res = alternate({ babel: plainBabel, fibers }, { rounds, warmup: 1 });
  emit({ input: label, bytes, outBytes, babelMs: res.babel.median, fibersMs: res.fibers.median,
    babelMBps: bytes / 1e6 / (res.babel.median / 1000), fibersMBps: bytes / 1e6 / (res.fibers.median / 1000), raw: res });
} else {
  throw new Error("unknown section " + section);
}
