/**
 * The Fiber API (python-fibers semantics) and the trampoline that runs fibers.
 *
 * The agent's main fiber is the native JS stack itself: it is never captured. Switching from main
 * runs `runFibers`, a loop on main's stack that starts or resumes one fiber at a time. A fiber that
 * switches away unwinds (its compiled frames capture themselves into heap records and return) back
 * to that loop, which then runs the next fiber, or returns to main. Resuming a fiber re-invokes its
 * top heap record only; the records below it are re-invoked one by one as the frames above return,
 * so a switch costs O(frames pushed since the last resume), never O(stack depth).
 */
import { FiberError, protocol, UNWIND, RESUME, NO_LOCALS, BAD_DERIVED_RETURN, badDerivedReturn, type Frame, type Protocol } from "./protocol.js";

const UNSTARTED = 0;
const STARTED = 1;
const ENDED = 2;

const $F: Protocol = protocol();

/** Per-agent bookkeeping: the main fiber and the current one. */
interface Agent {
  main: Fiber;
  current: Fiber;
}
let agent: Agent | undefined;

function getAgent(): Agent {
  if (agent === undefined) {
    creatingMain = true;
    try {
      const main = new Fiber();
      agent = { main, current: main };
    } finally {
      creatingMain = false;
    }
  }
  return agent;
}

/**
 * The transfer a suspending fiber asks for: where to go and what to deliver there. Set by
 * `transfer()`, read by `runFibers` once the fiber has unwound. Module variables rather than an
 * object, so that a switch allocates nothing for it.
 */
let nextTarget: Fiber | null = null;
let nextValue: unknown = undefined;
let nextThrow = false;

/** Set while the agent's main fiber is being constructed (it has no parent and is running). */
let creatingMain = false;
let internals: {
  state(f: Fiber): number;
  setState(f: Fiber, s: number): void;
  top(f: Fiber): Frame | null;
  setTop(f: Fiber, rec: Frame | null): void;
  release(f: Fiber): void;
  start(f: Fiber): unknown;
  parentOf(f: Fiber): Fiber | null;
};

type Target = (...args: any[]) => unknown;
export interface FiberOptions {
  target?: Target | null;
  args?: ArrayLike<unknown> | null;
  kwargs?: Record<string, unknown> | null;
  parent?: Fiber | null;
}

export class Fiber {
  #target: Target | null = null;
  #args: unknown[] = [];
  #kwargs: Record<string, unknown> | null = null;
  #parent: Fiber | null = null;
  #state = UNSTARTED;
  /** The innermost suspended frame (the next to re-enter); the others hang below it. */
  #top: Frame | null = null;
  #protocol: Protocol = $F;

