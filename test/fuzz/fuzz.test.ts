// The differential fuzzer on a fixed set of seeds (see docs/conformance.md, "Differential fuzzing"): each generated
// program runs natively and compiled by fibers-ts in three fiber modes (pool.mjs workers, one
// child process per CPU, with a timeout), and every run must match the native one. The open bugs
// in found/ are kept out of the way as known.mjs says (features left out, or failures with a
// known bug's error messages counted as that bug), so that this stays green until they are fixed;
// `npm run fuzz` explores further. Needs dist/ (npm run build).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
// @ts-ignore -- plain JavaScript modules
import { generate, FEATURES } from "./gen.mjs";
// @ts-ignore
import { Pool } from "./pool.mjs";
// @ts-ignore
import { sizeForSeed } from "./common.mjs";
// @ts-ignore
import { KNOWN_BUG_AVOID, TEST_SEEDS, knownBugFor } from "./known.mjs";

const root = fileURLToPath(new URL("../..", import.meta.url));
if (!existsSync(join(root, "dist/compiler/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");

const pool = new Pool({ jobs: 2, timeoutMs: 20_000 });
afterAll(() => pool.close());

describe("fuzz: generated programs behave the same natively and compiled", () => {
  it("generates the same program for the same seed, different ones for different seeds", () => {
    const a = generate(7, { size: "medium" });
    expect(generate(7, { size: "medium" })).toBe(a);
    expect(generate(8, { size: "medium" })).not.toBe(a);
    expect(() => generate(1, { avoid: ["nonsense"] })).toThrow(/unknown feature nonsense/);
    for (const f of KNOWN_BUG_AVOID) expect(FEATURES).toContain(f);
  });

  it("detects a difference (the check can fail)", async () => {
    // Function.prototype.toString of a compiled function with a call site shows the compiled code
    // (by design, docs/design.md "Not supported"): a difference every fiber mode must report.
    const r = await pool.check(`export function main(sw, log) {\n  sw();\n  log(String(function f(g) { return g(); }).includes("$$"));\n}\n`);
    expect(r.kind).toBe("mismatch");
    expect(r.detail).toMatch(/\[direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1\]\nlog #0 differs:\n  reference: false\n  compiled:  true/);
  });

  it("reports a program that does not terminate as a timeout", async () => {
    const r = await pool.check(`export function main(sw, log) {\n  for (;;) sw();\n}\n`, { timeoutMs: 1500 });
    expect(r.kind).toBe("reference-timeout");
  });

  const [first, count] = TEST_SEEDS;
  it(`seeds ${first}..${first + count - 1} pass, apart from known bugs (avoiding ${KNOWN_BUG_AVOID.join(", ")})`, async () => {
    const failures: string[] = [];
    const known = new Map<string, number[]>();
    let switches = 0;
    await Promise.all(Array.from({ length: count }, async (_, k) => {
      const seed = first + k;
      const r = await pool.check(generate(seed, { size: sizeForSeed(seed), avoid: KNOWN_BUG_AVOID }));
      if (r.kind === "pass") {
        switches += r.ref.swCount;
        return;
      }
      const bug = knownBugFor(r);
      if (bug) known.set(bug.id, [...(known.get(bug.id) ?? []), seed]);
      else failures.push(`seed ${seed}: ${r.kind}\n${r.detail}\nreproduce: npm run fuzz -- --seed ${first + k} --count 1`);
    }));
    expect(failures, failures.join("\n\n")).toEqual([]);
    // The programs really switch: thousands of sw() calls in all.
    expect(switches).toBeGreaterThan(count * 20);
    if (known.size) console.info(`[fuzz] known bugs in seeds ${first}..${first + count - 1}: ${[...known].map(([id, seeds]) => `${id} (${seeds.length}: ${seeds.join(" ")})`).join("; ")}`);
  }, 240_000);
});
