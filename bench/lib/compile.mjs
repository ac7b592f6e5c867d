// Compiles bench/programs/*.mjs and bench/lib/helpers.mjs into bench/.out/ (the compiler's defaults, as users get them).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";


const benchDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outDir = path.join(benchDir, ".out");

// A snapshot of dist/ (taken once per run) so that a concurrent `npm run build` cannot pull the runtime
// or the compiler from under a running benchmark; compiled files import the snapshot's runtime.
export function snapshotDist() {
  const snap = path.join(outDir, "dist");
  fs.rmSync(snap, { recursive: true, force: true });
  fs.cpSync(path.join(benchDir, "..", "dist"), snap, { recursive: true });
  fs.writeFileSync(path.join(snap, "package.json"), '{ "type": "module" }\n');
  return snap;
}

export async function compileAll() {
  const snap = snapshotDist();
  const { transform } = await import(path.join(snap, "compiler", "index.js"));
  fs.mkdirSync(path.join(outDir, "programs"), { recursive: true });
  fs.mkdirSync(path.join(outDir, "lib"), { recursive: true });
  fs.writeFileSync(path.join(outDir, ".gitignore"), "*\n");
  const files = [];
  for (const f of fs.readdirSync(path.join(benchDir, "programs"))) if (f.endsWith(".mjs")) files.push(path.join("programs", f));
  files.push(path.join("lib", "helpers.mjs"));
  for (const rel of files) {
    const src = fs.readFileSync(path.join(benchDir, rel), "utf8");
    const { code } = transform(src, { filename: path.join(benchDir, rel), sourceType: "module" });
    const runtime = path.relative(path.dirname(path.join(outDir, rel)), path.join(snap, "runtime", "index.js"));
    fs.writeFileSync(path.join(outDir, rel), code.replace(/(["'])fibers-ts(\/internal)?\1/g, JSON.stringify("./" + runtime)));
  }
  return { outDir, files };
}

/** The compile section's corpus: every .js/.mjs/.ts source (not .d.ts) under these directories of the checkout. */
export const COMPILE_CORPUS_DIRS = ["compiler", "runtime", "bench/programs", "bench/lib"];

/** `{ filename, code }` of every source file of the compile corpus under `root`. */
export function compileCorpus(root) {
  const inputs = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(m?js|ts)$/.test(e.name) && !e.name.endsWith(".d.ts")) inputs.push({ filename: p, code: fs.readFileSync(p, "utf8") });
    }
  };
  for (const d of COMPILE_CORPUS_DIRS) walk(path.join(root, d));
  return inputs;
}

/** The compile section's reference: a plain Babel parse + generate (no plugins) of each input. */
export function plainBabelCompile(babel, inputs) {
  for (const i of inputs) {
    const ast = babel.parseSync(i.code, {
      filename: i.filename, configFile: false, babelrc: false, sourceType: i.commonjs ? "script" : "module",
      parserOpts: { plugins: /\.ts$/.test(i.filename) ? ["typescript"] : [], allowReturnOutsideFunction: !!i.commonjs },
    });
    babel.transformFromAstSync(ast, i.code, { filename: i.filename, configFile: false, babelrc: false, plugins: [] });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log((await compileAll()).files.length, "files compiled into", outDir);
