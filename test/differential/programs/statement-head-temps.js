// Values computed in a statement's head (if/while/for tests, switch discriminants and case tests,
// for-in objects, each declarator of a declaration) are dead once the body starts: the compiler
// frees their frame slots for the body's own intermediate values. Every body here switches while
// such values are pending, so a slot that was freed too early, or reused while still needed,
// shows up as a wrong value after the resume.
export function main(sw, log) {
  const calls = [];
  const id = (x) => { calls.push(x); sw(); return x; };
  const add = (a, b) => { sw(); return a + b; };

  function ifChain(n) {
    const out = [];
    for (let i = 0; i < n; i++) {
      if (id(i % 3 === 0) || id(i % 3 === 1) && id(i > 2)) {
        out.push(add(id(i), add(id(10), id(100))));
      } else if (add(id(i), 1) > 3) {
        out.push(add(add(id(i), id(i)), id(-1)));
      } else {
        out.push(id("no"));
      }
    }
    return out;
  }
  log("if chains", ifChain(7));

  function loops() {
    const out = [];
    let i = 0;
    while (add(id(i), 0) < 4) out.push(add(id(i++), add(id(1), id(2))));
    for (let j = id(0); add(j, id(0)) < 3; j = add(j, 1)) out.push(add(id(j), add(id(j), id(j))));
    let k = 0;
    do out.push(add(id(k), id(k * 10))); while (add(id(++k), 0) < 3);
    return out;
  }
  log("loop tests", loops());

  function switches(vs) {
    const out = [];
    for (const v of vs) {
      switch (add(id(v), 0)) {
        case add(id(0), 0):
          out.push(add(id("zero"), add(id("-"), id(v))));
          break;
        case add(id(1), 0):
        case add(id(2), 0): {
          const w = add(id(v), add(id(v), id(v)));
          out.push(add(w, id(1)));
        }
        // falls through
        case add(id(3), 0):
          out.push(add(id("three-or-fall"), id(v)));
          break;
        default:
          out.push(add(add(id("d"), id(v)), id("!")));
      }
    }
    return out;
  }
  log("switch discriminant and case tests", switches([0, 1, 2, 3, 4]));

  function forIn() {
    const out = [];
    for (const k in add(id({ a: 1, b: 2 }), "") === "[object Object]" ? id({ x: 1, y: 2, z: 3 }) : {}) {
      out.push(add(id(k), add(id(":"), id(k.length))));
    }
    return out;
  }
  log("for-in object", forIn());

  function declarators() {
    const a = add(id(1), id(2)), b = add(id(a), add(id(3), id(4))), { c, d = add(id(5), id(6)) } = id({ c: add(a, b) });
    let [e, f = add(id(c), id(d))] = id([add(id(7), 0)]);
    var g = add(id(e), id(f)), h = add(add(id(g), id(a)), id(b));
    return [a, b, c, d, e, f, g, h];
  }
  log("declarators", declarators());

  // The same values when nothing switches in the heads: only the bodies suspend.
  function bodiesOnly(n) {
    const out = [];
    const pure = (x) => x;
    for (let i = 0; i < n; i++) {
      if (pure(i) % 2 === 0 && pure(i) > 0) out.push(add(pure(i), add(i, 1)));
      else out.push(add(i, pure(-i)));
    }
    return out;
  }
  log("bodies only", bodiesOnly(5));
  log("calls", calls.length, calls.slice(0, 12));
}
