/**
 * How V8 names an expression in its TypeErrors ("o.m is not a function", "n is not iterable").
 *
 * The engine prints the operand from its syntax tree (its "CallPrinter"), not from the source text:
 * `o["b"]` is `o.b`, `({ a: 1 })` is `{(intermediate value)}`, a call is `f(...)`, and whatever it
 * does not print is `(intermediate value)`. Compiled code raises some of these errors itself
 * (`Protocol.notCallable`, `iter`, `items`), because the compiler has moved the operand into a temp
 * that the engine would name instead; it passes the text made here so that the message reads as it
 * would natively. The rules below are the ones measured on Node 20 (V8 11.3).
 */
import { types as t } from "@babel/core";

const INTERMEDIATE = "(intermediate value)";

/** A name in ASCII letters, digits, `_` and `$` (a non-ASCII one is printed from the tree instead). */
const NAME = /^[A-Za-z_$][\w$]*$/;
/** A name, then `.name`, `[name]` or `[digits]` links: printed by the engine as written. */
const PLAIN_CHAIN = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[(?:[A-Za-z_$][\w$]*|\d+)\])*$/;

/**
 * The engine's text for an operand of the source. Names are read from the source range the node
 * came from, so that a name the compiler changed since (a renamed shadowing binding, a variable
 * moved into an environment object, which keeps the range of the name it replaced) reads as written.
 */
export function engineTextOf(node: t.Node, source: string): string {
  const { start, end } = node;
  if (typeof start === "number" && typeof end === "number" && end <= source.length) {
    const text = source.slice(start, end);
    if (PLAIN_CHAIN.test(text)) return text;
  }
  return engineText(node, source);
}

/** The engine's printing of a node (its "CallPrinter"), each sub-operand by engineTextOf. */
function engineText(node: t.Node, source: string): string {
  const text = (n: t.Node): string => engineTextOf(n, source);
  switch (node.type) {
    case "Identifier":
      return node.name;
    case "ThisExpression":
      return "this";
    case "Super":
      return "super";
    case "NumericLiteral":
      return String(node.value);
    case "StringLiteral":
      return `"${node.value}"`;
    case "BooleanLiteral":
      return String(node.value);
    case "NullLiteral":
      return "null";
    case "RegExpLiteral":
      return `/${node.pattern}/${node.flags}`;
    case "TemplateLiteral":
      return node.expressions.length === 0 ? `"${node.quasis[0].value.cooked ?? ""}"` : INTERMEDIATE;
    case "MemberExpression":
    case "OptionalMemberExpression": {
      // A variable moved into an environment object (boxing.ts) by a node without a source range.
      if (isBoxedRead(node)) return ((node as t.MemberExpression).property as t.Identifier).name;
      const obj = text(node.object);
      const dot = node.optional ? "?." : ".";
      const key = node.property;
      if (!node.computed) return `${obj}${dot}${key.type === "PrivateName" ? `#${key.id.name}` : (key as t.Identifier).name}`;
      // A string key prints as a dotted name, whatever it contains.
      if (key.type === "StringLiteral") return `${obj}${dot}${key.value}`;
      return `${obj}${node.optional ? "?." : ""}[${text(key)}]`;
    }
    case "CallExpression":
    case "NewExpression":
      return `${text(node.callee)}(...)`;
    case "ArrayExpression":
      return `[${node.elements.map((e) => (e === null ? "" : text(e))).join(",")}]`;
    case "ObjectExpression":
      return `{${node.properties.map(() => INTERMEDIATE).join("")}}`;
    case "BinaryExpression":
    case "LogicalExpression":
      return `(${text(node.left)} ${node.operator} ${text(node.right)})`;
    case "UnaryExpression":
      // The parser folds `-1` into a number.
      if (node.operator === "-" && node.argument.type === "NumericLiteral") return String(-node.argument.value);
      return `(${node.operator}${/^[a-z]/.test(node.operator) ? " " : ""}${text(node.argument)})`;
    case "UpdateExpression":
      return node.prefix ? `(${node.operator}${text(node.argument)})` : `(${text(node.argument)}${node.operator})`;
    case "SequenceExpression":
      // `(0, $$eN.f)`: boxing.ts's form of a boxed variable called as a plain function.
      if (node.expressions.length === 2 && node.expressions[0].type === "NumericLiteral" && isBoxedRead(node.expressions[1])) {
        return text(node.expressions[1]);
      }
      return `(${node.expressions.map(text).join(" , ")})`;
    case "ConditionalExpression":
      return INTERMEDIATE.repeat(3);
    case "ParenthesizedExpression":
    case "TSAsExpression":
    case "TSSatisfiesExpression":
    case "TSNonNullExpression":
    case "TSTypeAssertion":
      return text(node.expression);
    default:
      return INTERMEDIATE;
  }
}

/** `$$eN.x`: a read of variable x that boxing.ts moved into environment object $$eN. */
function isBoxedRead(node: t.Node): boolean {
  return node.type === "MemberExpression" && !node.computed && node.object.type === "Identifier" &&
    /^\$\$e\d+$/.test(node.object.name) && node.property.type === "Identifier";
}

/**
 * The subject of "... is not iterable" for a for-of or an array spread of `node`: the operand, or
 * for a call "f is not a function or its return value". An optional chain is not printed.
 */
export function iterableText(node: t.Node, source: string): string {
  if (node.type === "CallExpression" || node.type === "NewExpression") {
    return `${engineTextOf(node.callee, source)} is not a function or its return value`;
  }
  if (node.type === "OptionalMemberExpression" || node.type === "OptionalCallExpression") return INTERMEDIATE;
  return engineTextOf(node, source);
}

/**
 * The same for the value of an array-destructuring declaration (`const [a] = v`), which V8 names only
 * when it is a name, `this`, a literal or a call; for anything else (and for assignment and parameter
 * patterns) it describes the value instead (undefined here: runtime/iteration.src.js `items`).
 */
export function destructuredText(node: t.Node, source: string): string | undefined {
  // A name as written (also one the compiler has renamed or moved into an environment object since);
  // a compiler temp (a for-of head's value, say) has no source range and is not named.
  const { start, end } = node;
  const text = typeof start === "number" && typeof end === "number" ? source.slice(start, end) : "";
  if (NAME.test(text)) return text;
  switch (node.type) {
    case "NumericLiteral":
    case "StringLiteral":
    case "BooleanLiteral":
    case "NullLiteral":
    case "CallExpression":
    case "NewExpression":
      return iterableText(node, source);
    default:
      return undefined;
  }
}

/**
 * What the for-of loops that the compiler makes itself (to collect a spread, explode.ts) name in
 * "... is not iterable": the spread operand, or null for a call's spread argument, whose message
 * the engine words differently. A for-of of the source is named from its own operand.
 */
const ITERATION_SUBJECTS = new WeakMap<t.ForOfStatement, string | null>();

export function setIterationSubject(loop: t.ForOfStatement, subject: string | null): void {
  ITERATION_SUBJECTS.set(loop, subject);
}

export function iterationSubject(loop: t.ForOfStatement, source: string): string | null {
  const subject = ITERATION_SUBJECTS.get(loop);
  return subject === undefined ? iterableText(loop.right, source) : subject;
}
