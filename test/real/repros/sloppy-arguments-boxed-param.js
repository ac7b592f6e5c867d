// sourceType: commonjs
// In sloppy mode, `arguments[0]` and the parameter `a` are one variable (mapped arguments).
// When a closure captures `a`, the compiler moves `a` into an environment object created at
// function entry (`let $$e9 = { a: a }`) and rewrites every use of `a` to `$$e9.a`; but
// `arguments` (`$$args`) stays mapped to the original parameter binding, which is now a dead
// copy. Writes through `arguments` no longer reach `a`, and writes to `a` no longer show in
// `arguments` -- even without any fiber or switch (the plain compiled run differs too).
//
// native output:
//   "closure sees a = 4"
//   "arguments[0] = 8"
exports.main = function (log, sw) {
  function f(a) {
    const get = function () {
      return a;
    };
    arguments[0] = 4;
    return get();
  }
  function g(a) {
    const set = function () {
      a = 8;
    };
    set();
    return arguments[0];
  }
  log(`closure sees a = ${f(1)}`);
  log(`arguments[0] = ${g(1)}`);
};
