// Tagged templates as call sites: one template object per source site, whichever copy of the
// frame (normal or resumed) evaluates it; a member tag is read once, before the substitutions.
export function main(sw, log) {
  const seen = [];
  const tag = (s, ...v) => { seen.push(s); return v.length; };
  // The site runs before a switch (normal path) and after it (the resumed frame), in one loop.
  function loop() {
    for (let i = 0; i < 3; i++) {
      tag`a${i}b`;
      sw();
    }
  }
  loop();
  log("one object per site across a resume", seen.length, seen[0] === seen[1], seen[1] === seen[2]);

  // A getter tag: read once, before the substitutions are evaluated.
  const order = [];
  const o = { get t() { order.push("get"); return (s, x) => s.raw.join("|") + x; } };
  function member() {
    sw();
    return o.t`x${(order.push("sub"), sw(), 1)}y`;
  }
  log("getter tag", member(), order);

  // super.m`...` with `this` as the receiver.
  class A { m(s, x) { sw(); return this.name + s[0] + x; } }
  class B extends A {
    constructor() { super(); this.name = "b"; }
    n() { sw(); return super.m`-${2}`; }
  }
  log("super tag", new B().n());

  // In a generator body: the same site's object on every evaluation, before and after a switch.
  const gs = [];
  function* g() {
    for (let i = 0; i < 2; i++) {
      gs.push(((s) => { sw(); return s; })`g${i}`);
      yield i;
    }
  }
  log("generator", [...g()], gs[0] === gs[1]);
}
