/**
 * Leaf calls: the "may reach a switch" analysis of one file (docs/design.md, "What is compiled").
 *
 * A function whose own code has no call site is a leaf (frames.ts `compileLeaf`): it cannot
 * suspend. A call that certainly runs a leaf needs no call protocol either, so it is an ordinary
 * call, and a function whose only calls are such calls is a leaf in turn. Functions that only call
 * each other (recursion, or methods of one name calling each other) are leaves together.
 *
 * What a call "certainly runs" (its targets; a call is a leaf call when it has targets and all are
 * leaves):
 *
 * - `f(...)`, `f.call(...)`, `f.apply(...)`: `f` bound in this file to a constant function
 *   declaration or `const f = () => ...` / `const f = function () {...}`;
 * - `o.m(...)`, `o["m"](...)`, `o.#m(...)`, `o.m.call(...)`: every function this file defines
 *   under the property name `m` (class and object members, `x.m = function...`), when the name is
 *   *closed*: no accessor is defined under it, no value of unknown origin (a parameter, a call's
 *   result) is stored under it unless the file defines `m` as a method (then such values are taken
 *   to be data), and no class that defines it can be extended outside the file
 *   (an exported or otherwise escaping class, a `X.prototype.m = ...` of an escaping `X`). A name the
 *   file does not define is closed only for a short list of built-in methods (SAFE_BUILTIN_METHODS)
 *   that no fiber API would plausibly use; any other (a library's `read()`) is a call site;
 * - `this.m(...)` in a method of class C: of those, only the ones C's instances can have (class
 *   hierarchy analysis); `super.m(...)`: exactly the superclass chain's `m`;
 * - `arr.push(...)` and the other ARRAY_METHODS: nothing (a plain call) when `arr` is a constant
 *   bound to a new array, or a property under which the file only ever stores new arrays;
 * - `new C(...)`: C a class of this file with no superclass whose constructor has no call site (the
 *   constructors pass left it as written).
 *
 * The assumption this makes (docs/design.md): a method called by a name this file defines is one of
 * this file's functions of that name (or a built-in). An object from another file whose method of
 * the same name switches would be entered as from native code: the switch raises FiberError.
 * With `all: true` (`byName` false) only the exact resolutions are made: bound functions, `new C`,
 * methods of constant arrays.
 */
import { types as t } from "@babel/core";
import type { Scope, Site } from "./scoped-walk.js";
import { hasCall, REPLACED_METHODS, type ExplodeEnv } from "./explode.js";
import { PROTOCOL } from "./names.js";

/**
 * Built-in method names whose calls are ordinary calls even though this file does not define them:
 * string, array and number methods that compute a value. A callback-taking method has a compiled
 * replacement (REPLACED_METHODS) and is a call site; names a blocking fiber API would use (`push`,
 * `pop`, `get`, `put`, `read`, `send`, `wait`...) are not here.
 */
const SAFE_BUILTIN_METHODS = new Set([
  "charAt", "charCodeAt", "codePointAt", "substring", "substr", "slice", "indexOf", "lastIndexOf", "includes",
  "startsWith", "endsWith", "toUpperCase", "toLowerCase", "toLocaleUpperCase", "toLocaleLowerCase", "trim",
  "trimStart", "trimEnd", "padStart", "padEnd", "repeat", "split", "concat", "join", "fill", "reverse", "at",
  "flat", "copyWithin", "toFixed", "toPrecision", "toExponential", "toString", "hasOwnProperty", "isPrototypeOf",
  "propertyIsEnumerable", "localeCompare", "normalize", "test", "exec", "getTime", "toISOString",
]);

/**
 * Array methods that run no user code but conversions (native boundaries anyway): ordinary calls
 * when the receiver is known to be an array (a constant bound to a new array, or a field the file
 * only ever stores new arrays in), whatever the file defines.
 */
