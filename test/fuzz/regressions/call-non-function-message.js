// The TypeError for calling a method of an object literal that is not a function names the
// receiver by its source text, where V8 says "{(intermediate value)}". (A captured variable was
// reported as "expression" too, for calls and `new`: fixed by 7211b1e; those lines now match.)
// Related to conformance.md bug 1.
//
// Fixed in the eighth session: callees are named as V8's printer names them
// (compiler/engine-text.ts). Output before the fix: mismatch: "({ a: N }).nope is not a function"
//   [direct, alternate fiber 0, alternate fiber 1, pair fiber 0, pair fiber 1]
//   log #1 differs:
//     reference: "{(intermediate value)}.nope is not a function"
//     compiled:  "({ a: 1 }).nope is not a function"
export function main(sw, log) {
  const v = 3;
  const g = () => v(); // v is captured by g
  try { g(); } catch (e) { log(e.message); }
  try { ({ a: 1 }).nope(); } catch (e) { log(e.message); }
  const h = () => new v(); // the same for `new`
  try { h(); } catch (e) { log(e.message); }
  sw();
}
