/**
 * Normalize: puts every resumable function into the shape the later passes expect.
 *
 * 1. Arrow functions get block bodies.
 * 2. Parameters that run code when bound (defaults, destructuring) move into the body, so that the
 *    entry check is the first thing a call runs and those expressions can be suspended through.
 *    `length` is preserved: parameters from the first default on become a rest parameter.
 * 3. Block-scoped bindings that shadow another binding of the same function are renamed, so every
 *    local of a function has a unique name (a frame record stores locals by name-derived slot).
 */
import { types as t, type NodePath } from "@babel/core";
import { walk, walkAll, some, SKIP } from "./walk.js";

export type FunctionPath = NodePath<t.Function>;

/** Functions whose activations can be captured and resumed (see docs/design.md, "What is compiled"). */
export function isResumable(path: FunctionPath): boolean {
  return isResumableNode(path.node);
}
export function isResumableNode(n: t.Function): boolean {
  if (n.generator || n.async) return false;
  if (n.type === "ObjectMethod" && n.kind !== "method") return false;
  if ((n.type === "ClassMethod" || n.type === "ClassPrivateMethod") && n.kind !== "method") return false;
  return true;
}

/** Needs no scope information (plugin.ts finds the functions with a plain walk). */
export function normalizeFunction(node: t.Function): void {
  if (node.type === "ArrowFunctionExpression" && node.body.type !== "BlockStatement") {
    node.body = t.blockStatement([t.returnStatement(node.body)]);
    node.expression = false;
  }
  moveParamsIntoBody(node);
}

const LOOP_TYPES = new Set(t.FLIPPED_ALIAS_KEYS.Loop); // read once: `t.isLoop` is reached through getters

/**
 * Loop bodies become blocks, so that anything a loop body declares (a function's self binding, an
 * environment) is per iteration.
 */
export function blockBodies(body: t.Node): void {
  walk(body, (n) => {
    if (LOOP_TYPES.has(n.type) && n.body.type !== "BlockStatement") n.body = t.blockStatement([n.body]);
    if (n.type === "IfStatement") {
      if (n.consequent.type !== "BlockStatement") n.consequent = t.blockStatement([n.consequent]);
      if (n.alternate && n.alternate.type !== "BlockStatement" && n.alternate.type !== "IfStatement") n.alternate = t.blockStatement([n.alternate]);
    }
  });
}

export function moveParamsIntoBody(node: t.Function): void {
  const params = node.params;
  const simple = params.every((p) => p.type === "Identifier" || (p.type === "RestElement" && p.argument.type === "Identifier"));
  if (simple) return;
  const body = node.body as t.BlockStatement;
  const prologue: t.Statement[] = [];
  const kept: (t.Identifier | t.RestElement)[] = [];
  let i = 0;
  for (; i < params.length; i++) {
    const p = params[i];
    if (p.type === "AssignmentPattern" || p.type === "RestElement") break;
    if (p.type === "Identifier") kept.push(p);
    else {
      const raw = t.identifier(`$$p${i}`);
      kept.push(raw);
      prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p as t.LVal, raw)]));
    }
  }
  if (i < params.length) {
    const rest = t.identifier("$$rest");
    kept.push(t.restElement(rest));
    for (let j = i; j < params.length; j++) {
      const p = params[j];
      const at = t.memberExpression(rest, t.numericLiteral(j - i), true);
      if (p.type === "RestElement") {
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p.argument as t.LVal,
          t.callExpression(t.memberExpression(rest, t.identifier("slice")), [t.numericLiteral(j - i)]))]));
      } else if (p.type === "AssignmentPattern") {
        const v = t.identifier(`$$p${j}`);
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(v, at)]));
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p.left as t.LVal,
          t.conditionalExpression(t.binaryExpression("===", v, t.identifier("undefined")), p.right, v))]));
      } else {
        prologue.push(t.variableDeclaration("let", [t.variableDeclarator(p as t.LVal, at)]));
      }
    }
  }
  node.params = kept;
  // A body `var` named like a parameter is, once parameters have defaults, a separate binding that
  // starts with the parameter's value (closures in defaults keep seeing the parameter): it is
  // renamed in the body and initialized from the parameter.
  const moved = new Set(prologue.flatMap((st) => (st as t.VariableDeclaration).declarations.flatMap((d) => Object.keys(t.getBindingIdentifiers(d.id)))));
  const bodyVars = new Set<string>();
  walkAll(body.body, (n) => {
    if (t.isFunction(n)) return SKIP;
    if (n.type === "VariableDeclaration" && n.kind === "var") {
      for (const d of n.declarations) for (const name of Object.keys(t.getBindingIdentifiers(d.id))) if (moved.has(name)) bodyVars.add(name);
    }
  });
  const inits: t.Statement[] = [];
  for (const name of bodyVars) {
    const renamed = `$$v${name}`;
    renameFree(body.body, name, renamed);
    inits.push(t.variableDeclaration("var", [t.variableDeclarator(t.identifier(renamed), t.identifier(name))]));
  }
  prologue.push(...inits);
  body.body = [...prologue, ...body.body];
}

