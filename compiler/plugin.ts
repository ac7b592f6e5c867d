/**
 * The fibers-ts Babel plugin. Its passes run in the order of docs/design.md, "Compiler passes":
 *
 *   check -> normalize -> rename -> box -> self -> frames -> header
 *
 * Every resumable function of the file is compiled (see normalize.ts `isResumable`); generators,
 * async functions, getters/setters and class constructors keep their bodies, and calls made from
 * them are ordinary calls, so whatever they call is entered as from native code.
 */
import { traverse, types as t, type NodePath, type PluginObj } from "@babel/core";
import { checkNodes, checkProgram } from "./check.js";
import { blockBodies, isResumable, isResumableNode, normalizeFunction, renameShadowing, type FunctionPath } from "./normalize.js";
import { boxCapturedVariables, boxLoopHeads, resetBoxingNames } from "./boxing.js";
import { bindSelf, finishSelf, selfOf, isInexact, resetSelfNames, freshTopLevelName } from "./self.js";
import { compileFunction } from "./frames.js";
import { compileGenerator, resetGeneratorNames } from "./generators.js";
import { splitConstructors } from "./constructors.js";
import { lowerAsyncFunctions } from "./async.js";
import type { FunctionInfo } from "./context.js";
import { PROTOCOL, PROTOCOL_KEY } from "./names.js";
import { anyNode, some, walkPost } from "./walk.js";
import { CallGraph } from "./leaves.js";
import { walkScoped, type Site } from "./scoped-walk.js";

export type ModuleFormat = "module" | "commonjs" | "script";

export interface PluginOptions {
  filename: string;
  format: ModuleFormat;
  /** How compiled code reaches the runtime: the package import (default), or only the global. */
  runtime?: "package" | "global";
  /**
   * Set by transform() when `prepareProgram` already ran on the tree before Babel's pass began: the
   * scope information Babel built for the pass is then current, which saves a full crawl.
   */
  prepared?: boolean;
  /**
   * Set by transform(): the tree comes from the file's own text and fibers-ts's passes only (in a
   * Babel pipeline, earlier plugins may have added code), so a text search can rule things out.
   */
  ownTree?: boolean;
  /** transform()'s `all`: the analysis resolves no method call by name (see leaves.ts). */
  all?: boolean;
}

export function fibersPlugin(_api: unknown, options: PluginOptions): PluginObj {
  return {
    name: "fibers-ts",
    visitor: {
      Program(program) {
        compileProgram(program, options);
        program.skip();
      },
    },
  };
}

function resumableFunctions(program: NodePath<t.Program>): FunctionPath[] {
  const list: FunctionPath[] = [];
  program.traverse({
    Function: {
      exit(p) {
        if (isResumable(p)) list.push(p);
      },
    },
  });
  return list; // innermost first
}

/**
 * `resumableFunctions`, right after a full crawl, without another Babel traversal: the crawl made a
 * Scope (cached by node) for every function, whose path is the function's path. Falls back to the
 * traversal if one is missing.
 */
function resumableFunctionsAfterCrawl(program: NodePath<t.Program>): FunctionPath[] {
  const scopes = traverse.cache.scope;
  const paths: FunctionPath[] = [];
  for (const node of resumableFunctionNodes(program.node)) {
    const path = scopes.get(node)?.path;
    if (path?.node !== node) return resumableFunctions(program);
    paths.push(path as FunctionPath);
  }
  return paths;
}

/** The same functions as `resumableFunctions`, in the same order, found by a plain walk (no paths, no scopes). */
function resumableFunctionNodes(program: t.Program): t.Function[] {
  const list: t.Function[] = [];
  walkPost(program, (n) => {
    if (t.isFunction(n) && isResumableNode(n)) list.push(n);
  });
  return list;
}

