/**
 * Names the compiler introduces. Every generated identifier starts with `$$`; user code may not use
 * that prefix (checked in compiler/check.ts), so generated names never capture or shadow user names.
 */
export const PROTOCOL = "$$F";
export const PC = "$$pc";
export const LOCALS = "$$l";
export const METHOD = "$$m";
export const ARGS = "$$args";
export const PROTOCOL_KEY = "fibers-ts.protocol";
export const RESERVED_PREFIX = "$$";

/** Per-function generator of fresh generated names. */
export class NameGen {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next(kind: string): string {
    return `${this.prefix}${kind}${++this.n}`;
  }
}

/** Program-wide counter so names of self bindings and envs never collide across functions. */
export const programNames = { gen: new NameGen("$$") };