/**
 * Renames block-scoped bindings that shadow another binding of the same function. Returns whether
 * the scope information must be rebuilt (plugin.ts re-crawls then): only when a class declaration
 * was replaced by a `let`. Babel's `scope.rename` moves the binding to its new name and renames its
 * identifier and references in place, so a rename alone leaves the scopes exact.
 */
export function renameShadowing(path: FunctionPath): boolean {
  if (!repeatsAName(path.node)) return false;
  const fnScope = path.scope;
  let replaced = false;
  path.traverse({
    Scope(inner) {
      const scope = inner.scope;
      if (scope === fnScope || scope.getFunctionParent() !== fnScope) return;
      for (const name of Object.keys(scope.bindings)) {
        const binding = scope.bindings[name];
        // Renaming a declaration would change the function's or class's `name`: a class becomes
        // `let x = class Name {}` first; a shadowing block-level function keeps its name (see docs).
        if (binding.kind === "hoisted") continue;
        let s = scope.parent;
        while (s) {
          if (s.hasOwnBinding(name)) {
            if (binding.path.isClassDeclaration()) {
              replaced = true;
              const cls = binding.path.node;
              const original = cls.id!.name;
              const uid = scope.generateUid(name);
              scope.rename(name, uid);
              binding.path.replaceWith(t.variableDeclaration("let", [t.variableDeclarator(t.identifier(uid),
                t.classExpression(t.identifier(original), cls.superClass, cls.body, cls.decorators))]));
            } else {
              scope.rename(name, scope.generateUid(name));
            }
            break;
          }
          if (s === fnScope) break;
          s = s.parent;
        }
      }
    },
    Function(p) {
      p.skip();
    },
  });
  return replaced;
}

/**
 * Is a name bound twice among the function's own scopes (its parameters, its name, and every
 * declaration of its body outside nested functions)? Shadowing needs that, and most functions bind
 * each name once: a plain walk then saves renameShadowing's traversal. Any other kind of
 * declaration counts as a repeat, to stay on the safe side.
 */
function repeatsAName(fn: t.Function): boolean {
  const seen = new Set<string>();
  let repeated = false;
  const bind = (node: t.Node | null | undefined) => {
    if (!node) return;
    for (const name of Object.keys(t.getBindingIdentifiers(node))) {
      if (seen.has(name)) repeated = true;
      seen.add(name);
    }
  };
  if (fn.type === "FunctionExpression") bind(fn.id);
  for (const p of fn.params) bind(p);
  walk(fn.body, (n) => {
    if (repeated) return SKIP;
    switch (n.type) {
      case "VariableDeclaration":
        for (const d of n.declarations) bind(d.id);
        return;
      case "CatchClause":
        bind(n.param);
        return;
      case "ClassDeclaration":
        // Its name is bound twice (in the block and in the class's own scope): always renamed.
        repeated = true;
        return SKIP;
      case "FunctionDeclaration":
      case "ClassExpression":
        bind(n.id); // bound in this function's scopes (a class expression's name in its class scope)
        break;
      default:
        if (t.isDeclaration(n) && !t.isFunction(n)) repeated = true;
    }
    // Classes are walked: a class expression nested in a class (a field value) has its own scope.
    if (t.isFunction(n)) return SKIP;
  });
  return repeated;
}

/** Renames a name everywhere in `stmts` except inside nested functions that declare it themselves. */
function renameFree(stmts: t.Statement[], from: string, to: string): void {
  const declares = (fn: t.Function): boolean =>
    fn.params.some((p) => from in t.getBindingIdentifiers(p)) ||
    some(fn.body, (n) => n.type === "VariableDeclaration" && n.declarations.some((d: t.VariableDeclarator) => from in t.getBindingIdentifiers(d.id)));
  walkAll(stmts, (n, parent) => {
    if (t.isFunction(n) && declares(n)) return SKIP;
    if (n.type !== "Identifier" || n.name !== from) return;
    const isKey = parent && (parent.type === "ObjectProperty" || parent.type === "ClassProperty" || parent.type === "ObjectMethod" || parent.type === "ClassMethod") && parent.key === n && !parent.computed;
    const isMember = parent && (parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.property === n && !parent.computed;
    if (isKey && parent.type === "ObjectProperty" && parent.shorthand) {
      parent.shorthand = false;
      parent.value = t.identifier(to);
      return SKIP;
    }
    if (!isKey && !isMember) n.name = to;
  });
}