const ARRAY_METHODS = new Set([
  "push", "pop", "shift", "unshift", "splice", "slice", "concat", "join", "indexOf", "lastIndexOf", "includes",
  "fill", "reverse", "at", "flat", "copyWithin", "toString",
]);

/**
 * Names that always make a call site: the fiber API (`switch`, `throw`), the iterator and promise
 * protocols, and methods with compiled replacements.
 */
const ALWAYS_CALL_SITES = new Set(["switch", "throw", "next", "return", "then", "catch", "finally", ...REPLACED_METHODS]);

/**
 * Stored under a name: a function of this file, or something that may be any function: "unknown"
 * (an accessor, a method of a class extended elsewhere), or "data" (a value of unknown origin, a
 * parameter or a call's result, stored as a property: ignored when the file defines a method of that
 * name, see `resolve`).
 */
type Definition = t.Function | "unknown" | "data";

/** A call `leafCalls` may make ordinary: of `fn`, of the methods named `name`, or of neither (no user code). */
interface Call {
  node: t.Node;
  fn?: t.Function;
  name?: string;
  /** `x.<arrayProperty>.<name>()`: an array method, if the file only stores new arrays there. */
  arrayProperty?: string;
  /** `this.<name>()` in a method of this class. */
  thisClass?: t.Class;
  /** `super.<name>()` in a method of this class. */
  superOf?: t.Class;
}

interface ClassInfo {
  node: t.Class;
  escapes: boolean;
  superClass: t.Class | null;
}

export class CallGraph {
  /** Property name -> what the file stores under it. */
  private readonly defs = new Map<string, Set<Definition>>();
  /** Names the file defines as methods (class or object methods, `X.prototype.m = function...`). */
  private readonly methodNames = new Set<string>();
  /** Property name -> whether every value the file stores under it is a new array. */
  private readonly arrayStores = new Map<string, boolean>();
  /** The resolvable calls (resolved in `leafCalls`); one with neither `fn` nor `name` runs no user code. */
  private readonly calls: Call[] = [];
  /** The classes of the file: whether each may be extended elsewhere, its superclass if in the file. */
  private readonly classes: ClassInfo[] = [];

  /**
   * `byName`: resolve method calls by property name, class hierarchy and array fields, which rests
   * on the assumption above. Off with `transform(..., { all: true })`: then only calls whose target
   * is certain (bound functions, `new C`, methods of constant arrays) are resolved.
   */
  constructor(private readonly format: "module" | "commonjs" | "script", private readonly byName = true) {}

  /** A call or `new` (from plugin.ts's read-only walk). */
  visitCall(p: Site<t.CallExpression | t.OptionalCallExpression | t.NewExpression>): void {
    const node = p.node;
    if (node.type === "NewExpression") {
      const cls = node.callee.type === "Identifier" ? constantClass(p.scope.getBinding(node.callee.name)) : null;
      if (cls && !cls.superClass && !hasSplitConstructor(cls)) this.calls.push({ node });
      return;
    }
    let callee = node.callee as t.Expression;
    // f.call(this, ...) / f.apply(this, args) run f (Function.prototype.call itself cannot switch).
    if (isMember(callee) && !callee.computed && callee.property.type === "Identifier" &&
        (callee.property.name === "call" || callee.property.name === "apply") && !isSuper(callee.object)) {
      callee = callee.object as t.Expression;
    }
    if (callee.type === "Identifier") {
      const fn = constantFunction(p.scope.getBinding(callee.name));
      if (fn) this.calls.push({ node, fn });
    } else if (isMember(callee) && callee === node.callee && isConstantArrayMethod(callee, p)) {
      // `arr.push(x)` with `const arr = []`: exact, no assumption needed.
      this.calls.push({ node });
    } else if (!this.byName) {
      // Nothing else is resolved without the assumption.
    } else if (isMember(callee) && isSuper(callee.object)) {
      // super.m(): exactly the m the superclass chain has (overriding cannot change it).
      const name = propertyName(callee.property, callee.computed);
      const cls = instanceClassOf(p);
      if (name !== null && cls && !ALWAYS_CALL_SITES.has(name)) this.calls.push({ node, name, superOf: cls });
    } else if (isMember(callee)) {
      const name = propertyName(callee.property, callee.computed);
      if (name === null) return;
      // `this.items.push(x)`: an array method of a field that only ever holds new arrays.
      if (ARRAY_METHODS.has(name) && callee === node.callee && isMember(callee.object)) {
        const field = propertyName(callee.object.property, callee.object.computed);
        if (field !== null) return void this.calls.push({ node, name, arrayProperty: field });
      }
      if (ALWAYS_CALL_SITES.has(name)) return;
      const thisClass = callee.object.type === "ThisExpression" ? instanceClassOf(p) : null;
      this.calls.push({ node, name, thisClass: thisClass ?? undefined });
    }
  }

