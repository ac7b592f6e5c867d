// An object literal whose spread is followed by a part that changes the spread's source: the
// spread copies the source where it stands. Compiled, the copy was made when the literal was
// built, after the change.
//
// Found by the fuzzer (seed 970440, --size medium), fixed in fa8cbd4.
// Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: {b: undefined}
//     compiled:  {a: NaN, b: undefined}
export function main(sw, log) {
  const o140 = {};
  log({
    ...o140,
    b: (() => {
      try {
        throw 0;
      } catch (e156) {
        o140.a -= 0;
      }
    })()
  });
}
