// Build: TypeScript sources -> dist/, then the runtime's built-in replacements compiled by
// fibers-ts itself (so fibers can suspend inside Array.prototype.map callbacks and the like).
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, copyFileSync, chmodSync, existsSync, mkdirSync, rmSync, renameSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(import.meta.url);
// Built into a fresh directory and swapped in at the end, so a test run that is reading dist/
// while another build runs (parallel work in one checkout) never sees it half written.
const out = join(root, `dist.tmp-${process.pid}`);
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", join(root, "tsconfig.json"), "--outDir", out], { stdio: "inherit" });

const dist = join(out, "runtime");
mkdirSync(dist, { recursive: true });
copyFileSync(join(root, "runtime", "index.cjs"), join(dist, "index.cjs"));
// CommonJS entries of the integrations (fibers-ts/vite ... require()): hand-written wrappers of the ESM build.
mkdirSync(join(out, "integrations"), { recursive: true });
for (const f of readdirSync(join(root, "integrations")).filter((f) => f.endsWith(".cjs"))) copyFileSync(join(root, "integrations", f), join(out, "integrations", f));

const { transform } = await import(pathToFileURL(join(out, "compiler", "index.js")).href);
for (const name of ["builtins", "methods", "iteration", "async"]) {
  const src = join(root, "runtime", `${name}.src.js`);
  const code = readFileSync(src, "utf8");
  const out = transform(code, { filename: src, sourceType: "module", runtime: "global" });
  writeFileSync(join(dist, `${name}.js`), out.code);
}
const cli = join(out, "cli", "main.js");
if (existsSync(cli)) chmodSync(cli, 0o755);
const old = join(root, `dist.old-${process.pid}`);
if (existsSync(join(root, "dist"))) renameSync(join(root, "dist"), old);
renameSync(out, join(root, "dist"));
rmSync(old, { recursive: true, force: true });
console.log("fibers-ts: built dist/");
