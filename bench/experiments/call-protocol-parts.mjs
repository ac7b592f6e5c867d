// What each part of the per-call protocol costs on its own, on the bench's most call-heavy program
// (permute), in one process, alternating rounds (ratios to the plain program):
//   npm run build && node bench/experiments/call-protocol-parts.mjs [rounds]
//
// Every variant is the plain permute with one part of what compiled call sites and entries do
// added by hand (docs/design.md section 1), around its calls of `this.tick()` and
// `this.permute(n1)`. None of them can suspend: this measures the normal path only. The tick is a
// plain function that never switches, so V8 may inline it wherever the call form lets it.
import { alternate } from "../lib/measure.mjs";
import "../../dist/runtime/index.js";

const protocol = globalThis[Symbol.for("fibers-ts.protocol")];

/** The permute benchmark (bench/programs/permute.mjs) with `permute(n)`'s body replaced. */
function makeRun(permuteBody) {
  return new Function("$$F", "$$call", `
    class Permute {
      constructor(tick) { this.tick = tick; this.count = 0; this.v = null; }
      benchmark() { $$F.s = null; this.count = 0; this.v = new Array(6).fill(0); this.permute(6); return this.count; }
      permute(n) { ${permuteBody} }
      swap(i, j) { const tmp = this.v[i]; this.v[i] = this.v[j]; this.v[j] = tmp; }
    }
    return function run(n, tick) {
      const p = new Permute(tick); let r = 0;
      for (let i = 0; i < n; i++) { r = p.benchmark(); if (r !== 8660) throw new Error("permute: wrong result " + r); }
      return r;
    };`)(protocol, protocol.call);
}

/** permute(n)'s body with each of its two kinds of call written by `tickCall` and `permuteCall`. */
const body = (tickCall, permuteCall, entry = "") => `${entry}
  this.count++;
  ${tickCall}
  if (n !== 0) {
    const n1 = n - 1;
    ${permuteCall}
    for (let i = n1; i >= 0; i--) { this.swap(n1, i); ${permuteCall} this.swap(n1, i); }
  }`;

const VARIANTS = {
  plain: body("this.tick();", "this.permute(n1);"),
  // Entry test of a resumable function (the resume check; the direct-call test is the same kind).
  "entry test": body("this.tick();", "this.permute(n1);", "if ($$F.s === $$F.R) throw new Error('resume');"),
  // Post-call check, as after every compiled call site.
  "post-call check": body("this.tick(); if ($$F.s !== null) return;", "this.permute(n1); if ($$F.s !== null) return;"),
  // The call slot's store, holding the callee (what a call site stores)...
  "slot = callee": body("$$F.s = this.tick; this.tick();", "$$F.s = this.permute; this.permute(n1);"),
  // ...a constant object (same store, same kind of value)...
  "slot = object": body("$$F.s = $$F; this.tick();", "$$F.s = $$F; this.permute(n1);"),
  // ...a small integer or null: no write barrier.
  "slot = 1": body("$$F.s = 1; this.tick();", "$$F.s = 1; this.permute(n1);"),
  "slot = null": body("$$F.s = null; this.tick();", "$$F.s = null; this.permute(n1);"),
  // Method read once, called through the bound Function.prototype.call (no call-target feedback).
  "$$call": body("{ const m = this.tick; $$call(m, this); }", "{ const m = this.permute; $$call(m, this, n1); }"),
  "m.call": body("{ const m = this.tick; m.call(this); }", "{ const m = this.permute; m.call(this, n1); }"),
  // The two together: what a compiled method call site does before and at the call.
  "slot = callee + $$call": body("{ const m = this.tick; $$F.s = m; $$call(m, this); }", "{ const m = this.permute; $$F.s = m; $$call(m, this, n1); }"),
};

const rounds = Number(process.argv[2] ?? 9);
const K = 1e9;
let c = 0;
const tick = () => { if (++c === K) c = 0; };
const fns = {};
for (const [name, src] of Object.entries(VARIANTS)) {
  const run = makeRun(src);
  fns[name] = () => run(1800, tick);
}
const res = alternate(fns, { rounds, warmup: 2 });
for (const [name, r] of Object.entries(res)) {
  console.log(`${name.padEnd(24)} ${(r.median / res.plain.median).toFixed(2)} x plain  (${r.median.toFixed(1)} ms)`);
}
