#!/usr/bin/env node
/**
 * The fibers-ts command line:
 *   fibers-ts run <file> [args...]              compile on the fly and run
 *   fibers-ts build <paths...> --out-dir <dir>  compile ahead of time
 */
import { spawn } from "node:child_process";
import { accessSync, constants, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Command, CommanderError, Option } from "commander";
import { PKG_ROOT, fsReason } from "./common.js";

const EXIT_USAGE = 2;

function version(): string {
  try {
    return JSON.parse(readFileSync(resolve(PKG_ROOT, "package.json"), "utf8")).version ?? "0.0.0";
  } catch {
    return "0.0.0";
  }
}

function fail(message: string, code = EXIT_USAGE): never {
  process.stderr.write(`fibers-ts: ${message}\n`);
  process.exit(code);
}

/** Runs `file` in a child Node process with the fibers-ts hooks registered; mirrors its exit. */
function run(file: string, args: string[], options: { all?: boolean; nodeArg?: string[] }): void {
  const abs = resolve(file);
  try {
    if (!statSync(abs).isFile()) fail(`cannot run ${file}: not a file`);
    accessSync(abs, constants.R_OK);
  } catch (e) {
    fail(`cannot read ${file}: ${fsReason(e)}`);
  }
  const register = pathToFileURL(resolve(PKG_ROOT, "dist/cli/register.js")).href;
  const env = { ...process.env };
  if (options.all) env.FIBERS_TS_ALL = "1";
  else delete env.FIBERS_TS_ALL;
  const child = spawn(process.execPath, [...(options.nodeArg ?? []), "--import", register, abs, ...args], {
    stdio: "inherit",
    env,
  });
  // The terminal's Ctrl-C reaches the child directly (same process group); other signals sent to
  // this process are forwarded. Either way the child's fate decides ours.
  const forward = (signal: NodeJS.Signals) => () => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  const handlers: [NodeJS.Signals, () => void][] = (["SIGINT", "SIGTERM", "SIGHUP"] as NodeJS.Signals[]).map(
    (s) => [s, s === "SIGINT" ? () => {} : forward(s)],
  );
  for (const [s, h] of handlers) process.on(s, h);
  child.on("error", (e) => fail(`cannot start ${process.execPath}: ${e.message}`, 1));
  child.on("exit", (code, signal) => {
    for (const [s, h] of handlers) process.off(s, h);
    if (signal !== null) {
      process.kill(process.pid, signal);
      return;
    }
    process.exit(code ?? 1);
  });
}

// `fibers-ts --help | head` must not die with EPIPE.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

