/**
 * integrations/tsc-format.ts decides, per emitted file, between ES module and CommonJS output. On
 * TypeScript >= 5.6 it asks the program (`getEmitModuleFormatOfFile`); on older TypeScript 5 it
 * applies the same rule itself. Only TypeScript 5.9 is installed, so the fallback is checked
 * against the program's own answer with that method hidden, over module kinds x file extensions x
 * package.json "type".
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { emitFormat } from "../../../integrations/tsc-format.js";

const dir = mkdtempSync(join(tmpdir(), "fibers-tsc-format-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FILES = ["a.ts", "b.mts", "c.cts"];
const OUT: Record<string, string> = { ".ts": ".js", ".mts": ".mjs", ".cts": ".cjs" };

function programFor(pkgType: string | null, module: string): ts.Program {
  const root = join(dir, `${pkgType ?? "none"}-${module}`);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, "package.json"), JSON.stringify(pkgType ? { type: pkgType } : {}));
  for (const f of FILES) writeFileSync(join(root, f), "export const x = 1;\n");
  const { options, errors } = ts.convertCompilerOptionsFromJson(
    { module, target: "es2022", noLib: true, types: [], moduleResolution: module === "nodenext" ? "nodenext" : module.startsWith("node") ? "node16" : "bundler" }, root);
  expect(errors).toEqual([]);
  return ts.createProgram(FILES.map((f) => join(root, f)), options);
}

describe("emitFormat", () => {
  for (const module of ["commonjs", "es2015", "es2020", "es2022", "esnext", "node16", "node18", "nodenext", "preserve"]) {
    it(`module ${module}: the fallback rule gives TypeScript's answer`, () => {
      for (const pkgType of ["module", "commonjs", null]) {
        const program = programFor(pkgType, module);
        // The same program without getEmitModuleFormatOfFile, as on TypeScript < 5.6.
        const older = new Proxy(program, { get: (p, k) => (k === "getEmitModuleFormatOfFile" ? undefined : Reflect.get(p, k)) });
        for (const f of FILES) {
          const source = program.getSourceFile(join(dir, `${pkgType ?? "none"}-${module}`, f))!;
          const out = f.replace(/\.[cm]?ts$/, (e) => OUT[e]);
          const emitted = "export const x = 1;\n";
          const native = emitFormat(ts, program, out, emitted, source);
          expect(typeof native, `${module} ${pkgType} ${f}`).toBe("string");
          expect(emitFormat(ts, older, out, emitted, source), `${module} ${pkgType} ${f}`).toEqual(native);
        }
      }
    });
  }

  it("nodenext follows package.json \"type\" for .ts, and the extension for .mts/.cts", () => {
    for (const [pkgType, expected] of [["module", "module"], ["commonjs", "commonjs"], [null, "commonjs"]] as const) {
      const program = programFor(pkgType, "nodenext");
      const base = join(dir, `${pkgType ?? "none"}-nodenext`);
      expect(emitFormat(ts, program, "a.js", "", program.getSourceFile(join(base, "a.ts"))!)).toBe(expected);
      expect(emitFormat(ts, program, "b.mjs", "", program.getSourceFile(join(base, "b.mts"))!)).toBe("module");
      expect(emitFormat(ts, program, "c.cjs", "", program.getSourceFile(join(base, "c.cts"))!)).toBe("commonjs");
    }
  });

  it("rejects module kinds whose output cannot load the runtime (amd, umd, system)", () => {
    for (const module of ["amd", "umd", "system"]) {
      const program = programFor(null, module);
      const result = emitFormat(ts, program, "a.js", "", program.getSourceFile(join(dir, `none-${module}`, "a.ts"))!);
      expect(result).toEqual({ error: expect.stringMatching(new RegExp(`"module": "${module === "amd" ? "AMD" : module === "umd" ? "UMD" : "System"}" is not supported by fibers-ts/tsc`)) });
    }
  });
});
