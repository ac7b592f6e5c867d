// finally overriding return/throw with return, break and continue.
export function main(sw, log) {
  function retOverride() {
    try { sw(); return "try"; } finally { sw(); return "finally"; }
  }
  function throwOverride() {
    try { sw(); throw new Error("lost"); } finally { sw(); return "swallowed"; }
  }
  function catchOverride() {
    try { throw new Error("e1"); }
    catch (e) { sw(); return "catch:" + e.message; }
    finally { sw(); log("finally after catch return"); }
  }
  function throwInFinally() {
    try { sw(); return "try"; } finally { sw(); throw new SyntaxError("from finally"); }
  }
  log("retOverride", retOverride());
  log("throwOverride", throwOverride());
  log("catchOverride", catchOverride());
  try { throwInFinally(); } catch (e) { log("throwInFinally", e); }

  // break in finally cancels return
  function breakOverride() {
    for (let i = 0; i < 3; i++) {
      try { sw(); return "ret" + i; } finally { sw(); if (i < 2) break; }
    }
    return "after loop";
  }
  log("breakOverride", breakOverride());

  // continue in finally cancels a throw
  function continueOverride() {
    const seen = [];
    for (let i = 0; i < 3; i++) {
      try { sw(); throw new Error("t" + i); } finally { seen.push(i); sw(); continue; }
    }
    return seen;
  }
  log("continueOverride", continueOverride());

  // nested finally blocks run innermost first, each switching
  function nested() {
    const order = [];
    try {
      try {
        try { sw(); return order; } finally { order.push("f1"); sw(); }
      } finally { order.push("f2"); sw(); }
    } finally { order.push("f3"); sw(); }
  }
  log("nested", nested());

  // return value computed before finally mutates variable
  function snapshot() {
    let v = "before";
    try { return v; } finally { sw(); v = "after"; }
  }
  log("snapshot", snapshot());
  // labelled break out of try inside finally path
  function labelled() {
    let r = [];
    out: {
      try { r.push("a"); sw(); break out; } finally { r.push("fin"); sw(); }
    }
    r.push("end");
    return r;
  }
  log("labelled", labelled());
  return "done";
}
