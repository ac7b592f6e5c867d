/**
 * Statements: rewrites a function body so it can be re-entered at any call site.
 *
 * - A statement without call sites is "plain": it runs only when `$$pc === 0` (grouped guards).
 * - A compound statement holding call sites [lo, hi] is entered when running or when resuming
 *   into that range; inside it, the same rules apply recursively.
 * - Block-scoped declarations are hoisted to the start of their block and restored there from the
 *   frame record on re-entry; the declaration itself becomes an assignment (see docs/design.md).
 * - Loops skip their test on re-entry; for-of and for-in become index/iterator loops whose state
 *   lives in frame locals; `switch` dispatches on a saved case index; try/finally whose finally
 *   makes calls keeps its completion (return/throw/break) in frame locals.
 */
import { types as t } from "@babel/core";
import { FnCtx, Item, JumpTarget, assemble, assign, id, num, running, resuming, undef, protocolMember as F } from "./context.js";
import { Exploder, rangeOf } from "./explode.js";
import { some } from "./walk.js";
import { isAnonymousDefinition } from "./function-names.js";
import { destructuredText, iterationSubject } from "./engine-text.js";

export class StatementRewriter {
  constructor(private readonly ctx: FnCtx, private readonly ex: Exploder) {
    ex.setStatementRewriter((st, out) => this.stmt(st, out));
  }

  private has(node: t.Node | null | undefined): boolean {
    return this.ex.has(node);
  }

  /** A function body or block: hoisted, restorable declarations, then the statements. */
  block(stmts: t.Statement[], extraNames: string[] = [], isFunctionBody = false): Item[] {
    // Function declarations exist from the start of their block; let/const/class are declared in
    // place (declaration()), so temporal dead zones and const stay as they were.
    const { functions } = blockDeclarations(stmts);
    const items: Item[] = [];
    this.ctx.pushScope([...extraNames, ...functions]);
    if (!isFunctionBody && functions.length) items.push({ kind: "fixed", stmt: this.ctx.restoreAssignments(functions) });
    for (const s of stmts) {
      const mark = this.ctx.tempMark();
      this.stmt(s, items);
      this.ctx.releaseTemps(mark);
    }
    this.ctx.popScope();
    return items;
  }

  private wrapCompound(stmt: t.Statement, lo: number, hi: number): Item {
    if (lo > hi) return { kind: "plain", stmt };
    return { kind: "fixed", stmt: t.ifStatement(this.ctx.enterGuard(lo, hi), stmt) };
  }

  stmt(s: t.Statement, out: Item[], labels: string[] = []): void {
    switch (s.type) {
      case "FunctionDeclaration":
        out.push({ kind: "decl", stmt: s });
        return;
      case "VariableDeclaration":
        this.declaration(s, out);
        return;
      case "ClassDeclaration": {
        const cls = t.classExpression(s.id, s.superClass, s.body, s.decorators);
        out.push({ kind: "decl", stmt: t.variableDeclaration("let", [this.ctx.restoringDeclarator(s.id!.name, cls)]) });
        this.ctx.declare([s.id!.name]);
        return;
      }
    }
    if (!this.has(s) && !this.needsJumpRewrite(s)) {
      out.push({ kind: "plain", stmt: s });
      return;
    }
    switch (s.type) {
      case "ExpressionStatement":
        if (s.expression.type === "CallExpression" || s.expression.type === "NewExpression") this.ex.call(s.expression, out, false);
        else this.ex.effect(s.expression, out);
        return;
      case "ReturnStatement": {
        const v = s.argument ? this.ex.expr(s.argument, out) : null;
        out.push({ kind: "plain", stmt: this.returnStmt(v) });
        return;
      }
      case "ThrowStatement":
        out.push({ kind: "plain", stmt: t.throwStatement(this.ex.expr(s.argument, out)) });
        return;
      case "IfStatement": {
        const test = this.headValue(s.test, out);
        const yes = this.nested(s.consequent);
        const no = s.alternate ? this.nested(s.alternate) : [];
        out.push(this.ex.compoundIf(test, yes, no));
        return;
      }
      case "BlockStatement": {
        const lo = this.ctx.peekPc();
        const items = this.block(s.body);
        out.push(this.wrapCompound(t.blockStatement(assemble(items)), lo, this.ctx.peekPc() - 1));
        return;
      }
      case "LabeledStatement": {
        const all = [...labels, s.label.name];
        if (isLoop(s.body)) {
          this.stmt(s.body, out, all);
          return;
        }
        const lo = this.ctx.peekPc();
        this.ctx.jumps.push({ kind: "label", labels: [s.label.name] });
        const inner = this.nested(s.body);
        this.ctx.jumps.pop();
        out.push(this.wrapCompound(t.labeledStatement(s.label, t.blockStatement(assemble(inner))), lo, this.ctx.peekPc() - 1));
        return;
      }
      case "WhileStatement":
        return this.whileLoop(s, out, labels);
      case "DoWhileStatement":
        return this.doWhile(s, out, labels);
      case "ForStatement":
        return this.forLoop(s, out, labels);
      case "ForOfStatement":
        return this.forOf(s, out, labels);
      case "ForInStatement":
        return this.forIn(s, out, labels);
      case "TryStatement":
        return this.tryStmt(s, out);
      case "SwitchStatement":
        return this.switchStmt(s, out, labels);
      case "BreakStatement":
      case "ContinueStatement":
        out.push({ kind: "plain", stmt: this.jump(s) });
        return;
      default:
        out.push({ kind: "plain", stmt: s });
    }
  }

