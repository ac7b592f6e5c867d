// Runs every repro (or the ones named) natively and compiled by fibers-ts (all: true), outside a
// fiber and inside one, and prints the three logs.
//   node test/real/repros/run.mjs [file.js ...]        (needs `npm run build`)
// Each repro exports main(log, sw) (an ES module; or, with a `// sourceType: commonjs` line,
// `exports.main = function (log, sw)`, for sloppy-mode behaviour). sw() does nothing in the native
// and the plain compiled run; in the fiber run it is a compiled function that switches to the
// main fiber and back. The native output is recorded in each file as a comment.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const out = join(here, "../.out/repros");
mkdirSync(out, { recursive: true });
const { transform } = await import(pathToFileURL(join(root, "dist/compiler/index.js")).href);
const { Fiber } = await import(pathToFileURL(join(root, "dist/runtime/index.js")).href);

function fmt(v) {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "function") return `[Function ${v.name}]`;
  if (v instanceof Error) return `${v.constructor.name}: ${v.message}`;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

async function run(mod) {
  const lines = [];
  const log = (...a) => lines.push(a.map(fmt).join(" "));
  try {
    await mod.main(log, () => {});
  } catch (e) {
    lines.push("threw " + fmt(e));
  }
  return lines;
}

const require = createRequire(import.meta.url);
let helper;
function fiberHelper() {
  if (helper) return helper;
  const file = join(out, "repro-helper.mjs");
  const src = `export function makeFiber(Fiber, home, main, log) {
  function sw() {
    home.switch();
  }
  return new Fiber(function reproBody() {
    return main(log, sw);
  });
}
`;
  writeFileSync(file, transform(src, { filename: file, sourceType: "module", all: true }).code);
  helper = import(pathToFileURL(file).href);
  return helper;
}

export async function runRepro(file) {
  const src = readFileSync(file, "utf8");
  const name = basename(file, ".js");
  const cjs = /^\/\/ sourceType: commonjs/m.test(src);
  const ext = cjs ? "cjs" : "mjs";
  const load = async (f) => (cjs ? require(f) : await import(pathToFileURL(f).href));
  const nat = join(out, `${name}.native.${ext}`);
  writeFileSync(nat, src);
  let compiled;
  try {
    compiled = transform(src, { filename: file, sourceType: cjs ? "commonjs" : "module", all: true }).code;
  } catch (e) {
    return { native: await run(await load(nat)), compiled: ["compile error: " + e.message] };
  }
  const cmp = join(out, `${name}.compiled.${ext}`);
  writeFileSync(cmp, compiled);
  const native = await run(await load(nat));
  const cm = await load(cmp);
  const compiledRun = await run(cm);
  // inside a fiber: main(log, sw) runs as the fiber's target; sw() switches to main and back
  const lines = [];
  const { makeFiber } = await fiberHelper();
  const f = makeFiber(Fiber, Fiber.current(), cm.main, (...a) => lines.push(a.map(fmt).join(" ")));
  try {
    while (f.isAlive()) f.switch();
  } catch (e) {
    lines.push("threw " + fmt(e));
  }
  return { native, compiled: compiledRun, fiber: lines };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const files = process.argv.slice(2).map((f) => resolve(f));
  for (const f of files.length ? files : readdirSync(here).filter((f) => f.endsWith(".js")).sort().map((f) => join(here, f))) {
    const r = await runRepro(f);
    console.log(`== ${basename(f)}`);
    for (const k of Object.keys(r)) console.log(`  ${k.padEnd(8)} ${r[k].join(" | ")}`);
  }
}
