import { describe, it, expect } from "vitest";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { transform } from "../../compiler/index.js";

/**
 * Async functions are lowered to generators driven by the runtime (compiler/async.ts). The order in
 * which awaits, thenables, rejections and returned promises settle must be the engine's: the same
 * scenario runs natively and compiled, and the microtask orders are compared.
 */
describe("async functions compiled by fibers-ts keep the engine's microtask order", () => {
  it("awaits, thenables, rejections and returned promises settle in the same order", async () => {
    const src = fileURLToPath(new URL("./fixtures/async-order.mjs", import.meta.url));
    const outDir = fileURLToPath(new URL("../../tmp/compiler-tests/", import.meta.url));
    mkdirSync(outDir, { recursive: true });
    const out = `${outDir}async-order.${process.pid}.mjs`;
    writeFileSync(out, transform(readFileSync(src, "utf8"), { filename: src }).code);
    const load = (u: string) => import(/* @vite-ignore */ u) as Promise<{ scenario(): Promise<string> }>;
    const native = await (await load(pathToFileURL(src).href)).scenario();
    const compiled = await (await load(pathToFileURL(out).href)).scenario();
    expect(native).toContain("a1 b1 sync");
    expect(compiled).toBe(native);
  });
});
