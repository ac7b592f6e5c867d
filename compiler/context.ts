/**
 * State of one function being compiled into a resumable frame, and the code shapes every pass
 * shares: guards, call sites, capture and restore. See docs/design.md, "Frame protocol".
 *
 * Re-entry model: a resumed frame is the same function re-invoked with `$$pc` set to the call site
 * it suspended at. Every statement that does not contain that call site is skipped by a guard
 * (`$$pc === 0` means "running normally"); compound statements that contain it are entered; the call
 * site itself delivers the resumed value instead of calling, and resets `$$pc` to 0. Locals are
 * restored from the frame record's slot array `$$l` where they are declared.
 */
import { types as t } from "@babel/core";
import { PC, LOCALS, PROTOCOL, METHOD } from "./names.js";
import { b } from "./builders.js";

/**
 * A rewritten statement: plain ones get grouped under a `$$pc === 0` guard; the others guard
 * themselves. A call site ("site") is `if ($$pc === 0) {...} else if ($$pc === k) {...}`: the plain
 * statements just before it join its first branch instead of a guard of their own.
 */
export type Item =
  | { kind: "plain"; stmt: t.Statement }
  | { kind: "fixed"; stmt: t.Statement }
  | { kind: "site"; stmt: t.IfStatement & { consequent: t.BlockStatement } }
  | { kind: "decl"; stmt: t.Statement };

/** An enclosing statement that break/continue can target (see statements.ts, try/finally). */
export interface JumpTarget {
  kind: "loop" | "switch" | "label" | "finally";
  labels: string[];
  /** For loops whose `continue` must become `break <label>` (the update or test runs after the body). */
  continueAs?: string;
  /** For "finally": the completion variables and the label that leaves the try block. */
  completion?: { code: t.Identifier; value: t.Identifier; exit: string; jumps: t.Statement[] };
}

export interface FunctionInfo {
  /** Expression that evaluates to the function object itself (see self.ts). */
  self: t.Expression;
  /** Arrow functions keep lexical this/arguments and are re-invoked without a receiver. */
  isArrow: boolean;
  /** Plain functions may be called with `new`; their frames record new.target. */
  canConstruct: boolean;
  /** Raw parameters, to re-invoke the function when it is entered from native code. */
  params: t.Identifier[];
  restParam: t.Identifier | null;
  usesArguments: boolean;
}

export const id = (name: string) => b.identifier(name);
export const num = (n: number) => b.numericLiteral(n);
const undef = () => b.unaryExpression("void", num(0));
const F = (prop: string) => b.memberExpression(id(PROTOCOL), id(prop));

export class FnCtx {
  private nextPc = 1;
  private tempCount = 0;
  /** Slot index per local name (names are unique within a function after normalize.ts). */
  readonly slots = new Map<string, number>();
  /** Names visible at the current point, innermost block last. */
  private readonly scopes: string[][] = [];
  readonly temps: string[] = [];
  /** Locals that may be uninitialized (TDZ) at a call site: let/const of switch case clauses. */
  readonly tdzUnsafe = new Set<string>();
  readonly jumps: JumpTarget[] = [];

  constructor(readonly info: FunctionInfo) {}

  /** Allocates the next call-site number. Numbers follow evaluation order, so every statement's ids form a range. */
  pc(): number {
    return this.nextPc++;
  }
  peekPc(): number {
    return this.nextPc;
  }

  slot(name: string): number {
    let s = this.slots.get(name);
    if (s === undefined) {
      s = this.nextSlot++;
      this.slots.set(name, s);
    }
    return s;
  }
  private nextSlot = 0;
  /** Temporaries whose statement is still being compiled: the only ones a call site must save. */
  private readonly liveTemps = new Set<string>();
  /** Slots of dead temporaries, reused by later ones (lowest first, so frame arrays stay short). */
  private readonly freeSlots: number[] = [];
  /** The temporary of each kind made for each slot ("t:3"): a later one of that kind that takes the slot takes its name too. */
  private readonly tempOfSlot = new Map<string, string>();

