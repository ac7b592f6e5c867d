// `return v` in a derived class constructor: an object replaces the instance, undefined keeps it,
// anything else makes `new` throw a TypeError, after the constructor returned: its own catch
// blocks never see that error and its finally blocks run first (regression: the check threw inside
// the body, where the body's own catch caught it). With and without a switch before the return.
class Base { constructor(log) { this.log = log; } }
class ReturnsInTry extends Base {
  constructor(log, sw, v, switching) {
    super(log);
    try {
      if (switching) sw();
      return v;
    } catch (e) {
      log("own catch saw", e);
    } finally {
      log("own finally", typeof v);
    }
  }
}
class ReturnsPlain extends Base {
  constructor(log, sw, v) { super(log); sw(); return v; }
}
class Middle extends ReturnsPlain {
  constructor(log, sw, v) { super(log, sw, v); this.middle = 1; }
}
class NotDerived {
  constructor(sw, v) { sw(); this.kept = true; return v; }
}


export function main(sw, log, attempt) {
  // A fresh value for every construction (a constructor that gets one as `this` adds properties).
  const makers = [() => undefined, () => ({ replaced: 1 }), () => 0, () => "s", () => null, () => () => 1];
  for (const make of makers) {
    const v = make();
    for (const switching of [false, true]) {
      try {
        const o = new ReturnsInTry(log, sw, v, switching);
        log("made", typeof o, Object.keys(o), o instanceof ReturnsInTry);
      } catch (e) {
        log("new threw", e);
      }
    }
    try { const o = new ReturnsPlain(log, sw, make()); log("plain made", Object.keys(o)); } catch (e) { log("plain threw", e); }
    // Middle's body was recorded to start after super(), which suspended: when ReturnsPlain then
    // returns another object, fibers-ts refuses to run Middle's body on it (FiberError at the new).
    attempt(log, "middle " + typeof v, () => { try { return Object.keys(new Middle(log, sw, make())); } catch (e) { if (e instanceof TypeError) return String(e); throw e; } });
    try { const o = new NotDerived(sw, make()); log("not derived made", typeof o, Object.keys(o)); } catch (e) { log("not derived threw", e); }
  }
}
