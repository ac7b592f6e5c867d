/**
 * `fibers-ts build --watch`: the initial build, then a rebuild after every change until SIGINT or
 * SIGTERM.
 *
 * Every directory of the inputs gets its own non-recursive fs.watch (one inotify watch per
 * directory on Linux; node_modules, dot-directories and the output directory are not watched,
 * unlike Node 20's `recursive: true`, which watches every file and directory). An event only
 * schedules a rescan: the Builder compares file stamps to decide what to compile, copy or remove,
 * so a missed or coalesced event cannot leave the output stale for long, and a slow periodic
 * rescan catches what fs.watch cannot see (an input directory deleted and created again, a
 * watcher that failed, file systems without change notification).
 */
import { type FSWatcher, watch as fsWatch } from "node:fs";
import { Builder, type BuildOptions, EXIT_OK, EXIT_USAGE, UsageError, type UpdateResult, displayPath, report } from "./build.js";

export interface WatchOptions extends BuildOptions {
  /** Quiet time after the last event before rebuilding (editors write a file in several steps). */
  debounceMs?: number;
  /** Interval of the periodic rescan. */
  pollMs?: number;
  /** Resolves to stop watching (default: the first SIGINT or SIGTERM). */
  stop?: Promise<unknown>;
}

/** Names listed in a rebuild line before "and N more". */
const MAX_NAMES = 10;

/** Builds, then rebuilds on changes until stopped; resolves to the exit status (2: bad inputs). */
export async function watchBuild(inputs: string[], options: WatchOptions): Promise<number> {
  const out = options.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  const debounceMs = options.debounceMs ?? 50;
  const pollMs = options.pollMs ?? 2000;
  // Listening from the start: a signal during the initial build stops the watcher cleanly too.
  const signals = options.stop === undefined ? onSignal() : null;
  const stop = options.stop ?? signals!.received;

  let builder: Builder;
  try {
    builder = new Builder(inputs, options);
    report(builder.update(), options);
  } catch (e) {
    signals?.dispose();
    if (!(e instanceof UsageError)) throw e;
    err(`fibers-ts: ${e.message}`);
    return EXIT_USAGE;
  }

  const watchers = new Map<string, FSWatcher>();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const rebuild = () => {
    timer = null;
    if (stopped) return;
    try {
      const r = builder.update();
      const line = describe(r);
      if (line !== null) out(line);
    } catch (e) {
      // A plan that cannot be built right now (two files with one output...): say so, keep watching.
      if (!(e instanceof UsageError)) throw e;
      err(`fibers-ts: ${e.message}`);
    }
    syncWatchers();
  };
  const schedule = () => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(rebuild, debounceMs);
  };
  const syncWatchers = () => {
    const wanted = new Set(builder.dirs);
    for (const [dir, w] of watchers) {
      if (!wanted.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of wanted) {
      if (watchers.has(dir)) continue;
      try {
        const w = fsWatch(dir, { persistent: false }, schedule);
        // A watcher that fails (its directory was deleted, too many watches) is dropped; the
        // periodic rescan still sees changes and the next rescan tries to watch again.
        w.on("error", () => {
          w.close();
          if (watchers.get(dir) === w) watchers.delete(dir);
          schedule();
        });
        watchers.set(dir, w);
      } catch {
        // not watchable now: covered by the periodic rescan
      }
    }
  };
  syncWatchers();
  // The periodic rescan's timer is also what keeps the process alive (the watchers do not).
  const poll = setInterval(() => {
    if (timer === null) rebuild();
  }, pollMs);

  out(`watching for changes (Ctrl-C to stop)`);

  await stop;
  stopped = true;
  clearInterval(poll);
  if (timer !== null) clearTimeout(timer);
  for (const w of watchers.values()) w.close();
  watchers.clear();
  return EXIT_OK;
}

/**
 * The first SIGINT or SIGTERM. Listening replaces their default action (killing the process)
 * until dispose() or the first signal.
 */
function onSignal(): { received: Promise<NodeJS.Signals>; dispose(): void } {
  let on: (s: NodeJS.Signals) => void = () => {};
  const dispose = () => {
    process.off("SIGINT", on);
    process.off("SIGTERM", on);
  };
  const received = new Promise<NodeJS.Signals>((resolve) => {
    on = (s) => {
      dispose();
      resolve(s);
    };
    process.on("SIGINT", on);
    process.on("SIGTERM", on);
  });
  return { received, dispose };
}

/** One line for a rebuild ("rebuilt src/a.ts, src/b.ts (failed), src/c.ts (removed) in 12 ms"), or null if nothing changed. */
export function describe(r: UpdateResult): string | null {
  const names = [
    ...r.compiled.map((f) => displayPath(f)),
    ...r.copied.map((f) => `${displayPath(f)} (copied)`),
    ...r.failed.map((f) => `${displayPath(f)} (failed)`),
    ...r.removed.map((f) => `${displayPath(f)} (removed)`),
  ];
  if (names.length === 0) return null;
  const shown = names.length > MAX_NAMES ? [...names.slice(0, MAX_NAMES), `and ${names.length - MAX_NAMES} more`] : names;
  return `rebuilt ${shown.join(", ")} in ${Math.round(r.ms)} ms`;
}