  /**
   * A value in a statement's head (the test of `if`, `while`, `for`, a `switch` discriminant or case
   * test, a for-in object), evaluated into `out`. The temporaries used to compute it are dead once
   * it is computed: the body runs after it, and resuming into the body skips the head. Releasing
   * them keeps them out of the capture lists of the call sites in the body (an `if` testing
   * `a(x) || b(x) || ...` would otherwise have every site below it save each call's result).
   */
  private headValue(value: t.Expression, out: Item[]): t.Expression {
    const mark = this.ctx.tempMark();
    const v = this.ex.expr(value, out);
    this.ctx.releaseTemps(mark);
    return v;
  }

  /** A nested statement rewritten as its own block of items. */
  private nested(s: t.Statement): Item[] {
    if (s.type === "BlockStatement") return this.block(s.body);
    const items: Item[] = [];
    this.stmt(s, items);
    return items;
  }

  /**
   * `var` declarations become assignments (the names are function-level). let/const stay in place
   * and restore their value when the frame is re-entered past them:
   *   const x = $$pc !== 0 ? $$l[slot] : <init>;
   * Destructuring declarations declare their names the same way, then destructure when running.
   */
  private declaration(s: t.VariableDeclaration, out: Item[]): void {
    for (const d of s.declarations) {
      // Like a statement's, a declarator's temporaries are dead once it is done.
      const mark = this.ctx.tempMark();
      this.declarator(s.kind, d, out);
      this.ctx.releaseTemps(mark);
    }
  }

  private declarator(kind: t.VariableDeclaration["kind"], d: t.VariableDeclarator, out: Item[]): void {
    const names = Object.keys(t.getBindingIdentifiers(d.id));
    if (kind === "var") {
      if (d.init) this.ex.assignTo(d.id as t.LVal, d.init, out, destructuredText(d.init, this.ex.source));
      return;
    }
    if (d.id.type === "Identifier") {
      if (d.init && isAnonymousDefinition(d.init)) {
        // `let f; f = $$pc !== 0 ? ... : ...` would lose the name JavaScript gives `f = () => {}`:
        // the function is assigned to the identifier directly (f stays in its dead zone until here).
        out.push({ kind: "decl", stmt: t.variableDeclaration("let", [t.variableDeclarator(d.id)]) });
        out.push({ kind: "fixed", stmt: t.ifStatement(resuming(),
          assign(t.identifier(d.id.name), t.memberExpression(id("$$l"), num(this.ctx.slot(d.id.name)), true)),
          assign(t.identifier(d.id.name), d.init)) });
        this.ctx.declare(names);
        return;
      }
      const v = d.init ? this.ex.expr(d.init, out) : undef();
      out.push({ kind: "decl", stmt: t.variableDeclaration(kind === "const" ? "const" : "let", [this.ctx.restoringDeclarator(d.id.name, v)]) });
      this.ctx.declare(names);
      return;
    }
    // Pattern: evaluate the value, declare the names (restored), then destructure when running.
    const v = d.init ? this.ex.saveValue(this.ex.expr(d.init, out), out) : undef();
    // An empty pattern (`const {} = v`, `catch ({})`) declares nothing but still checks v.
    if (names.length > 0) out.push({ kind: "decl", stmt: this.ctx.restoreDeclaration(names) });
    this.ctx.declare(names);
    this.ex.assignTo(d.id as t.LVal, v, out, d.init ? destructuredText(d.init, this.ex.source) : undefined);
  }

