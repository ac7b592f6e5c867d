// A derived class constructor that returns a primitive must throw a TypeError when it returns
// (the base-class case ignores the value). Compiled, the constructor returns normally and `new`
// gives the object. Also without any switch.
//
// Found by the fuzzer, fixed in 99a041a. Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: TypeError("Derived constructors may only return object or undefined")
//     compiled:  B {v: 1}
export function main(sw, log) {
  class A {}
  class B extends A {
    constructor(v) {
      super();
      this.v = v;
      sw();
      return 0;
    }
  }
  try { log(new B(1)); } catch (e) { log(e); }
  class C { constructor() { this.c = 1; return 0; } }
  log(new C());
}
