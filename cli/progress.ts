/**
 * The "compiling 120/2000 files" line of `fibers-ts build`: one line rewritten in place with `\r`,
 * shown only on a terminal (logs and pipes never get it) and only when a build takes long enough
 * to need it (after `delayMs`), redrawn at most every `intervalMs`.
 */

export interface ProgressStream {
  isTTY?: boolean;
  write(chunk: string): unknown;
}

export interface ProgressOptions {
  /** Clock in milliseconds (tests pass a fake one). */
  now?: () => number;
  /** Nothing is drawn before this much time has passed since the start. */
  delayMs?: number;
  /** Minimum time between two redraws. */
  intervalMs?: number;
}

/** Erases the current terminal line (carriage return, then "erase to end of line"). */
const ERASE_LINE = "\r\x1b[K";

export class Progress {
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly start: number;
  private shown = false;
  private lastDraw = -Infinity;

  constructor(
    private readonly stream: ProgressStream | null,
    private readonly total: number,
    options: ProgressOptions = {},
  ) {
    this.now = options.now ?? (() => performance.now());
    this.delayMs = options.delayMs ?? 200;
    this.intervalMs = options.intervalMs ?? 100;
    this.start = this.now();
  }

  /** Reports that `done` of the `total` files are finished. */
  update(done: number): void {
    if (this.stream?.isTTY !== true) return;
    const t = this.now();
    if (t - this.start < this.delayMs) return;
    // After clear() (a message was printed) the line comes back at once.
    if (this.shown && t - this.lastDraw < this.intervalMs) return;
    this.lastDraw = t;
    this.shown = true;
    this.stream.write(`${ERASE_LINE}compiling ${done}/${this.total} files`);
  }

  /** Removes the line (before printing anything else, and at the end). */
  clear(): void {
    if (!this.shown) return;
    this.shown = false;
    this.stream?.write(ERASE_LINE);
  }
}