  /** Plain statements that contain a break/continue/return crossing a compiled finally must still be rewritten. */
  private needsJumpRewrite(s: t.Statement): boolean {
    if (!this.ctx.jumps.some((j) => j.kind === "finally" || j.continueAs)) return false;
    return some(s, (n) => n.type === "ReturnStatement" || n.type === "BreakStatement" || n.type === "ContinueStatement");
  }

  // ---- jumps -------------------------------------------------------------------------------

  /** `return v`, or inside a compiled finally: record the completion and leave the try block. */
  private returnStmt(v: t.Expression | null): t.Statement {
    const fin = [...this.ctx.jumps].reverse().find((j) => j.kind === "finally");
    if (!fin) return t.returnStatement(v);
    const c = fin.completion!;
    return t.blockStatement([assign(t.cloneNode(c.value), v ?? undef()), assign(t.cloneNode(c.code), num(2)), t.breakStatement(id(c.exit))]);
  }

  private jump(s: t.BreakStatement | t.ContinueStatement): t.Statement {
    const isBreak = s.type === "BreakStatement";
    const label = s.label?.name;
    const stack = this.ctx.jumps;
    for (let i = stack.length - 1; i >= 0; i--) {
      const j = stack[i];
      if (j.kind === "finally") {
        // The target lies outside a compiled try/finally: run the finally first.
        const c = j.completion!;
        const code = 3 + c.jumps.length;
        c.jumps.push(t.cloneNode(s));
        return t.blockStatement([assign(t.cloneNode(c.code), num(code)), t.breakStatement(id(c.exit))]);
      }
      const matches = label ? j.labels.includes(label) : isBreak ? j.kind === "loop" || j.kind === "switch" : j.kind === "loop";
      if (!matches) continue;
      if (!isBreak && j.continueAs) return t.breakStatement(id(j.continueAs));
      return s;
    }
    return s;
  }

  private loopBody(body: t.Statement, labels: string[], continueAs?: string): Item[] {
    this.ctx.jumps.push({ kind: "loop", labels, continueAs });
    const items = this.nested(body);
    this.ctx.jumps.pop();
    return items;
  }

  private labeled(labels: string[], loop: t.Statement): t.Statement {
    return labels.reduceRight<t.Statement>((acc, l) => t.labeledStatement(id(l), acc), loop);
  }

  // ---- loops -------------------------------------------------------------------------------

  private whileLoop(s: t.WhileStatement, out: Item[], labels: string[]): void {
    const lo = this.ctx.peekPc();
    let loop: t.Statement;
    if (!this.has(s.test)) {
      const body = this.loopBody(s.body, labels);
      loop = t.whileStatement(t.logicalExpression("||", resuming(), s.test), t.blockStatement(assemble(body)));
    } else {
      const items: Item[] = [];
      const test = this.headValue(s.test, items);
      items.push({ kind: "plain", stmt: t.ifStatement(t.unaryExpression("!", test), t.breakStatement()) });
      items.push(...this.loopBody(s.body, labels));
      loop = t.whileStatement(t.booleanLiteral(true), t.blockStatement(assemble(items)));
    }
    out.push(this.wrapCompound(this.labeled(labels, loop), lo, this.ctx.peekPc() - 1));
  }

  private doWhile(s: t.DoWhileStatement, out: Item[], labels: string[]): void {
    const lo = this.ctx.peekPc();
    let loop: t.Statement;
    if (!this.has(s.test)) {
      loop = t.doWhileStatement(s.test, t.blockStatement(assemble(this.loopBody(s.body, labels))));
    } else {
      const cont = this.ctx.label("cont");
      const body = this.loopBody(s.body, labels, cont);
      const items: Item[] = [];
      const [blo, bhi] = rangeOf(body);
      items.push(blo <= bhi ? { kind: "fixed", stmt: t.labeledStatement(id(cont), t.blockStatement(assemble(body))) }
                            : { kind: "plain", stmt: t.labeledStatement(id(cont), t.blockStatement(assemble(body))) });
      const again = this.ctx.temp();
      items.push({ kind: "plain", stmt: assign(again, this.ex.expr(s.test, items)) });
      loop = t.doWhileStatement(t.cloneNode(again), t.blockStatement(assemble(items)));
    }
    out.push(this.wrapCompound(this.labeled(labels, loop), lo, this.ctx.peekPc() - 1));
  }

