/**
 * fibers-ts/babel (integrations/babel.ts) run by @babel/core: the fixture (fixture/src: two
 * TypeScript ES modules, a fiber switching from an Array.map callback in the other module, and a
 * plain-JavaScript CommonJS module switching from a forEach callback) is compiled file by file
 * into a temp project whose node_modules/fibers-ts is this checkout, then run with node and its
 * output compared. The plugin is named as users name it ("fibers-ts/babel", resolved by Babel
 * from the temp project), in a babel.config.json.
 *
 * Needs `npm run build` (dist/integrations/babel.cjs is what Babel require()s).
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { transformFileSync, transformSync, types as t, type PluginObj, type TransformOptions } from "@babel/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const SRC = fileURLToPath(new URL("./fixture/src", import.meta.url));
const EXPECTED = readFileSync(fileURLToPath(new URL("./fixture/expected.txt", import.meta.url)), "utf8");
const MAIN_TS = readFileSync(join(SRC, "main.ts"), "utf8");
const THROW_LINE = MAIN_TS.split("\n").findIndex((l) => l.includes('throw new Error("thrown inside a fiber")')) + 1;

const temps: string[] = [];

/** A temp project: node_modules/fibers-ts is this checkout, @babel/* are the checkout's. */
function project(config: TransformOptions): string {
  const dir = mkdtempSync(join(tmpdir(), "fibers-babel-"));
  temps.push(dir);
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(ROOT, join(dir, "node_modules/fibers-ts"), "dir");
  symlinkSync(join(ROOT, "node_modules/@babel"), join(dir, "node_modules/@babel"), "dir");
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "babel-fixture", private: true, type: "module" }));
  writeFileSync(join(dir, "babel.config.json"), JSON.stringify(config));
  return dir;
}

/** Compiles every fixture file into dir/out (.ts → .js) with the project's babel.config.json. */
function compileFixture(dir: string, extra: TransformOptions = {}): Record<string, string> {
  mkdirSync(join(dir, "out"), { recursive: true });
  const outputs: Record<string, string> = {};
  for (const name of readdirSync(SRC)) {
    const result = transformFileSync(join(SRC, name), { cwd: dir, root: dir, ...extra });
    const outName = name.replace(/\.ts$/, ".js");
    writeFileSync(join(dir, "out", outName), result!.code!);
    outputs[outName] = result!.code!;
  }
  return outputs;
}

