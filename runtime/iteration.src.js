// Iteration steps that may run user code (an iterator's next() and return()), compiled by fibers-ts
// at build time so that a fiber can suspend inside them.

/**
 * `[a, b, ...r] = iterable`: the first n values (all of them with a rest element), then the
 * iterator is closed if it is not exhausted, as array destructuring does. `subject`: how the
 * engine's TypeError names a value that is not iterable (compiler/engine-text.ts); without one it
 * describes the value, as the engine does for assignment and parameter patterns.
 */
export function items(iterable, n, all, subject) {
  if (Array.isArray(iterable) && iterable[Symbol.iterator] === Array.prototype[Symbol.iterator]) {
    const out = [];
    const len = all ? iterable.length : n;
    for (let i = 0; i < len; i++) out.push(iterable[i]);
    return out;
  }
  const method = iterable === null || iterable === undefined ? undefined : iterable[Symbol.iterator];
  if (typeof method !== "function") {
    if (subject !== undefined) throw new TypeError(subject + " is not iterable");
    const type = iterable === null ? "object null" : typeof iterable === "number" || typeof iterable === "boolean" ? typeof iterable + " " + String(iterable) : typeof iterable;
    throw new TypeError(type + " is not iterable (cannot read property Symbol(Symbol.iterator))");
  }
  const it = method.call(iterable);
  if (it === null || (typeof it !== "object" && typeof it !== "function")) throw new TypeError("Result of the Symbol.iterator method is not an object");
  const out = [];
  while (all || out.length < n) {
    const r = it.next();
    if (r === null || (typeof r !== "object" && typeof r !== "function")) throw new TypeError("Iterator result " + String(r) + " is not an object");
    if (r.done) return out;
    out.push(r.value);
  }
  const ret = it.return;
  if (ret !== undefined && ret !== null) {
    const r = ret.call(it);
    if (r === null || (typeof r !== "object" && typeof r !== "function")) throw new TypeError("iterator.return() did not return an object");
  }
  return out;
}