/**
 * The passes before scope analysis (check, block bodies, constructors, normalize), run by transform()
 * on the bare tree before Babel sets up its pass, so that the scope information Babel builds for the
 * pass is already current (a full crawl less). Not done (returns false) when the file needs Babel
 * paths for them: an async function to lower, or a call named `eval` (its check needs scopes).
 */
export function prepareProgram(program: t.Program, filename: string): boolean {
  if (anyNode(program, (n) => t.isFunction(n) && !!n.async && !n.generator)) return false;
  if (!checkNodes(program, filename)) return false;
  blockBodies(program);
  splitConstructors(program);
  for (const fn of resumableFunctionNodes(program)) normalizeFunction(fn);
  return true;
}

export function compileProgram(program: NodePath<t.Program>, options: PluginOptions): void {
  // Generated names are numbered per file, so the same input always gives the same output.
  // Classic scripts share the global scope: their generated top-level names carry a tag of the file.
  resetSelfNames(options.format === "script" ? scriptTag(options.filename, (program.hub as any)?.file?.code ?? "") : "");
  resetBoxingNames();
  resetGeneratorNames();
  if (!options.prepared) {
    // As prepareProgram, with the async lowering; none of these passes reads scope information.
    checkProgram(program, options.filename);
    blockBodies(program.node);
    splitConstructors(program.node);
    lowerAsyncFunctions(program);
    for (const fn of resumableFunctionNodes(program.node)) normalizeFunction(fn);
    program.scope.crawl();
  }
  // From here on, scope information is rebuilt (a full crawl, the costliest step of the early
  // passes) only after a pass changed the tree and before a pass that reads it.
  let functions = resumableFunctionsAfterCrawl(program);
  let classesReplaced = false;
  for (const fn of functions) classesReplaced = renameShadowing(fn) || classesReplaced;
  if (classesReplaced) {
    program.scope.crawl();
    functions = resumableFunctionsAfterCrawl(program);
  }
  let loopsBoxed = false;
  for (const fn of functions) loopsBoxed = boxLoopHeads(fn) || loopsBoxed;
  if (loopsBoxed) {
    program.scope.crawl();
    functions = resumableFunctionsAfterCrawl(program);
  }
  // Every function's references first, then the declarations (see boxCapturedVariables).
  const declareBoxes: (() => void)[] = [];
  for (const fn of functions) declareBoxes.push(...boxCapturedVariables(fn));
  for (const declare of declareBoxes) declare();
  // Nothing boxed (no function has a captured variable and can be captured): the scopes are current.
  if (declareBoxes.length > 0) {
    program.scope.crawl();
    functions = resumableFunctionsAfterCrawl(program);
  }
  // One read-only walk, while the scopes of the last crawl are current (the self pass below wraps
  // functions): every name bound anywhere, the generators, and what the "may reach a switch"
  // analysis needs: the calls and what the file stores under each property name (leaves.ts).
  const shadowed = new Set<string>();
  const generators: t.Function[] = [];
  let stableReceivers = new WeakSet<t.Node>();
  const source: string = (program.hub as any)?.file?.code ?? "";
  // An identifier `arguments` can only come from the source text (or be written with a \u escape).
  const mayUseArguments = !options.ownTree || /arguments|\\u/.test(source);
  // In sloppy code, `arguments[i] = v` assigns parameter i without naming it.
  const paramsMayAlias = options.format !== "module" && mayUseArguments;
  let graph = new CallGraph(options.format, !options.all);
  const visit = (site: Site): void => {
    const n = site.node;
    if (site.scope !== site.outer) for (const name of Object.keys(site.scope.bindings)) shadowed.add(name);
    if (t.isFunction(n) && n.generator && !n.async) generators.push(n);
    switch (n.type) {
      case "CallExpression":
        if (isStableReceiver(n.callee, site, paramsMayAlias)) stableReceivers.add((n.callee as t.MemberExpression).object);
        return graph.visitCall(site as Site<t.CallExpression>);
      case "OptionalCallExpression":
      case "NewExpression":
        return graph.visitCall(site as Site<t.OptionalCallExpression | t.NewExpression>);
      case "ClassDeclaration":
      case "ClassExpression":
        return graph.visitClass(site as Site<t.Class>);
      case "ObjectMethod":
      case "ObjectProperty":
        return graph.visitObjectMember(site as Site<t.ObjectMethod | t.ObjectProperty>);
      case "AssignmentExpression":
        return graph.visitAssignment(site as Site<t.AssignmentExpression>);
    }
  };
  if (!walkScoped(program, visit)) {
    // A scope was not current (some pass changed the tree without a crawl after it): crawl, walk again.
    program.scope.crawl();
    shadowed.clear();
    generators.length = 0;
    stableReceivers = new WeakSet();
    graph = new CallGraph(options.format, !options.all);
    walkScoped(program, visit);
  }

  const nodes = functions.map((f) => f.node);
  // Which resumable function encloses which, read from the paths while they are current (the self
  // pass below wraps functions): frames.ts makes nested functions' fast copies before their
  // enclosing function's, without searching the rewritten code for them.
  const enclosing = enclosingFunctions(functions);
  for (const fn of functions) bindSelf(fn);
  finishSelf();
  const compiled = nodes.filter((n) => !isInexact(n));

  for (const name of Object.keys(program.scope.bindings)) shadowed.add(name);

  // `const apply = Reflect.apply` at module level: calls through it are transparent like Reflect.apply.
  const applyAliases = new Set<string>();
  for (const [name, b] of Object.entries(program.scope.bindings)) {
    const init = b.path.isVariableDeclarator() ? b.path.node.init : null;
    if (b.constant && init && init.type === "MemberExpression" && !init.computed && init.object.type === "Identifier" &&
        init.object.name === "Reflect" && init.property.type === "Identifier" && init.property.name === "apply") applyAliases.add(name);
  }
  const templateObjects: t.VariableDeclarator[] = [];
  const templateObject = (quasi: t.TemplateLiteral): t.Identifier => {
    const name = freshTopLevelName("q");
    // The same strings, tagged by a function that returns its first argument: the engine makes
    // the frozen strings array (with `raw`, and `undefined` for invalid escapes) as for the source.
    const strings = t.templateLiteral(quasi.quasis.map((q) => t.cloneNode(q)), quasi.expressions.map(() => t.numericLiteral(0)));
    templateObjects.push(t.variableDeclarator(t.identifier(name), t.taggedTemplateExpression(t.memberExpression(t.identifier(PROTOCOL), t.identifier("strings")), strings)));
    return t.identifier(name);
  };
  const leafCalls = graph.leafCalls(compiled, { shadowed, applyAliases, source, templateObject });
  const file = { shadowed, applyAliases, source, leafCalls, stableReceivers, templateObject };
  const finishers: (() => void)[] = [];
  const framed = new Set<t.Function>();
  const nested = new Map<t.Function, t.Function[]>();
  for (const node of compiled) {
    const finish = compileFunction(node, functionInfo(node, mayUseArguments), file, nested);
    if (finish) {
      finishers.push(finish);
      framed.add(node);
    }
  }
  // Each frame's nearest enclosing frame (leaves, generators and other functions in between are
  // looked through): the finishers make the nested frames' fast copies first.
  for (const node of framed) {
    let outer = enclosing.get(node);
    while (outer !== undefined && !framed.has(outer)) outer = enclosing.get(outer);
    if (outer === undefined) continue;
    const list = nested.get(outer);
    if (list === undefined) nested.set(outer, [node]);
    else list.push(node);
  }
  for (const node of generators) compileGenerator(node, file);
  // Fast copies (frames.ts) are made last: they copy the final code of nested functions and generators.
  for (const finish of finishers) finish();
  addHeader(program, options, templateObjects);
}

