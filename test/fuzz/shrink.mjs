// Test-case reducer for failing fuzz programs (delta debugging over the Babel AST).
//
// shrink(src, failure, check) repeatedly proposes smaller variants of the program and keeps a
// variant when `check(variant)` fails the same way (same result kind: a mismatch stays a mismatch,
// a timeout stays a timeout). Edits, tried in this order, until none applies:
//   1. remove chunks of a list (statements, class members, switch cases, arguments, array
//      elements, object properties, parameters), halving the chunk size down to 2 (ddmin);
//   2. remove single list items;
//   3. unwrap statements (if -> branch, try -> block or drop catch/finally, loop/label -> body,
//      nested block -> its statements);
//   4. replace an expression by `0` or by one of its operands.
// Loop headers and recursion guards (`!(n > 0 && n < 6)`) are never edited, so shrinking does not
// turn a terminating program into one that runs forever. Variants that do not parse are skipped;
// variants whose reference run fails to load are rejected by `check` (kind "invalid").
import { parse } from "@babel/parser";
import generatorModule from "@babel/generator";
import * as t from "@babel/types";
import { signature } from "./common.mjs";

const generate = generatorModule.default ?? generatorModule;

const LIST_KEYS = new Set(["body", "consequent", "cases", "arguments", "elements", "properties", "params", "expressions"]);

/** Slots whose expression may be replaced (never binding/assignment targets or loop headers). */
const EXPR_SLOTS = {
  BinaryExpression: ["left", "right"],
  LogicalExpression: ["left", "right"],
  ConditionalExpression: ["test", "consequent", "alternate"],
  UnaryExpression: ["argument"],
  SequenceExpression: ["expressions"],
  CallExpression: ["arguments"],
  OptionalCallExpression: ["arguments"],
  NewExpression: ["arguments"],
  ArrayExpression: ["elements"],
  ObjectProperty: ["value"],
  TemplateLiteral: ["expressions"],
  ReturnStatement: ["argument"],
  VariableDeclarator: ["init"],
  AssignmentExpression: ["right"],
  AssignmentPattern: ["right"],
  MemberExpression: ["property"],
  IfStatement: ["test"],
  SwitchStatement: ["discriminant"],
  SwitchCase: ["test"],
  ThrowStatement: ["argument"],
  SpreadElement: ["argument"],
  YieldExpression: ["argument"],
  ArrowFunctionExpression: ["body"],
  ForOfStatement: ["right"],
  ForInStatement: ["right"],
};

/** Direct sub-expressions an expression may be replaced by. */
function operands(node) {
  switch (node.type) {
    case "BinaryExpression":
    case "LogicalExpression":
      return [node.left, node.right];
    case "ConditionalExpression":
      return [node.consequent, node.alternate];
    case "UnaryExpression":
      return node.operator === "delete" ? [] : [node.argument];
    case "SequenceExpression":
      return [node.expressions.at(-1)];
    case "CallExpression":
    case "OptionalCallExpression":
    case "NewExpression":
      return node.arguments.filter((a) => t.isExpression(a));
    case "TemplateLiteral":
      return node.expressions;
    case "AssignmentExpression":
      return [node.right];
    case "AwaitExpression":
    case "YieldExpression":
      return node.argument ? [node.argument] : [];
    default:
      return [];
  }
}

const isGuard = (node) => /^!\(n\d+ > 0 && n\d+ < 6\)$/.test(generate(node).code);

function isZero(node) {
  return t.isNumericLiteral(node) && node.value === 0;
}

/** Pre-order walk calling visit(node, parent, key, index). */
function walk(node, visit, parent = null, key = null, index = null) {
  if (!node || typeof node.type !== "string") return;
  visit(node, parent, key, index);
  for (const k of t.VISITOR_KEYS[node.type] ?? []) {
    const v = node[k];
    if (Array.isArray(v)) v.forEach((c, i) => walk(c, visit, node, k, i));
    else walk(v, visit, node, k, null);
  }
}

/** Loop headers: nothing inside them is edited. */
function isLoopHeader(parent, key) {
  return (parent.type === "ForStatement" && key !== "body") || ((parent.type === "WhileStatement" || parent.type === "DoWhileStatement") && key === "test");
}

/**
 * Every edit of one kind, in a deterministic order; each edit mutates the AST it was enumerated
 * from. `chunkSize` > 1: chunk removals of that size; 1: single removals.
 */
