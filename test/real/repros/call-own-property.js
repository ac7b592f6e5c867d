// A method call o.m() is compiled to `$$m = o.m; $$F.s = $$m; $$m.call(o)`, which looks up
// "call" on the callee: a function with its own `call` property is not called, its `call` is;
// a non-callable o.m that has a `call` method is "called" instead of throwing TypeError; and the
// TypeError of a non-callable o.m names `$$m.call` (or, when o.m is undefined, reads "Cannot read
// properties of undefined (reading 'call')", as lodash's apply() shows with func.call(...))
// instead of "o.m is not a function".
//
// native output:
//   "f"
//   "TypeError: o.n is not a function"
//   "TypeError: o.p is not a function"
export function main(log) {
  function f() {
    return "f";
  }
  f.call = function () {
    return "own call";
  };
  const o = { m: f, n: { call: () => "not callable" }, p: 1 };
  log(o.m());
  try {
    log(o.n());
  } catch (e) {
    log(`${e.name}: ${e.message}`);
  }
  try {
    log(o.p());
  } catch (e) {
    log(`${e.name}: ${e.message}`);
  }
}
