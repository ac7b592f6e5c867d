// sw() in try, catch and finally blocks; catch binding forms; completion values.
function risky(sw, n) {
  sw();
  if (n % 2) throw new TypeError("odd " + n);
  return n * 2;
}

export function main(sw, log) {
  const trace = [];
  for (let n = 0; n < 4; n++) {
    try {
      sw();
      trace.push("try" + n);
      const v = risky(sw, n);
      sw();
      trace.push("ok" + v);
    } catch (e) {
      sw();
      trace.push("catch:" + e.message);
      sw();
    } finally {
      sw();
      trace.push("fin" + n);
    }
  }
  log("trace", trace);

  // optional catch binding
  let flag = "init";
  try { sw(); null.x; } catch { sw(); flag = "caught"; }
  log("flag", flag);

  // destructured catch binding
  try { sw(); throw { code: 42, detail: { why: "because" } }; }
  catch ({ code, detail: { why } }) { sw(); log("destructured", code, why); }

  // catch parameter shadows outer variable and is block scoped
  const e = "outer";
  try { throw "inner"; } catch (e) { sw(); log("shadow", e); }
  log("outer e", e);

  // try/finally without catch, no exception: both parts run
  let steps = [];
  try { steps.push("t"); sw(); } finally { steps.push("f"); sw(); }
  log("steps", steps);

  // finally runs on return, return value preserved across switch in finally
  function f() {
    let x = 1;
    try { x = 2; return x; } finally { sw(); x = 3; log("finally sees", x); }
  }
  log("f()", f());
  return trace.length;
}
