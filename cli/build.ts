/**
 * `fibers-ts build`: ahead-of-time compilation of files and directories into an output directory.
 *
 * A Builder plans the inputs (which files, where each output goes) and brings the output
 * directory up to date: build() runs it once; cli/watch.ts runs it again after every change, and
 * since the Builder remembers what it compiled (by file stamp), only new and changed files are
 * compiled again and the outputs of deleted files are removed.
 */
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import babel from "@babel/core";
import { transform } from "../compiler/index.js";
import {
  COMPILED_EXTENSIONS,
  type Format,
  clearPackageScopeCache,
  formatCompileError,
  formatOf,
  fsReason,
  isCompileError,
  isCompiledExtension,
  isDeclarationFile,
  isFile,
  outputExtension,
  packageScope,
} from "./common.js";
import { Progress, type ProgressOptions, type ProgressStream } from "./progress.js";

export interface BuildOptions {
  outDir: string;
  root?: string;
  sourceMaps: boolean;
  all: boolean;
  /** Also copy the files that are not compiled (assets, .json, .d.ts) into outDir. */
  copyFiles?: boolean;
  /** Where messages go (tests pass their own). */
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Where the progress line goes; it is drawn only when this is a TTY. Default: process.stderr. */
  progress?: ProgressStream | null;
  /** Timing of the progress line (tests draw it without waiting). */
  progressTiming?: ProgressOptions;
}

/** Bad input paths or options: exit status 2. */
export class UsageError extends Error {}

export const EXIT_OK = 0;
export const EXIT_COMPILE_ERRORS = 1;
export const EXIT_USAGE = 2;

/** One input file and what happens to it. */
interface Entry {
  src: string;
  out: string;
  kind: "compile" | "copy";
}

/** A compiled file: what rewriteSpecifiers and writePackageTypes need to know. */
interface Unit {
  src: string;
  out: string;
  format: Format;
}

interface Plan {
  entries: Entry[];
  /** Directories whose contents make up the inputs (what `--watch` watches). */
  dirs: string[];
}

/** What one Builder.update() did (paths are source paths). */
export interface UpdateResult {
  compiled: string[];
  copied: string[];
  failed: string[];
  removed: string[];
  /** Some failure was a file system error (exit status 2 rather than 1). */
  ioError: boolean;
  ms: number;
}

interface FileState {
  entry: Entry;
  /** mtime, ctime, size, inode (and package type for .ts/.js): a new stamp means "compile again". */
  stamp: string;
  /** Module format of a compiled file; null when it did not compile. */
  format: Format | null;
}

export class Builder {
  readonly outDir: string;
  readonly root: string;
  /** The directories of the last plan. */
  dirs: string[] = [];
  private readonly state = new Map<string, FileState>();
  private readonly out: (line: string) => void;
  private readonly err: (line: string) => void;
  private readonly progressStream: ProgressStream | null;
  private progress: Progress | null = null;

  /** Checks the inputs and creates the output directory; throws UsageError. */
  constructor(
    private readonly inputs: string[],
    private readonly options: BuildOptions,
  ) {
    this.out = options.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
    this.err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
    this.progressStream = options.progress === undefined ? process.stderr : options.progress;
    if (inputs.length === 0) throw new UsageError("no input files or directories");
    this.outDir = resolve(options.outDir);
    const anchors: string[] = [];
    for (const input of inputs) {
      const abs = resolve(input);
      let st;
      try {
        st = statSync(abs);
      } catch (e) {
        throw new UsageError(`cannot read ${input}: ${fsReason(e)}`);
      }
      if (st.isDirectory()) {
        if (overlaps(this.outDir, abs)) {
          throw new UsageError(
            `--out-dir ${options.outDir} is inside the input directory ${input}; ` +
              `choose an output directory outside the inputs`,
          );
        }
        anchors.push(abs);
      } else if (st.isFile()) {
        if (!isCompiledExtension(abs)) {
          throw new UsageError(`cannot build ${input}: not a source file (expected ${COMPILED_EXTENSIONS.join(", ")}; .d.ts files are skipped)`);
        }
        anchors.push(dirname(abs));
      } else {
        throw new UsageError(`cannot read ${input}: not a file or directory`);
      }
    }
    this.root = options.root !== undefined ? resolve(options.root) : commonAncestor(anchors);
    // Checked before anything is compiled: otherwise every file would fail with the same error.
    try {
      mkdirSync(this.outDir, { recursive: true });
    } catch (e) {
      throw new UsageError(`cannot create --out-dir ${options.outDir}: ${fsReason(e)}`);
    }
  }

