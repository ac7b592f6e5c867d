/**
 * Genlets: generators built on fibers (python-fibers' examples/genlet.py, itself from greenlet).
 *
 * A generator function is an ordinary function that calls Yield(value) from any call depth. The
 * Genlet class implements the iterator protocol: next() switches into the generator's fiber, which
 * runs until its next Yield (a switch back to the fiber that called next()) or until it returns.
 *
 *   npx fibers-ts run examples/genlet.ts
 */
import { Fiber, current } from "fibers-ts";

type GenFn = (...args: any[]) => void;

class Genlet extends Fiber implements IterableIterator<unknown> {
  /** A genlet that yields on this genlet's behalf (Yield with level > 1), resumed first. */
  child: Genlet | null = null;

  constructor(fn: GenFn, args: unknown[]) {
    super(fn, args);
  }

  [Symbol.iterator](): this {
    return this;
  }

  next(): IteratorResult<unknown> {
    let result: unknown;
    if (this.child !== null) {
      let child: Genlet = this.child;
      while (child.child !== null) {
        const tmp = child;
        child = child.child;
        tmp.child = null;
      }
      result = child.switch();
    } else {
      // Whoever iterates is where Yield (and the end of the generator) goes back to.
      this.parent = current();
      result = this.switch();
    }
    if (this.isAlive()) return { value: result, done: false };
    return { value: undefined, done: true };
  }
}

/** Yields `value` from the genlet `level` levels up the chain of running genlets. */
function Yield(value: unknown, level = 1): void {
  let g: Fiber | null = current();
  while (level !== 0) {
    if (!(g instanceof Genlet)) throw new Error("Yield outside a genlet");
    if (level > 1) (g.parent as Genlet).child = g;
    g = g.parent;
    level -= 1;
  }
  g!.switch(value);
}

/** Turns a function that calls Yield into a generator factory. */
function generator<A extends unknown[]>(fn: (...args: A) => void): (...args: A) => Genlet {
  return (...args: A) => new Genlet(fn as GenFn, args);
}

// Yield from a helper several calls deep: no `function*`, no `yield*` plumbing.
function emitSquares(from: number, to: number): void {
  for (let i = from; i <= to; i++) Yield(i * i);
}
const squares = generator((n: number) => {
  emitSquares(1, n);
});

const fib = generator((limit: number) => {
  let [a, b] = [0, 1];
  while (a <= limit) {
    Yield(a);
    [a, b] = [b, a + b];
  }
});

/** Yields the items of a tree in order, recursively: each level is a plain function call. */
interface Tree {
  value: string;
  left?: Tree;
  right?: Tree;
}
function walk(t: Tree | undefined): void {
  if (t === undefined) return;
  walk(t.left);
  Yield(t.value);
  walk(t.right);
}
const inorder = generator((t: Tree) => walk(t));

// Nested genlets: this one iterates another genlet and yields its items on behalf of its own
// consumer with level 2, straight past itself.
const passThrough = generator((n: number) => {
  for (const x of squares(n)) {
    Yield(`square ${x as number}`, 2);
  }
});
const wrapper = generator((n: number) => {
  const inner = passThrough(n);
  for (const item of inner) Yield(item);
});

const out: unknown[] = [];
for (const x of squares(5)) out.push(x);
console.log(`squares: ${out.join(" ")}`);

console.log(`fibonacci: ${[...fib(100)].join(" ")}`);

const tree: Tree = {
  value: "d",
  left: { value: "b", left: { value: "a" }, right: { value: "c" } },
  right: { value: "f", left: { value: "e" }, right: { value: "g" } },
};
console.log(`in order: ${[...inorder(tree)].join("")}`);

// Two generators advanced in lockstep.
const a = squares(3);
const b = fib(10);
const pairs: string[] = [];
for (;;) {
  const x = a.next();
  const y = b.next();
  if (x.done || y.done) break;
  pairs.push(`${x.value as number}/${y.value as number}`);
}
console.log(`zipped: ${pairs.join(" ")}`);

for (const item of wrapper(3)) console.log(`level 2: ${item as string}`);

console.log("ok");
