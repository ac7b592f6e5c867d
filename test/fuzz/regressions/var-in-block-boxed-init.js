// In a block, a `var` (function-scoped, captured by a closure) initialized from a block-scoped
// `let` that a closure also captures: the var's initializer keeps naming the `let`, which lives
// in the block's environment object, so the compiled code throws "w is not defined". The same
// with both declared at function level works (the fixed outer-capture-in-boxed-init bug, now in
// regressions/, was the same shape across functions). Plain compiled code.
//
// Found by the fuzzer, fixed in c044a50. Output before the fix: mismatch: "w is not defined"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: 1, 1
//     compiled:  (missing)
//   sw() count differs:
//     reference: 1
//     compiled:  0
//   outcome differs:
//     reference: return undefined
//     compiled:  throw ReferenceError("w is not defined")
export function main(sw, log) {
  {
    let w = 1;
    var v = w;
    const g = () => w; // w is captured: boxed in the block's environment
    const h = () => v; // v is captured: boxed at function level
    try { log(h(), g()); } catch (e) { log(e); }
  }
  sw();
}
