// Fast version of the leak/load tier (npm run test:load): `node --expose-gc run.mjs --quick`
// in a child process (100k fibers run to completion, 20k fibers parked at depth 5 and dropped,
// 2M ping-pong round trips), every check must pass; and a self-test with --inject-leak, where the
// workload keeps what a leak would keep, in which every check must fail. Needs dist/.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
const runner = join(root, "test/load/run.mjs");

interface Check {
  name: string;
  measured: string;
  failures: string[];
}

function run(args: string[]): Promise<{ code: number | null; results: Check[]; stderr: string }> {
  if (!existsSync(join(root, "dist/compiler/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--expose-gc", runner, "--json", ...args], { cwd: root, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      try {
        resolve({ code, results: JSON.parse(stdout).results, stderr });
      } catch {
        reject(new Error(`run.mjs ${args.join(" ")} exited ${code} without JSON:\n${stdout}\n${stderr}`));
      }
    });
  });
}

const report = (rs: Check[]) => rs.map((r) => `${r.name}: ${r.measured}${r.failures.length ? "\n  FAIL " + r.failures.join("\n  FAIL ") : ""}`).join("\n");

describe("leak/load tier (quick)", () => {
  it("finished fibers leave nothing, dropped suspended fibers are collected without running finally, ping-pong heap is flat", async () => {
    const { code, results } = await run(["--quick"]);
    expect(results.map((r) => r.name)).toEqual(["churn", "park", "pingpong"]);
    expect(results.filter((r) => r.failures.length), report(results)).toEqual([]);
    expect(code).toBe(0);
  });

  it("fails every check when the workload leaks (self-test)", async () => {
    const { code, results } = await run(["--inject-leak", "--churn", "20000", "--park", "5000", "--rounds", "200000"]);
    expect(code).toBe(1);
    for (const r of results) expect(r.failures.length, `${r.name} did not detect the injected leak:\n${report(results)}`).toBeGreaterThan(0);
  });
});
