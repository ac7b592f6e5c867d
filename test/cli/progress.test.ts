/**
 * The progress line of `fibers-ts build`: drawn only on a TTY, only after a delay, at most every
 * interval, and erased before other output and at the end. Unit tests of cli/progress.ts (built
 * into dist/) with a fake clock, and of the Builder's use of it with a fake terminal.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { Progress } from "../../dist/cli/progress.js";
import { build } from "../../dist/cli/build.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const ERASE = "\r\x1b[K";

function terminal(isTTY: boolean) {
  const writes: string[] = [];
  return { isTTY, writes, write: (s: string) => writes.push(s) };
}

describe("Progress", () => {
  it("draws nothing before the delay, then at most once per interval, and erases itself", () => {
    let now = 0;
    const tty = terminal(true);
    const p = new Progress(tty, 2000, { now: () => now, delayMs: 200, intervalMs: 100 });
    now = 150;
    p.update(10);
    expect(tty.writes).toEqual([]);
    now = 200;
    p.update(120);
    now = 250;
    p.update(130); // within the interval: skipped
    now = 300;
    p.update(140);
    expect(tty.writes).toEqual([`${ERASE}compiling 120/2000 files`, `${ERASE}compiling 140/2000 files`]);
    p.clear();
    now = 310;
    p.update(141); // after clear() (a message was printed) the line comes back at once
    p.clear();
    p.clear(); // nothing to erase
    expect(tty.writes.slice(2)).toEqual([ERASE, `${ERASE}compiling 141/2000 files`, ERASE]);
  });

  it("never writes to something that is not a terminal", () => {
    let now = 0;
    const pipe = terminal(false);
    const p = new Progress(pipe, 10, { now: () => now, delayMs: 0, intervalMs: 0 });
    for (let i = 1; i <= 10; i++) {
      now += 1000;
      p.update(i);
    }
    p.clear();
    expect(pipe.writes).toEqual([]);
  });
});

describe("build progress", () => {
  const tmp = mkdtempSync(join(tmpdir(), "fibers-ts-progress-"));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const fixture = join(ROOT, "test/cli/fixtures/build");

  it("goes to a terminal, file by file, erased before anything else is printed", () => {
    const log: string[] = [];
    const tty = { isTTY: true, write: (s: string) => log.push(`tty ${JSON.stringify(s)}`) };
    const status = build([fixture], {
      outDir: join(tmp, "tty"), sourceMaps: false, all: false,
      stdout: (l) => log.push(`out ${l}`), stderr: (l) => log.push(`err ${l}`),
      progress: tty, progressTiming: { delayMs: 0, intervalMs: 0 },
    });
    expect(status).toBe(0);
    expect(log.slice(0, -1)).toEqual([
      ...[1, 2, 3, 4].map((i) => `tty ${JSON.stringify(`${ERASE}compiling ${i}/4 files`)}`),
      `tty ${JSON.stringify(ERASE)}`,
      expect.stringMatching(/^out fibers-ts: wrote .*package\.json/),
    ]);
    expect(log.at(-1)).toMatch(/^out compiled 4 files \(0 copied, 0 failed\) in \d+\.\ds$/);
  });

  it("stays out of logs", () => {
    const pipe = terminal(false);
    const status = build([fixture], {
      outDir: join(tmp, "pipe"), sourceMaps: false, all: false, stdout: () => {}, stderr: () => {},
      progress: pipe, progressTiming: { delayMs: 0, intervalMs: 0 },
    });
    expect(status).toBe(0);
    expect(pipe.writes).toEqual([]);
  });
});
