/**
 * Fast path: the copy of a frame's body that runs when the frame is *not* being resumed.
 *
 * The rewritten body (statements.ts) serves both running and re-entry, so every statement pays for
 * a `$$pc` test: plain statements sit under `if ($$pc === 0)`, loops test `$$pc !== 0 || cond`,
 * declarations read `$$pc !== 0 ? $$l[k] : init`, call sites carry an `else if ($$pc === k)`
 * resume branch. On a normal call `$$pc` is 0 from entry to exit (only a resume sets it, and a
 * resumed call site sets it back to 0), so frames.ts emits two copies:
 *
 *   if ($$F.s === SELF) $$F.s = null;
 *   else if ($$F.s === $$F.R) { restore locals; <guarded body>; return; }   // resume path
 *   else if ($$F.f) return $$F.nat(...);
 *   <the body with $$pc folded to 0>                                          // fast path
 *
 * The fast copy is the guarded body with every read of `$$pc` replaced by 0 and the resulting
 * constant tests folded away; its call sites keep their captures, so it suspends exactly like the
 * guarded copy (the capture records the same pc and locals, and resuming runs the guarded copy).
 * Nested functions are not entered: each has its own `$$pc`.
 */
import { types as t } from "@babel/core";
import { PC } from "./names.js";
import { STOP, isBoundary, search } from "./walk.js";

/**
 * Larger bodies keep only the guarded copy. Measured (docs/performance.md): the bench programs' hot
 * functions are far smaller, and without a cap the compiled output grows from 11x to 14.4x the
 * input on the compile corpus (12x with this cap), which the compile-throughput target pays for.
 */
const MAX_COPIED_NODES = 600;
/** Experiments only (bench/experiments/fast-path-ab.mjs): `FIBERS_TS_FAST_COPY_MAX=0` disables the copies. */
const maxCopiedNodes = (): number => {
  const env = typeof process === "object" ? process.env?.FIBERS_TS_FAST_COPY_MAX : undefined;
  return env === undefined ? MAX_COPIED_NODES : Number(env);
};

/**
 * Returns the fast copy of a guarded body, or null when it is too large or cannot be made (a `$$pc`
 * write outside a resume branch would make `$$pc` not constant); the guarded body alone is then used.
 */
export function foldRunning(guarded: t.Statement[]): t.Statement[] | null {
  if (tooLarge(guarded, maxCopiedNodes())) return null;
  const out: t.Statement[] = [];
  const state: CloneState = { comments: new Map(), writesPc: false };
  for (const s of guarded) {
    state.comments = new Map();
    pushStatement(out, foldedClone(s, state) as t.Statement);
  }
  // `$$pc = 0` lives only in resume branches (`else if ($$pc === k)`), which fold away; if a write
  // survived, `$$pc` would not be constant on this path.
  return state.writesPc ? null : out;
}

interface CloneState {
  /** Each comment of the statement being copied, to its copy. */
  comments: Map<object, object>;
  /** Whether the copy (outside nested functions) writes `$$pc`. */
  writesPc: boolean;
}

const NODE_FIELDS = t.NODE_FIELDS;
const hasOwn = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/**
 * `t.cloneNode(node, true)` with every node outside nested functions and classes folded as it is
 * copied (`foldNode`, children first): the same result as cloning, then folding, without copying
 * what folds away (the resume branch of every call site, the untaken side of every guard) and
 * without a second walk. `state.comments` maps each comment to its copy, as cloneNode does for one
 * statement: a comment shared by two nodes stays shared (the printer prints it once).
 */
function foldedClone(node: any, state: CloneState): any {
  if (isBoundary(node)) return deepClone(node, state.comments);
  if ((node.type === "AssignmentExpression" && isPcRead(node.left)) || (node.type === "UpdateExpression" && isPcRead(node.argument))) {
    state.writesPc = true;
  }
  // Guards whose test folds to a constant: only the side that is taken is copied.
  let first: [string, any] | undefined;
  switch (node.type) {
    case "IfStatement":
    case "ConditionalExpression": {
      const test = foldedClone(node.test, state);
      const v = truth(test);
      if (v === undefined) first = ["test", test];
      else {
        const taken = v ? node.consequent : node.alternate;
        return taken ? foldedClone(taken, state) : t.emptyStatement();
      }
      break;
    }
    case "LogicalExpression": {
      if (node.operator === "??") break;
      const left = foldedClone(node.left, state);
      const v = truth(left);
      if (v === undefined) first = ["left", left];
      else return (node.operator === "||") === v ? left : foldedClone(node.right, state);
      break;
    }
  }
  const copy = cloneWith(node, state.comments, (c) => foldedClone(c, state), first);
  return foldNode(copy) ?? copy;
}

/** A plain deep copy (a nested function or class), sharing foldedClone's comment copies. */
function deepClone(node: any, comments: Map<object, object>): any {
  return cloneWith(node, comments, (c) => deepClone(c, comments));
}