  /**
   * Marks the start of a statement. A temporary holds an intermediate value of the statement that
   * allocated it and is never read after that statement, so `releaseTemps` ends its life there:
   * later call sites do not save it, and a later temporary may take its slot.
   */
  tempMark(): number {
    return this.temps.length;
  }
  releaseTemps(mark: number): void {
    for (let i = mark; i < this.temps.length; i++) {
      const name = this.temps[i];
      if (this.liveTemps.delete(name)) this.freeSlots.push(this.slots.get(name)!);
    }
    this.freeSlots.sort((a, b) => b - a);
  }

  /**
   * Opens a block scope. Names are added with `declare` as their declarations are reached, so a
   * call site saves exactly the locals declared (and initialized) before it.
   */
  pushScope(names: string[] = []): void {
    this.scopes.push([]);
    this.declare(names);
  }
  declare(names: string[]): void {
    const scope = this.scopes[this.scopes.length - 1];
    for (const n of names) {
      this.slot(n);
      if (!scope.includes(n)) scope.push(n);
    }
  }
  popScope(): void {
    this.scopes.pop();
  }

  /**
   * A new temporary. One that takes a dead temporary's slot also takes its variable if that was of
   * the same kind: the old value is never read again, and the function declares and restores one
   * variable per slot and kind instead of one per value (the kind stays in the name: `$$t_` values,
   * `$$d_` discriminants, `$$c_` completions...).
   */
  temp(kind = "t"): t.Identifier {
    const free = this.freeSlots.pop();
    const reused = free !== undefined ? this.tempOfSlot.get(`${kind}:${free}`) : undefined;
    // The "_" keeps these apart from the names other passes generate per file ($$o3, $$it2, $$v1...).
    const name = reused ?? `$$${kind}_${++this.tempCount}`;
    this.temps.push(name);
    this.liveTemps.add(name);
    if (reused !== undefined) return id(name);
    const slot = free ?? this.slot(name);
    this.slots.set(name, slot);
    this.tempOfSlot.set(`${kind}:${slot}`, name);
    return id(name);
  }

  label(kind: string): string {
    return `$$${kind}_${++this.tempCount}`; // one counter with temp(): lowerForOf names locals with label()
  }

  /** `$$pc === 0 || $$pc in [lo, hi]`: enter a compound statement normally or to resume inside it. */
  enterGuard(lo: number, hi: number): t.Expression {
    return b.logicalExpression("||", running(), inRange(lo, hi));
  }

  /** The array of every local visible here, by slot, for a frame record. */
  private locals(): t.ArrayExpression {
    const visible: (t.Expression | null)[] = [];
    for (const scope of this.scopes) {
      for (const name of scope) {
        // `$$F.tdz(() => x)` reads x, or undefined while x is in its temporal dead zone.
        visible[this.slots.get(name)!] = this.tdzUnsafe.has(name)
          ? b.callExpression(F("tdz"), [b.arrowFunctionExpression([], id(name))])
          : id(name);
      }
    }
    for (const name of this.liveTemps) visible[this.slots.get(name)!] = id(name);
    for (let i = 0; i < visible.length; i++) if (visible[i] === undefined) visible[i] = null;
    return b.arrayExpression(visible);
  }

  /** `return $$F.cap(self, this, pc, [locals], new.target)` — the capture at one call site. */
  capture(pc: number, recv?: t.Expression): t.ReturnStatement {
    const { info } = this;
    const args: t.Expression[] = [
      b.cloneNode(info.self),
      info.isArrow ? undef() : b.thisExpression(),
      num(pc),
      this.locals(),
    ];
    if (info.canConstruct) args.push(b.metaProperty(id("new"), id("target")));
    else if (recv) args.push(undef());
    // The receiver, in case the callee was a generator's next() that suspended inside the generator.
    if (recv) args.push(b.cloneNode(recv));
    return b.returnStatement(b.callExpression(F("cap"), args));
  }

