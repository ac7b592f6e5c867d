// A variable captured by a closure (moved into an environment object) called as a method, in code
// that a pass had copied (a finally block inside an IIFE in a destructuring default): the TypeError
// named the environment object ("$$e1.o15.a is not a function"). The engine's printing of the
// callee (compiler/engine-text.ts) had no source range to read the name from there.
//
// Found by the fuzzer (seed 1601611) once it generated calls of non-functions again, fixed in
// the same session. Output before the fix: mismatch: "$$#.#.a is not a function"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   outcome differs:
//     reference: throw TypeError("o15.a is not a function")
//     compiled:  throw TypeError("$$e1.o15.a is not a function")
export function main(sw, log) {
  log("start"); // the regression harness wants a log line before the outcome
  const o15 = 0;
  const {
    p: [d72 = (() => {
      try {} finally {
        log(o15.a());
      }
    })()] = []
  } = 0;
  if (() => d72) throw 0;
}
