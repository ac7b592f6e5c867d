/**
 * The frame protocol shared by compiled code and the runtime (see docs/design.md, "Frame protocol").
 *
 * One `Protocol` object exists per JS agent (main thread or Worker). Compiled modules read it once
 * from `globalThis[Symbol.for("fibers-ts.protocol")]` into a module constant named `$F`, so every
 * access on the hot path is a monomorphic property load on one object.
 *
 * Hot-path summary (what compiled code does):
 *   call site:   $F.s = callee; r = callee(...); if ($F.s !== null && $F.chk()) return $F.cap(...)
 *   entry:       if ($F.s === SELF) $F.s = null; else if ($F.s === $F.R) {restore} else if ($F.f) return $F.nat(...)
 * Nothing else runs unless a fiber is actually suspending or resuming.
 */

/**
 * A suspended compiled frame, kept on the heap until its fiber resumes it. A fiber's suspended
 * frames form a list from its top record down through `below`. One class for every record
 * (generator records included), so that the compiled entries' `$F.rec.l` / `$F.rec.pc` loads see a
 * single shape.
 */
export class Frame {
  constructor(
    /** The compiled function to re-invoke in resume mode; null for a suspended generator body. */
    public fn: Function | null,
    /**
     * `this` of the suspended activation (undefined for arrows, which keep their lexical this);
     * for a generator record (fn === null), the generator, continued with next()/throw().
     */
    public self: unknown,
    /** Call-site number to resume at. */
    public pc: number,
    /** The function's locals by slot (see compiler/frames.ts). */
    public l: unknown[],
    /** new.target when the activation was a `new` call of a plain function, else undefined. */
    public nt: unknown,
    /** The record below this one (its caller's), null at the bottom of the fiber's stack. */
    public below: Frame | null,
  ) {}
}

export const NO_LOCALS: unknown[] = [];

/** Marker in `s`: the current fiber is unwinding; every compiled frame captures itself and returns. */
export const UNWIND: { readonly unwind: true } = Object.freeze({ unwind: true as const });
/** Marker in `s`: the function being entered is being resumed from `rec`. */
export const RESUME: { readonly resume: true } = Object.freeze({ resume: true as const });
/** Thrown (and caught by the same try statement) to re-enter a catch block on resume. */
export const REENTER: { readonly reenter: true } = Object.freeze({ reenter: true as const });

/** Returned by a derived constructor's body for `return v` with v neither an object nor undefined. */
export const BAD_DERIVED_RETURN: { readonly badDerivedReturn: true } = Object.freeze({ badDerivedReturn: true as const });
/** The engine's error for that return (thrown where the constructor's result reaches `new`). */
export const badDerivedReturn = (): TypeError => new TypeError("Derived constructors may only return object or undefined");

/** Yielded by a compiled generator body that suspends because its fiber unwinds. */
export const GENERATOR_SUSPENDED: { readonly suspended: true } = Object.freeze({ suspended: true as const });
const ASYNC_FUNCTION_PROTOTYPE = Object.getPrototypeOf(async function () {});
export const GeneratorPrototype = Object.getPrototypeOf(function* () {}).prototype;
const GEN_NEXT = GeneratorPrototype.next;
const GEN_THROW = GeneratorPrototype.throw;
const GEN_RETURN = GeneratorPrototype.return;

export class FiberError extends Error {
  constructor(message?: string) {
    super(message);
    this.name = "FiberError";
  }
}

const FP_CALL = Function.prototype.call;
const FP_APPLY = Function.prototype.apply;
const REFLECT_APPLY = Reflect.apply;
const ARRAY_ITERATOR = Array.prototype[Symbol.iterator];
const ARRAY_ITERATOR_NEXT = Object.getPrototypeOf([][Symbol.iterator]()).next;

/**
 * The engine's TypeError for a for-of or spread of a value that is not iterable. The compiler names
 * the operand as the engine would (compiler/engine-text.ts); a spread argument of a call (`null`)
 * has its own wording; undefined: no name known.
 */
