// A switching generator driven by next() from another generator's body: next() returned
// undefined (then "Cannot read properties of undefined (reading 'value')"). Found by the fuzzer,
// fixed in ecd289e (for-of and spread there raise FiberError by design: docs/design.md).
// Output before the fix: [all modes] log #0 differs: reference: "next", {value: 1, done: false}
//   compiled: "next", undefined
export function main(sw, log) {
  function* inner() { sw(); yield 1; }
  function* outer() {
    log("next", inner().next());
    log("Array.from", Array.from(inner()));
    const viaFunction = () => [...inner()];
    log("via a function", viaFunction());
    yield 2;
  }
  log([...outer()]);
}
