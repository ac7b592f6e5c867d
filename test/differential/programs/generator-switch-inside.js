// A switch *inside* a generator body: either works, or throws FiberError. Log which.
// Log lines whose first value starts with "attempt:" may legitimately read
// ["attempt:<label>", "unsupported: FiberError"] in the compiled run.
function* gen(sw, trace) {
  trace.push("gen start");
  let acc = 0;
  for (let i = 0; i < 3; i++) {
    sw();
    acc += i;
    trace.push("after sw " + i);
    yield acc;
  }
  return acc;
}

function* delegating(sw, trace) {
  const r = yield* gen(sw, trace);
  sw();
  yield "ret:" + r;
}


export function main(sw, log, attempt) {
  attempt(log, "for-of", () => { const t = []; const r = []; for (const v of gen(sw, t)) r.push(v); return [r, t]; });
  attempt(log, "manual next", () => { const g = gen(sw, []); return [g.next(), g.next(), g.next(), g.next()]; });
  attempt(log, "spread delegating", () => [...delegating(sw, [])]);
  attempt(log, "generator method", () => {
    const obj = { base: 10, *items() { for (let i = 0; i < 2; i++) { sw(); yield this.base + i; } } };
    return Array.from(obj.items());
  });
  // a switch before and after still works whatever happened above
  sw();
  log("still alive");
  return "ok";
}