/**
 * Is `callee` a method read `x.m` / `x[k]` from a variable x that nothing reassigns? Imports are
 * not: the exporting module may reassign them (from a getter run by the read, say); nor, in sloppy
 * code that may use `arguments`, parameters (a mapped `arguments[i] = v` in an argument would).
 */
function isStableReceiver(callee: t.Node, site: Site, paramsMayAlias: boolean): boolean {
  if (callee.type !== "MemberExpression" || callee.object.type !== "Identifier") return false;
  const binding = site.scope.getBinding(callee.object.name);
  return binding !== undefined && binding.constant && binding.kind !== "module" && binding.kind !== "unknown" &&
    !(paramsMayAlias && binding.kind === "param");
}

/** The nearest resumable function enclosing each one of `functions` (none for top-level ones). */
function enclosingFunctions(functions: FunctionPath[]): Map<t.Function, t.Function> {
  const resumable = new Set<t.Node>(functions.map((f) => f.node));
  const enclosing = new Map<t.Function, t.Function>();
  for (const fn of functions) {
    for (let p: NodePath | null = fn.parentPath; p !== null; p = p.parentPath) {
      if (resumable.has(p.node)) {
        enclosing.set(fn.node, p.node as t.Function);
        break;
      }
    }
  }
  return enclosing;
}

