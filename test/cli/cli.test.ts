/**
 * End-to-end tests of the fibers-ts CLI (dist/cli/main.js, built by `npm run build`): the
 * examples, `run` (module formats, TypeScript-style imports, exit status, compile errors) and
 * `build` (output layout, module formats, specifier rewriting, source maps).
 *
 * This file is not compiled by fibers-ts: it only spawns processes.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli/main.js");
const FIXTURES = join(ROOT, "test/cli/fixtures");
const EXAMPLES = join(ROOT, "examples");

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 16 << 20, timeout: 50_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout: stdout.toString(), stderr: stderr.toString() });
      },
    );
  });
}

const cli = (...args: string[]) => node([CLI, ...args]);

beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
});

describe("examples", () => {
  const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).sort();

  it("has every required example with an expected output", () => {
    for (const name of ["ping-pong", "genlet", "pipeline", "scheduler", "promises"]) {
      expect(examples).toContain(`${name}.ts`);
    }
    for (const file of examples) {
      expect(existsSync(join(EXAMPLES, file.replace(/\.ts$/, ".expected.txt"))), `${file} has an .expected.txt`).toBe(true);
    }
  });

  for (const file of examples) {
    it.concurrent(`fibers-ts run examples/${file}`, async () => {
      const expected = readFileSync(join(EXAMPLES, file.replace(/\.ts$/, ".expected.txt")), "utf8");
      const r = await cli("run", `examples/${file}`);
      expect(r.stderr).toBe("");
      expect(r.stdout).toBe(expected);
      expect(r.code).toBe(0);
      expect(r.stdout.trimEnd().split("\n").at(-1)).toBe("ok");
    });
  }
});

describe("fibers-ts run", () => {
  it.concurrent("passes arguments, stdout, stderr and the exit status through", async () => {
    const r = await cli("run", "test/cli/fixtures/run/exit-code.mts", "3", "--flag", "x y");
    expect(r.stdout).toBe('args: ["--flag","x y"]\n');
    expect(r.stderr).toBe("to stderr\n");
    expect(r.code).toBe(3);
  });

  it.concurrent("resolves ./x.js to x.ts, extensionless specifiers, directory indexes and .cts", async () => {
    const r = await cli("run", "test/cli/fixtures/run/imports.ts");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("a b c d\n");
    expect(r.code).toBe(0);
  });

  it.concurrent("runs CommonJS files", async () => {
    const r = await cli("run", "test/cli/fixtures/build/legacy.cjs");
    expect(r.stdout).toBe("legacy main: a-b-c\n");
    expect(r.code).toBe(0);
  });

  it.concurrent("runs an ES module importing .ts, extensionless and CommonJS siblings", async () => {
    const r = await cli("run", "test/cli/fixtures/build/main.ts");
    expect(r.stdout).toBe("esm: 1,2,3 then done\ncjs: a-b-c\nok\n");
    expect(r.code).toBe(0);
  });

  it.concurrent("reports uncaught errors at the original source line (source maps)", async () => {
    const r = await cli("run", "test/cli/fixtures/run/throws.ts");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("expected failure");
    expect(r.stderr).toMatch(/throws\.ts:3:\d+/);
  });

  it.concurrent("prints a syntax error as file:line:column: message, without a stack, and exits 1", async () => {
    const r = await cli("run", "test/cli/fixtures/errors/syntax-error.ts");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^test\/cli\/fixtures\/errors\/syntax-error\.ts:3:\d+: \S/);
    expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.concurrent("exits 2 when the file cannot be read", async () => {
    const r = await cli("run", "test/cli/fixtures/does-not-exist.ts");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("does-not-exist.ts");
  });

  it.concurrent("exits 2 on usage errors", async () => {
    expect((await cli("run")).code).toBe(2);
    expect((await cli("no-such-command")).code).toBe(2);
  });
});

describe("fibers-ts build", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "fibers-ts-cli-"));
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  /** An output directory whose programs can import "fibers-ts" (this repository). */
  function outDir(name: string): string {
    const dir = join(tmp, name);
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(ROOT, join(dir, "node_modules", "fibers-ts"), "dir");
    return join(dir, "out");
  }

  it("compiles a tree keeping layout and module formats; the output runs with plain node", async () => {
    const out = outDir("tree");
    const r = await cli("build", "test/cli/fixtures/build", "--out-dir", out);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/compiled 4 files into .* in \d+ ms/);

    const files = readdirSync(out, { recursive: true }).map(String).sort();
    expect(files).toEqual(
      [
        "helper.js", "helper.js.map", "legacy.cjs", "legacy.cjs.map", "lib", "lib/format.js",
        "lib/format.js.map", "main.js", "main.js.map", "package.json",
      ].sort(),
    );
    // The fixture is an ES module because the repository's package.json says "type": "module";
    // the output directory has no such package.json above it, so build writes one.
    expect(JSON.parse(readFileSync(join(out, "package.json"), "utf8"))).toEqual({ type: "module" });

    const main = readFileSync(join(out, "main.js"), "utf8");
    expect(main).toContain('"./helper.js"');
    expect(main).toContain('"./lib/format.js"');
    expect(main).not.toContain("./helper.ts");
    expect(main).toMatch(/\/\/# sourceMappingURL=main\.js\.map\s*$/);
    const map = JSON.parse(readFileSync(join(out, "main.js.map"), "utf8"));
    expect(map.version).toBe(3);
    expect(map.file).toBe("main.js");
    expect(map.sources).toHaveLength(1);
    expect(map.sources[0]).toMatch(/test\/cli\/fixtures\/build\/main\.ts$/);

    const esm = await node([join(out, "main.js")]);
    expect(esm.stdout).toBe("esm: 1,2,3 then done\ncjs: a-b-c\nok\n");
    expect(esm.code).toBe(0);
    const cjs = await node([join(out, "legacy.cjs")]);
    expect(cjs.stdout).toBe("legacy main: a-b-c\n");
    expect(cjs.code).toBe(0);
  });

  it("compiles single files relative to --root, without source maps when asked", async () => {
    const out = outDir("files");
    const r = await cli(
      "build", "test/cli/fixtures/build/lib/format.ts", "test/cli/fixtures/build/helper.ts",
      "--root", "test/cli/fixtures", "--out-dir", out, "--no-source-maps",
    );
    expect(r.code).toBe(0);
    const files = readdirSync(out, { recursive: true }).map(String).sort();
    expect(files).toEqual(["build", "build/helper.js", "build/lib", "build/lib/format.js", "package.json"]);
    expect(readFileSync(join(out, "build/helper.js"), "utf8")).not.toContain("sourceMappingURL");
  });

  it("reports every compile error, one per line, then a count, and exits 1", async () => {
    const out = join(tmp, "errors");
    const r = await cli("build", "test/cli/fixtures/errors", "-o", out);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^test\/cli\/fixtures\/errors\/syntax-error\.ts:3:\d+: \S/);
    expect(lines.at(-1)).toMatch(/1 compile error\b/);
    expect(existsSync(join(out, "fine.js"))).toBe(true);
    expect(existsSync(join(out, "syntax-error.js"))).toBe(false);
  });

  it("exits 2 on unreadable paths and missing --out-dir", async () => {
    expect((await cli("build", "test/cli/fixtures/nope", "-o", join(tmp, "x"))).code).toBe(2);
    expect((await cli("build", "test/cli/fixtures/build")).code).toBe(2);
  });
});

describe("fibers-ts --help", () => {
  it("documents run and build", async () => {
    const r = await cli("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("run");
    expect(r.stdout).toContain("build");
    expect(r.stdout).toContain("Exit status");
    const run = await cli("run", "--help");
    expect(run.stdout).toContain("--all");
    const build = await cli("build", "--help");
    for (const flag of ["--out-dir", "--root", "--source-maps", "--no-source-maps", "--all"]) {
      expect(build.stdout).toContain(flag);
    }
  });
});
