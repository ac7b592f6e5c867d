/**
 * `fibers-ts/tsc`: compiles the JavaScript that `tsc` emits with fibers-ts, as a ts-patch plugin.
 *
 *   tsconfig.json: "compilerOptions": { "plugins": [{ "transform": "fibers-ts/tsc", "transformProgram": true }] }
 *   then build with `tspc` (ts-patch's tsc) instead of `tsc`.
 *
 * Why a *program* transformer that wraps `program.emit`, not a source transformer:
 *  - The fibers-ts compiler is Babel-based and works on source text. A `before` source
 *    transformer would have to hand TypeScript a re-parsed tree whose nodes the checker never saw,
 *    and TypeScript's own transforms (import elision, enums, decorators, the module transform)
 *    ask the checker about those nodes.
 *  - An `after` source transformer sees the tree *before* the printer's substitutions: with
 *    `module: commonjs`, `foo()` of an imported `foo` only becomes `(0, a_1.foo)()` while printing.
 *    Printing that tree ourselves would lose those rewrites.
 *  - The text TypeScript writes is final: types stripped, the module format and target of the
 *    tsconfig applied. Compiling that text is exactly what `fibers-ts build` does to a .js file, and
 *    TypeScript's source map (external or inline) is the input map of the fibers-ts compile, so the
 *    written map still points into the .ts sources.
 * The Program itself is returned unchanged, so type checking and every diagnostic are those of
 * the user's original sources. ts-patch calls program transformers from its patched
 * `createProgram`, which every build path goes through (tsc, tsc -b and incremental builds are
 * tested; --watch and `ts-patch/compiler` use the same function), and wraps the returned program's
 * `emit` again for its own source transformers; both wrappings compose.
 */
import type * as TS from "typescript";
import { relative } from "node:path";
import { CompileError, transform } from "../compiler/index.js";
import { emitFormat } from "./tsc-format.js";

/** The entry of `compilerOptions.plugins` (ts-patch passes it whole, with our own options). */
export interface FibersTscConfig {
  transform: string;
  transformProgram?: boolean;
  /** The compiler's `all` option: no method call resolved by name (docs/design.md, "What is compiled"). */
  all?: boolean;
}

/** What ts-patch passes a program transformer as its last argument. */
export interface ProgramTransformerExtras {
  ts: typeof TS;
}

const JS_OUTPUT = /\.[cm]?js$/;
const MAP_URL = /\n?\/\/# sourceMappingURL=(\S+)\s*$/;

/**
 * The plugin. ts-patch calls a program transformer as `(program, host, config, { ts })`; called in
 * any other way (a source transformer: `{ "transform": "fibers-ts/tsc" }` without
 * `"transformProgram": true`) it stops the build with the fix, rather than emit uncompiled code.
 */
export default function fibersTsc(
  program: TS.Program,
  host: TS.CompilerHost | undefined,
  config: FibersTscConfig,
  extras: ProgramTransformerExtras,
): TS.Program {
  if (!config || config.transformProgram !== true || !extras?.ts) {
    throw new Error('fibers-ts/tsc is a ts-patch *program* transformer: write { "transform": "fibers-ts/tsc", "transformProgram": true } in compilerOptions.plugins of tsconfig.json, and build with tspc');
  }
  const ts = extras.ts;
  const emit = program.emit;
  program.emit = function (this: TS.Program, targetSourceFile, writeFile, cancellationToken, emitOnlyDts, customTransformers, ...rest: unknown[]) {
    // Without a callback TypeScript writes through the host the program was created with (or a
    // default one, when createProgram got none).
    const write: TS.WriteFileCallback = writeFile ?? host?.writeFile.bind(host) ??
      ts.createCompilerHost(program.getCompilerOptions()).writeFile;
    const writer = new CompilingWriter(ts, program, config, write);
    try {
      return (emit as (...a: unknown[]) => TS.EmitResult).call(this, targetSourceFile, writer.callback,
        cancellationToken, emitOnlyDts, customTransformers, ...rest);
    } finally {
      writer.flush();
    }
  };
  return program;
}

/**
 * Intercepts the files TypeScript writes. The emitter writes `x.js.map` just before `x.js`; the map
 * is held back and becomes the input map of the compile of `x.js`, and the composed map is
 * written in its place.
 */
class CompilingWriter {
  private readonly maps = new Map<string, { text: string; bom: boolean }>();
  private readonly cwd: string;

  constructor(
    private readonly ts: typeof TS,
    private readonly program: TS.Program,
    private readonly config: FibersTscConfig,
    private readonly write: TS.WriteFileCallback,
  ) {
    this.cwd = program.getCurrentDirectory();
  }

