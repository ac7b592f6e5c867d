// A for-in loop whose body holds a for-of loop that switches: after the resume, the for-in loop
// stops early (here after its first key; other shapes restart it forever). In the compiled code
// the for-in index `$$i4` and the inner for-of's own index `let $$i4` are both saved in and
// restored from the same record slot (`$$l[5]`); the temporaries `$$t1` and `$$o2` also share
// `$$l[3]`. Needs the earlier call and the closure to line the counters up.
//
// Found by the fuzzer, fixed in 7211b1e. Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #2 differs:
//     reference: "z", 1
//     compiled:  (missing)
//   sw() count differs:
//     reference: 2
//     compiled:  1
export function main(sw, log) {
  log("start");
  for (const k in { a: 0, z: 0 }) {
    const g = () => log; // log is captured (boxed)
    for (const x of [1]) {
      sw();
      log(k, x);
    }
  }
}
