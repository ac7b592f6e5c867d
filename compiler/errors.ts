/** A compile error that names file:line:column and says what to do. */
export class CompileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}:${column}: ${reason}`);
    this.name = "CompileError";
  }
}

interface Located {
  loc?: { start: { line: number; column: number } } | null;
}

export function errorAt(file: string, node: Located | null | undefined, reason: string): CompileError {
  const start = node?.loc?.start;
  return new CompileError(file, start?.line ?? 1, (start?.column ?? 0) + 1, reason);
}
