// Proxies, valueOf/toPrimitive coercions and Reflect (handlers do not switch) around switch points.
export function main(sw, log) {
  const trapLog = [];
  const target = { a: 1, b: 2 };
  const proxy = new Proxy(target, {
    get(t, k, r) { trapLog.push("get " + String(k)); return Reflect.get(t, k, r); },
    set(t, k, v, r) { trapLog.push("set " + String(k)); return Reflect.set(t, k, v, r); },
    has(t, k) { trapLog.push("has " + String(k)); return k in t; },
    deleteProperty(t, k) { trapLog.push("delete " + String(k)); return delete t[k]; },
    ownKeys(t) { trapLog.push("ownKeys"); return Reflect.ownKeys(t); },
  });
  proxy.a = proxy.b + (sw(), 10);
  log("proxy1", target, trapLog.splice(0));
  proxy.b += (sw(), 5);
  log("proxy2", target, trapLog.splice(0));
  log("has/delete", "a" in proxy, delete proxy.a, trapLog.splice(0));
  const keys = [];
  for (const k in proxy) { sw(); keys.push(k); }
  log("for-in proxy", keys, trapLog.splice(0).filter((t) => t === "ownKeys").length > 0);

  // valueOf and toPrimitive ordering with switches between operands
  const order = [];
  const v1 = { valueOf() { order.push("v1"); return 1; } };
  const v2 = { [Symbol.toPrimitive](hint) { order.push("v2:" + hint); return 2; } };
  const r = v1 + (sw(), v2);
  const r2 = `${v2}` + (sw(), v1 * v2);
  log("coercion", r, r2, order.splice(0));
  // comparison coercion order
  const cmp = v2 > (sw(), v1);
  log("compare", cmp, order.splice(0));
  // Reflect.apply with a non-switching function, between switches
  function add(a, b) { return a + b + (this ? this.c : 0); }
  sw();
  log("reflect", Reflect.apply(add, { c: 100 }, [1, (sw(), 2)]), Reflect.ownKeys({ z: 1, [Symbol.iterator]: 0 }).length);
  // proxy wrapping a function; apply trap doesn't switch but target does
  const fproxy = new Proxy(add, { apply(t, thisArg, args) { trapLog.push("apply"); return t.apply(thisArg, args) * 2; } });
  log("fn proxy attempt-free", typeof fproxy, trapLog.splice(0));
  return target;
}
