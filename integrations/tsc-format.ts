/**
 * Module format of a JavaScript file emitted by tsc: it decides whether the fibers-ts compiler
 * adds `import "fibers-ts/internal"` (ES module output) or `require("fibers-ts/internal")`
 * (CommonJS output). It is what TypeScript itself emitted, so it follows the tsconfig: `module`,
 * and for node16/nodenext each file's own format (extension, package.json "type").
 */
import type * as TS from "typescript";

export type TscFormat = "module" | "commonjs";

export function emitFormat(ts: typeof TS, program: TS.Program, outFile: string, emitted: string, source: TS.SourceFile): TscFormat | { error: string } {
  if (outFile.endsWith(".mjs")) return "module";
  if (outFile.endsWith(".cjs")) return "commonjs";
  const kind = emitModuleKind(ts, program, source);
  const K = ts.ModuleKind;
  if (kind === K.CommonJS) return "commonjs";
  if (kind >= K.ES2015 && kind <= K.ESNext) return "module";
  // `preserve` (TS >= 5.4) keeps each file's import/export or require as written.
  if (K.Preserve !== undefined && kind === K.Preserve) {
    return /^[ \t]*(?:import[ \t]*[\w{*"'$]|export[ \t]*[\w{*])/m.test(emitted) ? "module" : "commonjs";
  }
  return { error: `"module": "${K[kind] ?? kind}" is not supported by fibers-ts/tsc: compiled code loads its runtime with import or require; use "commonjs", "es2015"..."esnext", "node16"/"nodenext" or "preserve"` };
}

function emitModuleKind(ts: typeof TS, program: TS.Program, source: TS.SourceFile): TS.ModuleKind {
  // TypeScript >= 5.6 answers this itself (not in the public typings).
  const own = (program as { getEmitModuleFormatOfFile?: (f: TS.SourceFile) => TS.ModuleKind }).getEmitModuleFormatOfFile;
  if (typeof own === "function") return own.call(program, source);
  // Older TypeScript 5: the same rule, from the public options and the file's implied format.
  const options = program.getCompilerOptions();
  const K = ts.ModuleKind;
  const target = options.target ?? ts.ScriptTarget.ES5;
  const module = options.module ?? (target >= ts.ScriptTarget.ES2015 ? K.ES2015 : K.CommonJS);
  if (module >= K.Node16 && module <= K.NodeNext) return source.impliedNodeFormat ?? K.CommonJS;
  return module;
}
