// Per-iteration let bindings captured by closures created before a switch and called after.
export function main(sw, log) {
  const fns = [];
  for (let i = 0; i < 4; i++) {
    fns.push(() => i);
    sw();
    fns.push(() => i * 10);
  }
  log("for-let", fns.map((f) => f()));

  // closure created before the increment sees the per-iteration copy modified in body
  const fns2 = [];
  for (let i = 0; i < 3; i++) {
    fns2.push(() => i);
    sw();
    i += 0.5; // modifies this iteration's copy, which is copied to the next iteration
  }
  log("modified", fns2.map((f) => f()));

  // closures capturing binding in the loop test/update part
  const fns3 = [];
  for (let i = 0; fns3.push(() => i), i < 2; i++) { sw(); }
  log("head closures", fns3.map((f) => f()));

  // for-of and for-in let/const bindings
  const fns4 = [];
  for (const v of ["a", "b", "c"]) { sw(); fns4.push(() => v); }
  for (const k in { x: 1, y: 2 }) { fns4.push(() => k); sw(); }
  log("of/in", fns4.map((f) => f()));

  // var binding is shared
  const fns5 = [];
  for (var j = 0; j < 3; j++) { fns5.push(() => j); sw(); }
  log("var", fns5.map((f) => f()));

  // block-scoped let inside while body
  const fns6 = [];
  let n = 0;
  while (n < 3) {
    let copy = n;
    const setter = (v) => { copy = v; };
    fns6.push(() => copy);
    sw();
    setter(copy + 100);
    n++;
  }
  log("while block", fns6.map((f) => f()));

  // closures writing to loop var after switch
  const writers = [];
  const readers = [];
  for (let i = 0; i < 2; i++) {
    writers.push((v) => { i = v; });
    readers.push(() => i);
  }
  sw();
  writers[0]("w0");
  sw();
  writers[1]("w1");
  log("writers", readers.map((r) => r()));
  // TDZ in a loop body after a switch, for a variable no closure captures (a variable captured
  // by a closure lives in an environment object and is not TDZ-checked: docs/design.md).
  try {
    for (let i = 0; i < 1; i++) { sw(); log("before", typeof i); late; let late = 1; }
  } catch (e) { log("tdz", e.constructor.name); }
  return fns.length;
}