function edits(ast, kind, chunkSize) {
  const out = [];
  const protectedNodes = new Set();
  const patternProps = new Set();
  walk(ast.program, (node, parent, key) => {
    if (parent && (protectedNodes.has(parent) || isLoopHeader(parent, key))) {
      protectedNodes.add(node);
      return;
    }
    if (node.type === "IfStatement" && isGuard(node.test)) protectedNodes.add(node.test);
    if (node.type === "ObjectPattern") for (const p of node.properties) patternProps.add(p);
    if (kind === "remove") {
      for (const k of t.VISITOR_KEYS[node.type] ?? []) {
        const list = node[k];
        if (!LIST_KEYS.has(k) || !Array.isArray(list) || list.length === 0) continue;
        if (node.type === "Program") continue; // keep `export function main`
        if (node.type === "TemplateLiteral" || node.type === "SequenceExpression" && list.length < 2) continue;
        if (chunkSize > 1 && list.length < chunkSize) continue;
        for (let start = 0; start < list.length; start += chunkSize) {
          out.push(() => {
            if (node.type === "SequenceExpression" && list.length - chunkSize < 1) return false;
            list.splice(start, chunkSize);
            return true;
          });
        }
      }
    } else if (kind === "unwrap") {
      if (!parent || key === null) return;
      const replaceWith = (repl) => () => {
        const slot = parent[key];
        if (Array.isArray(slot)) {
          const i = slot.indexOf(node);
          if (t.isBlockStatement(repl) && Array.isArray(slot) && (key === "body" || key === "consequent")) slot.splice(i, 1, ...repl.body);
          else slot[i] = repl;
        } else parent[key] = repl;
        return true;
      };
      if (node.type === "IfStatement") {
        out.push(replaceWith(node.consequent));
        if (node.alternate) out.push(replaceWith(node.alternate), () => ((node.alternate = null), true));
      } else if (node.type === "TryStatement") {
        out.push(replaceWith(node.block));
        if (node.handler && node.finalizer) out.push(() => ((node.handler = null), true), () => ((node.finalizer = null), true));
      } else if (["ForStatement", "WhileStatement", "DoWhileStatement", "ForOfStatement", "ForInStatement", "LabeledStatement"].includes(node.type)) {
        out.push(replaceWith(node.body));
      } else if (node.type === "BlockStatement" && Array.isArray(parent[key])) {
        out.push(replaceWith(node));
      }
    } else if (kind === "simplify") {
      if (!parent || protectedNodes.has(node)) return;
      const slots = EXPR_SLOTS[parent.type];
      if (!slots || !slots.includes(key) || !t.isExpression(node)) return;
      if (parent.type === "MemberExpression" && !parent.computed) return;
      if (parent.type === "ArrowFunctionExpression" && t.isBlockStatement(node)) return;
      if (patternProps.has(parent)) return; // the value of a pattern property is a binding
      const set = (repl) => () => {
        if (Array.isArray(parent[key])) parent[key][parent[key].indexOf(node)] = repl;
        else parent[key] = repl;
        return true;
      };
      if (!isZero(node)) out.push(set(t.numericLiteral(0)));
      for (const op of operands(node)) if (op && t.isExpression(op)) out.push(set(op));
    }
  });
  return out;
}

function parseProgram(src) {
  return parse(src, { sourceType: "module", errorRecovery: false });
}

function print(ast) {
  return generate(ast, { retainLines: false, comments: false }).code + "\n";
}

/** Text of edit `i` of the given kind applied to `src`, or null when the result is not a program. */
function applyEdit(src, kind, chunkSize, i) {
  const ast = parseProgram(src);
  const list = edits(ast, kind, chunkSize);
  if (i >= list.length) return undefined;
  try {
    if (!list[i]()) return null;
    const out = print(ast);
    parseProgram(out); // reject edits that produce invalid syntax (e.g. `break` outside a loop)
    return out;
  } catch {
    return null;
  }
}

/**
 * Shrinks `src`, which fails with `failure` ({ kind }). `check(src)` resolves to a result with a
 * `kind`. A variant must keep the original's signature() (with `loose`: only its kind). `parallel` candidates are checked at once (the first one, in order, that still fails
 * is taken). Returns { src, result, tests }.
 */
export async function shrink(src, failure, check, { loose = false, parallel = 2, maxTests = 4000, maxMs = 10 * 60_000, log = () => {} } = {}) {
  const sig = signature(failure);
  const same = loose ? (r) => r.kind === failure.kind : (r) => signature(r) === sig;
  const t0 = Date.now();
  let cur = print(parseProgram(src));
  let result = failure;
  let tests = 0;
  {
    const r = await check(cur);
    tests++;
    if (!same(r)) {
      log(`reformatted program no longer fails (${r.kind}); keeping the original`);
      return { src, result: failure, tests };
    }
    result = r;
  }
  const budgetLeft = () => tests < maxTests && Date.now() - t0 < maxMs;
  for (let round = 1; budgetLeft(); round++) {
    const before = cur.length;
    const phases = [];
    for (let size = 64; size >= 2; size >>= 1) phases.push(["remove", size]);
    phases.push(["remove", 1], ["unwrap", 0], ["simplify", 0]);
    for (const [kind, size] of phases) {
      let i = 0;
      while (budgetLeft()) {
        const batch = [];
        for (let k = i; batch.length < parallel; k++) {
          const cand = applyEdit(cur, kind, size, k);
          if (cand === undefined) break;
          if (cand !== null && cand !== cur) batch.push({ k, cand });
          else if (batch.length === 0) i = k + 1;
        }
        if (batch.length === 0) break;
        const results = await Promise.all(batch.map((b) => check(b.cand)));
        tests += batch.length;
        const hit = results.findIndex(same);
        if (hit >= 0) {
          cur = batch[hit].cand;
          result = results[hit];
          i = batch[hit].k; // the list shifted: the same index now names the next candidate
        } else {
          i = batch.at(-1).k + 1;
        }
      }
    }
    log(`round ${round}: ${before} -> ${cur.length} chars (${tests} runs)`);
    if (cur.length >= before) break;
  }
  return { src: cur, result, tests };
}