function node(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

beforeAll(() => {
  for (const f of ["dist/integrations/babel.js", "dist/integrations/babel.cjs"]) {
    if (!existsSync(join(ROOT, f))) throw new Error(`${f} is missing: run \`npm run build\` first`);
  }
  if (THROW_LINE === 0) throw new Error("fixture/src/main.ts lost its throw statement");
});

afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe("fibers-ts/babel", () => {
  it("compiles TypeScript with @babel/plugin-transform-typescript listed after it; the output runs", async () => {
    const dir = project({ plugins: ["fibers-ts/babel", "@babel/plugin-transform-typescript"] });
    const out = compileFixture(dir);
    expect(out["producer.js"]).toMatch(/^import "fibers-ts\/internal";/);
    expect(out["legacy.cjs"]).toMatch(/^require\("fibers-ts\/internal"\);/);
    const run = await node(["out/main.js"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe(EXPECTED);
  });

  it("gives the same code whatever the plugin order (it compiles after the traversal of the pass)", () => {
    const first = compileFixture(project({ plugins: ["fibers-ts/babel", "@babel/plugin-transform-typescript"] }));
    const last = compileFixture(project({ plugins: ["@babel/plugin-transform-typescript", "fibers-ts/babel"] }));
    expect(last).toEqual(first);
  });

  it("source maps (inline) point into the .ts sources", async () => {
    const dir = project({ plugins: ["@babel/plugin-transform-typescript", "fibers-ts/babel"] });
    compileFixture(dir, { sourceMaps: "inline" });
    const run = await node(["--enable-source-maps", "out/main.js", "--throw"], dir);
    expect(run.code).toBe(1);
    // Babel names the source by its base name (the sourceFileName default); the line is the .ts line.
    expect(run.stderr).toContain(`main.ts:${THROW_LINE}:`);
  });

  it("compiles an ES module that another plugin turns into CommonJS in the same traversal as CommonJS", async () => {
    // A minimal stand-in for @babel/plugin-transform-modules-commonjs (preset-env's modules
    // transform), which also works on Program exit: named imports → require, `export` dropped.
    const toCommonJS = (): PluginObj => ({
      visitor: {
        Program: {
          exit(path) {
            for (const stmt of path.get("body")) {
              if (stmt.isImportDeclaration()) {
                const pattern = t.objectPattern(stmt.node.specifiers.map((s) =>
                  t.objectProperty(t.identifier((s as t.ImportSpecifier).imported.type === "Identifier" ? ((s as t.ImportSpecifier).imported as t.Identifier).name : ""), t.identifier(s.local.name))));
                stmt.replaceWith(t.variableDeclaration("const", [t.variableDeclarator(pattern, t.callExpression(t.identifier("require"), [stmt.node.source]))]));
              } else if (stmt.isExportNamedDeclaration() && stmt.node.declaration) {
                stmt.replaceWith(stmt.node.declaration);
              }
            }
          },
        },
      },
    });
    const dir = project({});
    const code = 'import { Fiber } from "fibers-ts";\nexport function run() {\n  const main = Fiber.current();\n  const f = new Fiber(() => [1, 2].map((x) => main.switch(x * 10)));\n  const got = [f.switch(), f.switch("a"), f.switch("b")];\n  console.log(JSON.stringify(got));\n}\nrun();\n';
    const result = transformSync(code, { filename: join(dir, "esm-to-cjs.js"), cwd: dir, root: dir, configFile: false, plugins: ["fibers-ts/babel", toCommonJS] });
    expect(result!.code).toMatch(/^require\("fibers-ts\/internal"\);/);
    writeFileSync(join(dir, "esm-to-cjs.cjs"), result!.code!);
    const run = await node(["esm-to-cjs.cjs"], dir);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe('[10,20,["a","b"]]\n');
  });

  it("a fibers-ts compile error is a Babel error with file:line:column", () => {
    const dir = project({ plugins: ["fibers-ts/babel"] });
    const code = "var o = { x: 1 };\nfunction f() {\n  with (o) { return x; }\n}\n";
    let error: (Error & { code?: string }) | null = null;
    try {
      transformSync(code, { filename: join(dir, "legacy.js"), cwd: dir, root: dir, sourceType: "script" });
    } catch (e) {
      error = e as Error;
    }
    expect(error).not.toBeNull();
    expect(error!.name).toBe("CompileError");
    expect(error!.code).toBe("BABEL_TRANSFORM_ERROR");
    expect(error!.message).toContain("legacy.js:3:3: `with` is not supported by fibers-ts");
    // Babel's code frame (coloured when CI=true or a terminal says colours are supported).
    expect(error!.message.replace(/\u001b\[[0-9;]*m/g, "")).toContain("> 3 |   with (o) { return x; }");
  });

  it("TypeScript syntax left by a config without the TypeScript transform is reported, not compiled", () => {
    const dir = project({ plugins: ["fibers-ts/babel"], parserOpts: { plugins: ["typescript"] } });
    expect(() => transformSync("export const n: number = 1;\n", { filename: join(dir, "a.ts"), cwd: dir, root: dir }))
      .toThrow(/a\.ts:1:15: TypeScript syntax is left after the other Babel plugins ran: add @babel\/preset-typescript/);
  });

  it("the sourceType option overrides detection: \"script\" imports nothing", () => {
    const dir = project({});
    const result = transformSync("function f(g) { return [1].map(g); }\n", {
      filename: join(dir, "classic.js"), cwd: dir, root: dir, configFile: false, sourceType: "script",
      plugins: [["fibers-ts/babel", { sourceType: "script" }]],
    });
    expect(result!.code).not.toMatch(/require|import/);
    expect(result!.code).toMatch(/^var \$\$F = globalThis\[Symbol\.for\(/);
    expect(() => transformSync("", { filename: join(dir, "x.js"), cwd: dir, root: dir, configFile: false, plugins: [["fibers-ts/babel", { sourceType: "esm" }]] }))
      .toThrow(/the sourceType option must be "module", "commonjs" or "script", not "esm"/);
  });
});
