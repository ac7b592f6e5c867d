/**
 * `node --import fibers-ts/register`: every module format, source-mapped stack traces (also from
 * frames resumed by switch()), and worker_threads whose workers are TypeScript files using fibers.
 * The fixtures are in test/cli/fixtures/register; `fibers-ts/register` resolves to this
 * repository's dist/ through the package's own name.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FIXTURES = "test/cli/fixtures/register";

function nodeRegister(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "fibers-ts/register", join(FIXTURES, file)],
      { cwd: ROOT, timeout: 30_000 },
      (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      },
    );
  });
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist/cli/register.js"))) throw new Error("dist/ is missing: run `npm run build` first");
});

describe("node --import fibers-ts/register", () => {
  it.concurrent("ES module entry (.mts): stack traces point at the original file:line in every module format", async () => {
    const r = await nodeRegister("stacks.mts");
    // Each line: where the error was thrown <- the call in stacks.mts, inside a resumed fiber frame.
    expect(r.stdout).toBe(
      [
        "throw-ts.ts:3 <- stacks.mts:27",
        "throw-mts.mts:3 <- stacks.mts:27",
        "throw-js.js:3 <- stacks.mts:27",
        "throw-mjs.mjs:3 <- stacks.mts:27",
        "throw-cts.cts:3 <- stacks.mts:27",
        "throw-cjs.cjs:3 <- stacks.mts:27",
        "throw-js.js:3 <- stacks.mts:27", // cjs/throw-js.js: .js in a "type": "commonjs" package
        "",
      ].join("\n"),
    );
    // The uncaught error: Node's report names the original .mts lines.
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: uncaught from throw-mts.mts\n");
    expect(r.stderr).toMatch(/^\/.*\/register\/throw-mts\.mts:3\n/);
    expect(r.stderr).toMatch(/\n {4}at .*fail \(.*\/register\/throw-mts\.mts:3:\d+\)\n {4}at .*\(.*\/register\/stacks\.mts:38:\d+\)\n/);
  });

  it.concurrent("CommonJS entry (.cts): stack traces point at the original file:line", async () => {
    const r = await nodeRegister("stacks.cts");
    expect(r.stdout).toBe(
      ["throw-cts.cts:3 <- stacks.cts:16", "throw-cjs.cjs:3 <- stacks.cts:16", "throw-js.js:3 <- stacks.cts:16", ""].join("\n"),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Error: uncaught from throw-cts.cts\n");
    expect(r.stderr).toMatch(/^\/.*\/register\/throw-cts\.cts:3\n/);
    expect(r.stderr).toMatch(/\n {4}at .*fail \(.*\/register\/throw-cts\.cts:3:\d+\)\n {4}at .*\(.*\/register\/stacks\.cts:26:\d+\)\n/);
  });

  it.concurrent("worker_threads: .ts and .cts workers are compiled, use fibers, and report original lines", async () => {
    const r = await nodeRegister("worker-main.mts");
    expect(r.stderr).toBe("");
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 2)).toEqual(['./worker.ts says ["item0","item1","item2"]', "./worker.ts exited 0"]);
    // A worker's message and its error event travel on different channels: either may come first.
    expect(lines.slice(2, 4).sort()).toEqual(['./worker.cts says "B"', './worker.cts threw "worker failed after b" at worker.cts:8']);
    expect(lines.slice(4)).toEqual(["./worker.cts exited 1", ""]);
    expect(r.code).toBe(0);
  });
});
