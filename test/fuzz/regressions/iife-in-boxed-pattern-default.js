// An IIFE in a destructuring default of a declaration whose binding is captured (boxed): a
// function declaration in the IIFE reads a const of the IIFE that was initialized by an expression
// that switched; compiled, it throws "Cannot access 'c' before initialization" (the hoisted g
// seems to close over another activation's c). Without the capture of `a`, or with an arrow for
// g, or with the IIFE outside the pattern, it works.
//
// Found by the fuzzer, fixed in c044a50. Output before the fix: mismatch: "Cannot access 'c' before initialization"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: 5, undefined
//     compiled:  (missing)
//   outcome differs:
//     reference: return undefined
//     compiled:  throw ReferenceError("Cannot access 'c' before initialization")
export function main(sw, log) {
  let [a, b = (() => {
    const c = (sw(), 5);
    function g() { return c; }
    return g();
  })()] = [];
  const h = () => a; // a is captured
  log(b, h());
}