  /** A class: its members are definitions; it may escape the file. */
  visitClass(p: Site<t.Class>): void {
    const cls = p.node;
    for (const m of cls.body.body) {
      if (m.type === "ClassMethod" || m.type === "ClassPrivateMethod") {
        if (m.kind === "constructor") continue;
        const name = propertyName(m.key, m.type === "ClassMethod" && m.computed);
        if (name === null) continue;
        this.define(name, m.kind === "method" ? m : "unknown");
        if (m.kind === "method") this.methodNames.add(name);
      } else if (m.type === "ClassProperty" || m.type === "ClassPrivateProperty") {
        const name = propertyName(m.key, m.type === "ClassProperty" && m.computed);
        if (name !== null && m.value) this.defineValue(name, m.value, p);
      } else if (m.type === "ClassAccessorProperty") {
        const name = propertyName(m.key, m.computed);
        if (name !== null) this.define(name, "unknown");
      }
    }
    const superClass = cls.superClass?.type === "Identifier" ? constantClass(p.scope.getBinding(cls.superClass.name)) : null;
    this.classes.push({ node: cls, escapes: classEscapes(p, this.format), superClass });
  }

  /** An object literal member. */
  visitObjectMember(p: Site<t.ObjectMethod | t.ObjectProperty>): void {
    const m = p.node;
    if (p.ancestors[p.ancestors.length - 1].type === "ObjectPattern") return; // destructuring reads, it stores nothing
    const name = propertyName(m.key, m.computed);
    if (name === null) return;
    if (m.type === "ObjectMethod") {
      this.define(name, m.kind === "method" ? m : "unknown");
      if (m.kind === "method") this.methodNames.add(name);
    } else if (t.isExpression(m.value)) this.defineValue(name, m.value, p);
  }

  /** `x.m = v`; `X.prototype.m = v` with X escaping leaves `m` open to overriding. */
  visitAssignment(p: Site<t.AssignmentExpression>): void {
    const { left, right } = p.node;
    if (left.type !== "MemberExpression") return;
    const name = propertyName(left.property, left.computed);
    // A store under a computed key is not followed (docs/design.md: the analysis's assumption).
    if (name === null) return;
    if (p.node.operator !== "=") {
      this.arrayStores.set(name, false);
      return this.define(name, "unknown");
    }
    const o = left.object;
    const onPrototype = o.type === "MemberExpression" && !o.computed && o.property.type === "Identifier" && o.property.name === "prototype";
    if (onPrototype) {
      // A method, unless X escapes (then it can be overridden elsewhere). A prototype is where
      // methods live: a value of unknown origin stored there is taken for one, not for data.
      if (o.object.type === "Identifier" && bindingEscapes(p.scope.getBinding(o.object.name), this.format)) return this.define(name, "unknown");
      if (right.type === "FunctionExpression" || right.type === "ArrowFunctionExpression") this.methodNames.add(name);
      else if (right.type === "Identifier" && constantFunction(p.scope.getBinding(right.name))) this.methodNames.add(name);
      else return this.define(name, "unknown");
    }
    this.defineValue(name, right, p);
  }

