// The TypeError for iterating a non-iterable differs from V8's: spread and for-of name the value
// where V8 names the expression's source text, and array destructuring (declaration or
// parameter) always says "object is not iterable", even for a number.
//
// Fixed in the eighth session: for-of, spread and array destructuring name the
// operand, or describe the value, as V8 does (compiler/engine-text.ts). Output before the fix: mismatch: "N is not iterable" "object is not iterable"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: "n is not iterable"
//     compiled:  "2 is not iterable"
//   log #1 differs:
//     reference: "n is not iterable"
//     compiled:  "2 is not iterable"
//   log #2 differs:
//     reference: "n is not iterable"
//     compiled:  "object is not iterable"
//   log #3 differs:
//     reference: "number 2 is not iterable (cannot read property Symbol(Symbol.iterator))"
//     compiled:  "object is not iterable"
export function main(sw, log) {
  const n = 2;
  try { log([...n]); } catch (e) { log(e.message); }
  try { for (const q of n) log(q); } catch (e) { log(e.message); }
  try { const [a] = n; log(a); } catch (e) { log(e.message); }
  function f(p, [q = 6] = []) { return q; }
  try { log(f(1, 2)); } catch (e) { log(e.message); }
  sw();
}
