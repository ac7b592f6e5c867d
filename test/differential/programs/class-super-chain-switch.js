// A base-class constructor that switches while a derived class (with field initializers that call
// functions) is being constructed. It may work or raise FiberError, but it must never leave a
// half-built object or lose the unwinding (regression: field initializers ran mid-unwind).
function f(log) { log("field init"); return 5; }
class Base {
  constructor(sw) { this.b = 1; sw(); this.b2 = 2; }
}
class WithFields extends Base {
  x = f(() => {});
}
class WithCtor extends Base {
  y = f(() => {});
  constructor(sw) { super(sw); this.z = this.y + this.b2; }
}


export function main(sw, log, attempt) {
  attempt(log, "base alone", () => { const b = new Base(sw); return [b.b, b.b2]; });
  attempt(log, "derived with fields", () => { const d = new WithFields(sw); return [d.b, d.b2, d.x]; });
  attempt(log, "derived with constructor", () => { const d = new WithCtor(sw); return [d.b, d.b2, d.y, d.z]; });
  sw();
  log("fiber still usable");
  return "ok";
}