  private forLoop(s: t.ForStatement, out: Item[], labels: string[]): void {
    const lo = this.ctx.peekPc();
    const pre: Item[] = [];
    let init: t.VariableDeclaration | t.Expression | null = s.init ?? null;
    let opened = false;
    if (init && init.type === "VariableDeclaration" && init.kind !== "var" &&
        init.declarations.every((d) => d.id.type === "Identifier")) {
      // for (let i = ...): the declaration stays in the head (the engine keeps per-iteration
      // bindings); it restores its value on re-entry. Initializers are evaluated first.
      const values = init.declarations.map((d) => (d.init ? this.ex.saveValue(this.ex.expr(d.init, pre), pre) : undef()));
      const names = init.declarations.map((d) => (d.id as t.Identifier).name);
      this.ctx.pushScope();
      opened = true;
      const decls = names.map((n, i) => this.ctx.restoringDeclarator(n, values[i]));
      this.ctx.declare(names);
      init = t.variableDeclaration(init.kind === "const" ? "const" : "let", decls);
    } else if (init && init.type === "VariableDeclaration") {
      // var, or let/const with patterns: declared before the loop.
      this.ctx.pushScope();
      opened = true;
      this.declaration(init, pre);
      init = null;
    } else if (init) {
      // An expression: runs once, before the loop, never again on re-entry.
      this.ex.effect(init as t.Expression, pre);
      init = null;
    }

    let loop: t.Statement;
    const test = s.test ?? null;
    const update = s.update ?? null;
    if (!this.has(test) && !this.has(update)) {
      const body = this.loopBody(s.body, labels);
      loop = t.forStatement(init, test ? t.logicalExpression("||", resuming(), test) : null, update, t.blockStatement(assemble(body)));
    } else {
      const items: Item[] = [];
      if (test) {
        const v = this.headValue(test, items);
        items.push({ kind: "plain", stmt: t.ifStatement(t.unaryExpression("!", v), t.breakStatement()) });
      }
      if (this.has(update)) {
        const cont = this.ctx.label("cont");
        const body = this.loopBody(s.body, labels, cont);
        const [blo, bhi] = rangeOf(body);
        const block = t.labeledStatement(id(cont), t.blockStatement(assemble(body)));
        items.push(blo <= bhi ? { kind: "fixed", stmt: t.ifStatement(this.ctx.enterGuard(blo, bhi), block) } : { kind: "plain", stmt: block });
        this.ex.effect(update!, items);
        loop = t.forStatement(init, null, null, t.blockStatement(assemble(items)));
      } else {
        items.push(...this.loopBody(s.body, labels));
        loop = t.forStatement(init, null, update, t.blockStatement(assemble(items)));
      }
    }
    if (opened) this.ctx.popScope();
    const hi = this.ctx.peekPc() - 1;
    const all = assembleInto(pre, this.labeled(labels, loop));
    out.push(this.wrapCompound(all, lo, hi));
  }

  /** Binds a loop variable (`for (const [a, b] of ...)`, `for (x.y in ...)`) from a value, in a new scope. */
  private bindLoopHead(left: t.VariableDeclaration | t.LVal, value: t.Expression, out: Item[]): void {
    this.ctx.pushScope();
    if (left.type === "VariableDeclaration") {
      const d = left.declarations[0];
      this.declaration(t.variableDeclaration(left.kind, [t.variableDeclarator(d.id, value)]), out);
      return;
    }
    this.ex.assignTo(left, value, out);
  }

  /**
   * for-of is lowered to plain JavaScript that the other rules then make resumable: the iteration
   * state lives in block locals, arrays are walked by index (exactly what the unmodified array
   * iterator does), other iterables through next(), and an early exit calls the iterator's
   * return() from a finally block — a call site like any other, so it may switch too.
   */
  private forOf(s: t.ForOfStatement, out: Item[], labels: string[]): void {
    if (s.await) {
      out.push({ kind: "plain", stmt: s });
      return;
    }
    this.stmt(lowerForOf(s, labels, (k) => this.ctx.label(k), iterationSubject(s, this.ex.source)), out);
  }