  /**
   * The calls that are ordinary calls: all their targets are leaves among `compiled`. Computed as
   * the complement of "may reach a switch" (its least fixed point): every resolved call starts as a
   * leaf call; a function with a call site left is not a leaf, and the calls that may run it stop
   * being leaf calls, until nothing changes. Recursion alone does not make a call site.
   */
  leafCalls(compiled: t.Function[], env: Omit<ExplodeEnv, "ctx" | "leafCalls">): WeakSet<t.Node> {
    this.openEscapingClasses();
    const hierarchy = new Hierarchy(this.classes);
    const leafCalls = new WeakSet<t.Node>();
    const compiledSet = new Set(compiled);
    const callers = new Map<t.Function, t.Node[]>(); // target -> the leaf calls that may run it
    for (const call of this.calls) {
      let targets = call.fn ? [call.fn]
        : call.name === undefined ? []
        : call.superOf ? hierarchy.superMethod(call.superOf, call.name)
        : call.arrayProperty !== undefined && this.arrayStores.get(call.arrayProperty) ? []
        : this.resolve(call.name);
      if (targets && targets.length > 0 && call.thisClass) targets = hierarchy.narrow(targets, call.thisClass);
      if (!targets || !targets.every((f) => compiledSet.has(f))) continue;
      leafCalls.add(call.node);
      for (const f of targets) {
        const list = callers.get(f);
        if (list) list.push(call.node);
        else callers.set(f, [call.node]);
      }
    }
    if (callers.size === 0) return leafCalls;
    const fullEnv = { ...env, ctx: null as any, leafCalls } as ExplodeEnv;
    const maySwitch = new Set<t.Function>();
    for (let changed = true; changed;) {
      changed = false;
      for (const fn of compiled) {
        if (maySwitch.has(fn) || !hasCall(fn.body, fullEnv)) continue;
        maySwitch.add(fn);
        changed = true;
        for (const call of callers.get(fn) ?? []) leafCalls.delete(call);
      }
    }
    return leafCalls;
  }

  /** Every function a method call by this name may run, or null if it may run something unknown. */
  private resolve(name: string): t.Function[] | null {
    const defs = this.defs.get(name);
    if (!defs) return SAFE_BUILTIN_METHODS.has(name) ? [] : null;
    const targets: t.Function[] = [];
    for (const d of defs) {
      if (d === "unknown") return null;
      // A name the file defines as a method is assumed to be called as that method: values of
      // unknown origin stored under it are taken to be data (docs/design.md, "What is compiled").
      if (d === "data") {
        if (!this.methodNames.has(name)) return null;
        continue;
      }
      targets.push(d);
    }
    return targets;
  }

  /** A class that can be extended elsewhere can have any of its (inherited) methods overridden. */
  private openEscapingClasses(): void {
    const byNode = new Map(this.classes.map((c) => [c.node, c]));
    for (const c of this.classes) {
      if (!c.escapes) continue;
      for (let k: typeof c | undefined = c; k; k = k.superClass ? byNode.get(k.superClass) : undefined) {
        for (const m of k.node.body.body) {
          if (m.type === "ClassMethod" && m.kind !== "constructor") {
            const name = propertyName(m.key, m.computed);
            if (name !== null) this.define(name, "unknown");
          }
        }
        if (k.superClass && byNode.get(k.superClass)?.escapes) break; // done on its own turn
      }
    }
  }

  private define(name: string, d: Definition): void {
    let set = this.defs.get(name);
    if (!set) this.defs.set(name, (set = new Set()));
    set.add(d);
  }

  /** What storing `value` under `name` may put there. Values that cannot be functions put nothing. */
  private defineValue(name: string, value: t.Expression, p: Site): void {
    this.arrayStores.set(name, (this.arrayStores.get(name) ?? true) && isArray(value));
    this.defineFunctions(name, value, p);
  }

