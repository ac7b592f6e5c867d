// Generators consumed with switch points in the consumer loop body only.
function* nat(limit) {
  let i = 0;
  try {
    while (i < limit) {
      const cmd = yield i++;
      if (cmd === "skip") i++;
    }
    return "done:" + i;
  } finally {
    log_(["gen finally", i]);
  }
}
let log_ = () => {};

function* inner() { yield "i1"; yield "i2"; return "innerRet"; }
function* outer() {
  yield "o1";
  const r = yield* inner();
  yield r;
  yield* [7, 8];
}

export function main(sw, log) {
  log_ = log;
  const xs = [];
  for (const v of nat(4)) {
    sw();
    xs.push(v);
  }
  log("xs", xs);

  // manual next with values sent in, around switches
  const g = nat(10);
  const r1 = g.next();
  sw();
  const r2 = g.next("skip");
  sw();
  const r3 = g.next();
  log("manual", r1, r2, r3);
  sw();
  const r4 = g.return("early");
  log("return", r4, g.next());

  // break out of for-of over generator: finally runs
  for (const v of nat(100)) {
    sw();
    if (v === 2) break;
  }

  // yield* delegation
  const ys = [];
  for (const v of outer()) { sw(); ys.push(v); }
  log("ys", ys);

  // generator throw()
  const g2 = nat(5);
  g2.next();
  sw();
  try { g2.throw(new Error("injected")); } catch (e) { log("thrown", e); }
  sw();
  log("after throw", g2.next());

  // generator methods and spread
  const obj = { *gen() { yield this.a; yield this.a * 2; }, a: 21 };
  const zs = [];
  for (const z of obj.gen()) { zs.push(z); sw(); }
  log("zs", zs, [...obj.gen()]);
  return xs.length;
}
