// Lower bound of the switch architecture (docs/performance.md, "Switch cost"): the body of
// mainRoundTrip's fiber exactly as compiled today (bench/.out/lib/helpers.mjs), driven by a minimal
// runtime with no checks, no errors, no parents: one record reused, one frame resumed per switch.
// Usage: node bench/experiments/switch-floor.mjs   (prints ns per round trip vs a native generator)
const UNWIND = {}, RESUME = {};
const P = { s: null, rec: null, rv: undefined, rt: false, R: RESUME, top: null, spare: null, nv: undefined,
  chk() { if (this.s === UNWIND) return true; this.s = null; return false; },
  take() { const v = this.rv; this.rv = undefined; if (this.rt) { this.rt = false; throw v; } return v; },
  cap(fn, self, pc, l, nt, recv) { let r = this.spare; if (r === null) r = { fn, self, pc, l, nt, below: null }; else { this.spare = null; r.fn = fn; r.self = self; r.pc = pc; r.l = l; r.nt = nt; } r.below = this.top; this.top = r; return undefined; },
};
const $$F = P;
const $$call = Function.prototype.call.bind(Function.prototype.call);
class Fib {
  constructor(fn) { this.fn = fn; }
  switch(v) {
    if (this === mainF) { P.s = UNWIND; P.nv = v; return undefined; }
    P.s = null;
    const rec = P.top; P.top = rec.below; P.rec = rec; P.rv = v; P.rt = false; P.s = RESUME; P.spare = rec;
    const self = rec.self;
    try { Reflect.apply(rec.fn, self, []); } catch (e) { throw e; }
    if (P.s === UNWIND) { P.s = null; const x = P.nv; P.nv = undefined; return x; }
    throw new Error("ended");
  }
}
const mainF = new Fib(null);
function run(N) {
  const $$e3 = { main: mainF };
  const f = new Fib(null);
  function body() {
    let $$pc = 0, $$l, $$m, $$t_1, $$t_2;
    if ($$F.s === body) $$F.s = null; else if ($$F.s === $$F.R) {
      $$l = $$F.rec.l; $$pc = $$F.rec.pc; $$F.s = null; $$t_1 = $$l[1]; $$t_2 = $$l[2];
    } else if ($$F.f) return $$F.nat(body, this, [], new.target);
    let v = $$pc !== 0 ? $$l[0] : 0;
    if ($$pc === 0 || $$pc === 1) for (;;) {
      if ($$pc === 0) { $$t_2 = $$e3.main; }
      if ($$pc === 0) {
        $$m = $$t_2.switch;
        if (typeof $$m !== "function") $$F.notCallable("main.switch", false);
        $$F.s = $$m;
        $$t_1 = $$call($$m, $$t_2, v + 1);
        if ($$F.s !== null && $$F.chk()) return $$F.cap(body, this, 1, [v, $$t_1, $$t_2], new.target, $$t_2);
      } else if ($$pc === 1) { $$pc = 0; $$t_1 = $$F.take(); }
      if ($$pc === 0) { v = $$t_1; }
    }
  }
  // start: run body until first switch
  P.s = body; body(); P.s = null;
  let x = P.nv;
  for (let i = 0; i < N; i++) x = f.switch(x);
  return x;
}
function* pong() { let v = 0; for (;;) v = yield v + 1; }
function gen(N) { const it = pong(); let x = it.next().value; for (let i = 0; i < N; i++) x = it.next(x).value; return x; }
const N = 200000;
for (let r = 0; r < 5; r++) { run(N); gen(N); }
for (let r = 0; r < 5; r++) {
  let t0 = performance.now(); run(N); let t1 = performance.now(); gen(N); let t2 = performance.now();
  console.log(`floor ${((t1 - t0) * 1e6 / N).toFixed(1)} ns  gen ${((t2 - t1) * 1e6 / N).toFixed(1)} ns  ratio ${((t1 - t0) / (t2 - t1)).toFixed(2)}`);
}
