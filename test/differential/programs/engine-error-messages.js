// TypeErrors that compiled code raises itself (the compiler moved the operand into a temp) must
// read as the engine's: "x is not a function", "x is not a constructor", "x is not iterable".
export function main(sw, log) {
  const attempt = (label, fn) => {
    try { log(label, fn()); } catch (e) { log(label, e.constructor.name, e.message); }
  };
  const n = 2, o = { a: 1, b: { c: 3 }, f() { return 4; } }, g = () => 5;
  let captured = 7;
  const bump = () => captured++; // captured is shared with a closure (an environment object)
  {
    const n = "shadow"; // a shadowing binding (renamed by the compiler)
    attempt("shadowed callee", () => { sw(); return n(); });
  }
  attempt("name", () => { sw(); return n(); });
  attempt("member", () => { sw(); return o.a(); });
  attempt("deep member", () => { sw(); return o.b.c(); });
  attempt("string key", () => { sw(); return o["b"]["c"](); });
  attempt("computed key", () => { sw(); return o[n + 1](); });
  attempt("object literal", () => { sw(); return ({ a: 1, b: 2 }).nope(sw()); });
  attempt("array literal", () => { sw(); return [1, n].nope(); });
  attempt("call result", () => { sw(); return g()(); });
  attempt("sequence", () => { sw(); return (0, o.a)(); });
  attempt("captured", () => { sw(); bump(); return captured(); });
  attempt("new name", () => { sw(); return new n(); });
  attempt("new member", () => { sw(); return new o.b.c(); });
  // Functions that are not constructors: the callable check passes, `new` itself throws.
  attempt("new arrow, argument with a call", () => { sw(); return new g(sw()); });
  attempt("new method, argument with a call", () => { sw(); return new o.f(sw()); });
  attempt("new arrow", () => { sw(); return new g(); });
  class Picky { constructor(x) { sw(); if (x !== 1) throw new TypeError("Picky wants 1"); this.x = x; } }
  attempt("new constructor throwing a TypeError", () => { sw(); return new Picky(g() - 4 + 1); });
  attempt("new constructor", () => { sw(); return new Picky(g() - 4).x; });

  attempt("spread name", () => { sw(); return [...n]; });
  attempt("spread member", () => { sw(); return [...o.b.c]; });
  attempt("spread call", () => { sw(); return [...o.f()]; });
  attempt("spread literal", () => { sw(); return [...{ a: 1 }]; });
  attempt("spread argument", () => { sw(); return Math.max(...n); });
  attempt("spread null argument", () => { sw(); return Math.max(...null); });
  attempt("for-of name", () => { sw(); for (const q of n) log(q); });
  attempt("for-of call", () => { sw(); for (const q of g()) log(q); });
  attempt("declaration name", () => { sw(); const [a] = n; return a; });
  attempt("declaration call", () => { sw(); const [a] = g(); return a; });
  attempt("declaration member", () => { sw(); const [a] = o.b.c; return a; });
  attempt("declaration literal", () => { sw(); const [a] = 5; return a; });
  attempt("declaration null", () => { sw(); const [a] = null; return a; });
  attempt("var declaration", () => { sw(); var [a] = n; return a; });
  attempt("assignment pattern", () => { let a; sw(); [a] = n; return a; });
  attempt("parameter pattern", () => { sw(); return (function (p, [q = 6] = []) { return q; })(1, true); });
  attempt("captured declaration", () => { sw(); bump(); const [a] = captured; return a; });

  // In generator bodies, whose calls are rewritten separately (compiler/generators.ts).
  function* gen(kind) {
    sw();
    if (kind === 0) yield n();
    if (kind === 1) yield o.b.nope(sw());
    if (kind === 2) yield new n();
    if (kind === 3) yield o.a`x${1}`;
    if (kind === 4) yield o.f(sw())(); // the callee is a call, rewritten before the outer call
    if (kind === 5) yield new g(sw());
    if (kind === 6) yield new o.f();
    if (kind === 7) yield new Picky(sw()).x;
    if (kind === 8) yield new Picky(g() - 4).x;
  }
  for (let kind = 0; kind < 9; kind++) attempt("generator " + kind, () => [...gen(kind)]);
}
