// Template literals with switching substitutions and evaluation order.
export function main(sw, log) {
  const order = [];
  function s(x) { order.push(x); sw(); return x; }
  const t1 = `a${s(1)}b${s("two")}c${s({ toString() { return "obj"; } })}d`;
  log("t1", t1, order.splice(0));

  // nested templates
  const t2 = `outer[${`inner(${s("x")})`}]${s(`${s("deep")}!`)}`;
  log("t2", t2, order.splice(0));

  // toString/valueOf order with switch between
  let calls = [];
  const weird = {
    toString() { calls.push("toString"); return "TS"; },
    valueOf() { calls.push("valueOf"); return 99; },
  };
  const t3 = `${weird}-${(sw(), weird)}`;
  log("t3", t3, calls, "" + weird, calls.length);

  // templates in loops accumulating
  let html = "";
  for (const [k, v] of Object.entries({ a: 1, b: -0, c: null, d: undefined })) {
    html += `<${k}>${s(v)}</${k}>`;
  }
  log("html", html);
  // escapes and raw
  const t4 = `line1\nline2\t${s("\u00e9")}\\`;
  log("t4", t4, String.raw`r\n${s(1)}\t`);
  // symbols throw in templates
  try { const bad = `${(sw(), Symbol("s"))}`; log("never", bad); } catch (e) { log("symbol", e.constructor.name); }
  return t1;
}