  private forIn(s: t.ForInStatement, out: Item[], labels: string[]): void {
    const lo = this.ctx.peekPc();
    const pre: Item[] = [];
    const obj = this.ctx.temp("o");
    const keys = this.ctx.temp("keys");
    const idx = this.ctx.temp("i");
    pre.push({ kind: "plain", stmt: assign(obj, this.headValue(s.right, pre)) });
    pre.push({ kind: "plain", stmt: assign(keys, t.callExpression(F("keys"), [t.cloneNode(obj)])) });
    pre.push({ kind: "plain", stmt: assign(idx, num(0)) });
    const items: Item[] = [];
    const key = t.memberExpression(t.cloneNode(keys), t.cloneNode(idx), true);
    // A key deleted before it is visited is skipped, as for-in does.
    items.push({ kind: "plain", stmt: t.ifStatement(
      t.unaryExpression("!", t.binaryExpression("in", t.cloneNode(key), t.callExpression(id("Object"), [t.cloneNode(obj)]))),
      t.continueStatement()) });
    this.bindLoopHead(s.left as any, t.cloneNode(key), items);
    this.ctx.jumps.push({ kind: "loop", labels });
    if (s.body.type === "BlockStatement") items.push(...this.block(s.body.body));
    else this.stmt(s.body, items);
    this.ctx.jumps.pop();
    this.ctx.popScope();
    const loop = this.labeled(labels, t.forStatement(null,
      t.logicalExpression("||", resuming(), t.binaryExpression("<", t.cloneNode(idx), t.memberExpression(t.cloneNode(keys), id("length")))),
      t.updateExpression("++", t.cloneNode(idx)), t.blockStatement(assemble(items))));
    const hi = this.ctx.peekPc() - 1;
    out.push(this.wrapCompound(assembleInto(pre, loop), lo, hi));
  }

  // ---- switch ------------------------------------------------------------------------------

  private switchStmt(s: t.SwitchStatement, out: Item[], labels: string[]): void {
    const lo = this.ctx.peekPc();
    const pre: Item[] = [];
    // The case index lives as long as the switch (resuming dispatches on it); the discriminant and
    // the case tests' temporaries only until a case is chosen.
    const which = this.ctx.temp("k");
    const discMark = this.ctx.tempMark();
    const disc = this.ctx.temp("d");
    pre.push({ kind: "plain", stmt: assign(disc, this.headValue(s.discriminant, pre)) });
    // The matching case index, testing cases in order (lazily, as switch does); default last.
    const defaultIndex = s.cases.findIndex((c) => c.test === null);
    pre.push({ kind: "plain", stmt: assign(t.cloneNode(which), num(defaultIndex)) });
    const tests: Item[] = [];
    const exit = this.ctx.label("case");
    s.cases.forEach((c, i) => {
      if (!c.test) return;
      const v = this.headValue(c.test, tests);
      tests.push({ kind: "plain", stmt: t.ifStatement(t.binaryExpression("===", t.cloneNode(disc), v),
        t.blockStatement([assign(t.cloneNode(which), num(i)), t.breakStatement(id(exit))])) });
    });
    this.ctx.releaseTemps(discMark);
    const [tlo, thi] = rangeOf(tests);
    const testBlock = t.labeledStatement(id(exit), t.blockStatement(assemble(tests)));
    pre.push(tlo <= thi ? { kind: "fixed", stmt: t.ifStatement(this.ctx.enterGuard(tlo, thi), testBlock) } : { kind: "plain", stmt: testBlock });

    // Declarations in case bodies are scoped to the whole switch.
    const all = s.cases.flatMap((c) => c.consequent);
    const { functions } = blockDeclarations(all);
    this.ctx.pushScope(functions);
    if (functions.length) pre.push({ kind: "fixed", stmt: this.ctx.restoreAssignments(functions) });
    this.ctx.jumps.push({ kind: "switch", labels });
    // A let of one case clause is in scope (possibly uninitialized) in the following ones.
    for (const c of s.cases) for (const name of blockDeclarations(c.consequent).lets) this.ctx.tdzUnsafe.add(name);
    const cases = s.cases.map((c, i) => {
      const items: Item[] = [];
      for (const st of c.consequent) this.stmt(st, items);
      return t.switchCase(num(i), assemble(items));
    });
    this.ctx.jumps.pop();
    this.ctx.popScope();
    const sw = this.labeled(labels, t.switchStatement(t.cloneNode(which), cases));
    const hi = this.ctx.peekPc() - 1;
    out.push(this.wrapCompound(assembleInto(pre, sw), lo, hi));
  }