/** One node copied as cloneNode copies it, its child nodes by `child` (`done`: one field already copied). */
function cloneWith(node: any, comments: Map<object, object>, child: (c: any) => any, done?: [string, any]): any {
  const copy: any = { type: node.type };
  const field = (name: string) => {
    if (done !== undefined && done[0] === name) return done[1];
    const v = node[name];
    if (Array.isArray(v)) return v.map((c) => (c && typeof c.type === "string" ? child(c) : c));
    return v && typeof v.type === "string" ? child(v) : v;
  };
  if (node.type === "Identifier") {
    copy.name = node.name;
    if (hasOwn(node, "optional") && typeof node.optional === "boolean") copy.optional = node.optional;
    if (hasOwn(node, "typeAnnotation")) copy.typeAnnotation = field("typeAnnotation");
    if (hasOwn(node, "decorators")) copy.decorators = field("decorators");
  } else {
    for (const name of Object.keys(NODE_FIELDS[node.type])) if (hasOwn(node, name)) copy[name] = field(name);
  }
  copyMeta(node, copy, comments);
  return copy;
}

/** What cloneNode copies besides the fields: the location, the comments (copied once each), `extra`. */
function copyMeta(node: any, copy: any, comments: Map<object, object>): void {
  if (hasOwn(node, "loc")) copy.loc = node.loc;
  const cloneComments = (list: any[] | null | undefined) => list?.map((c) => {
    let cc = comments.get(c);
    if (cc === undefined) comments.set(c, cc = { type: c.type, value: c.value, loc: c.loc });
    return cc;
  }) ?? list;
  if (hasOwn(node, "leadingComments")) copy.leadingComments = cloneComments(node.leadingComments);
  if (hasOwn(node, "innerComments")) copy.innerComments = cloneComments(node.innerComments);
  if (hasOwn(node, "trailingComments")) copy.trailingComments = cloneComments(node.trailingComments);
  if (hasOwn(node, "extra")) copy.extra = Object.assign({}, node.extra);
}

/**
 * Is this `$$pc`? Only operands of comparisons are replaced: `$$pc = 0` targets stay (and fold away
 * with their resume branch; one that does not makes foldedClone give up the copy).
 */
function isPcRead(n: t.Node): boolean {
  return n.type === "Identifier" && n.name === PC;
}

/** One node, children already folded. */
function foldNode(n: t.Node): t.Node | undefined {
  switch (n.type) {
    case "BinaryExpression":
      if (isPcRead(n.left)) n.left = t.numericLiteral(0);
      if (isPcRead(n.right)) n.right = t.numericLiteral(0);
      return compare(n);
    case "LogicalExpression": {
      const left = truth(n.left);
      if (left === undefined) return undefined;
      if (n.operator === "||") return left ? n.left : n.right;
      if (n.operator === "&&") return left ? n.right : n.left;
      return undefined;
    }
    case "UnaryExpression": {
      const v = n.operator === "!" ? truth(n.argument) : undefined;
      return v === undefined ? undefined : t.booleanLiteral(!v);
    }
    case "ConditionalExpression": {
      const v = truth(n.test);
      return v === undefined ? undefined : v ? n.consequent : n.alternate;
    }
    case "IfStatement": {
      const v = truth(n.test);
      if (v === undefined) return undefined;
      return (v ? n.consequent : n.alternate) ?? t.emptyStatement();
    }
    case "BlockStatement": {
      const body: t.Statement[] = [];
      for (const s of n.body) pushStatement(body, s);
      n.body = body;
      return n;
    }
  }
  return undefined;
}

/** `0 === 0` and friends: the folded comparison, or undefined when an operand is not a number literal. */
function compare(n: t.BinaryExpression): t.Node | undefined {
  if (n.left.type !== "NumericLiteral" || n.right.type !== "NumericLiteral") return undefined;
  const a = n.left.value, b = n.right.value;
  switch (n.operator) {
    case "===": return t.booleanLiteral(a === b);
    case "!==": return t.booleanLiteral(a !== b);
    case "<": return t.booleanLiteral(a < b);
    case "<=": return t.booleanLiteral(a <= b);
    case ">": return t.booleanLiteral(a > b);
    case ">=": return t.booleanLiteral(a >= b);
  }
  return undefined;
}

/** The truth value of a folded boolean literal, else undefined. */
function truth(e: t.Node): boolean | undefined {
  return e.type === "BooleanLiteral" ? e.value : undefined;
}

/**
 * Appends a statement to a statement list, dropping empty statements and splicing in blocks that
 * declare nothing (a folded `if (true) { ... }`), so the fast copy reads like the source.
 */
function pushStatement(out: t.Statement[], s: t.Statement): void {
  if (s.type === "EmptyStatement") return;
  if (s.type === "BlockStatement" && !s.body.some(declaresInBlock)) {
    for (const inner of s.body) pushStatement(out, inner);
    return;
  }
  out.push(s);
}

/** Declarations whose scope is the enclosing block (splicing the block would widen them). */
function declaresInBlock(s: t.Statement): boolean {
  return (s.type === "VariableDeclaration" && s.kind !== "var") || s.type === "ClassDeclaration" || s.type === "FunctionDeclaration";
}

/** Does the code have more than `limit` nodes (nested functions included: they are copied too)? */
function tooLarge(stmts: t.Statement[], limit: number): boolean {
  let count = 0;
  const visit = () => (++count > limit ? STOP : undefined);
  for (const s of stmts) if (search(s, visit)) return true;
  return false;
}
