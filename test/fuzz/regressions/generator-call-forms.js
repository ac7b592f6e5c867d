// Inside a generator body (the generator driven by a compiled spread), a tagged template whose
// tag switches, and `new K()` of a class whose constructor switches, raise FiberError ("cannot
// switch across a native frame"); both work in a plain function (and `new F()` of a plain function
// works in the generator too). docs/design.md lists for-of, spread and optional calls in generator
// bodies as not supported, not these. (f.call() and array-method callbacks failed the same way:
// fixed by 99a041a.)
//
// Fixed in the eighth session (generator bodies compile tagged templates as call sites and set
// `$$F.nw` before `new`, as frames do). Output before the fix: mismatch: values
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #0 differs:
//     reference: "tagged template", 1
//     compiled:  "tagged template", "FiberError"
//   log #1 differs:
//     reference: "new class", 1
//     compiled:  "new class", "FiberError"
export function main(sw, log) {
  const s = () => { sw(); return 1; };
  class K { constructor() { sw(); this.v = 1; } }
  function F() { sw(); this.v = 2; }
  function* g() {
    try { log("tagged template", s`a${1}b`); } catch (e) { log("tagged template", e.name); }
    try { log("new class", new K().v); } catch (e) { log("new class", e.name); }
    try { log("new function", new F().v); } catch (e) { log("new function", e.name); }
    try { log("plain call", s()); } catch (e) { log("plain call", e.name); }
    yield 1;
  }
  log([...g()]);
  function p() { return [s`a${1}b`, new K().v]; }
  log(p());
}