  // ---- try ---------------------------------------------------------------------------------

  private tryStmt(s: t.TryStatement, out: Item[]): void {
    const lo = this.ctx.peekPc();
    const finHasCalls = !!s.finalizer && this.has(s.finalizer);
    let completion: JumpTarget["completion"] | undefined;
    const pre: Item[] = [];
    if (finHasCalls) {
      completion = { code: this.ctx.temp("c"), value: this.ctx.temp("cv"), exit: this.ctx.label("try"), jumps: [] };
      pre.push({ kind: "plain", stmt: assign(t.cloneNode(completion.code), num(0)) });
      pre.push({ kind: "plain", stmt: assign(t.cloneNode(completion.value), undef()) });
      this.ctx.jumps.push({ kind: "finally", labels: [], completion });
    }
    const tryLo = this.ctx.peekPc();
    const block = this.block(s.block.body);
    let handler: t.CatchClause | null = null;
    let reenter: t.Statement | null = null;
    if (s.handler) {
      const cLo = this.ctx.peekPc();
      const caught = id(this.ctx.label("x"));
      const body: t.Statement[] = [];
      if (s.handler.param) body.push(t.variableDeclaration("let", [t.variableDeclarator(s.handler.param, caught)]));
      body.push(...s.handler.body.body);
      // The catch parameter is restored like any block declaration (it is declared in `body`).
      const items = this.block(body);
      const cHi = this.ctx.peekPc() - 1;
      handler = t.catchClause(t.cloneNode(caught), t.blockStatement(assemble(items)));
      if (cLo <= cHi) {
        // Resuming inside the catch block: enter it by throwing a marker from the try block.
        reenter = t.ifStatement(t.logicalExpression("&&", resuming(), inRangeExpr(cLo, cHi)), t.throwStatement(F("RE")));
      }
    }
    const tryHi = this.ctx.peekPc() - 1;
    const tryBody = t.blockStatement([...(reenter ? [reenter] : []), ...assemble(block)]);
    let main: t.Statement;
    if (!finHasCalls) {
      // A finally without call sites stays a native finally, skipped while the fiber unwinds.
      const fin = s.finalizer
        ? t.blockStatement([t.ifStatement(t.binaryExpression("!==", F("s"), F("U")), s.finalizer)])
        : null;
      main = t.tryStatement(tryBody, handler, fin);
      const hi = this.ctx.peekPc() - 1;
      out.push(this.wrapCompound(main, lo, hi));
      return;
    }
    this.ctx.jumps.pop();
    const c = completion!;
    const inner = handler ? t.blockStatement([t.tryStatement(tryBody, handler)]) : tryBody;
    const err = id(this.ctx.label("e"));
    main = t.labeledStatement(id(c.exit), t.tryStatement(inner, t.catchClause(err,
      t.blockStatement([assign(t.cloneNode(c.code), num(1)), assign(t.cloneNode(c.value), t.cloneNode(err))]))));
    pre.push(tryLo <= tryHi ? { kind: "fixed", stmt: t.ifStatement(this.ctx.enterGuard(tryLo, tryHi), main) } : { kind: "plain", stmt: main });
    // The finally block itself, then the completion it interrupted.
    pre.push(...this.block(s.finalizer!.body));
    pre.push({ kind: "plain", stmt: t.ifStatement(t.binaryExpression("===", t.cloneNode(c.code), num(1)), t.throwStatement(t.cloneNode(c.value))) });
    const tail: Item[] = [];
    tail.push({ kind: "plain", stmt: t.ifStatement(t.binaryExpression("===", t.cloneNode(c.code), num(2)), this.returnStmt(t.cloneNode(c.value))) });
    c.jumps.forEach((j, i) => {
      tail.push({ kind: "plain", stmt: t.ifStatement(t.binaryExpression("===", t.cloneNode(c.code), num(3 + i)), this.jump(j as any)) });
    });
    pre.push(...tail);
    const hi = this.ctx.peekPc() - 1;
    out.push(this.wrapCompound(t.blockStatement(assemble(pre)), lo, hi));
  }
}

function inRangeExpr(lo: number, hi: number): t.Expression {
  if (lo === hi) return t.binaryExpression("===", id("$$pc"), num(lo));
  return t.logicalExpression("&&", t.binaryExpression(">=", id("$$pc"), num(lo)), t.binaryExpression("<=", id("$$pc"), num(hi)));
}

