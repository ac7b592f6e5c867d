// sw() inside class constructors (including derived ones calling super): works or FiberError. Log which.
// Log lines whose first value starts with "attempt:" may legitimately read
// ["attempt:<label>", "unsupported: FiberError"] in the compiled run.
class Base {
  constructor(sw, tag) {
    this.tag = tag;
    sw();
    this.after = "base-after";
  }
}
class Derived extends Base {
  constructor(sw) {
    sw();
    super(sw, "derived");
    sw();
    this.extra = new.target.name;
  }
}
class WithFields {
  field = "f";
  constructor(sw) { sw(); this.late = this.field + "!"; }
}
function OldStyle(sw) {
  this.a = 1;
  sw();
  this.b = 2;
}


export function main(sw, log, attempt) {
  attempt(log, "base", () => { const b = new Base(sw, "b"); return [b.tag, b.after, b instanceof Base]; });
  attempt(log, "derived", () => { const d = new Derived(sw); return [d.tag, d.after, d.extra, d instanceof Derived]; });
  attempt(log, "fields", () => { const w = new WithFields(sw); return [w.field, w.late]; });
  attempt(log, "function ctor", () => { const o = new OldStyle(sw); return [o.a, o.b, o instanceof OldStyle]; });
  sw();
  log("still alive");
  return "ok";
}
