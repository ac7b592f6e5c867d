// An error thrown by a base-class constructor after it switched, while a derived class is being
// constructed: it leaves every derived constructor without running its body or field initializers,
// exactly as without the switch (regression: the derived body, recorded to start after super(),
// ran and the error was lost).
function field(log, name) { log("field", name); return name; }
class Base {
  constructor(sw, log, fail) { this.log = log; log("base start"); sw(); if (fail) throw new RangeError("base failed: " + fail); log("base end"); }
}
class Implicit extends Base {
  x = field(this.log, "x");
}
class Explicit extends Base {
  y = field(this.log, "y");
  constructor(sw, log, fail) { super(sw, log, fail); log("explicit body"); }
}
class Deeper extends Explicit {
  z = field(this.log, "z");
  constructor(sw, log, fail) { log("deeper before super"); super(sw, log, fail); log("deeper body"); }
}
class FieldThrows {
  a = this.init();
  init() { this.sw(); throw new TypeError("field failed"); }
  get sw() { return FieldThrows.sw; }
}
class AfterFieldThrows extends FieldThrows {
  b = (FieldThrows.log("b"), 2);
}

export function main(sw, log) {
  for (const C of [Implicit, Explicit, Deeper]) {
    for (const fail of ["yes", ""]) {
      try {
        const o = new C(sw, log, fail);
        log(C.name, "made", Object.keys(o));
      } catch (e) {
        log(C.name, "threw", e);
      }
      sw();
    }
  }
  FieldThrows.sw = sw;
  FieldThrows.log = log;
  try { new AfterFieldThrows(); log("no error"); } catch (e) { log("field initializer", e); }
  // Uncaught: the fiber's outcome is the error.
  new Deeper(sw, log, "uncaught");
  log("not reached");
}
