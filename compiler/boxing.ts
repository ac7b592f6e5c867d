/**
 * Boxing: closures must keep seeing the same variables after a frame is resumed. A resumed frame is
 * a new activation, so every variable that a nested function shares with its frame lives in an
 * environment object (`$$eN.x`) created where the variable's scope begins; the frame saves and
 * restores the object, not the value. (Even a variable never reassigned may be initialized after a
 * resume, while a closure created before it reads it.) See docs/design.md, "Closures".
 *
 * Not boxed (documented limitations): let/const declared in a for/for-in/for-of head (the engine's
 * per-iteration copies are kept), catch parameters, class and function declarations.
 */
import { types as t, type NodePath } from "@babel/core";
import type { Binding, Scope } from "@babel/traverse";
import type { FunctionPath } from "./normalize.js";
import { withName } from "./function-names.js";
import { some, isBoundary } from "./walk.js";

let envCounter = 0;
let iterationCounter = 0;

/** Names are numbered per file (see plugin.ts). */
export function resetBoxingNames(): void {
  envCounter = 0;
  iterationCounter = 0;
}

/**
 * Boxes the captured variables of one function in two phases: references are rewritten now, and
 * the returned steps (declarations become assignments, environments are created) run once every
 * function's references are rewritten (plugin.ts). A declaration step moves initializers into new
 * nodes, which would detach the path of a reference that is itself an initializer
 * (`var v = w`, `const o2 = o1` with w/o1 boxed by another scope).
 */
export function boxCapturedVariables(fn: FunctionPath): (() => void)[] {
  // Only a nested function or class can capture: without one, the traversal below finds nothing.
  if (!hasClosure([...fn.node.params, fn.node.body])) return [];
  if (!mayBeCaptured(fn.node)) return [];
  const fnScope = fn.scope;
  const byScope = new Map<Scope, Binding[]>();
  const scopes: Scope[] = [fnScope];
  fn.traverse({
    Scope(p) {
      if (p.scope.getFunctionParent() === fnScope && p.scope !== fnScope) scopes.push(p.scope);
    },
    Function(p) {
      p.skip();
    },
  });
  for (const scope of scopes) {
    for (const binding of Object.values(scope.bindings)) {
      if (!shouldBox(binding, fn)) continue;
      if (!byScope.has(scope)) byScope.set(scope, []);
      byScope.get(scope)!.push(binding);
    }
  }
  return [...byScope].map(([scope, bindings]) => box(scope, bindings, fn));
}

function shouldBox(b: Binding, fn: FunctionPath): boolean {
  if (b.kind !== "var" && b.kind !== "let" && b.kind !== "const" && b.kind !== "param") return false;
  if (b.path.isCatchClause() || b.path.isClassDeclaration() || b.path.isFunctionDeclaration()) return false;
  if (b.kind === "param" && !b.path.isIdentifier()) return false;
  const decl = b.path.parentPath;
  // let/const in a loop head keep the engine's per-iteration bindings (see docs/design.md).
  if (b.kind !== "var" && decl?.isVariableDeclaration() && decl.parentPath && decl.parentPath.isFor() && decl.listKey === undefined) return false;
  if (b.scope.path.isSwitchStatement()) return false;
  return [...b.referencePaths, ...b.constantViolations].some((p) => isInClosure(p, fn));
}

/**
 * Can this function's frame ever be captured? Not without a call (or an iteration, which calls
 * next()) in its own body: it is then a leaf (frames.ts), never resumed, and its closures share
 * its variables as the engine made them, so nothing needs a box. (A plain walk that ignores which
 * calls are pure: a function whose only calls are pure built-ins is still boxed, harmlessly.)
 */
function mayBeCaptured(fn: t.Function): boolean {
  return some([...fn.params, fn.body], (n, parent) =>
    n.type === "CallExpression" || n.type === "OptionalCallExpression" || n.type === "NewExpression" ||
    n.type === "TaggedTemplateExpression" || n.type === "ForOfStatement" || n.type === "ArrayPattern" ||
    (n.type === "SpreadElement" && parent?.type !== "ObjectExpression"));
}

/** Does this code contain a nested function or class (where `isInClosure` can hold)? A plain walk. */
function hasClosure(node: t.Node | t.Node[]): boolean {
  return some(node, (n) => isBoundary(n));
}

/** Is this reference inside a nested function (or a class member initializer) of `fn`? */
function isInClosure(p: NodePath, fn: FunctionPath): boolean {
  let cur: NodePath | null = p.parentPath;
  while (cur && cur !== (fn as NodePath)) {
    if (cur.isFunction() || cur.isClassProperty() || cur.isClassPrivateProperty() || cur.isStaticBlock()) return true;
    cur = cur.parentPath;
  }
  return false;
}

/**
 * Replaces a read of a variable by its environment member. A callee stays a plain call: `f()` becomes
 * `(0, $$e.f)()`, not `$$e.f()`, which would pass the environment as `this`.
 */
