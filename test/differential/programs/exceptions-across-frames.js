// Exceptions crossing several compiled frames after a resume, including through callbacks.
function a(sw, depth, log) {
  try {
    return b(sw, depth, log);
  } finally {
    log("a finally", depth);
  }
}
function b(sw, depth, log) {
  const local = "b-local-" + depth;
  sw();
  const r = c(sw, depth);
  log("b never here", local);
  return r;
}
function c(sw, depth) {
  if (depth > 0) return c(sw, depth - 1);
  sw();
  throw new Error("from c at bottom");
}

export function main(sw, log) {
  try { a(sw, 5, log); } catch (e) { sw(); log("main caught", e); }

  // through a forEach callback
  try {
    [1, 2, 3].forEach((x) => {
      sw();
      if (x === 2) throw new TypeError("in forEach " + x);
      log("forEach ok", x);
    });
  } catch (e) {
    log("forEach caught", e);
  }

  // through a map callback called by a method
  const obj = {
    items: [1, 2, 3],
    doubled() {
      return this.items.map((v) => {
        sw();
        if (v === 3) throw new RangeError("map " + v);
        return v * 2;
      });
    },
  };
  try { obj.doubled(); } catch (e) { log("map caught", e); }

  // stack of frames each with its own catch that rethrows
  function layer(n) {
    try {
      if (n === 0) { sw(); throw new Error("root"); }
      return layer(n - 1);
    } catch (e) {
      sw();
      e.message += "<" + n;
      throw e;
    }
  }
  try { layer(4); } catch (e) { log("layered", e.message); }

  // caught exception does not affect later switches
  let ok = 0;
  for (let i = 0; i < 3; i++) { sw(); ok++; }
  log("ok", ok);
  return ok;
}