/** `_<hash>_` of the file's name and text (FNV-1a, base 36): the same input always gives the same names. */
function scriptTag(filename: string, source: string): string {
  let h = 0x811c9dc5;
  const text = filename + "\0" + source;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `_${(h >>> 0).toString(36)}_`;
}

function functionInfo(node: t.Function, mayUseArguments: boolean): FunctionInfo {
  const params: t.Identifier[] = [];
  let restParam: t.Identifier | null = null;
  for (const p of node.params) {
    if (p.type === "Identifier") params.push(p);
    else if (p.type === "RestElement" && p.argument.type === "Identifier") restParam = p.argument;
  }
  const isArrow = node.type === "ArrowFunctionExpression";
  return {
    self: selfOf(node)!,
    isArrow,
    canConstruct: node.type === "FunctionDeclaration" || node.type === "FunctionExpression",
    params,
    restParam,
    usesArguments: !isArrow && mayUseArguments && usesArguments(node.body),
  };
}

function usesArguments(body: t.Node): boolean {
  return some(body, (n, parent) => n.type === "Identifier" && n.name === "arguments" && t.isReferenced(n, parent), { intoArrows: true });
}

/** `$$F`: the agent's protocol object, read once per module; `$$call`; the template objects of the file's call sites. */
function addHeader(program: NodePath<t.Program>, options: PluginOptions, templateObjects: t.VariableDeclarator[]): void {
  const lookup = t.memberExpression(t.identifier("globalThis"),
    t.callExpression(t.memberExpression(t.identifier("Symbol"), t.identifier("for")), [t.stringLiteral(PROTOCOL_KEY)]), true);
  const stmts: t.Statement[] = [];
  // A classic script cannot import: it finds the protocol (and `FibersTS`) on the global object.
  if (options.runtime !== "global" && options.format !== "script") {
    if (options.format === "module") stmts.push(t.importDeclaration([], t.stringLiteral("fibers-ts/internal")));
    else stmts.push(t.expressionStatement(t.callExpression(t.identifier("require"), [t.stringLiteral("fibers-ts/internal")])));
  }
  const kind = options.format === "script" ? "var" : "const";
  stmts.push(t.variableDeclaration(kind, [t.variableDeclarator(t.identifier(PROTOCOL), lookup)]));
  // The original Function.prototype.call, bound (see Protocol.call): compiled method calls use it.
  stmts.push(t.variableDeclaration(kind, [t.variableDeclarator(t.identifier("$$call"), t.memberExpression(t.identifier(PROTOCOL), t.identifier("call")))]));
  // The template objects of compiled tagged templates (Exploder.tagged), one per source site.
  if (templateObjects.length > 0) stmts.push(t.variableDeclaration(kind, templateObjects));
  program.node.body.unshift(...stmts);
}
