// sourceType: commonjs
// In sloppy mode, `arguments` of a function with simple parameters is *mapped*: arguments[0]
// and the parameter `a` are the same variable. A compiled frame keeps `arguments` in `$$args`
// and saves `a` and `$$args` as separate slots; a resumed frame is a new activation that
// restores `a = $$l[0]` and `$$args = $$l[k]`, so after a switch the two are no longer linked.
//
// native output (and compiled outside a fiber):
//   "after arguments[0] = 5: a = 5"
//   "after a = 7: arguments[0] = 7"
exports.main = function (log, sw) {
  function f(a) {
    sw();
    arguments[0] = 5;
    return a;
  }
  function g(a) {
    sw();
    a = 7;
    return arguments[0];
  }
  log(`after arguments[0] = 5: a = ${f(1)}`);
  log(`after a = 7: arguments[0] = ${g(1)}`);
};
