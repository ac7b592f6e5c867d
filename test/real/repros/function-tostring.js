// Function.prototype.toString returns the compiled frame code (`let $$pc = 0, ...`) instead of
// the source text, for every compiled function. Found by the lodash sweep: string utilities
// given a function (_.camelCase(fn), _.escape(fn), _.words(fn)...) and V8 error messages that
// quote a function ("Cannot assign to read only property 'length' of function '...'") show the
// compiled code. Libraries that parse function sources (dependency injection by parameter
// names, `fn.toString().includes(...)` feature checks) see different text. Not listed in
// docs/design.md "Not supported".
//
// native output:
//   "function add(a, b) {\n    return a + b;\n  }"
//   "(x) => x * 2"
export function main(log) {
  function add(a, b) {
    return a + b;
  }
  const double = (x) => x * 2;
  log(String(add));
  log(double.toString());
}