function notIterable(value: unknown, subject: string | null | undefined): TypeError {
  if (subject === null) {
    return new TypeError(value == null
      ? `${String(value)} is not iterable (cannot read property ${String(value)})`
      : "Spread syntax requires ...iterable[Symbol.iterator] to be a function");
  }
  if (subject !== undefined) return new TypeError(`${subject} is not iterable`);
  return new TypeError(`${value == null ? String(value) : typeof value === "object" ? "object" : String(value)} is not iterable`);
}

export class Protocol {
  /**
   * The call slot. A compiled call site stores the callee here just before calling it; a compiled
   * function that finds itself here was called directly by compiled code. `UNWIND` while a fiber
   * suspends, `RESUME` while a frame is being re-entered, null otherwise.
   */
  s: unknown = null;
  /** True while a fiber other than the agent's main fiber runs (only then can frames be captured). */
  f = false;
  /** Number of compiled frames of the running fiber that were entered from native code. */
  nb = 0;
  /** Frame being resumed (valid while `s === RESUME`). */
  rec: Frame | null = null;
  /** Value (or error, when `rt`) delivered to the call site being resumed. */
  rv: unknown = undefined;
  rt = false;
  /**
   * Records captured by the unwinding in progress, linked through `below` from the innermost
   * (`ch`, captured first) to the outermost so far (`ct`); the trampoline (runtime/fiber.ts) puts
   * the whole list on top of the fiber's stack once the unwinding is done.
   */
  ch: Frame | null = null;
  ct: Frame | null = null;
  /**
   * The record of the frame resumed last: that frame read it on entry, so nothing reads it any
   * more, and the next `cap` fills it in instead of allocating one. A frame that is resumed and
   * suspends again thus keeps its record ("heap frames stay heap frames").
   */
  spare: Frame | null = null;
  /** Names of the functions entered from native code, innermost last (for error messages). */
  natNames: string[] = [];

  readonly U = UNWIND;
  readonly R = RESUME;
  readonly RE = REENTER;

  /** Post-call slow path: true when unwinding; otherwise the callee was not compiled, so clear the slot. */
  chk(): boolean {
    if (this.s === UNWIND) return true;
    this.s = null;
    return false;
  }

  /** The class of the `new` expression compiled code evaluates right now (see compiler/constructors.ts). */
  nw: unknown = null;

  /**
   * A public class field whose name is on the prototype chain, initialized by a compiled constructor
   * body: defined, as the engine defines fields (an assignment could hit a setter).
   */
  field(o: object, key: string, value: unknown): void {
    Object.defineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
  }

  /**
   * What a constructor body's `return v` makes `new` return: v if it is an object, else `this`.
   * A derived constructor may return only an object or undefined; otherwise `new` throws the
   * engine's TypeError, but only once the constructor has returned (its own try/catch must not see
   * the error, its finally blocks run first). So the body returns a marker, and the error is thrown
   * where the body's result reaches `new`: `ctorDone` in the constructor shell, or the trampoline
   * when the body was resumed (compiler/constructors.ts, runtime/fiber.ts).
   */
  ctorResult(v: unknown, self: unknown, derived?: boolean): unknown {
    if (v !== null && (typeof v === "object" || typeof v === "function")) return v;
    if (derived && v !== undefined) return BAD_DERIVED_RETURN;
    return self;
  }

  /** The constructor shell's result: its body's, unless that returned what `new` rejects. */
  ctorDone(r: unknown): unknown {
    if (r === BAD_DERIVED_RETURN) throw badDerivedReturn();
    return r;
  }

  /** Generators whose body is suspended by a fiber switch: running, for anyone but their fiber. */
  suspendedGenerators: WeakSet<object> = new WeakSet();

  /** True between a compiled generator body's suspension and the capture of its caller's frame. */
  genPending = false;