  /**
   * One call site, self-guarded:
   *   if ($$pc === 0) { <pre>; $$F.s = token; result = call; if ($$F.s !== null && $$F.chk()) return capture }
   *   else if ($$pc === k) { $$pc = 0; result = $$F.take(); }
   */
  callSite(pre: t.Statement[], token: t.Expression, call: t.Expression, result: t.LVal | null, recv?: t.Expression,
           wrapCall?: (callStmt: t.Statement) => t.Statement): Item {
    const k = this.pc();
    const plainCall = result ? assign(result, call) : b.expressionStatement(call);
    const callStmt = wrapCall ? wrapCall(plainCall) : plainCall;
    const check = b.ifStatement(
      b.logicalExpression("&&", b.binaryExpression("!==", F("s"), b.nullLiteral()), b.callExpression(F("chk"), [])),
      this.capture(k, recv),
    );
    const take = b.callExpression(F("take"), []);
    const resume = b.blockStatement([
      assign(id(PC), num(0)),
      result ? assign(b.cloneNode(result), take) : b.expressionStatement(take),
    ]);
    const stmt = b.ifStatement(
      running(),
      b.blockStatement([...pre, assign(F("s"), token), callStmt, check]),
      b.ifStatement(b.binaryExpression("===", id(PC), num(k)), resume),
    ) as t.IfStatement & { consequent: t.BlockStatement };
    return { kind: "site", stmt };
  }

  /** `let a = $$pc !== 0 ? $$l[slot] : void 0, ...` — declared in place, restored on re-entry. */
  restoreDeclaration(names: string[]): t.VariableDeclaration {
    return b.variableDeclaration(
      "let",
      names.map((n) => b.variableDeclarator(id(n), b.conditionalExpression(resuming(), slotRead(this.slot(n)), undef()))),
    );
  }

  /** `kind x = $$pc !== 0 ? $$l[slot] : value` — a declaration that restores its value on re-entry. */
  restoringDeclarator(name: string, value: t.Expression): t.VariableDeclarator {
    return b.variableDeclarator(id(name), b.conditionalExpression(resuming(), slotRead(this.slot(name)), value));
  }

  /** `if ($$pc !== 0) { f = $$l[slot]; ... }` — for function declarations, which JS re-creates on entry. */
  restoreAssignments(names: string[]): t.Statement {
    return b.ifStatement(resuming(), b.blockStatement(names.map((n) => assign(id(n), slotRead(this.slot(n))))));
  }
}

export const running = () => b.binaryExpression("===", id(PC), num(0));
export const resuming = () => b.binaryExpression("!==", id(PC), num(0));
export function inRange(lo: number, hi: number): t.Expression {
  if (lo === hi) return b.binaryExpression("===", id(PC), num(lo));
  return b.logicalExpression("&&", b.binaryExpression(">=", id(PC), num(lo)), b.binaryExpression("<=", id(PC), num(hi)));
}
export const slotRead = (s: number) => b.memberExpression(id(LOCALS), num(s), true);
export const assign = (left: t.LVal, right: t.Expression) =>
  b.expressionStatement(b.assignmentExpression("=", left as t.LVal, right));
export { F as protocolMember, undef, METHOD };

/**
 * Groups consecutive plain items under one `if ($$pc === 0)` guard, or into the running branch of
 * the call site that follows them (which runs exactly when they would: not while resuming at any
 * call site). Plain items declare nothing (declarations are "decl" items), so moving them into a
 * block changes no scope. Declarations stay unguarded.
 */
export function assemble(items: Item[]): t.Statement[] {
  const out: t.Statement[] = [];
  let group: t.Statement[] = [];
  const flush = () => {
    if (group.length > 0) out.push(b.ifStatement(running(), b.blockStatement(group)));
    group = [];
  };
  for (const item of items) {
    if (item.kind === "plain") group.push(item.stmt);
    else if (item.kind === "site" && group.length > 0) {
      item.stmt.consequent.body.unshift(...group);
      group = [];
      out.push(item.stmt);
    } else {
      flush();
      out.push(item.stmt);
    }
  }
  flush();
  return out;
}
