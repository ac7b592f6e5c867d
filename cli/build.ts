/**
 * `fibers-ts build`: ahead-of-time compilation of files and directories into an output directory.
 */
import { mkdirSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from "node:path";
import babel from "@babel/core";
import { transform } from "../compiler/index.js";
import {
  COMPILED_EXTENSIONS,
  type Format,
  isCompileError,
  isCompiledExtension,
  isDeclarationFile,
  isFile,
  outputExtension,
  formatCompileError,
  formatOf,
  packageScope,
} from "./common.js";

export interface BuildOptions {
  outDir: string;
  root?: string;
  sourceMaps: boolean;
  all: boolean;
  /** Where messages go (tests pass their own). */
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
}

/** Raised for bad input paths: exit status 2. */
export class UsageError extends Error {}

interface Unit {
  src: string;
  out: string;
  format: Format;
}

/** Compiles the inputs; returns the exit status (0 ok, 1 compile errors, 2 usage / unreadable path). */
export function build(inputs: string[], options: BuildOptions): number {
  const out = options.stdout ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = options.stderr ?? ((l: string) => process.stderr.write(`${l}\n`));
  const started = performance.now();
  let units: Unit[];
  let root: string;
  const outDir = resolve(options.outDir);
  try {
    ({ units, root } = plan(inputs, options.root, outDir));
  } catch (e) {
    if (e instanceof UsageError) {
      err(`fibers-ts build: ${e.message}`);
      return 2;
    }
    throw e;
  }

  const errors: string[] = [];
  let written = 0;
  for (const unit of units) {
    let source: string;
    try {
      source = readFileSync(unit.src, "utf8");
    } catch (e) {
      err(`fibers-ts build: cannot read ${unit.src}: ${(e as Error).message}`);
      return 2;
    }
    if (source.charCodeAt(0) === 0xfeff) source = source.slice(1);
    let result: { code: string; map: object | null };
    try {
      result = transform(source, {
        filename: unit.src,
        sourceType: unit.format,
        sourceMaps: options.sourceMaps,
        all: options.all,
      });
    } catch (e) {
      if (isCompileError(e)) errors.push(formatCompileError(e));
      else errors.push(`${unit.src}: internal compiler error: ${(e as Error)?.stack ?? String(e)}`);
      continue;
    }
    let code = stripSourceMappingURL(result.code);
    code = rewriteSpecifiers(code, unit);
    mkdirSync(dirname(unit.out), { recursive: true });
    if (options.sourceMaps && result.map) {
      const mapFile = `${unit.out}.map`;
      const map = { ...(result.map as Record<string, unknown>) };
      map.file = basename(unit.out);
      map.sources = [toPosix(relative(dirname(unit.out), unit.src))];
      delete map.sourceRoot;
      writeFileSync(mapFile, `${JSON.stringify(map)}\n`);
      code = `${code.replace(/\s*$/, "")}\n//# sourceMappingURL=${basename(mapFile)}\n`;
    }
    writeFileSync(unit.out, code);
    written++;
  }

  for (const note of writePackageTypes(units, root, outDir)) out(note);

  for (const e of errors) err(e);
  const ms = Math.round(performance.now() - started);
  const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;
  if (errors.length > 0) {
    err(`fibers-ts build: ${errors.length} compile error${errors.length === 1 ? "" : "s"} (${files(written)} of ${units.length} written to ${displayPath(outDir)} in ${ms} ms)`);
    return 1;
  }
  out(`fibers-ts build: compiled ${files(written)} into ${displayPath(outDir)} in ${ms} ms`);
  return 0;
}

function displayPath(p: string): string {
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

/** Collects the source files and decides where each one goes. */
function plan(inputs: string[], rootOption: string | undefined, outDir: string): { units: Unit[]; root: string } {
  if (inputs.length === 0) throw new UsageError("no input files or directories");
  const files = new Set<string>();
  const anchors: string[] = [];
  for (const input of inputs) {
    const abs = resolve(input);
    let st;
    try {
      st = statSync(abs);
    } catch (e) {
      throw new UsageError(`cannot read ${input}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "no such file or directory" : (e as Error).message}`);
    }
    if (st.isDirectory()) {
      anchors.push(abs);
      walk(abs, files, outDir, new Set());
    } else if (st.isFile()) {
      if (!isCompiledExtension(abs)) {
        throw new UsageError(`${input}: not a source file (expected ${COMPILED_EXTENSIONS.join(", ")}; .d.ts files are skipped)`);
      }
      anchors.push(dirname(abs));
      files.add(abs);
    } else {
      throw new UsageError(`cannot read ${input}: not a file or directory`);
    }
  }
  const root = rootOption !== undefined ? resolve(rootOption) : commonAncestor(anchors);
  const units: Unit[] = [];
  const outputs = new Map<string, string>();
  for (const src of [...files].sort()) {
    if (!isInside(src, root)) throw new UsageError(`${src} is outside the root directory ${root}`);
    const rel = relative(root, src);
    const outFile = join(outDir, rel.slice(0, rel.length - extname(rel).length) + outputExtension(src));
    if (outFile === src) throw new UsageError(`${src} would be overwritten by its own output; choose another --out-dir`);
    const clash = outputs.get(outFile);
    if (clash !== undefined) throw new UsageError(`${clash} and ${src} would both be written to ${outFile}`);
    outputs.set(outFile, src);
    units.push({ src, out: outFile, format: formatOf(src) });
  }
  return { units, root };
}

function walk(dir: string, files: Set<string>, outDir: string, seen: Set<string>): void {
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
    throw new UsageError(`cannot read directory ${dir}: ${(e as Error).message}`);
  }
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
      walk(p, files, outDir, seen);
    } else if (isReg && isCompiledExtension(p) && !isDeclarationFile(p)) {
      files.add(p);
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
      notes.push(`fibers-ts build: warning: ${displayPath(file)} gives .js files type "${effective ?? "commonjs"}" but they were compiled as ${needed}`);
      continue;
    }
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, `${JSON.stringify({ type: needed }, null, 2)}\n`);
    written.set(dir, needed);
    notes.push(`fibers-ts build: wrote ${displayPath(file)} ({"type": "${needed}"}) so that .js files keep their module format`);
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