function replaceRead(ref: NodePath, member: t.MemberExpression): void {
  const parent = ref.parentPath;
  const isCallee = (parent?.isCallExpression() || parent?.isOptionalCallExpression()) && (parent.node as t.CallExpression).callee === ref.node ||
    parent?.isTaggedTemplateExpression() && parent.node.tag === ref.node;
  const replacement: t.Expression = isCallee ? t.sequenceExpression([t.numericLiteral(0), member]) : member;
  // Keeps the source range, so "f is not a function" still names `f` (explode.ts callableCheck).
  Object.assign(replacement, { start: ref.node.start, end: ref.node.end, loc: ref.node.loc });
  ref.replaceWith(replacement);
}

function box(scope: Scope, bindings: Binding[], fn: FunctionPath): () => void {
  const env = `$$e${++envCounter}`;
  const names = new Set(bindings.map((b) => b.identifier.name));
  const member = (name: string) => t.memberExpression(t.identifier(env), t.identifier(name));

  for (const b of bindings) {
    const name = b.identifier.name;
    for (const ref of b.referencePaths) {
      const parent = ref.parentPath;
      if (parent?.isObjectProperty() && parent.node.shorthand && parent.node.value === ref.node) {
        parent.node.shorthand = false;
      }
      if (parent?.isExportSpecifier()) continue;
      replaceRead(ref, member(name));
    }
    for (const v of b.constantViolations) {
      if (v.isAssignmentExpression() || v.isForXStatement()) {
        const left = v.get("left") as NodePath;
        replaceTargets(left, name, member);
      } else if (v.isUpdateExpression()) {
        v.get("argument").replaceWith(member(name));
      }
    }
  }
  return () => declareEnvironment(scope, bindings, fn, env, names, member);
}

function declareEnvironment(scope: Scope, bindings: Binding[], fn: FunctionPath, env: string, names: Set<string>,
  member: (name: string) => t.MemberExpression): void {
  // Declarations become assignments to the environment.
  const handled = new Set<t.Node>();
  for (const b of bindings) {
    const decl = b.path.parentPath;
    if (!decl?.isVariableDeclaration() || handled.has(decl.node)) continue;
    handled.add(decl.node);
    if (decl.parentPath.isForXStatement()) {
      // for (var x of xs): the loop assigns the environment member instead.
      const d = decl.node.declarations[0];
      if (d.id.type === "Identifier" && names.has(d.id.name)) decl.replaceWith(member(d.id.name));
      continue;
    }
    if (decl.parentPath.isForStatement()) {
      const assigns = decl.node.declarations.filter((d) => d.init).map((d) => {
        const target = d.id.type === "Identifier" && names.has(d.id.name) ? member(d.id.name) : d.id;
        return t.assignmentExpression("=", target as t.LVal, d.init!);
      });
      const kept = decl.node.declarations.filter((d) => !(d.id.type === "Identifier" && names.has(d.id.name)));
      if (kept.length === decl.node.declarations.length) continue;
      decl.replaceWith(assigns.length ? t.sequenceExpression(assigns) : t.identifier("undefined"));
      continue;
    }
    const stmts: t.Statement[] = [];
    for (const d of decl.node.declarations) {
      const bound = Object.keys(t.getBindingIdentifiers(d.id));
      if (!bound.some((n) => names.has(n))) {
        stmts.push(t.variableDeclaration(decl.node.kind, [d]));
        continue;
      }
      const kept = bound.filter((n) => !names.has(n));
      if (kept.length) stmts.push(t.variableDeclaration("let", kept.map((n) => t.variableDeclarator(t.identifier(n)))));
      if (d.id.type === "Identifier") {
        if (d.init || decl.node.kind !== "var") {
          stmts.push(t.expressionStatement(t.assignmentExpression("=", member(d.id.name), withName(d.id.name, d.init ?? t.identifier("undefined")))));
        }
      } else if (d.init) {
        const pattern = t.cloneNode(d.id);
        replaceInPattern(pattern, names, member);
        stmts.push(t.expressionStatement(t.assignmentExpression("=", pattern as t.LVal, d.init)));
      }
    }
    decl.replaceWithMultiple(stmts);
  }
  // The environment object, created where the scope begins.
  const init = t.objectExpression(bindings.map((b) => t.objectProperty(t.identifier(b.identifier.name),
    b.kind === "param" ? t.identifier(b.identifier.name) : t.identifier("undefined"))));
  const declaration = t.variableDeclaration("let", [t.variableDeclarator(t.identifier(env), init)]);
  const block = scope === fn.scope ? (fn.get("body") as NodePath<t.BlockStatement>) : scope.path;
  if (block.isBlockStatement()) {
    block.unshiftContainer("body", declaration);
  } else if (block.isCatchClause()) {
    block.get("body").unshiftContainer("body", declaration);
  } else {
    throw new Error(`fibers-ts internal error: cannot box variables of a ${block.type} scope`);
  }
}