  /**
   * Captures one frame during unwinding. Returns undefined: the caller ignores values while
   * unwinding. `recv` is the receiver of the call that unwound: when that call was a generator's
   * next(), the generator suspended itself and is recorded as a frame of its own, below its callee.
   */
  cap(fn: Function, self: unknown, pc: number, l: unknown[], nt?: unknown, recv?: unknown): undefined {
    if (this.genPending) {
      this.genPending = false;
      this.suspendedGenerators.add(recv as object);
      this.link(new Frame(null, recv, 0, NO_LOCALS, undefined, null));
    }
    let rec = this.spare;
    if (rec === null) {
      rec = new Frame(fn, self, pc, l, nt, null);
    } else {
      this.spare = null;
      rec.fn = fn;
      rec.self = self;
      rec.pc = pc;
      rec.l = l;
      rec.nt = nt;
    }
    this.link(rec);
    return undefined;
  }

  /** Adds a captured record below the ones captured before it in this unwinding (its callees). */
  link(rec: Frame): void {
    const tail = this.ct;
    if (tail === null) this.ch = rec;
    else tail.below = rec;
    this.ct = rec;
  }

  /**
   * A compiled generator body suspends because the fiber unwinds below it. `recv` is the receiver
   * of the call that unwound: when that call was another generator's next() that suspended itself
   * (genPending), that generator is recorded first, as the frame above this one.
   */
  gs(recv?: unknown): unknown {
    if (this.genPending) {
      this.suspendedGenerators.add(recv as object);
      this.link(new Frame(null, recv, 0, NO_LOCALS, undefined, null));
    }
    this.genPending = true;
    return GENERATOR_SUSPENDED;
  }

  /**
   * A compiled generator body starts or continues after a `yield`. Returns 0 when its next() was
   * called by compiled code (it may suspend with the fiber), 1 when something else drives it
   * (a native boundary until it yields or returns), 2 when no fiber runs.
   */
  genEnter(): number {
    const s = this.s;
    if (s === GEN_NEXT || s === GEN_THROW || s === GEN_RETURN || s === this.genNext || s === this.genThrow || s === this.genReturn) {
      this.s = null;
      return 0;
    }
    if (!this.f) return 2;
    this.nb++;
    this.natNames.push("<generator>");
    return 1;
  }

  /** Compiled-call replacements of the generator methods (installed by runtime/replacements.ts). */
  genNext: unknown = null;
  genThrow: unknown = null;
  genReturn: unknown = null;

  genLeave(code: number): void {
    if (code === 1) {
      this.nb--;
      this.natNames.pop();
    }
  }

  /**
   * A compiled generator body ends (returns or throws). When compiled code drove it (code 0) and it
   * was a `yield*` delegate, the delegating generator continues now, driven by the same caller: the
   * slot says so to its genEnter. A compiled caller of next() clears the slot in its post-call check.
   */
  genExit(code: number): void {
    if (code === 0) this.s = this.genNext;
    else this.genLeave(code);
  }

  /** At the resumed call site: the value the suspended call "returns", or the error it throws. */
  take(): unknown {
    const v = this.rv;
    this.rv = undefined;
    if (this.rt) {
      this.rt = false;
      throw v;
    }
    return v;
  }

  /**
   * A compiled function was entered by something other than a compiled call site (a native
   * built-in, an uncompiled library, a getter, the event loop...) while a fiber runs. Such a frame
   * cannot be suspended through, so it runs with `nb` raised: a switch below it raises FiberError
   * instead of unwinding into native code that would misread the unwinding as a return value.
   */
  nat(fn: Function, self: unknown, args: ArrayLike<unknown>, nt: unknown): unknown {
    // A bound function made by a compiled `.bind()` call is transparent: it returns its target's
    // result untouched, so its target runs as if called directly.
    if (this.s !== null && this.bound.get(this.s as Function) === fn) {
      this.s = fn;
      return nt === undefined ? Reflect.apply(fn, self, args) : Reflect.construct(fn, args, nt as Function);
    }
    this.nb++;
    this.natNames.push(fn.name || "<anonymous>");
    // A getter or valueOf can run between a compiled call site's slot store and its call (while the
    // arguments are evaluated): the slot is given back, so the callee still finds itself there.
    const slot = this.s;
    try {
      this.s = fn;
      return nt === undefined ? Reflect.apply(fn, self, args) : Reflect.construct(fn, args, nt as Function);
    } finally {
      this.nb--;
      this.natNames.pop();
      this.s = slot;
    }
  }

