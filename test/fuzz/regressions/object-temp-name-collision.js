// Compiled, this throws "Cannot access '$$o7' before initialization": the for-in's object
// temporary `$$o7` (function level) and the temporary `let $$o7` of the object literal with
// methods inside the loop body get the same name, and the loop body's uses of the for-in one see
// the inner `let` in its TDZ. Shrunk from a generated program: the preceding statements are what
// lines the name counters up.
//
// Found by the fuzzer, fixed in 804eeb7. Output before the fix: mismatch: "Cannot access '$$#' before initialization"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   outcome differs:
//     reference: return undefined
//     compiled:  throw ReferenceError("Cannot access '$$o7' before initialization")
export function main(sw, log) {
  const fs1 = [];
  for (let i2 = 0; i2 < 3; i2++) {
    let v3 = i2 - sw();
    fs1.push();
  }
  log(fs1.map(() => 0));
  for (const k5 in {
    z: 0
  }) {
    const o6 = {
      b: `${[].findIndex(() => 0)}:${0}`.length,
      m9() {
        const a18 = [(() => 0) ? 0 : 0].concat();
        const o21 = {
          b: (() => 0) ? 0 : 0,
          m24() {}
        };
      }
    };
  }
}
