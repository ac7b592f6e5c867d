// obj[k()] = v(), compound assignment to members, evaluation order of assignment targets.
export function main(sw, log) {
  const order = [];
  const objs = { o1: {}, o2: { n: 1 } };
  function o(name) { order.push("obj:" + name); sw(); return objs[name]; }
  function k(key) { order.push("key:" + key); sw(); return key; }
  function v(val) { order.push("val:" + val); sw(); return val; }

  o("o1")[k("a")] = v(1);
  log("simple", objs.o1, order.splice(0));

  // compound member assignment: obj, key, get, rhs, set
  const proxyLog = [];
  const target = {
    _x: 5,
    get x() { proxyLog.push("get"); return this._x; },
    set x(val) { proxyLog.push("set " + val); this._x = val; },
  };
  objs.t = target;
  o("t")[k("x")] += v(10);
  log("compound", target._x, order.splice(0), proxyLog.splice(0));
  o("t").x *= v(2);
  log("compound2", target._x, order.splice(0), proxyLog.splice(0));

  // key is converted to property key only once, after rhs? (ToPropertyKey timing)
  const keyObj = { toString() { order.push("toString"); return "kk"; } };
  o("o1")[keyObj] = v("viaObj");
  log("toPropertyKey", objs.o1.kk, order.splice(0));

  // rhs reads the same member that is being assigned after a switch
  const cnt = { n: 0 };
  cnt.n = cnt.n + (sw(), cnt.n = 100, 1);
  log("rhs mutation", cnt.n);
  const cnt2 = { n: 0 };
  cnt2.n += (sw(), cnt2.n = 100, 1);
  log("compound mutation", cnt2.n);

  // update expressions on members
  const u = { i: 0 };
  const post = o2i(u)[k("i")]++;
  function o2i(x) { order.push("o2i"); sw(); return x; }
  const pre = ++u[k("i")];
  log("update", post, pre, u.i, order.splice(0));

  // chained assignment
  const c1 = {}, c2 = {};
  c1.a = c2.b = v("chained");
  log("chained", c1, c2, order.splice(0));

  // assignment to array index with switching index and length growth
  const arr = [];
  arr[(sw(), 3)] = v("x");
  log("array", arr.length, arr, order.splice(0));
  // assignment to a frozen object throws in strict mode after switch
  const frozen = Object.freeze({ f: 1 });
  try { frozen[k("f")] = v(2); } catch (e) { log("frozen", e.constructor.name, order.splice(0)); }
  // null base: key and value evaluated first? (error timing)
  try { const nb = null; nb[k("z")] = v("zz"); } catch (e) { log("null base", e.constructor.name, order.splice(0)); }
  return objs.o1;
}