function replaceTargets(left: NodePath, name: string, member: (n: string) => t.Expression): void {
  if (left.isIdentifier() && left.node.name === name) {
    left.replaceWith(member(name));
    return;
  }
  if (left.isVariableDeclaration()) return;
  replaceInPattern(left.node, new Set([name]), member);
}

/** Replaces binding identifiers inside a destructuring pattern with environment members. */
function replaceInPattern(node: t.Node, names: Set<string>, member: (n: string) => t.Expression): void {
  const fix = (n: any): any => {
    if (!n) return n;
    if (n.type === "Identifier") return names.has(n.name) ? member(n.name) : n;
    if (n.type === "ObjectPattern") {
      for (const p of n.properties) {
        if (p.type === "RestElement") p.argument = fix(p.argument);
        else {
          if (p.shorthand && p.value.type === "Identifier" && names.has(p.value.name)) p.shorthand = false;
          p.value = fix(p.value);
        }
      }
      return n;
    }
    if (n.type === "ArrayPattern") {
      n.elements = n.elements.map(fix);
      return n;
    }
    if (n.type === "AssignmentPattern") {
      n.left = fix(n.left);
      return n;
    }
    if (n.type === "RestElement") {
      n.argument = fix(n.argument);
      return n;
    }
    return n;
  };
  fix(node);
}

/**
 * Per-iteration environments: `for (let i = ...; ...; ...) body` where a closure in the body
 * captures i and the body assigns it. Each iteration gets its own environment object
 * `const $$eN = { i }`; the body (and its closures) use `$$eN.i`, and the value is copied back to
 * the loop's own binding before the update runs. A frame resumed in the middle of the body restores
 * the same environment object, so closures created before the switch see later assignments.
 * Returns whether it rewrote a loop (if not, plugin.ts skips a re-crawl of the scopes).
 */
export function boxLoopHeads(fn: FunctionPath): boolean {
  // Only a let/const loop whose body holds a closure qualifies; most functions have none, and a
  // plain walk is much cheaper than the traversal.
  const candidate = some(fn.node.body, (n) => n.type === "ForStatement" && n.init?.type === "VariableDeclaration" &&
    n.init.kind !== "var" && hasClosure(n.body));
  if (!candidate || !mayBeCaptured(fn.node)) return false;
  let changed = false;
  fn.traverse({
    Function(p) {
      p.skip();
    },
    ForStatement(loop) {
      const init = loop.get("init");
      if (!init.isVariableDeclaration() || init.node.kind === "var") return;
      const body = loop.get("body");
      if (!body.isBlockStatement()) return;
      const names = Object.keys(init.getBindingIdentifiers()).filter((name) => {
        const b = loop.scope.getBinding(name);
        if (!b) return false;
        const inBody = (p: NodePath) => p.isDescendant(body);
        const captured = b.referencePaths.some((r) => inBody(r) && isInClosure(r, fn));
        const mutatedInBody = b.constantViolations.some((v) => inBody(v));
        return captured && mutatedInBody;
      });
      if (names.length === 0) return;
      changed = true;
      const env = `$$e${++envCounter}`;
      const cont = `$$it${++iterationCounter}`;
      for (const name of names) {
        const b = loop.scope.getBinding(name)!;
        for (const r of b.referencePaths) {
          if (!r.isDescendant(body)) continue;
          const parent = r.parentPath;
          if (parent?.isObjectProperty() && parent.node.shorthand && parent.node.value === r.node) parent.node.shorthand = false;
          replaceRead(r, t.memberExpression(t.identifier(env), t.identifier(name)));
        }
        for (const v of b.constantViolations) {
          if (!v.isDescendant(body)) continue;
          if (v.isAssignmentExpression()) replaceTargets(v.get("left") as NodePath, name, (n) => t.memberExpression(t.identifier(env), t.identifier(n)));
          else if (v.isUpdateExpression()) v.get("argument").replaceWith(t.memberExpression(t.identifier(env), t.identifier(name)));
        }
      }
      // `continue` of this loop must copy the values back first: it leaves a labeled block instead.
      const labels = new Set<string>();
      for (let p = loop.parentPath; p?.isLabeledStatement(); p = p.parentPath) labels.add(p.node.label.name);
      body.traverse({
        Function(p) {
          p.skip();
        },
        ContinueStatement(c) {
          const label = c.node.label?.name;
          if (label ? labels.has(label) : c.findParent((p) => p.isLoop()) === loop) c.replaceWith(t.breakStatement(t.identifier(cont)));
        },
      });
      const envDecl = t.variableDeclaration("const", [t.variableDeclarator(t.identifier(env),
        t.objectExpression(names.map((n) => t.objectProperty(t.identifier(n), t.identifier(n)))))]);
      const copyBack = names.map((n) => t.expressionStatement(t.assignmentExpression("=", t.identifier(n), t.memberExpression(t.identifier(env), t.identifier(n)))));
      body.replaceWith(t.blockStatement([envDecl, t.labeledStatement(t.identifier(cont), body.node), ...copyBack]));
      loop.skip();
    },
  });
  return changed;
}

