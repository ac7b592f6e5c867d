/**
 * Async functions: lowered to a generator run by the runtime's compiled driver, so that a fiber can
 * suspend inside an async function's synchronous part (before its first `await`), through the
 * generator mechanism (generators.ts). After an `await`, the body runs from the microtask queue on
 * the main fiber, as before.
 *
 *   async function f(a) { ... await x ... }
 *   ->  function f(a) { return $$F.runAsync(function* () { ... yield x ... }.call(this)); }
 *
 * The lowered function keeps the async function's identity where it is observable cheaply: its
 * prototype is AsyncFunction.prototype (so `constructor`, `instanceof` and the
 * `[object AsyncFunction]` tag stay), with `$$F.asyncFn(f)`. Not lowered (left as native async
 * functions, see docs/design.md): async generators, bodies with `for await`, or using `super` or
 * `arguments` inside a method.
 */
import { types as t, type NodePath } from "@babel/core";
import { walkAll, some, anyNode, isBoundary, SKIP } from "./walk.js";
import { inferredName, withName } from "./function-names.js";

const F = (name: string) => t.memberExpression(t.identifier("$$F"), t.identifier(name));

export function lowerAsyncFunctions(program: NodePath<t.Program>): void {
  // Most files have none: a plain walk is much cheaper than the traversal below.
  if (!anyNode(program.node, (n) => t.isFunction(n) && !!n.async && !n.generator)) return;
  program.traverse({
    Function: {
      exit(path) {
        const fn = path.node;
        if (!fn.async || fn.generator) return;
        const body = fn.body.type === "BlockStatement" ? fn.body.body : [t.returnStatement(fn.body)];
        if (some(body, (n) => n.type === "ForOfStatement" && n.await)) return;
        if (some(body, (n) => n.type === "Super", { intoArrows: true })) return;
        const isArrow = fn.type === "ArrowFunctionExpression";
        const usesArguments = some(body, (n, parent) => n.type === "Identifier" && n.name === "arguments" && t.isReferenced(n, parent), { intoArrows: true });
        if (usesArguments && (fn.type === "ObjectMethod" || fn.type === "ClassMethod" || fn.type === "ClassPrivateMethod")) return;
        if (usesArguments && isArrow) return;

        // await -> yield, in this function only (nested async functions are lowered on their own).
        walkAll(body, (n) => {
          if (isBoundary(n)) return SKIP;
          if (n.type === "AwaitExpression") return t.yieldExpression(n.argument);
        });
        const pre: t.Statement[] = [];
        if (usesArguments) {
          walkAll(body, (n, parent) => {
            if (isBoundary(n, { intoArrows: true })) return SKIP;
            if (n.type === "Identifier" && n.name === "arguments" && t.isReferenced(n, parent)) n.name = "$$aargs";
          });
          pre.push(t.variableDeclaration("const", [t.variableDeclarator(t.identifier("$$aargs"), t.identifier("arguments"))]));
        }
        const gen = t.functionExpression(null, [], t.blockStatement(body), true, false);
        const run = t.callExpression(F("runAsync"), [t.callExpression(t.memberExpression(gen, t.identifier("call")), [t.thisExpression()])]);
        fn.body = t.blockStatement([...pre, t.returnStatement(run)]);
        fn.async = false;
        if (isArrow) (fn as t.ArrowFunctionExpression).expression = false;

        // Keep the AsyncFunction identity.
        const id = (fn as t.FunctionDeclaration).id;
        if (path.isFunctionDeclaration() && id) {
          const holder = path.parentPath;
          const mark = t.expressionStatement(t.callExpression(F("asyncFn"), [t.identifier(id.name)]));
          if (holder.isBlockStatement() || holder.isProgram()) (holder as NodePath<t.BlockStatement>).unshiftContainer("body", mark);
          else if (holder.isExportNamedDeclaration() || holder.isExportDefaultDeclaration()) holder.insertAfter(mark);
        } else if (path.isFunctionExpression() || path.isArrowFunctionExpression()) {
          // Keep the name the function would have been given where it stands.
          const parent = path.parentPath;
          const name = inferredName(path);
          if (parent?.isVariableDeclarator() && parent.node.id.type === "Identifier" && parent.parentPath.parentPath?.isStatement() &&
              (parent.parentPath.parentPath.isBlockStatement() || parent.parentPath.parentPath.isProgram())) {
            parent.parentPath.insertAfter(t.expressionStatement(t.callExpression(F("asyncFn"), [t.identifier(parent.node.id.name)])));
          } else {
            path.replaceWith(t.callExpression(F("asyncFn"), [withName(name, fn as t.Expression)]));
            path.skip();
          }
        }
      },
    },
  });
}