  /**
   * Iteration source for a compiled for-of loop: a plain array (iterated by index, which is exactly
   * what the unmodified array iterator does) or an iterator object.
   */
  iter(iterable: any, subject?: string | null): { a: unknown[] | null; it: any } {
    if (Array.isArray(iterable) && iterable[Symbol.iterator] === ARRAY_ITERATOR &&
        Object.getPrototypeOf([][Symbol.iterator]()).next === ARRAY_ITERATOR_NEXT) {
      return { a: iterable, it: null };
    }
    const method = iterable == null ? undefined : iterable[Symbol.iterator];
    if (typeof method !== "function") throw notIterable(iterable, subject);
    const it = method.call(iterable);
    if (it === null || (typeof it !== "object" && typeof it !== "function")) {
      throw new TypeError("Result of the Symbol.iterator method is not an object");
    }
    return { a: null, it };
  }

  /** Checks an iterator result the way for-of does. */
  step(r: unknown): IteratorResult<unknown> {
    if (r === null || (typeof r !== "object" && typeof r !== "function")) {
      throw new TypeError(`Iterator result ${String(r)} is not an object`);
    }
    return r as IteratorResult<unknown>;
  }

  /** Checks the result of an iterator's return() called by a compiled for-of. */
  closed(r: unknown): void {
    if (r === null || (typeof r !== "object" && typeof r !== "function")) {
      throw new TypeError("iterator.return() did not return an object");
    }
  }

  /** Bound function -> its target, for bound functions created by compiled `.bind()` calls. */
  bound: WeakMap<Function, Function> = new WeakMap();

  /**
   * `call(f, thisArg, ...args)`: the original Function.prototype.call, bound at start-up. Compiled
   * method calls use it, so a callee's own `call` property or a patched Function.prototype.call
   * does not change what a call does.
   */
  readonly call: (f: Function, thisArg: unknown, ...args: unknown[]) => unknown = FP_CALL.bind(FP_CALL);

  /** The engine's TypeError for calling a value that is not a function. */
  notCallable(text: string, isNew: boolean): never {
    throw new TypeError(`${text} is not a ${isNew ? "constructor" : "function"}`);
  }

  /**
   * The error a compiled `new $$t(...)` throws: if `fn` is a function but not a constructor, the
   * engine's TypeError named the compiler's temp, so it is replaced by one that names the callee as
   * written; every other error (one thrown by the constructor itself) is returned unchanged.
   */
  newError(error: unknown, fn: unknown, text: string): unknown {
    return error instanceof TypeError && typeof fn === "function" && !isConstructor(fn) ? new TypeError(`${text} is not a constructor`) : error;
  }

  /**
   * `new fn(...args)` for compiled generator bodies (compiler/generators.ts), whose call sites are
   * expressions: the engine's TypeError for a function that is not a constructor names the callee
   * as written (see newError). The constructor's result is returned as it is, so a compiled
   * constructor that unwinds through here does so as through a direct `new`.
   */
  construct(fn: new (...args: unknown[]) => unknown, text: string, ...args: unknown[]): unknown {
    try {
      return new fn(...args);
    } catch (e) {
      throw this.newError(e, fn, text);
    }
  }

  /** Replacement table (native built-in -> compiled replacement), filled by runtime/replacements.ts. */
  reps: Map<Function, Function> = new Map();

  /**
   * Tag of the template objects compiled modules make at their top, one per tagged-template site
   * (compiler/explode.ts, `tagged`): the engine's frozen strings array, returned as is.
   */
  strings(strings: TemplateStringsArray): TemplateStringsArray {
    return strings;
  }

  /** For call sites of methods named like a replaced built-in: the function to call instead. */
  swap(m: unknown): unknown {
    const r = this.reps.get(m as Function);
    return r === undefined ? m : r;
  }

