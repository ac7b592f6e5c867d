// Differential tests: every program in ./programs must behave identically (log, number of
// sw() calls, return value / thrown error) when run as-is and when compiled by fibers-ts and
// suspended at every sw() — both with an immediate round trip to the main fiber and with
// unrelated fibers running while it is suspended. See harness.ts and README.md.

import { describe, expect, it } from "vitest";
import { transform } from "../../compiler/index.js";
import {
  compare,
  compiledFile,
  listPrograms,
  runCompiledDirect,
  runCompiledInterleaved,
  runReference,
  setTransform,
  type RunResult,
} from "./harness.js";

setTransform(transform);

const programs = listPrograms();

/** Mode-1 results, shared with the interleaved runs that use a program as companion. */
const direct = new Map<string, Promise<RunResult>>();
function runDirect(name: string): Promise<RunResult> {
  let p = direct.get(name);
  if (!p) {
    p = runCompiledDirect(name);
    direct.set(name, p);
  }
  return p;
}

const unsupportedSeen: string[] = [];

/** The next program after `index` that compiles (the companion must not fail for its own reasons). */
function pickCompanion(index: number): string | undefined {
  for (let k = 1; k < programs.length; k++) {
    const name = programs[(index + k) % programs.length];
    try {
      compiledFile(name);
      return name;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

describe("differential: reference vs compiled-and-suspended-at-every-sw()", () => {
  it("has enough programs", () => {
    expect(programs.length).toBeGreaterThanOrEqual(45);
  });

  for (const [index, name] of programs.entries()) {
    it(name, async () => {
      const ref = await runReference(name);
      // Sanity: every program exercises switch points and logs something.
      expect(ref.swCount, "reference run performed no sw() calls").toBeGreaterThan(0);
      expect(ref.logs.length, "reference run logged nothing").toBeGreaterThan(0);

      compiledFile(name); // surface compile errors as such

      // Mode 1: immediate round trip at every sw().
      const got = await runDirect(name);
      const c1 = compare(ref, got);
      if (c1.unsupported.length) unsupportedSeen.push(`${name}: ${c1.unsupported.join(", ")}`);
      expect(c1.ok, `[direct] ${name}\n${c1.report}`).toBe(true);

      // Mode 1 again, compiled with the compiler's defaults (all: false): the full "may reach a
      // switch" analysis, whose calls left plain must never be on the way to a sw().
      const analysed = await runCompiledDirect(name, false);
      const c3 = compare(ref, analysed);
      expect(c3.ok, `[direct, all: false] ${name}\n${c3.report}`).toBe(true);

      // Mode 2: while suspended, main advances another compiled program's fibers and workload fibers.
      const companion = pickCompanion(index);
      if (!companion) return;
      const inter = await runCompiledInterleaved(name, companion);
      const c2 = compare(ref, inter.primary);
      expect(c2.ok, `[interleaved with ${companion}] ${name}\n${c2.report}`).toBe(true);
      // The companion only has to agree with itself run directly (its own test judges it against
      // its reference), so a compiler bug in the companion does not fail this program's test.
      const companionDirect = await runDirect(companion).catch(() => undefined);
      for (const comp of inter.companions) {
        if (!comp.complete || !companionDirect) continue;
        const cc = compare(companionDirect, comp.result);
        expect(cc.ok, `[companion ${companion} interleaved with ${name}]\n${cc.report}`).toBe(true);
      }
      for (const w of inter.workloads) {
        expect(w.value, `[workload fiber seed ${w.seed} interleaved with ${name}]`).toBe(w.expected);
      }
    });
  }

  it("summary of constructs reported unsupported (FiberError) by attempt: programs", () => {
    if (unsupportedSeen.length) console.info("[differential] unsupported (FiberError):\n  " + unsupportedSeen.join("\n  "));
  });
});