async function main(argv: string[]): Promise<number> {
  const program = new Command();
  program
    .name("fibers-ts")
    .description(
      "python-fibers semantics for TypeScript and JavaScript: compiles functions so that fibers " +
        "can suspend through them (Fiber, switch, throw, current, parents), without a native addon.",
    )
    .version(version(), "-v, --version", "print the fibers-ts version")
    .enablePositionalOptions()
    .exitOverride()
    .showHelpAfterError("(run fibers-ts --help for usage)")
    .addHelpText(
      "after",
      `
Exit status:
  0  success (build --watch: stopped by SIGINT or SIGTERM)
  1  compile errors (each printed as file:line:column: message)
  2  usage error, or a path that cannot be read or written
  run passes the program's own exit status through (a compile error there is 1)

Examples:
  $ fibers-ts run examples/ping-pong.ts
  $ fibers-ts run src/main.ts --port 8080        arguments after the file go to the program
  $ fibers-ts build src --out-dir dist           compile a tree, keeping its layout
  $ fibers-ts build src -o dist --watch          ...and rebuild on every change
  $ node --import fibers-ts/register src/main.ts the same hooks without the CLI`,
    );

  program
    .command("run")
    .summary("compile a program on the fly and run it")
    .description(
      "compile <file> and everything it loads (outside node_modules) on the fly, and run it. " +
        "Accepts ES modules and CommonJS: .ts .mts .cts .js .mjs .cjs (TypeScript syntax is stripped). " +
        "Relative imports may name .ts files as ./x.ts, ./x.js or ./x; `fibers-ts` always resolves.",
    )
    .argument("<file>", "the program to run")
    .argument("[args...]", "arguments passed to the program (process.argv.slice(2))")
    .option("--all", "compile with the compiler's `all` option: resolve no method call by name (slower; for programs that break the analysis's assumption)")
    .addOption(
      new Option("--node-arg <arg>", "extra option for the node process (repeatable), e.g. --node-arg=--inspect")
        .argParser((value: string, previous: string[] | undefined) => [...(previous ?? []), value]),
    )
    .passThroughOptions()
    .addHelpText(
      "after",
      `
The program runs in a child node process with --import fibers-ts/register; its stdout, stderr
and exit status are the program's own. A compile error prints file:line:column: message and exits 1.`,
    )
    .action((file: string, args: string[], options: { all?: boolean; nodeArg?: string[] }) => {
      run(file, args, options);
    });

  let buildStatus = 0;
  program
    .command("build")
    .summary("compile files ahead of time into an output directory (--out-dir)")
    .description(
      "compile files and directories ahead of time into --out-dir, keeping the directory layout " +
        "(relative to --root, by default the common root of the inputs) and each file's module format: " +
        ".ts → .js, .mts → .mjs, .cts → .cjs, .js/.mjs/.cjs keep their extension. node_modules, " +
        "dot-directories and .d.ts files are skipped. Relative imports of ./x.ts (.mts, .cts) become ./x.js " +
        "(.mjs, .cjs); external source maps (file.js.map) are written next to each file.",
    )
    .argument("<paths...>", "source files and/or directories")
    .requiredOption("-o, --out-dir <dir>", "output directory (not inside an input directory)")
    .option("--root <dir>", "directory the output layout is relative to (default: common root of the inputs)")
    .option("--source-maps", "write external source maps (file.js.map) (default)")
    .option("--no-source-maps", "do not write source maps")
    .option("--copy-files", "also copy the files that are not compiled (.json, .d.ts, assets) into --out-dir")
    .option("-w, --watch", "after building, rebuild files when they change, are added or deleted, until Ctrl-C")
    .option("--all", "compile with the compiler's `all` option: resolve no method call by name (slower; for programs that break the analysis's assumption)")
    .addHelpText(
      "after",
      `
Every compile error is printed as file:line:column: message; the other files are still compiled.
The last line is a summary: compiled N files (M copied, K failed) in X.Ys. On a terminal, a
"compiling 120/2000 files" line shows progress while a build takes longer than 0.2 s.

With --watch, each rebuild prints one line ("rebuilt src/a.ts, src/b.ts (removed) in 12 ms"),
compile errors do not stop the watcher, outputs of deleted files are removed, and SIGINT or
SIGTERM stops it with exit status 0.`,
    )
    .action(
      async (
        paths: string[],
        options: { outDir: string; root?: string; sourceMaps?: boolean; copyFiles?: boolean; watch?: boolean; all?: boolean },
      ) => {
        const buildOptions = {
          outDir: options.outDir,
          root: options.root,
          sourceMaps: options.sourceMaps !== false,
          copyFiles: options.copyFiles === true,
          all: options.all === true,
        };
        if (options.watch) {
          const { watchBuild } = await import("./watch.js");
          buildStatus = await watchBuild(paths, buildOptions);
        } else {
          const { build } = await import("./build.js");
          buildStatus = build(paths, buildOptions);
        }
      },
    );

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_USAGE;
    throw e;
  }
  return buildStatus;
}

main(process.argv).then(
  (status) => {
    // `run` finishes when its child exits (it calls process.exit itself).
    if (status !== 0) process.exitCode = status;
  },
  (e) => {
    process.stderr.write(`fibers-ts: ${(e as Error)?.stack ?? String(e)}\n`);
    process.exit(1);
  },
);
