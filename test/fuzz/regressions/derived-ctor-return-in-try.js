// `return 0` inside `try` in a derived class constructor: `new` throws a TypeError once the
// constructor has returned, so the constructor's own `catch` must not see it. Compiled, the check
// threw inside the body and its catch caught it.
//
// Found by the fuzzer (seed 421190), fixed in be9ff8f. Output before the fix: mismatch: "<N|N-N" "N"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: (missing)
//     compiled:  TypeError("<0|0-0")
//   outcome differs:
//     reference: throw TypeError("Derived constructors may only return object or undefined")
//     compiled:  throw Error("0")
export function main(sw, log) {
  log("start"); // the regression harness wants a log line before the outcome
  class K1 {}
  let [...d306] = [];
  class K307 extends K1 {
    constructor() {
      super();
      try {
        return (() => {
          d306.push(0);
          return 0;
        })();
      } catch {
        new Set([...d306].slice()).forEach(() => {
          try {
            throw new TypeError(`<${0}|${`${0}-${0}`}`);
          } catch (e345) {
            log(e345);
          }
        });
      }
    }
  }
  try {
    throw new Error(0);
  } catch (e404) {
    [0].forEach(() => {
      const o408 = new K307();
    });
    throw e404;
  }
}
