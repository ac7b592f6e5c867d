// Calling a function held in a closure-captured binding passes the closure's environment object as
// `this` (the call is compiled as `$$call(env.f, env)`), instead of undefined. Plain compiled code.
//
// Found by the fuzzer, fixed in 7211b1e. Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: "undefined"
//     compiled:  "object"
//   log #1 differs:
//     reference: true
//     compiled:  false
export function main(sw, log) {
  const f = function () { return typeof this; };
  const g = () => f(); // f is captured by g
  log(g());
  function outer(fn) {
    const inner = () => fn(); // a captured parameter: same
    return inner();
  }
  log(outer(function () { return this === undefined; }));
  sw();
}