function isLoop(s: t.Statement): boolean {
  return s.type === "WhileStatement" || s.type === "DoWhileStatement" || s.type === "ForStatement" ||
    s.type === "ForInStatement" || s.type === "ForOfStatement";
}

/** Items before a loop/switch plus the statement itself, as one block. */
function assembleInto(pre: Item[], stmt: t.Statement): t.Statement {
  if (pre.length === 0) return stmt;
  return t.blockStatement([...assemble(pre), stmt]);
}

/** Names declared directly in a statement list: let/const/class, and function declarations. */
export function blockDeclarations(stmts: t.Statement[]): { lets: string[]; functions: string[] } {
  const lets: string[] = [];
  const functions: string[] = [];
  for (const s of stmts) {
    if (s.type === "VariableDeclaration" && s.kind !== "var") {
      for (const d of s.declarations) lets.push(...Object.keys(t.getBindingIdentifiers(d.id)));
    } else if (s.type === "ClassDeclaration" && s.id) lets.push(s.id.name);
    else if (s.type === "FunctionDeclaration" && s.id) functions.push(s.id.name);
  }
  return { lets, functions };
}

/** The plain-JavaScript form of a for-of loop (see StatementRewriter.forOf). */
export function lowerForOf(s: t.ForOfStatement, labels: string[], fresh: (kind: string) => string, subject: string | null): t.Statement {
  const [src, arr, it, i, r, v, n, ret] = ["src", "a", "it", "i", "r", "v", "n", "ret"].map((k) => id(fresh(k)));
  const c = (x: t.Identifier) => t.cloneNode(x);
  const F2 = (name: string) => t.memberExpression(id("$$F"), id(name));
  const decls = t.variableDeclaration("let", [
    t.variableDeclarator(src, t.callExpression(F2("iter"), [s.right, subject === null ? t.nullLiteral() : t.stringLiteral(subject)])),
    t.variableDeclarator(arr, t.memberExpression(c(src), id("a"))),
    t.variableDeclarator(it, t.memberExpression(c(src), id("it"))),
    t.variableDeclarator(i, num(0)),
    t.variableDeclarator(r), t.variableDeclarator(v), t.variableDeclarator(n),
  ]);
  const fromArray = t.blockStatement([
    t.ifStatement(t.binaryExpression(">=", c(i), t.memberExpression(c(arr), id("length"))), t.breakStatement()),
    assign(c(v), t.memberExpression(c(arr), t.updateExpression("++", c(i)), true)),
  ]);
  // While next() runs, the iterator is not closed if it throws: `it` is null meanwhile.
  const fromIterator = t.blockStatement([
    assign(c(n), c(it)),
    assign(c(it), t.nullLiteral()),
    assign(c(r), t.callExpression(F2("step"), [t.callExpression(t.memberExpression(c(n), id("next")), [])])),
    t.ifStatement(t.memberExpression(c(r), id("done")), t.breakStatement()),
    assign(c(it), c(n)),
    assign(c(v), t.memberExpression(c(r), id("value"))),
  ]);
  const left = s.left;
  const bind: t.Statement = left.type === "VariableDeclaration"
    ? t.variableDeclaration(left.kind, [t.variableDeclarator(left.declarations[0].id, c(v))])
    : t.expressionStatement(t.assignmentExpression("=", left as t.LVal, c(v)));
  const body = s.body.type === "BlockStatement" ? s.body.body : [s.body];
  const loop = t.forStatement(null, null, null, t.blockStatement([
    t.ifStatement(t.binaryExpression("!==", c(arr), t.nullLiteral()), fromArray, fromIterator),
    t.blockStatement([bind, ...body]),
  ]));
  const labeled = labels.reduceRight<t.Statement>((acc, l) => t.labeledStatement(id(l), acc), loop);
  const close = t.ifStatement(t.binaryExpression("!==", c(it), t.nullLiteral()), t.blockStatement([
    t.variableDeclaration("const", [t.variableDeclarator(ret, t.memberExpression(c(it), id("return")))]),
    t.ifStatement(t.binaryExpression("!=", c(ret), t.nullLiteral()),
      t.expressionStatement(t.callExpression(F2("closed"), [t.callExpression(t.memberExpression(c(ret), id("call")), [c(it)])]))),
  ]));
  return t.blockStatement([decls, t.tryStatement(t.blockStatement([labeled]), null, t.blockStatement([close]))]);
}

