// A class extending a plain `function` constructor that switches: `super(...)` relays the direct
// construction to it through the call slot, so it suspends as a frame (recording new.target), and
// the derived body (fields first) runs after it, also after an error or a second switch.

export function main(sw, log, attempt) {
  function F(x) {
    this.f = x;
    sw();
    if (x === 3) throw new RangeError("F failed");
    log("F end", new.target.name, this instanceof F);
    if (x === 2) return { other: true };
  }
  F.prototype.hello = function () { return "hello " + this.f; };
  class G extends F {
    g = (log("g init", this.f), "g");
    constructor(x) { super(x); sw(); log("G body", Object.keys(this), new.target.name); }
  }
  class H extends G {}
  for (const C of [G, H]) {
    for (const x of [1, 3]) {
      try {
        const o = new C(x);
        log("made", C.name, Object.keys(o), o instanceof C, o.hello());
      } catch (e) {
        log("threw", C.name, e);
      }
    }
  }
  // (No logging inside these two: the compiled run may refuse them half way.)
  function Quiet(x) { this.q = x; sw(); if (x === 2) return { other: true }; }
  class J extends Quiet { j = "j"; constructor(x) { super(x); sw(); } }
  // The parent returns another object after it switched: refused (FiberError at the new).
  attempt(log, "parent returns another object", () => Object.keys(new J(2)));
  // A switch in the arguments of super(...) runs in the native constructor frame: refused.
  function arg(v) { sw(); return v; }
  class K extends Quiet { constructor(x) { super(arg(x)); } }
  attempt(log, "switch in super arguments", () => Object.keys(new K(1)));
  sw();
  log("fiber still usable");
}
