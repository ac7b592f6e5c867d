// A switch in a parameter default of a class constructor (a base class: no super() involved)
// raises FiberError. docs/design.md lists switches before super() in derived constructors, not
// this; a plain function's parameter default (also as `new F()`) may switch.
//
// Found by the fuzzer, fixed in 6de58ac. Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: 1
//     compiled:  "A", "FiberError"
//   log #1 differs:
//     reference: 2
//     compiled:  "B", "FiberError"
export function main(sw, log) {
  class A { constructor(p = (sw(), 1)) { this.p = p; } }
  try { log(new A().p); } catch (e) { log("A", e.name); }
  class B { constructor([p = (sw(), 2)] = []) { this.p = p; } }
  try { log(new B().p); } catch (e) { log("B", e.name); }
  function D(p = (sw(), 4)) { this.p = p; }
  log(new D().p);
}
