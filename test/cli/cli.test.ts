/**
 * End-to-end tests of the fibers-ts CLI (dist/cli/main.js, built by `npm run build`): the
 * examples, `run` (module formats, TypeScript-style imports, exit status, compile errors) and
 * `build` (output layout, module formats, specifier rewriting, source maps).
 *
 * This file is not compiled by fibers-ts: it only spawns processes.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, mkdirSync, writeFileSync } from "node:fs";
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
    expect(r.stderr).toBe("fibers-ts: cannot read test/cli/fixtures/does-not-exist.ts: no such file or directory\n");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
    const dir = await cli("run", "test/cli/fixtures");
    expect(dir.stderr).toBe("fibers-ts: cannot run test/cli/fixtures: not a file\n");
    expect(dir.code).toBe(2);
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
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^compiled 4 files \(0 copied, 0 failed\) in \d+\.\ds$/);

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

  it("with --copy-files, copies the files it does not compile", async () => {
    const out = outDir("copy");
    const r = await cli("build", "test/cli/fixtures/build", "--out-dir", out, "--copy-files");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split("\n").at(-1)).toMatch(/^compiled 4 files \(1 copied, 0 failed\) in \d+\.\ds$/);
    expect(readFileSync(join(out, "types.d.ts"), "utf8")).toBe(readFileSync(join(FIXTURES, "build/types.d.ts"), "utf8"));
  });
});

/** Exact messages and exit statuses of `build` errors (docs/cli.md lists them). */
describe("fibers-ts build errors", () => {
  let tmp: string;
  /** Runs the CLI in `tmp`, so that the paths it prints are short and predictable. */
  const cliIn = (...args: string[]) => node([CLI, ...args], { cwd: tmp });
  const SUMMARY = (compiled: string, failed: number) =>
    new RegExp(`^compiled ${compiled} \\(0 copied, ${failed} failed\\) in \\d+\\.\\ds$`);

  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), "fibers-ts-cli-errors-"));
    mkdirSync(join(tmp, "src"));
    writeFileSync(join(tmp, "src/a-bad.ts"), "// line 1\nconst x: number = (;\n");
    writeFileSync(join(tmp, "src/b-good.ts"), "export const b: number = 1;\n");
    writeFileSync(join(tmp, "src/c-bad.mts"), "export function f() {\n  return 1 +;\n}\n");
    writeFileSync(join(tmp, "notes.md"), "a file where --out-dir wants a directory\n");
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
  });

  it.concurrent("a path that does not exist: exit 2, nothing built", async () => {
    const r = await cliIn("build", "src", "nope/", "--out-dir", "out-nope");
    expect(r.stderr).toBe("fibers-ts: cannot read nope/: no such file or directory\n");
    expect(r.stdout).toBe("");
    expect(r.code).toBe(2);
    expect(existsSync(join(tmp, "out-nope"))).toBe(false);
  });

  it.concurrent("a path through a file: exit 2", async () => {
    const r = await cliIn("build", "src/b-good.ts/x", "--out-dir", "out-notdir");
    expect(r.stderr).toBe("fibers-ts: cannot read src/b-good.ts/x: not a directory\n");
    expect(r.code).toBe(2);
  });

  it.concurrent("a file that is not a source file: exit 2", async () => {
    writeFileSync(join(tmp, "notes.txt"), "");
    const r = await cliIn("build", "notes.txt", "--out-dir", "out-txt");
    expect(r.stderr).toBe(
      "fibers-ts: cannot build notes.txt: not a source file (expected .ts, .mts, .cts, .js, .mjs, .cjs; .d.ts files are skipped)\n",
    );
    expect(r.code).toBe(2);
  });

  it.concurrent("--out-dir inside an input directory: exit 2, nothing built", async () => {
    const r = await cliIn("build", "src", "--out-dir", "src/out");
    expect(r.stderr).toBe(
      "fibers-ts: --out-dir src/out is inside the input directory src; choose an output directory outside the inputs\n",
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(tmp, "src/out"))).toBe(false);
    const same = await cliIn("build", "src", "--out-dir", "./src/");
    expect(same.stderr).toBe(
      "fibers-ts: --out-dir ./src/ is inside the input directory src; choose an output directory outside the inputs\n",
    );
    expect(same.code).toBe(2);
  });

  it.concurrent("an --out-dir that cannot be created: exit 2", async () => {
    const r = await cliIn("build", "src", "--out-dir", "notes.md/out");
    expect(r.stderr).toBe("fibers-ts: cannot create --out-dir notes.md/out: not a directory\n");
    expect(r.code).toBe(2);
  });

  it.concurrent("missing --out-dir: exit 2", async () => {
    const r = await cliIn("build", "src");
    expect(r.stderr).toContain("error: required option '-o, --out-dir <dir>' not specified\n");
    expect(r.code).toBe(2);
  });

  it.concurrent("syntax errors: every one listed as file:line:column: message, the rest compiled, exit 1", async () => {
    const r = await cliIn("build", "src", "--out-dir", "out-syntax");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual([
      "src/a-bad.ts:2:20: syntax error: Unexpected token; fix the syntax and compile again",
      "src/c-bad.mts:2:13: syntax error: Unexpected token; fix the syntax and compile again",
    ]);
    expect(lines.at(-1)).toMatch(SUMMARY("1 file", 2));
    expect(r.code).toBe(1);
    expect(existsSync(join(tmp, "out-syntax/b-good.js"))).toBe(true);
    expect(existsSync(join(tmp, "out-syntax/a-bad.js"))).toBe(false);
    expect(existsSync(join(tmp, "out-syntax/c-bad.mjs"))).toBe(false);
  });

  it.concurrent("an output that cannot be written: exit 2 after building the rest", async () => {
    mkdirSync(join(tmp, "out-blocked/b-good.js"), { recursive: true }); // a directory in the way
    const r = await cliIn("build", "src/b-good.ts", "src/c-bad.mts", "--out-dir", "out-blocked");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.slice(0, -1)).toEqual([
      "fibers-ts: cannot write out-blocked/b-good.js: is a directory",
      "src/c-bad.mts:2:13: syntax error: Unexpected token; fix the syntax and compile again",
    ]);
    expect(lines.at(-1)).toMatch(SUMMARY("0 files", 2));
    expect(r.code).toBe(2);
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
    for (const flag of ["--out-dir", "--root", "--source-maps", "--no-source-maps", "--copy-files", "--watch", "--all"]) {
      expect(build.stdout).toContain(flag);
    }
    // The exit statuses, as docs/cli.md lists them.
    expect(r.stdout).toContain("0  success");
    expect(r.stdout).toContain("1  compile errors");
    expect(r.stdout).toContain("2  usage error, or a path that cannot be read or written");
    expect(r.stdout).toContain("run passes the program's own exit status through");
  });
});
