// An inner function's boxed variable (captured by a closure) is initialized from a variable of an
// enclosing function that is itself boxed: the initializer still names the outer variable, which
// no longer exists as a binding. Plain compiled code, no switch needed.
//
// Found by the fuzzer, fixed in 7211b1e. Output before the fix: mismatch: "# is not defined" "k is not defined"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: 5
//     compiled:  "f", ReferenceError("o1 is not defined")
//   log #1 differs:
//     reference: 6
//     compiled:  "h", ReferenceError("k is not defined")
export function main(sw, log) {
  const o1 = 5; // boxed: captured by f
  function f() {
    const o2 = o1; // boxed: captured by g; compiled to `$$e1.o2 = o1` instead of `$$e1.o2 = $$e2.o1`
    const g = () => o2;
    return g();
  }
  try { log(f()); } catch (e) { log("f", e); }
  // The same through a destructuring parameter default whose binding a closure captures.
  const k = 6;
  const h = ([p = k] = []) => {
    const g = () => p;
    return g();
  };
  try { log(h()); } catch (e) { log("h", e); }
  sw();
}