  static {
    internals = {
      state: (f) => f.#state,
      setState: (f, s) => { f.#state = s; },
      top: (f) => f.#top,
      setTop: (f, rec) => { f.#top = rec; },
      // An ended fiber keeps nothing alive: no target, arguments or frames.
      release: (f) => { f.#target = null; f.#args = []; f.#kwargs = null; f.#top = null; },
      start: (f) => {
        const target = f.#target;
        f.#target = null;
        f.#state = STARTED;
        if (target === null) return undefined;
        const args = f.#kwargs === null ? f.#args : [...f.#args, f.#kwargs];
        f.#args = [];
        f.#kwargs = null;
        // Compiled targets see themselves in the call slot, like any direct call from compiled code.
        $F.s = target;
        return Reflect.apply(target, undefined, args);
      },
      parentOf: (f) => f.#parent,
    };
  }

  constructor(target?: Target | FiberOptions | null, args?: ArrayLike<unknown> | null,
              kwargs?: Record<string, unknown> | null, parent?: Fiber | null) {
    if (creatingMain) {
      this.#state = STARTED;
      return;
    }
    if (target !== null && typeof target === "object" && args === undefined && kwargs === undefined && parent === undefined) {
      ({ target, args, kwargs, parent } = target as FiberOptions);
    }
    if (target !== undefined && target !== null && typeof target !== "function") {
      throw new TypeError("Fiber target must be callable");
    }
    if (args !== undefined && args !== null && (typeof args !== "object" || typeof (args as ArrayLike<unknown>).length !== "number")) {
      throw new TypeError("Fiber args must be an array");
    }
    if (kwargs !== undefined && kwargs !== null && typeof kwargs !== "object") {
      throw new TypeError("Fiber kwargs must be an object");
    }
    const a = getAgent();
    this.#target = (target as Target | undefined) ?? null;
    this.#args = args ? Array.from(args) : [];
    this.#kwargs = kwargs ?? null;
    this.#parent = a.current;
    if (parent !== undefined && parent !== null) this.parent = parent;
  }

  /** The fiber running now (the agent's main fiber outside any other fiber). */
  static current(): Fiber {
    return getAgent().current;
  }

  get parent(): Fiber | null {
    return this.#parent;
  }

  set parent(value: Fiber | null) {
    if (!(value instanceof Fiber)) throw new TypeError("parent must be a Fiber");
    if (value.#protocol !== this.#protocol) throw new FiberError("parent belongs to a different thread");
    if (value.#state === ENDED) throw new RangeError("parent fiber has already ended");
    for (let p: Fiber | null = value; p !== null; p = p.#parent) {
      if (p === this) throw new RangeError("cyclic parent chain");
    }
    this.#parent = value;
  }

  isAlive(): boolean {
    return this.#state !== ENDED;
  }

  /**
   * Suspends the current fiber and runs this one. Returns the value passed by whoever switches
   * back to the current fiber (or returns/raises in it).
   */
  switch(value?: unknown): unknown {
    const direct = $F.s === Fiber.prototype.switch;
    $F.s = null;
    if (value !== undefined && this.#state === UNSTARTED) {
      throw new RangeError("cannot pass a value to a fiber that has not started; switch() without a value starts it");
    }
    return transfer(this, value, false, direct, "switch");
  }

  /**
   * Suspends the current fiber and raises an error in this one: `throw(ErrorClass)`,
   * `throw(ErrorClass, message)`, `throw(ErrorClass, instance)` or `throw(instance)`.
   */
  throw(typ?: unknown, val?: unknown, tb?: unknown): unknown {
    const direct = $F.s === Fiber.prototype.throw;
    $F.s = null;
    return transfer(this, makeError(typ, val, tb), true, direct, "throw");
  }
}

function makeError(typ: unknown, val: unknown, _tb: unknown): unknown {
  if (typ === undefined) return new FiberError("fiber.throw() without an error: defaulting to FiberError");
  if (typeof typ === "function") {
    if (val instanceof (typ as Function)) return val;
    if (val !== undefined && val !== null && typeof val === "object") {
      throw new TypeError("fiber.throw(): the value must be an instance of the given error class");
    }
    const args = val === undefined ? [] : [val];
    return Reflect.construct(typ, args);
  }
  if (typeof typ === "object" && typ !== null) {
    if (val !== undefined) throw new TypeError("fiber.throw(): instance error given with a separate value");
    return typ;
  }
  throw new TypeError("fiber.throw() needs an error class or an error instance");
}

function transfer(target: Fiber, value: unknown, isThrow: boolean, direct: boolean, verb: string): unknown {
  if (!(target instanceof Fiber)) throw new TypeError(`${verb}() must be called on a Fiber`);
  const a = getAgent();
  const state = internals.state(target);
  if (state === ENDED) throw new FiberError(`cannot ${verb} to a fiber that has ended`);
  if (target === a.current) throw new FiberError(`cannot ${verb} to the current fiber (itself)`);
  if (a.current === a.main) return runFibers(a, target, value, isThrow);
  // A non-main fiber suspends by unwinding to the loop in runFibers. Every frame between the fiber's
  // start and here must be a compiled frame called directly by compiled code, or unwinding would
  // return into native code.
  if (!direct) {
    throw new FiberError(`cannot ${verb}: fiber.${verb}() was called from code that fibers-ts did not compile (an uncompiled module, Function.prototype.call on a bound function, or a getter/constructor/generator body); compile that code or switch outside it`);
  }
  if ($F.nb > 0) {
    const names = $F.natNames.join(" -> ");
    throw new FiberError(`cannot ${verb} across a native frame: function ${names} was called by code that fibers-ts did not compile (a native built-in such as a getter, valueOf, JSON.parse reviver or String.prototype.replace callback, or an uncompiled library); the fiber stays usable`);
  }
  nextTarget = target;
  nextValue = value;
  nextThrow = isThrow;
  $F.s = UNWIND;
  return undefined;
}

/** First ancestor that has started and not ended: where results and uncaught errors go. */
function deliveryTarget(f: Fiber, a: Agent): Fiber {
  for (let p = internals.parentOf(f); p !== null; p = internals.parentOf(p)) {
    if (internals.state(p) === STARTED) return p;
  }
  return a.main;
}

/**
 * The trampoline. Runs on the main fiber's native stack until control is transferred back to main,
 * then returns (or throws) what main receives.
 */
function runFibers(a: Agent, cur: Fiber, value: unknown, isThrow: boolean): unknown {
  for (;;) {
    if (cur === a.main) {
      a.current = a.main;
      $F.f = false;
      $F.nb = 0;
      if (isThrow) throw value;
      return value;
    }
    a.current = cur;
    $F.f = true;
    $F.nb = 0;
    const unstarted = internals.state(cur) === UNSTARTED;
    if (unstarted && isThrow) {
      // Throwing into a fiber that never ran ends it; the error goes to its first started ancestor.
      internals.setState(cur, ENDED);
      internals.release(cur);
      cur = deliveryTarget(cur, a);
      continue;
    }
    let result: unknown;
    let threw = false;
    try {
      result = unstarted ? internals.start(cur) : resume(cur, value, isThrow);
    } catch (e) {
      result = e;
      threw = true;
    }
    if ($F.s === UNWIND) {
      $F.s = null;
      const next = nextTarget!;
      nextTarget = null;
      if (!threw) {
        // The fiber suspended: its new records go on top of its stack; go where it switched to.
        pushCaptured(cur);
        cur = next;
        value = nextValue;
        isThrow = nextThrow;
        nextValue = undefined;
        continue;
      }
      // An error escaped while frames were being captured: the capture is incomplete, so the
      // fiber cannot be resumed. It ends with that error, which goes to its parent like any other.
      $F.ch = null;
      $F.ct = null;
      nextValue = undefined;
    }
    // The fiber finished: its result or error goes to the first started, not-ended ancestor.
    internals.setState(cur, ENDED);
    internals.release(cur);
    $F.s = null;
    value = result;
    isThrow = threw;
    cur = deliveryTarget(cur, a);
  }
}

/** Puts the records captured by the unwinding just done on top of the fiber's stack. */
function pushCaptured(f: Fiber): void {
  const tail = $F.ct;
  if (tail === null) return;
  tail.below = internals.top(f);
  internals.setTop(f, $F.ch);
  $F.ch = null;
  $F.ct = null;
}

/**
 * Re-enters the fiber's suspended frames from the top, each with the value (or error) the one above
 * it returned (or threw), until one suspends again or the stack is empty.
 */
function resume(f: Fiber, value: unknown, isThrow: boolean): unknown {
  for (let rec = internals.top(f); rec !== null; rec = internals.top(f)) {
    internals.setTop(f, rec.below);
    try {
      value = rec.fn === null ? continueGenerator(rec, value, isThrow) : reenter(rec, value, isThrow);
      isThrow = false;
    } catch (e) {
      $F.rec = null;
      if ($F.spare === rec) clearRecord(rec);
      value = e;
      isThrow = true;
    }
    if ($F.s === UNWIND) return undefined;
  }
  if (isThrow) throw value;
  return value;
}

/** Re-invokes a compiled frame in resume mode: it restores its locals from `$F.rec` on entry. */
function reenter(rec: Frame, value: unknown, isThrow: boolean): unknown {
  // A record at call site 0 is a derived constructor's body that has not started: its
  // `super(...)` suspended (compiler/constructors.ts). An error from `super(...)` leaves the
  // constructor without running the body, so it passes this record by.
  if (isThrow && rec.pc === 0) throw value;
  // Otherwise the value is the parent constructor's result, which `super(...)` binds as `this`: the
  // recorded object, unless the parent returned another one. The body cannot run on that one (the
  // engine gave the class's private methods and fields to the recorded object, when the suspended
  // `super(...)` returned it), so that is refused, at the `new`, with the fiber usable.
  if (rec.pc === 0 && value !== rec.self) {
    throw new FiberError("cannot resume a derived class constructor: its parent constructor suspended, then returned an object other than `this`; switch before or after that constructor instead");
  }
  const self = rec.self;
  const constructed = rec.nt !== undefined;
  $F.rec = rec;
  $F.rv = value;
  $F.rt = isThrow;
  $F.s = RESUME;
  // The frame reads its record on entry, before it can call anything: from then on the record is
  // free for the next capture, typically this very frame's own when it suspends again.
  $F.spare = rec;
  // (`[]` written here, not a shared constant: TurboFan then calls fn directly, no array made.)
  let result = Reflect.apply(rec.fn!, self, []);
  // $F.rec may now be a live record of a suspended fiber (if the capture took it): drop the
  // reference, or it would keep a dropped fiber's frame alive.
  $F.rec = null;
  // Not taken by a capture: a spare record keeps nothing alive (a dropped fiber must be collectable).
  if ($F.spare === rec) clearRecord(rec);
  // `new F()` of a plain function: the construct result is the object unless F returned one.
  if (constructed && (result === null || (typeof result !== "object" && typeof result !== "function"))) {
    result = self;
  }
  // A resumed derived class constructor body returned what `new` rejects (Protocol.ctorResult).
  if (result === BAD_DERIVED_RETURN) throw badDerivedReturn();
  return result;
}

/** Empties a record nobody uses any more but `$F.spare`, which may hold it for a long time. */
function clearRecord(rec: Frame): void {
  rec.fn = null;
  rec.self = undefined;
  rec.l = NO_LOCALS;
  rec.nt = undefined;
  rec.below = null;
}

/** A generator body suspended inside the fiber (fn === null): continues it where it yielded. */
function continueGenerator(rec: Frame, value: unknown, isThrow: boolean): unknown {
  const gen = rec.self as Generator;
  $F.suspendedGenerators.delete(gen);
  $F.s = null;
  $F.rv = undefined;
  $F.rt = false;
  const result = isThrow ? gen.throw(value) : gen.next(value);
  if ($F.s === UNWIND && $F.genPending) {
    // It suspended again, inside its own body: it stays a frame, below the ones it captured.
    $F.genPending = false;
    $F.suspendedGenerators.add(gen);
    $F.link(rec);
  }
  return result;
}

export function current(): Fiber {
  return getAgent().current;
}

export { FiberError };