  private line(write: (l: string) => void, text: string): void {
    this.progress?.clear();
    write(text);
  }

  /**
   * Brings outDir up to date: compiles (or copies) files that are new or changed since the last
   * update, removes the outputs of files that are gone. Compile and I/O errors are printed as they
   * happen and do not stop the update. Throws UsageError when the inputs cannot be planned (two
   * files with the same output, a file outside --root, an unreadable directory).
   */
  update(): UpdateResult {
    const started = performance.now();
    clearPackageScopeCache();
    const plan = this.plan();
    this.dirs = plan.dirs;
    const result: UpdateResult = { compiled: [], copied: [], failed: [], removed: [], ioError: false, ms: 0 };

    const current = new Set(plan.entries.map((e) => e.src));
    for (const [src, st] of this.state) {
      if (current.has(src)) continue;
      this.state.delete(src);
      for (const f of st.entry.kind === "compile" ? [st.entry.out, `${st.entry.out}.map`] : [st.entry.out]) {
        try {
          unlinkSync(f);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== "ENOENT") {
            this.line(this.err, `fibers-ts: cannot remove ${displayPath(f)}: ${fsReason(e)}`);
            result.ioError = true;
          }
        }
      }
      result.removed.push(src);
    }

    const todo: { entry: Entry; stamp: string }[] = [];
    for (const entry of plan.entries) {
      let stamp: string;
      try {
        const s = statSync(entry.src);
        // ctime too: a chmod that makes an unreadable file readable changes only that.
        stamp = `${s.mtimeMs}:${s.ctimeMs}:${s.size}:${s.ino}`;
        // A .ts/.js file's module format follows the nearest package.json "type".
        const ext = extname(entry.src);
        if (entry.kind === "compile" && (ext === ".ts" || ext === ".js")) stamp += `:${packageScope(dirname(entry.src)).type}`;
      } catch {
        continue; // deleted since the plan: the next update removes its output
      }
      if (this.state.get(entry.src)?.stamp !== stamp) todo.push({ entry, stamp });
    }

