/**
 * fibers-ts/tsc (integrations/tsc.ts) with the real ts-patch `tspc`: the fixture project
 * (fixture/: two modules, a fiber switching from an Array.map callback in the other module,
 * a const enum and a type-only import that only tsc can compile) is copied to a temp directory
 * with node_modules/fibers-ts linked to this checkout, built by tspc, and the emitted JavaScript
 * is run with node and its output compared.
 *
 * Needs `npm run build` (dist/integrations/tsc.cjs is what ts-patch require()s).
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const FIXTURE = fileURLToPath(new URL("./fixture", import.meta.url));
const TSPC = join(ROOT, "node_modules/ts-patch/bin/tspc.js");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const EXPECTED = readFileSync(join(FIXTURE, "expected.txt"), "utf8");
const MAIN_TS = readFileSync(join(FIXTURE, "src/main.ts"), "utf8");
/** 1-based line of the `throw` in src/main.ts, where a source-mapped stack trace must point. */
const THROW_LINE = MAIN_TS.split("\n").findIndex((l) => l.includes('throw new Error("thrown inside a fiber")')) + 1;

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, maxBuffer: 16 << 20, timeout: 50_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout: stdout.toString(), stderr: stderr.toString() });
    });
  });
}

const temps: string[] = [];

/** A copy of the fixture project whose node_modules/fibers-ts is this checkout. */
function project(type: "module" | "commonjs", files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "fibers-tsc-"));
  temps.push(dir);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "tsc-fixture", private: true, type }));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules/fibers-ts"), "dir");
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

beforeAll(() => {
  for (const f of ["dist/integrations/tsc.js", "dist/integrations/tsc.cjs"]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  if (THROW_LINE === 0) throw new Error("fixture/src/main.ts lost its throw statement");
});

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("fibers-ts/tsc with tspc", () => {
  it.concurrent("ES module output (nodenext, \"type\": \"module\"), external source maps", async () => {
    const dir = project("module");
    const build = await node([TSPC, "-p", "."], dir);
    expect(build.stdout + build.stderr).toBe("");
    expect(build.code).toBe(0);
    const js = readFileSync(join(dir, "out/producer.js"), "utf8");
    expect(js).toMatch(/^import "fibers-ts\/internal";/);
    // The const enum was inlined by TypeScript (the checker's work), then fibers-ts compiled the result.
    expect(js).toContain("1 /* Mode.Upper */");
    expect(js).not.toMatch(/\b(?:var|let|const) Mode\b/);

    const run = await node(["out/main.js"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(EXPECTED);

    // The written map composes TypeScript's and fibers-ts's: stack frames point into src/main.ts.
    const map = JSON.parse(readFileSync(join(dir, "out/main.js.map"), "utf8"));
    expect(map.sources).toEqual(["../src/main.ts"]);
    expect(map.file).toBe("main.js");
    expect(readFileSync(join(dir, "out/main.js"), "utf8")).toMatch(/\n\/\/# sourceMappingURL=main\.js\.map$/);
    const thrown = await node(["--enable-source-maps", "out/main.js", "--throw"], dir);
    expect(thrown.code).toBe(1);
    expect(thrown.stderr).toContain(`${join(dir, "src/main.ts")}:${THROW_LINE}:`);
  });

  it.concurrent("CommonJS output (\"type\": \"commonjs\"), inline source maps, incremental build", async () => {
    const dir = project("commonjs");
    const args = [TSPC, "-p", ".", "--sourceMap", "false", "--inlineSourceMap", "--incremental", "--tsBuildInfoFile", "out/.tsbuildinfo"];
    const build = await node(args, dir);
    expect(build.stdout + build.stderr).toBe("");
    expect(build.code).toBe(0);
    expect(readFileSync(join(dir, "out/producer.js"), "utf8")).toMatch(/^"use strict";\s*require\("fibers-ts\/internal"\);/);
    expect(existsSync(join(dir, "out/main.js.map"))).toBe(false);

    const run = await node(["out/main.js"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(EXPECTED);
    const thrown = await node(["--enable-source-maps", "out/main.js", "--throw"], dir);
    expect(thrown.stderr).toContain(`${join(dir, "src/main.ts")}:${THROW_LINE}:`);

    // An incremental rebuild (TypeScript's builder program) re-emits through the plugin too.
    writeFileSync(join(dir, "src/producer.ts"), readFileSync(join(dir, "src/producer.ts"), "utf8") + "\nexport const touched = 1;\n");
    const again = await node(args, dir);
    expect(again.stdout + again.stderr).toBe("");
    expect(readFileSync(join(dir, "out/producer.js"), "utf8")).toContain("exports.touched = 1");
    expect(readFileSync(join(dir, "out/producer.js"), "utf8")).toContain('require("fibers-ts/internal")');
    expect((await node(["out/main.js"], dir)).stdout).toBe(EXPECTED);
  });

  it.concurrent("type errors are TypeScript's own diagnostics, unchanged, and the output still runs", async () => {
    const dir = project("module", { "src/bad.ts": 'export const count: number = "three";\n' });
    const plain = await node([TSC, "-p", ".", "--noEmit"], dir);
    const patched = await node([TSPC, "-p", "."], dir);
    expect(plain.stdout).toMatch(/^src\/bad\.ts\(1,14\): error TS2322: Type 'string' is not assignable to type 'number'\./);
    expect(patched.stdout).toBe(plain.stdout);
    expect(patched.code).toBe(2); // errors reported, outputs generated (noEmitOnError is off)
    expect((await node(["out/main.js"], dir)).stdout).toBe(EXPECTED);
  });

  it.concurrent("a fibers-ts compile error is a tsc error at the .ts line, and that file is not written", async () => {
    const evil = "export function run(code: string): unknown {\n  const x: number = 1;\n  return eval(code) ?? x;\n}\n";
    const dir = project("module", { "src/evil.ts": evil });
    const build = await node([TSPC, "-p", "."], dir);
    expect(build.code).toBe(2);
    expect(build.stdout).toContain(`error TS5033: Could not write file '${join(dir, "out/evil.js")}': fibers-ts: src/evil.ts:3:10: direct eval is not supported by fibers-ts`);
    expect(existsSync(join(dir, "out/evil.js"))).toBe(false);
    expect(existsSync(join(dir, "out/evil.js.map"))).toBe(false);
    expect((await node(["out/main.js"], dir)).stdout).toBe(EXPECTED);
  });

  it.concurrent("used as a source transformer (no \"transformProgram\": true) it stops the build with the fix", async () => {
    const dir = project("module");
    const config = JSON.parse(readFileSync(join(dir, "tsconfig.json"), "utf8"));
    config.compilerOptions.plugins = [{ transform: "fibers-ts/tsc" }];
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config));
    const build = await node([TSPC, "-p", "."], dir);
    expect(build.code).not.toBe(0);
    expect(build.stderr).toContain('write { "transform": "fibers-ts/tsc", "transformProgram": true } in compilerOptions.plugins');
    expect(existsSync(join(dir, "out/main.js"))).toBe(false);
  });
});
