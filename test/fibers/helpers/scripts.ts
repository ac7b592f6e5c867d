// Runs fixture scripts in a separate node process (for GC tests that need --expose-gc, and for
// worker_threads tests). Fixtures that use fibers are compiled with the fibers-ts compiler first;
// runner scripts are copied unchanged. The generated files go to <repo>/tmp/ (git-ignored) so that
// the compiled code's `import "fibers-ts/internal"` resolves to <repo>/dist through the package's
// self-reference.
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { transform } from "../../../compiler/index.js";

function findRepoRoot(): string {
  let dir: string;
  try {
    dir = path.dirname(fileURLToPath(import.meta.url));
  } catch {
    dir = process.cwd();
  }
  for (let i = 0; i < 8; i++) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === "fibers-ts") return dir;
    dir = path.dirname(dir);
  }
  return process.cwd();
}

export const repoRoot = findRepoRoot();
const fixturesDir = path.join(repoRoot, "test", "fibers", "fixtures");

/** Compiles `compile` fixtures and copies `copy` fixtures into a fresh directory; returns it. */
export function prepareScripts(compile: string[], copy: string[]): string {
  const dist = path.join(repoRoot, "dist", "runtime", "index.js");
  if (!fs.existsSync(dist)) {
    throw new Error(`${dist} is missing: run \`npm run build\` before these tests`);
  }
  const root = path.join(repoRoot, "tmp", "fibers-tests");
  fs.mkdirSync(root, { recursive: true });
  const dir = fs.mkdtempSync(path.join(root, "run-"));
  for (const name of compile) {
    const src = fs.readFileSync(path.join(fixturesDir, name), "utf8");
    const out = transform(src, { filename: path.join(dir, name), sourceType: "module" } as any) as any;
    fs.writeFileSync(path.join(dir, name), typeof out === "string" ? out : out.code);
  }
  for (const name of copy) fs.copyFileSync(path.join(fixturesDir, name), path.join(dir, name));
  return dir;
}

/**
 * Runs `node [nodeArgs] dir/entry [args]` and returns the JSON printed on its last `RESULT:` line.
 * Throws (with the child's output) when there is none.
 */
export function runScript(dir: string, entry: string, nodeArgs: string[] = [], args: string[] = []): any {
  const r = spawnSync(process.execPath, [...nodeArgs, path.join(dir, entry), ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 40_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = (r.stdout || "").split("\n");
  const line = lines.reverse().find((l) => l.startsWith("RESULT:"));
  if (!line) {
    throw new Error(
      `${entry} printed no RESULT line (status ${r.status}, signal ${r.signal}, error ${r.error})\n` +
        `--- stdout ---\n${r.stdout}\n--- stderr ---\n${r.stderr}`,
    );
  }
  return JSON.parse(line.slice("RESULT:".length));
}

/** Removes a directory made by prepareScripts (best effort). */
export function cleanup(dir: string | undefined): void {
  if (!dir) return;
  try {
    fs.rmSync(dir, { recursive: true, force: true });
  } catch {
    // ignore
  }
}

let gcCache: any;
/** Runs all GC scenarios (fixtures/gc-scenarios.mjs) once per test file, under --expose-gc. */
export function gcResults(): Record<string, { ok: boolean; value?: any; error?: string }> {
  if (gcCache) return gcCache;
  const dir = prepareScripts(["gc-scenarios.mjs"], ["gc-runner.mjs"]);
  try {
    gcCache = runScript(dir, "gc-runner.mjs", ["--expose-gc"]);
  } finally {
    cleanup(dir);
  }
  return gcCache;
}

/** Result of one GC scenario; fails the calling test with the scenario's error if it threw. */
export function gcScenario(name: string): any {
  const all = gcResults();
  const r = all[name];
  if (!r) throw new Error(`no GC scenario named ${name}`);
  if (!r.ok) throw new Error(`GC scenario ${name} failed in the child process:\n${r.error}`);
  return r.value;
}

/** Runs the named worker_threads groups (fixtures/thread-runner.mjs) in one child process. */
export function threadResults(groups: string[]): Record<string, any> {
  const dir = prepareScripts(["thread-worker.mjs"], ["thread-runner.mjs"]);
  try {
    return runScript(dir, "thread-runner.mjs", [], groups);
  } finally {
    cleanup(dir);
  }
}
