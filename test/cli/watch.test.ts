/**
 * `fibers-ts build --watch`, end to end: a real watcher process on a temporary tree, changed
 * through the file system the way an editor would. Every wait polls with a timeout (no fixed
 * sleeps), so the test takes as long as the watcher needs (about a second).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist/cli/main.js");

interface Watcher {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function startWatch(cwd: string, args: string[]): Watcher {
  const child = spawn(process.execPath, [CLI, "build", ...args, "--watch"], { cwd, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** Polls `check` until it returns true; fails with the watcher's output after `timeoutMs`. */
async function waitFor(w: Watcher, what: string, check: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (w.child.exitCode !== null || w.child.signalCode !== null) {
      throw new Error(`watcher exited while waiting for ${what}\nstdout:\n${w.stdout()}\nstderr:\n${w.stderr()}`);
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}\nstdout:\n${w.stdout()}\nstderr:\n${w.stderr()}`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

const read = (f: string) => (existsSync(f) ? readFileSync(f, "utf8") : "");
const lines = (s: string) => s.split("\n").filter((l) => l !== "");

describe("fibers-ts build --watch", () => {
  let tmp: string;
  let w: Watcher | null = null;
  beforeEach(() => {
    tmp = mkdtempSync(join(tmpdir(), "fibers-ts-watch-"));
    mkdirSync(join(tmp, "src/lib"), { recursive: true });
    writeFileSync(join(tmp, "src/a.ts"), 'export const a: string = "first";\n');
    writeFileSync(join(tmp, "src/lib/b.ts"), "export const b: number = 1;\n");
  });
  afterEach(() => {
    if (w && w.child.exitCode === null && w.child.signalCode === null) w.child.kill("SIGKILL");
    w = null;
    rmSync(tmp, { recursive: true, force: true });
  });

  it("rebuilds changed and added files, removes outputs of deleted ones, survives compile errors, stops on SIGINT", async () => {
    const out = join(tmp, "out");
    w = startWatch(tmp, ["src", "--out-dir", "out"]);
    await waitFor(w, "the initial build", () => w!.stdout().includes("watching for changes"));
    expect(lines(w.stdout()).slice(-2)).toEqual([
      expect.stringMatching(/^compiled 2 files \(0 copied, 0 failed\) in \d+\.\ds$/),
      "watching for changes (Ctrl-C to stop)",
    ]);
    expect(read(join(out, "a.js"))).toContain('"first"');
    expect(existsSync(join(out, "lib/b.js"))).toBe(true);

    // A changed file is compiled again, and only that file.
    writeFileSync(join(tmp, "src/a.ts"), 'export const a: string = "second";\n');
    await waitFor(w, "out/a.js to change", () => read(join(out, "a.js")).includes('"second"'));
    await waitFor(w, "the rebuild line", () => /^rebuilt src\/a\.ts in \d+ ms$/m.test(w!.stdout()));

    // A new file with a syntax error: printed as file:line:column, and the watcher keeps going.
    writeFileSync(join(tmp, "src/lib/bad.ts"), "export const c =\n  (;\n");
    const errorLine = "src/lib/bad.ts:2:4: syntax error: Unexpected token; fix the syntax and compile again";
    await waitFor(w, "the compile error", () => w!.stderr().includes(errorLine));
    await waitFor(w, "the failed rebuild line", () => /^rebuilt src\/lib\/bad\.ts \(failed\) in \d+ ms$/m.test(w!.stdout()));
    expect(lines(w.stderr())).toEqual([errorLine]);
    expect(existsSync(join(out, "lib/bad.js"))).toBe(false);

    // Fixed: compiled.
    writeFileSync(join(tmp, "src/lib/bad.ts"), "export const c: number = 3;\n");
    await waitFor(w, "out/lib/bad.js", () => read(join(out, "lib/bad.js")).includes("3"));

    // A file in a new subdirectory is picked up (the new directory is watched too).
    mkdirSync(join(tmp, "src/lib/deep"));
    writeFileSync(join(tmp, "src/lib/deep/d.mts"), "export const d = 4;\n");
    await waitFor(w, "out/lib/deep/d.mjs", () => existsSync(join(out, "lib/deep/d.mjs")));

    // Deleted: its output and source map go too.
    unlinkSync(join(tmp, "src/lib/b.ts"));
    await waitFor(w, "out/lib/b.js to be removed", () => !existsSync(join(out, "lib/b.js")));
    expect(existsSync(join(out, "lib/b.js.map"))).toBe(false);
    await waitFor(w, "the removal line", () => /^rebuilt src\/lib\/b\.ts \(removed\) in \d+ ms$/m.test(w!.stdout()));

    expect(lines(w.stderr())).toEqual([errorLine]);
    w.child.kill("SIGINT");
    expect(await w.exited).toEqual({ code: 0, signal: null });
  });

  it("stops cleanly on SIGTERM", async () => {
    w = startWatch(tmp, ["src", "-o", "out"]);
    await waitFor(w, "the initial build", () => w!.stdout().includes("watching for changes"));
    w.child.kill("SIGTERM");
    expect(await w.exited).toEqual({ code: 0, signal: null });
    expect(w.stderr()).toBe("");
  });

  it("exits 2 at once when an input cannot be read", async () => {
    w = startWatch(tmp, ["src", "nope", "-o", "out"]);
    expect(await w.exited).toEqual({ code: 2, signal: null });
    expect(w.stderr()).toBe("fibers-ts: cannot read nope: no such file or directory\n");
  });
});