  private defineFunctions(name: string, value: t.Expression, p: Site): void {
    switch (value.type) {
      case "FunctionExpression":
      case "ArrowFunctionExpression":
        return this.define(name, value);
      case "Identifier": {
        if (value.name === "undefined") return;
        const fn = constantFunction(p.scope.getBinding(value.name));
        return this.define(name, fn ?? "data");
      }
      case "ConditionalExpression":
        this.defineFunctions(name, value.consequent, p);
        return this.defineFunctions(name, value.alternate, p);
      case "LogicalExpression":
        this.defineFunctions(name, value.left, p);
        return this.defineFunctions(name, value.right, p);
      case "SequenceExpression":
        return this.defineFunctions(name, value.expressions[value.expressions.length - 1], p);
      case "AssignmentExpression":
        return this.defineFunctions(name, value.right, p);
      case "ParenthesizedExpression":
      case "TSAsExpression":
      case "TSNonNullExpression":
      case "TSSatisfiesExpression":
      case "TypeCastExpression":
        return this.defineFunctions(name, value.expression as t.Expression, p);
      case "NumericLiteral":
      case "StringLiteral":
      case "BooleanLiteral":
      case "NullLiteral":
      case "BigIntLiteral":
      case "RegExpLiteral":
      case "TemplateLiteral":
      case "ArrayExpression":
      case "ObjectExpression":
      case "UnaryExpression":
      case "BinaryExpression":
      case "UpdateExpression":
      case "ClassExpression": // calling a class throws; it runs nothing
      case "NewExpression": // an object (a constructor returning a function is not followed)
      case "ThisExpression":
        return;
      default:
        return this.define(name, "data");
    }
  }
}

/**
 * The class whose instance `this` is at this call: the call is in a (non-static) method or the
 * moved constructor body of that class, arrows between included. Null elsewhere.
 */
function instanceClassOf(p: Site): t.Class | null {
  const up = p.ancestors;
  for (let i = up.length - 1; i >= 0; i--) {
    const n = up[i];
    if (n.type === "ArrowFunctionExpression") continue;
    if (n.type === "ClassMethod" || n.type === "ClassPrivateMethod") {
      if (n.static) return null;
      const cls = up[i - 2];
      return cls && (cls.type === "ClassDeclaration" || cls.type === "ClassExpression") ? cls : null;
    }
    if (t.isFunction(n) || n.type === "StaticBlock" || n.type === "ClassProperty" || n.type === "ClassPrivateProperty" || n.type === "Program") return null;
  }
  return null;
}

/** The file's classes, indexed once for the class hierarchy questions of `leafCalls`. */
class Hierarchy {
  private readonly byNode: Map<t.Class, ClassInfo>;
  /** Class member -> its class. */
  private readonly owner = new Map<t.Node, t.Class>();
  /** Class -> its classes in the file (superclasses and subclasses), null if a superclass is elsewhere. */
  private readonly related = new Map<t.Class, Set<t.Class> | null>();

  constructor(private readonly classes: ClassInfo[]) {
    this.byNode = new Map(classes.map((c) => [c.node, c]));
    for (const c of classes) for (const m of c.node.body.body) this.owner.set(m, c.node);
  }

  /**
   * `this.m()` in a method of class C runs the `m` that C's instances have: one defined in C, in
   * one of its superclasses, or in one of its subclasses (class hierarchy analysis). Keeps those of
   * the targets found by name, when every target is a class method and C's superclasses are all in
   * the file (else returns the targets as they are). Null when the hierarchy defines no `m`: then
   * `this.m` is an own property holding who knows what (`this.cb = cb`), not one of the targets.
   */
  narrow(targets: t.Function[], cls: t.Class): t.Function[] | null {
    const related = this.relatedTo(cls);
    if (!related || !targets.every((f) => this.owner.has(f))) return targets;
    const kept = targets.filter((f) => related.has(this.owner.get(f)!) && !(f as t.ClassMethod).static);
    return kept.length > 0 ? kept : null;
  }

