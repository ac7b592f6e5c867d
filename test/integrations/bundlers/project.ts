/**
 * A throwaway copy of the fixture project, laid out like a user's project: the fixture's sources,
 * node_modules/fibers-ts (a symlink to this checkout, as `npm link` would make) and
 * node_modules/each-pair (a plain dependency). The bundlers resolve `fibers-ts` and the compiled
 * code's `fibers-ts/internal` through that node_modules, with no alias.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = resolve(fileURLToPath(new URL("../../..", import.meta.url)));
export const FIXTURE = fileURLToPath(new URL("./fixture", import.meta.url));
/** The transcript of src/main.ts run() (src/node-entry.ts prints it, then a source-mapped throw). */
export const EXPECTED = readFileSync(join(FIXTURE, "expected.txt"), "utf8").trimEnd();

/** `require` inside this checkout: "fibers-ts/vite" ... by the package's self-reference. */
export const REPO_REQUIRE = createRequire(join(REPO, "package.json"));

export interface Project {
  dir: string;
  /** `require` of the project: resolves "fibers-ts/vite" ... as the project's own code would. */
  require: NodeRequire;
  remove(): void;
}

/**
 * install "link" (default): node_modules/fibers-ts is a symlink to this checkout. "copy": a copy of
 * its package.json and built runtime, as `npm install` would leave it (bundlers treat a linked
 * package as source and an installed one as a dependency: Vite's dev server pre-bundles only the
 * latter). A copied install has no plugins: load those from the checkout (`REPO_REQUIRE`).
 */
export function makeProject(install: "link" | "copy" = "link"): Project {
  const dir = mkdtempSync(join(tmpdir(), "fibers-ts-bundlers-"));
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.startsWith(join(FIXTURE, "deps")) });
  mkdirSync(join(dir, "node_modules"));
  const pkg = join(dir, "node_modules", "fibers-ts");
  if (install === "link") {
    symlinkSync(REPO, pkg, "dir");
  } else {
    cpSync(join(REPO, "package.json"), join(pkg, "package.json"));
    cpSync(join(REPO, "dist", "runtime"), join(pkg, "dist", "runtime"), { recursive: true });
  }
  cpSync(join(FIXTURE, "deps", "each-pair"), join(dir, "node_modules", "each-pair"), { recursive: true });
  return {
    dir,
    require: createRequire(join(dir, "package.json")),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built bundle with node (source maps on, so stack traces name the original files). */
export function runNode(file: string, cwd: string): RunResult {
  const r = spawnSync(process.execPath, ["--enable-source-maps", file], { cwd, encoding: "utf8", timeout: 30_000 });
  return { status: r.status, stdout: r.stdout.trimEnd(), stderr: r.stderr };
}
