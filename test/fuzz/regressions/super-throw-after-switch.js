// A base-class constructor that switches and then throws, reached through `super(...)` of a derived
// class (implicit constructor): the error must reach the caller of `new`. Compiled, the derived
// body (recorded to start after super()) ran instead and the error was lost.
//
// Found by the fuzzer (seed 777735), fixed in 5deca99. Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: (missing)
//     compiled:  [undefined]
//   outcome differs:
//     reference: throw ReferenceError("q is not defined")
//     compiled:  return undefined
export function main(sw, log) {
  log("start"); // the regression harness wants a log line before the outcome
  class K172 {
    constructor() {
      this.y174 = (() => (sw(), q.length))`a${0}b${0}`;
    }
  }
  class K267 extends K172 {}
  log([(() => {
    const o370 = new K267();
  })()]);
}
