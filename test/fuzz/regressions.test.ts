// Programs in test/fuzz/regressions/ (shrunk fuzz programs whose bug has been fixed, and
// generated programs kept as regular cases) run as differential cases: through the harness of
// test/differential, reference vs compiled with an immediate round trip at every sw() and
// interleaved with another program's fibers. Open bugs live in found/, which no test runs.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { transform } from "../../compiler/index.js";
import { compare, runCompiledDirect, runCompiledInterleaved, runReference, setTransform } from "../differential/harness.js";

setTransform(transform);

const dir = fileURLToPath(new URL("./regressions/", import.meta.url));
const programs = readdirSync(dir).filter((f) => f.endsWith(".js")).sort();
/** A differential program that compiles and passes, to interleave with. */
const COMPANION = "closures-shared-state.js";

describe("fuzz regressions as differential cases", () => {
  it("has programs", () => {
    expect(programs.length).toBeGreaterThan(0);
  });

  for (const name of programs) {
    it(name, async () => {
      const file = join(dir, name);
      const ref = await runReference(file);
      expect(ref.logs.length, "reference run logged nothing").toBeGreaterThan(0);
      const direct = compare(ref, await runCompiledDirect(file));
      expect(direct.ok, `[direct] ${name}\n${direct.report}`).toBe(true);
      const inter = await runCompiledInterleaved(file, COMPANION);
      const c = compare(ref, inter.primary);
      expect(c.ok, `[interleaved with ${COMPANION}] ${name}\n${c.report}`).toBe(true);
    });
  }
});
