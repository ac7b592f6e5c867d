// Iteration steps that may run user code (an iterator's next() and return()), compiled by fibers-ts
// at build time so that a fiber can suspend inside them.

/**
 * `[a, b, ...r] = iterable`: the first n values (all of them with a rest element), then the
 * iterator is closed if it is not exhausted, as array destructuring does.
 */
export function items(iterable, n, all) {
  if (Array.isArray(iterable) && iterable[Symbol.iterator] === Array.prototype[Symbol.iterator]) {
    const out = [];
    const len = all ? iterable.length : n;
    for (let i = 0; i < len; i++) out.push(iterable[i]);
    return out;
  }
  if (iterable === null || iterable === undefined) throw new TypeError(String(iterable) + " is not iterable");
  const method = iterable[Symbol.iterator];
  if (typeof method !== "function") throw new TypeError("object is not iterable");
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