  /** The method `super.name` finds from a method of `cls`: [it], [] for a built-in of Object.prototype, null if unknown. */
  superMethod(cls: t.Class, name: string): t.Function[] | null {
    const k = this.byNode.get(cls);
    if (!k || (cls.superClass && !k.superClass)) return null;
    for (let c = k.superClass; c; c = this.byNode.get(c)?.superClass ?? null) {
      for (const m of c.body.body) {
        if (m.type === "ClassMethod" && !m.static && m.kind !== "constructor" && propertyName(m.key, m.computed) === name) {
          return m.kind === "method" ? [m] : null;
        }
        if ((m.type === "ClassProperty" || m.type === "ClassAccessorProperty") && !m.static && propertyName(m.key, m.computed) === name) return null;
      }
      if (c.superClass && !this.byNode.get(c)?.superClass) return null; // continues in another file
    }
    return SAFE_BUILTIN_METHODS.has(name) ? [] : null;
  }

  private relatedTo(cls: t.Class): Set<t.Class> | null {
    let related = this.related.get(cls);
    if (related !== undefined) return related;
    related = new Set<t.Class>();
    for (let k: t.Class | null = cls; k; k = this.byNode.get(k)?.superClass ?? null) {
      related.add(k);
      if (k.superClass && !this.byNode.get(k)?.superClass) { // a superclass from elsewhere
        related = null;
        break;
      }
    }
    if (related) {
      for (let grew = true; grew;) {
        grew = false;
        for (const c of this.classes) {
          if (c.superClass && related.has(c.superClass) && !related.has(c.node)) {
            related.add(c.node);
            grew = true;
          }
        }
      }
    }
    this.related.set(cls, related);
    return related;
  }
}

/** `a.push(...)` and friends with `a` a constant bound to a new array. */
function isConstantArrayMethod(callee: t.MemberExpression | t.OptionalMemberExpression, p: Site): boolean {
  const name = propertyName(callee.property, callee.computed);
  return name !== null && ARRAY_METHODS.has(name) && callee.object.type === "Identifier" &&
    isArray(constantInit(p.scope.getBinding(callee.object.name)));
}

function isMember(e: t.Node): e is t.MemberExpression | t.OptionalMemberExpression {
  return e.type === "MemberExpression" || e.type === "OptionalMemberExpression";
}

function isProtocolMember(e: t.Node): boolean {
  return e.type === "MemberExpression" && e.object.type === "Identifier" && e.object.name === PROTOCOL;
}

function isSuper(e: t.Node): boolean {
  return e.type === "Super";
}

/** The static name of a property key: `m`, `"m"`, `0`, `#m`; null when computed. */
function propertyName(key: t.Node, computed: boolean): string | null {
  if (key.type === "PrivateName") return "#" + key.id.name;
  if (!computed && key.type === "Identifier") return key.name;
  if (key.type === "StringLiteral") return key.value;
  if (key.type === "NumericLiteral") return String(key.value);
  return null;
}

type Binding = ReturnType<Scope["getBinding"]>;

/** A new array: `[...]`, `new Array(n)`, `Array(n)`, `Array.of(...)` (the global `Array` assumed, as elsewhere). */
function isArray(e: t.Node | null | undefined): boolean {
  if (!e) return false;
  if (e.type === "ArrayExpression") return true;
  if ((e.type === "NewExpression" || e.type === "CallExpression") && e.callee.type === "Identifier" && e.callee.name === "Array") return true;
  return e.type === "CallExpression" && e.callee.type === "MemberExpression" && !e.callee.computed &&
    e.callee.object.type === "Identifier" && e.callee.object.name === "Array" &&
    e.callee.property.type === "Identifier" && e.callee.property.name === "of";
}

/** The initializer of a binding that is never assigned again. */
function constantInit(b: Binding): t.Node | null {
  if (!b || !b.constant || b.path.node.type !== "VariableDeclarator") return null;
  return b.path.node.init ?? null;
}

