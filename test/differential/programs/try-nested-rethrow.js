// Nested try, rethrow, and exceptions thrown after a resume.
class AppError extends Error {
  constructor(msg, cause) { super(msg); this.name = "AppError"; this.inner = cause; }
}

function level3(sw, n) {
  sw();
  if (n === 0) throw new RangeError("level3 failed");
  return n;
}
function level2(sw, n) {
  try {
    return level3(sw, n);
  } catch (e) {
    sw();
    throw new AppError("wrapped: " + e.message, e);
  }
}

export function main(sw, log) {
  // rethrow after switch in catch
  try {
    try { level2(sw, 0); }
    catch (e) { sw(); log("inner caught", e, e.inner); throw e; }
    finally { sw(); log("inner finally"); }
  } catch (e2) {
    sw();
    log("outer caught", e2 instanceof AppError, e2 instanceof Error, e2.name);
  }

  // exception thrown in a catch block after a switch
  let r;
  try {
    try { throw 1; } catch (x) { sw(); r = x; throw x + 1; }
  } catch (y) { r = [r, y]; }
  log("r", r);

  // exception in the middle of an expression after a resume
  function boom() { sw(); throw new EvalError("mid-expression"); }
  let partial = "untouched";
  try { partial = "a" + boom() + "b"; } catch (e) { log("mid", e, partial); }

  // try inside loop inside try
  const seq = [];
  try {
    for (let i = 0; i < 5; i++) {
      try {
        sw();
        if (i === 1) continue;
        if (i === 3) throw new Error("stop at 3");
        seq.push(i);
      } catch (e) {
        seq.push("c" + i);
        sw();
        throw e;
      } finally {
        seq.push("f" + i);
      }
    }
  } catch (e) {
    log("seq", seq, e.message);
  }
  // throwing non-errors
  for (const v of [undefined, null, 0, "", { k: 1 }, [1, 2]]) {
    try { sw(); throw v; } catch (e) { log("nonerror", e, e === v); }
  }
  // error thrown from native code after a switch
  try { sw(); undefined.prop; } catch (e) { log("native", e.constructor.name); }
  // Uncaught exception ends main with that error
  level2(sw, 1);
  sw();
  throw new AppError("final uncaught");
}