    this.progress = new Progress(this.progressStream, todo.length, this.options.progressTiming);
    try {
      let done = 0;
      for (const { entry, stamp } of todo) {
        const r = entry.kind === "compile" ? this.compile(entry) : this.copy(entry);
        this.state.set(entry.src, { entry, stamp, format: r.format });
        if (r.status === "ok") (entry.kind === "compile" ? result.compiled : result.copied).push(entry.src);
        else {
          result.failed.push(entry.src);
          if (r.status === "io") result.ioError = true;
        }
        this.progress.update(++done);
      }
      if (result.compiled.length > 0) {
        const units: Unit[] = [];
        for (const st of this.state.values()) {
          if (st.format !== null) units.push({ src: st.entry.src, out: st.entry.out, format: st.format });
        }
        for (const note of writePackageTypes(units, this.root, this.outDir)) this.line(this.out, note);
      }
    } finally {
      this.progress.clear();
      this.progress = null;
    }
    result.ms = performance.now() - started;
    return result;
  }

  private compile(entry: Entry): { status: "ok" | "failed" | "io"; format: Format | null } {
    let source: string;
    try {
      source = readFileSync(entry.src, "utf8");
    } catch (e) {
      this.line(this.err, `fibers-ts: cannot read ${displayPath(entry.src)}: ${fsReason(e)}`);
      return { status: "io", format: null };
    }
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    const format = formatOf(entry.src, source);
    let result: { code: string; map: object | null };
    try {
      result = transform(source, {
        filename: entry.src,
        sourceType: format,
        sourceMaps: this.options.sourceMaps,
        all: this.options.all,
      });
    } catch (e) {
      if (isCompileError(e)) this.line(this.err, formatCompileError(e));
      else this.line(this.err, `${displayPath(entry.src)}: internal compiler error: ${(e as Error)?.stack ?? String(e)}`);
      return { status: "failed", format: null };
    }
    const unit: Unit = { src: entry.src, out: entry.out, format };
    let code = rewriteSpecifiers(stripSourceMappingURL(result.code), unit);
    let writing = entry.out;
    try {
      mkdirSync(dirname(entry.out), { recursive: true });
      if (this.options.sourceMaps && result.map) {
        const mapFile = (writing = `${entry.out}.map`);
        const map = { ...(result.map as Record<string, unknown>) };
        map.file = basename(entry.out);
        map.sources = [toPosix(relative(dirname(entry.out), entry.src))];
        delete map.sourceRoot;
        writeFileSync(mapFile, `${JSON.stringify(map)}\n`);
        code = `${code.replace(/\s*$/, "")}\n//# sourceMappingURL=${basename(mapFile)}\n`;
      }
      writing = entry.out;
      writeFileSync(entry.out, code);
    } catch (e) {
      this.line(this.err, `fibers-ts: cannot write ${displayPath(writing)}: ${fsReason(e)}`);
      return { status: "io", format: null };
    }
    return { status: "ok", format };
  }

  private copy(entry: Entry): { status: "ok" | "io"; format: null } {
    try {
      mkdirSync(dirname(entry.out), { recursive: true });
      copyFileSync(entry.src, entry.out);
    } catch (e) {
      this.line(this.err, `fibers-ts: cannot copy ${displayPath(entry.src)} to ${displayPath(entry.out)}: ${fsReason(e)}`);
      return { status: "io", format: null };
    }
    return { status: "ok", format: null };
  }

  /** Collects the input files (inputs that have disappeared since the start count as empty). */
  private plan(): Plan {
    const files = new Map<string, Entry["kind"]>();
    const dirs = new Set<string>();
    for (const input of this.inputs) {
      const abs = resolve(input);
      if (isFile(abs)) {
        files.set(abs, "compile");
        dirs.add(dirname(abs));
      } else {
        walk(abs, files, dirs, this.outDir, this.options.copyFiles === true, new Set(), abs);
      }
    }
    const entries: Entry[] = [];
    const outputs = new Map<string, string>();
    for (const src of [...files.keys()].sort()) {
      if (!isInside(src, this.root)) throw new UsageError(`${displayPath(src)} is outside the root directory ${displayPath(this.root)} (--root)`);
      const kind = files.get(src)!;
      const rel = relative(this.root, src);
      const out = join(this.outDir, kind === "copy" ? rel : rel.slice(0, rel.length - extname(rel).length) + outputExtension(src));
      if (out === src) throw new UsageError(`${displayPath(src)} would be overwritten by its own output; choose another --out-dir`);
      const clash = outputs.get(out);
      if (clash !== undefined) {
        throw new UsageError(`${displayPath(clash)} and ${displayPath(src)} would both be written to ${displayPath(out)}`);
      }
      outputs.set(out, src);
      entries.push({ src, out, kind });
    }
    return { entries, dirs: [...dirs].sort() };
  }
}

/** Compiles the inputs once; returns the exit status (0 ok, 1 compile errors, 2 usage / I/O error). */
export function build(inputs: string[], options: BuildOptions): number {
  const err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  let builder: Builder;
  let result: UpdateResult;
  try {
    builder = new Builder(inputs, options);
    result = builder.update();
  } catch (e) {
    if (e instanceof UsageError) {
      err(`fibers-ts: ${e.message}`);
      return EXIT_USAGE;
    }
    throw e;
  }
  return report(result, options);
}

/** Prints the summary line of a build; returns its exit status. */
export function report(result: UpdateResult, options: Pick<BuildOptions, "stdout" | "stderr">): number {
  const out = options.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  const n = result.compiled.length;
  const line =
    `compiled ${n} file${n === 1 ? "" : "s"} (${result.copied.length} copied, ${result.failed.length} failed) ` +
    `in ${(result.ms / 1000).toFixed(1)}s`;
  if (result.failed.length === 0) {
    out(line);
    return EXIT_OK;
  }
  err(line);
  return result.ioError ? EXIT_USAGE : EXIT_COMPILE_ERRORS;
}

export function displayPath(p: string): string {
  const r = relative(process.cwd(), p);
  return r === "" ? "." : r.startsWith("..") || isAbsolute(r) ? p : r;
}

function toPosix(p: string): string {
  return sep === "/" ? p : p.split(sep).join("/");
}

function isInside(file: string, dir: string): boolean {
  const r = relative(dir, file);
  return r === "" || (!r.startsWith(`..${sep}`) && r !== ".." && !isAbsolute(r));
}