  /**
   * Call slot value for `x.call(...)`/`x.apply(...)` call sites: Function.prototype.call/apply and
   * Reflect.apply are transparent (they return the callee's result untouched), so the token is the
   * function they will invoke.
   */
  via(m: unknown, receiver: unknown, firstArg: unknown): unknown {
    if (m === FP_CALL || m === FP_APPLY) return receiver;
    if (m === REFLECT_APPLY) return firstArg;
    return m;
  }

  /** Runs a lowered async function's generator (compiled runtime/async.src.js, see replacements.ts). */
  runAsync: (gen: Generator) => Promise<unknown> = () => {
    throw new Error("fibers-ts: runtime not initialised");
  };

  /** Gives a lowered async function the identity of an async function (compiler/async.ts). */
  asyncFn<T extends Function>(fn: T): T {
    Object.setPrototypeOf(fn, ASYNC_FUNCTION_PROTOTYPE);
    return fn;
  }

  /** Reads a possibly uninitialized binding for a frame record (undefined in its dead zone). */
  tdz(read: () => unknown): unknown {
    try {
      return read();
    } catch {
      return undefined;
    }
  }

  /** `{...x, k: f()}`: the copy the spread makes of x, made where the literal makes it (Exploder.object). */
  spreadCopy(x: unknown): object {
    return { ...(x as object) };
  }

  /** `{[k]: f()}`: the key as the literal converts it (ToPropertyKey), where it converts it. */
  propertyKey(k: unknown): PropertyKey {
    return Reflect.ownKeys({ [k as PropertyKey]: 0 })[0];
  }

  /** Destructuring an object pattern: RequireObjectCoercible. */
  coercible(v: unknown): void {
    if (v === null || v === undefined) throw new TypeError(`Cannot destructure '${String(v)}' as it is ${String(v)}.`);
  }

  /** `{a, ...rest} = o`: own enumerable properties of o except the keys already taken. */
  objectRest(o: any, used: PropertyKey[]): Record<PropertyKey, unknown> {
    const out: Record<PropertyKey, unknown> = {};
    const skip = new Set(used.map((k) => (typeof k === "symbol" ? k : String(k))));
    for (const k of Reflect.ownKeys(Object(o))) {
      if (skip.has(k)) continue;
      const d = Object.getOwnPropertyDescriptor(o, k);
      if (d && d.enumerable) out[k as any] = o[k];
    }
    return out;
  }

  /**
   * `[a, b, ...r] = it`: the first n values (all with a rest element), closing the iterator early.
   * The compiled version from runtime/iteration.src.js, installed by runtime/replacements.ts.
   */
  items: (iterable: unknown, n: number, all: boolean, subject?: string) => unknown[] = () => {
    throw new Error("fibers-ts: runtime not initialised");
  };

  /** Keys a for-in loop would visit, snapshotted so that a compiled for-in can be resumed. */
  keys(o: unknown): string[] {
    const out: string[] = [];
    if (o === null || o === undefined) return out;
    for (const k in o as object) out.push(k);
    return out;
  }
}

/**
 * Does `fn` have [[Construct]]? A proxy copies it from its target, and `new` of a proxy whose
 * construct trap returns at once runs nothing of fn's (reading no property of it either).
 */
function isConstructor(fn: Function): boolean {
  let probe: new () => object;
  try {
    probe = new Proxy(fn, { construct: () => ({}) }) as new () => object;
  } catch {
    return true; // no probe (a revoked proxy, say): keep the engine's own error
  }
  try {
    new probe();
    return true;
  } catch {
    return false;
  }
}

const KEY = Symbol.for("fibers-ts.protocol");

/** The agent's protocol object, created on first use (shared by every copy of the package). */
export function protocol(): Protocol {
  const g = globalThis as any;
  let p = g[KEY] as Protocol | undefined;
  if (p === undefined) {
    p = new Protocol();
    Object.defineProperty(g, KEY, { value: p, configurable: false, enumerable: false, writable: false });
  }
  return p;
}

// Created when this module is evaluated: compiled modules (including the runtime's own compiled
// replacements, evaluated right after this module) read it from the global at their top level.
protocol();