  readonly callback: TS.WriteFileCallback = (fileName, text, bom, onError, sourceFiles, data) => {
    if (fileName.endsWith(".map") && JS_OUTPUT.test(fileName.slice(0, -4))) {
      this.maps.set(fileName.slice(0, -4), { text, bom });
      return;
    }
    if (fileName.endsWith(".jsx") && onError) {
      // The fibers-ts compiler does not read JSX: TypeScript must lower it.
      onError(`fibers-ts: ${fileName}: "jsx": "preserve" output cannot be compiled by fibers-ts; use "jsx": "react-jsx" (or "react")`);
      return;
    }
    if (!JS_OUTPUT.test(fileName) || !sourceFiles || sourceFiles.length === 0) {
      this.write(fileName, text, bom, onError, sourceFiles, data);
      return;
    }
    const map = this.maps.get(fileName);
    this.maps.delete(fileName);
    let out: { code: string; map: string | null };
    try {
      out = this.compile(fileName, text, map?.text ?? null, sourceFiles);
    } catch (e) {
      // Reported through TypeScript's "Could not write file" diagnostic, so tsc lists it with the
      // other errors and exits with a failure status. Nothing is written: uncompiled code would
      // fail later, far from the cause.
      const message = e instanceof CompileError || e instanceof FormatError ? e.message : `internal error: ${(e as Error)?.stack ?? e}`;
      if (!onError) throw e;
      onError(`fibers-ts: ${message}`);
      return;
    }
    if (map && out.map !== null) this.write(fileName + ".map", out.map, map.bom, onError, sourceFiles);
    this.write(fileName, out.code, bom, onError, sourceFiles, data);
  };

  /** Maps whose JavaScript never came (not expected from TypeScript's emitter) are written as they were. */
  flush(): void {
    for (const [js, map] of this.maps) this.write(js + ".map", map.text, map.bom);
    this.maps.clear();
  }

  private compile(fileName: string, text: string, mapText: string | null, sourceFiles: readonly TS.SourceFile[]): { code: string; map: string | null } {
    if (sourceFiles.length > 1) throw new FormatError(`${fileName}: "outFile" bundles are not supported by fibers-ts; emit one file per module (commonjs, es2015+, node16/nodenext or preserve)`);
    const source = sourceFiles[0];
    const format = emitFormat(this.ts, this.program, fileName, text, source);
    if (typeof format !== "string") throw new FormatError(`${this.rel(source.fileName)}: ${format.error}`);
    const inline = this.program.getCompilerOptions().inlineSourceMap === true;
    let code = text;
    let url: string | null = null;
    if (mapText !== null) {
      // TypeScript's map becomes Babel's input map (Babel reads an inline sourceMappingURL comment),
      // so the composed map goes from the compiled JavaScript to the TypeScript sources.
      const m = MAP_URL.exec(code);
      url = m ? m[1] : null;
      const data = Buffer.from(mapText).toString("base64");
      code = (m ? code.slice(0, m.index) : code) + `\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${data}\n`;
    }
    try {
      const out = transform(code, {
        filename: fileName,
        sourceType: format,
        sourceMaps: inline ? "inline" : mapText !== null,
        all: this.config.all === true,
      });
      if (mapText === null || out.map === null) return { code: out.code, map: null };
      const map = { ...(out.map as Record<string, unknown>), file: fileName.replace(/^.*[\\/]/, "") };
      return { code: url ? `${out.code}\n//# sourceMappingURL=${url}` : out.code, map: JSON.stringify(map) };
    } catch (e) {
      if (e instanceof CompileError) throw this.locate(source, e);
      throw e;
    }
  }

  /**
   * A compile error names a line of the emitted JavaScript. Compiling the original source (only
   * on this failure path) usually finds the same error where the user wrote it. The source is
   * compiled as what it is (an ES module or a script), not as what TypeScript turned it into.
   */
  private locate(source: TS.SourceFile, error: CompileError): CompileError {
    try {
      transform(source.text, { filename: source.fileName, sourceType: this.ts.isExternalModule(source) ? "module" : "commonjs" });
    } catch (e) {
      if (e instanceof CompileError && !e.reason.startsWith("syntax error")) {
        return new CompileError(this.rel(e.file), e.line, e.column, e.reason);
      }
    }
    return new CompileError(this.rel(error.file), error.line, error.column, `${error.reason} (in the JavaScript emitted for ${this.rel(source.fileName)})`);
  }

  private rel(file: string): string {
    const r = relative(this.cwd, file);
    return r.startsWith("..") || r === "" ? file : r;
  }
}

class FormatError extends Error {}
