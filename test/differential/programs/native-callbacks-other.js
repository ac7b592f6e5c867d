// Switching inside callbacks of native functions NOT in the guaranteed list
// (String.prototype.replace, JSON.parse reviver, JSON.stringify replacer, Array.prototype.toSorted,
// Reflect.apply, a Proxy apply trap), Function.prototype.call/apply on a bound function, in a getter,
// and in an implicit toString coercion. Each must either work or throw FiberError.
// Log lines whose first value starts with "attempt:" may legitimately read
// ["attempt:<label>", "unsupported: FiberError"] in the compiled run.

export function main(sw, log, attempt) {
  attempt(log, "replace", () => "a1b22".replace(/\d+/g, (m) => { sw(); return "<" + m + ">"; }));
  attempt(log, "reviver", () => JSON.parse('{"a":1,"b":[2,3]}', (k, v) => { sw(); return typeof v === "number" ? v * 2 : v; }));
  attempt(log, "replacer", () => JSON.stringify({ a: 1, b: "x" }, (k, v) => { sw(); return typeof v === "number" ? v + 1 : v; }));
  attempt(log, "getter", () => { const o = { get g() { sw(); return "gv"; } }; return o.g; });
  attempt(log, "toString coercion", () => "" + { toString() { sw(); return "coerced"; } });
  // the Promise constructor turns an exception in the executor into a rejection: rethrow it here
  attempt(log, "Promise executor", () => {
    let r, err;
    new Promise(() => { try { sw(); r = "ran"; } catch (e) { err = e; } });
    if (err) throw err;
    return r;
  });
  attempt(log, "toSorted", () => {
    let calls = 0;
    return [3, 1, 2].toSorted((a, b) => { if (calls++ < 2) sw(); return a - b; });
  });
  attempt(log, "Reflect.apply", () => Reflect.apply(function (a) { sw(); return this.k + a; }, { k: 1 }, [2]));
  attempt(log, "proxy apply trap", () => {
    const p = new Proxy(function (x) { return x * 2; }, { apply(t, self, args) { sw(); return t(...args) + 1; } });
    return p(20);
  });
  attempt(log, "call on bound function", () => {
    const bound = function (x) { sw(); return this.n + x; }.bind({ n: 10 });
    return [bound.call({ n: 99 }, 1), bound.apply(null, [2])];
  });
  sw();
  log("still alive");
  return "ok";
}