/** Real path of `p`, which may not exist yet (its nearest existing ancestor is resolved). */
function realPathOf(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const up = dirname(p);
    return up === p ? p : join(realPathOf(up), basename(p));
  }
}

/** Whether directory `outDir` is `dir` or inside it (also through symbolic links). */
function overlaps(outDir: string, dir: string): boolean {
  return isInside(outDir, dir) || isInside(realPathOf(outDir), realPathOf(dir));
}

/**
 * Adds the files under `dir`: sources to compile and, with copyFiles, the rest to copy.
 * node_modules, dot-directories and the output directory are skipped. `top` is the input
 * directory: an input that has vanished (during --watch) is empty, but a subdirectory that cannot
 * be read is an error.
 */
function walk(
  dir: string,
  files: Map<string, Entry["kind"]>,
  dirs: Set<string>,
  outDir: string,
  copyFiles: boolean,
  seen: Set<string>,
  top: string,
): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    return;
  }
  if (seen.has(real)) return;
  seen.add(real);
  if (resolve(dir) === outDir) return;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (dir === top && (code === "ENOENT" || code === "ENOTDIR")) return;
    throw new UsageError(`cannot read ${displayPath(dir)}: ${fsReason(e)}`);
  }
  dirs.add(dir);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const p = join(dir, entry.name);
    let isDir = entry.isDirectory();
    let isReg = entry.isFile();
    if (entry.isSymbolicLink()) {
      try {
        const st = statSync(p);
        isDir = st.isDirectory();
        isReg = st.isFile();
      } catch {
        continue;
      }
    }
    if (isDir) {
      if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
      walk(p, files, dirs, outDir, copyFiles, seen, top);
    } else if (isReg) {
      if (isCompiledExtension(p) && !isDeclarationFile(p)) files.set(p, "compile");
      else if (copyFiles && !entry.name.startsWith(".")) files.set(p, "copy");
    }
  }
}

function commonAncestor(paths: string[]): string {
  let common = paths[0];
  for (const p of paths.slice(1)) {
    while (!isInside(p, common)) {
      const up = dirname(common);
      if (up === common) break;
      common = up;
    }
  }
  return common;
}

function stripSourceMappingURL(code: string): string {
  return code.replace(/\n?\/\/# sourceMappingURL=\S*\s*$/, "\n");
}

const TS_TO_JS: Record<string, string> = { ".ts": ".js", ".mts": ".mjs", ".cts": ".cjs" };

/**
 * Relative specifiers naming TypeScript files get the output extension (`./x.ts` → `./x.js`,
 * same length, so source maps stay exact); in ES modules, extensionless specifiers that name a
 * compiled source file get its output extension too (`./x` → `./x.js`, `./dir` → `./dir/index.js`).
 */
export function rewriteSpecifiers(code: string, unit: Unit): string {
  let ast: ReturnType<typeof babel.parseSync>;
  try {
    ast = babel.parseSync(code, {
      babelrc: false,
      configFile: false,
      sourceType: unit.format === "module" ? "module" : "script",
      parserOpts: { allowReturnOutsideFunction: unit.format === "commonjs", errorRecovery: true },
    });
  } catch {
    return code;
  }
  if (!ast) return code;
  const edits: { start: number; end: number; text: string }[] = [];
  const visitLiteral = (node: any) => {
    if (!node || node.type !== "StringLiteral" || typeof node.start !== "number") return;
    const raw: string | undefined = node.extra?.raw;
    const value: string = node.value;
    if (raw === undefined || raw.slice(1, -1) !== value) return; // escapes: leave alone
    const next = rewriteSpecifier(value, unit);
    if (next !== value) edits.push({ start: node.start + 1, end: node.end - 1, text: next });
  };
  const visit = (node: any): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (typeof node.type !== "string") return;
    switch (node.type) {
      case "ImportDeclaration":
      case "ExportAllDeclaration":
      case "ExportNamedDeclaration":
        visitLiteral(node.source);
        break;
      case "ImportExpression":
        visitLiteral(node.source);
        break;
      case "CallExpression": {
        const c = node.callee;
        const isImport = c?.type === "Import";
        const isRequire = c?.type === "Identifier" && c.name === "require";
        const isRequireResolve =
          c?.type === "MemberExpression" && c.object?.type === "Identifier" && c.object.name === "require" &&
          c.property?.type === "Identifier" && c.property.name === "resolve";
        if ((isImport || isRequire || isRequireResolve) && node.arguments.length >= 1) visitLiteral(node.arguments[0]);
        break;
      }
    }
    for (const key of Object.keys(node)) {
      if (key === "loc" || key === "extra" || key === "leadingComments" || key === "trailingComments" || key === "innerComments") continue;
      const v = node[key];
      if (v !== null && typeof v === "object") visit(v);
    }
  };
  visit(ast.program);
  if (edits.length === 0) return code;
  edits.sort((a, b) => b.start - a.start);
  let result = code;
  for (const e of edits) result = result.slice(0, e.start) + e.text + result.slice(e.end);
  return result;
}