function constantFunction(b: Binding): t.Function | null {
  if (!b || !b.constant) return null;
  const node = b.path.node;
  if (node.type === "FunctionDeclaration") return node.generator || node.async ? null : node;
  if (node.type === "VariableDeclarator" && b.kind === "const" && node.init &&
      (node.init.type === "ArrowFunctionExpression" || node.init.type === "FunctionExpression") &&
      !node.init.generator && !node.init.async) return node.init;
  return null;
}

function constantClass(b: Binding): t.Class | null {
  if (!b || !b.constant) return null;
  const node = b.path.node;
  if (node.type === "ClassDeclaration") return node;
  if (node.type === "VariableDeclarator" && b.kind === "const" && node.init?.type === "ClassExpression") return node.init;
  return null;
}

/** The constructors pass (constructors.ts) moved the constructor body into `#$$ctor`: it has call sites. */
function hasSplitConstructor(cls: t.Class): boolean {
  return cls.body.body.some((m) => m.type === "ClassPrivateMethod" && m.key.id.name === "$$ctor");
}

/**
 * May the class be extended (or its methods replaced through its prototype) outside this file?
 * Only if something other than `new C`, `C.x`, `x instanceof C` or `class D extends C` uses it.
 */
function classEscapes(p: Site<t.Class>, format: string): boolean {
  const up = p.ancestors;
  const parent = up[up.length - 1];
  if (p.node.type === "ClassDeclaration") {
    if (parent.type === "ExportNamedDeclaration" || parent.type === "ExportDefaultDeclaration") return true;
    if (!p.node.id) return true;
    if (format === "script" && parent.type === "Program") return true; // a global
    if (bindingEscapes(p.outer.getBinding(p.node.id.name), format)) return true;
  } else {
    if (parent.type !== "VariableDeclarator" || parent.init !== p.node || parent.id.type !== "Identifier") return true;
    if (bindingEscapes(p.outer.getBinding(parent.id.name), format)) return true;
    if (format === "script" && up[up.length - 3]?.type === "Program") return true;
  }
  // The class's own name inside its body.
  if (p.node.id && bindingEscapes(p.scope.getBinding(p.node.id.name), format, p.node)) return true;
  return false;
}

function bindingEscapes(b: Binding, format: string, ownClass?: t.Class): boolean {
  if (!b) return true;
  if (ownClass && b.path.node !== ownClass) return false; // not the class's inner binding
  if (!b.constant) return true;
  if (format === "script" && b.scope.path.isProgram()) return true;
  if (b.path.parentPath?.isExportDeclaration() || b.path.parentPath?.parentPath?.isExportDeclaration()) return true;
  for (const ref of b.referencePaths) {
    const parent = ref.parent;
    if (parent.type === "NewExpression" && parent.callee === ref.node) continue;
    if ((parent.type === "MemberExpression" || parent.type === "OptionalMemberExpression") && parent.object === ref.node) continue;
    if (parent.type === "BinaryExpression" && parent.operator === "instanceof" && parent.right === ref.node) continue;
    if ((parent.type === "ClassDeclaration" || parent.type === "ClassExpression") && parent.superClass === ref.node) continue;
    if (parent.type === "CallExpression" && parent.callee === ref.node) continue;
    // Comparisons, and what the constructors pass adds: `$$F.nw === C`, `$$F.nw = C`,
    // `Object.getPrototypeOf(C)` (the runtime's, for `super()`).
    if (parent.type === "BinaryExpression" && /^[!=]==?$/.test(parent.operator)) continue;
    if (parent.type === "AssignmentExpression" && parent.right === ref.node && isProtocolMember(parent.left)) continue;
    if (parent.type === "CallExpression" && parent.arguments.length === 1 && isMember(parent.callee) &&
        parent.callee.object.type === "Identifier" && parent.callee.object.name === "Object" &&
        parent.callee.property.type === "Identifier" && parent.callee.property.name === "getPrototypeOf") continue;
    return true;
  }
  return false;
}
