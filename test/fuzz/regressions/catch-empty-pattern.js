// `catch ({})` (an empty destructuring pattern, valid JavaScript) together with `finally` makes
// transform() throw "Unexpected strict mode reserved word" (no file:line:column either).
//
// Found by the fuzzer, fixed in 99a041a. Output before the fix: compile-error: Unexpected strict mode reserved word
//   Unexpected strict mode reserved word
export function main(sw, log) {
  try { throw 1; } catch ({}) { log("caught"); } finally { log("finally"); }
  sw();
}