function rewriteSpecifier(spec: string, unit: Unit): string {
  if (!(spec.startsWith("./") || spec.startsWith("../"))) return spec;
  const m = /^([^?#]*)([?#].*)?$/.exec(spec)!;
  const path = m[1];
  const suffix = m[2] ?? "";
  if (/\.d\.[mc]?ts$/.test(path)) return spec;
  const ext = extname(path);
  const js = TS_TO_JS[ext];
  if (js !== undefined) return path.slice(0, -ext.length) + js + suffix;
  if (unit.format !== "module") return spec;
  if ((COMPILED_EXTENSIONS as readonly string[]).includes(ext) || ext === ".json" || ext === ".node") return spec;
  // Extensionless (or dotted name): find the source file it names, as `run` would.
  const base = resolve(dirname(unit.src), path);
  if (isFile(base)) return spec;
  for (const e of COMPILED_EXTENSIONS) {
    if (isFile(base + e)) return path + outputExtension(base + e) + suffix;
  }
  for (const e of COMPILED_EXTENSIONS) {
    if (isFile(join(base, `index${e}`))) return `${path.replace(/\/+$/, "")}/index${outputExtension(`index${e}`)}${suffix}`;
  }
  return spec;
}

/**
 * Output .js files must keep their module format: where the nearest package.json of an output
 * location would give a .js file another format than its source had, write a minimal
 * package.json with the right "type" (never overwriting an existing one).
 */
function writePackageTypes(units: Unit[], root: string, outDir: string): string[] {
  const notes: string[] = [];
  // Output scope directory → formats of the .js files it holds.
  const scopes = new Map<string, Set<Format>>();
  for (const u of units) {
    if (extname(u.out) !== ".js") continue;
    const src = packageScope(dirname(u.src));
    const outScope = src.dir !== null && isInside(src.dir, root) ? join(outDir, relative(root, src.dir)) : outDir;
    let set = scopes.get(outScope);
    if (!set) scopes.set(outScope, (set = new Set()));
    set.add(u.format);
  }
  const written = new Map<string, Format>();
  const dirs = [...scopes.keys()].sort((a, b) => a.length - b.length);
  for (const dir of dirs) {
    const formats = scopes.get(dir)!;
    if (formats.size !== 1) continue; // mixed formats: rely on Node's module syntax detection
    const needed = [...formats][0];
    const effective = effectiveType(dir, written);
    if (effective === needed || (effective === null && needed === "commonjs")) continue;
    const file = join(dir, "package.json");
    if (isFile(file)) {
      if (effective === null) continue; // untyped package.json: Node's module syntax detection applies
      notes.push(`fibers-ts: warning: ${displayPath(file)} gives .js files type "${effective ?? "commonjs"}" but they were compiled as ${needed}`);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ type: needed }, null, 2)}\n`);
    written.set(dir, needed);
    notes.push(`fibers-ts: wrote ${displayPath(file)} ({"type": "${needed}"}) so that .js files keep their module format`);
  }
  return notes;
}

function effectiveType(dir: string, written: Map<string, Format>): Format | null {
  for (let d = dir; ; ) {
    const w = written.get(d);
    if (w !== undefined) return w;
    const file = join(d, "package.json");
    if (isFile(file)) {
      try {
        const t = JSON.parse(readFileSync(file, "utf8"))?.type;
        return t === "module" ? "module" : t === "commonjs" ? "commonjs" : null;
      } catch {
        return null;
      }
    }
    const up = dirname(d);
    if (up === d) return null;
    d = up;
  }
}
