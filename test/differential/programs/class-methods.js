// Class instances and methods calling sw(); inheritance and super calls.
class Animal {
  constructor(name) { this.name = name; this.log = []; }
  speak(sw) { sw(); this.log.push("speak"); return this.name + " makes a sound"; }
  describe(sw) { sw(); return `${this.constructor.name}(${this.name}): ${this.speak(sw)}`; }
  toString() { return "Animal:" + this.name; }
}
class Dog extends Animal {
  speak(sw) {
    const base = super.speak(sw);
    sw();
    this.log.push("dog");
    return base + " / woof";
  }
  fetch(sw, items) {
    const got = [];
    for (const it of items) { sw(); got.push(this.name + " fetched " + it); }
    return got;
  }
}
class Puppy extends Dog {
  speak(sw) { sw(); return super.speak(sw) + " (tiny)"; }
  static of(name) { return new Puppy(name); }
}

export function main(sw, log) {
  const a = new Animal("generic");
  const d = new Dog("rex");
  const p = Puppy.of("bit");
  log("a", a.describe(sw));
  log("d", d.describe(sw));
  log("p", p.describe(sw), p.log);
  log("fetch", d.fetch(sw, ["ball", "stick"]));
  log("instanceof", p instanceof Dog, p instanceof Animal, d instanceof Puppy, String(p));

  // methods stored and called later with the right this
  const calls = [a, d, p].map((x) => () => x.speak(sw));
  sw();
  log("stored", calls.map((c) => c()));

  // class expression and method overriding at runtime
  const Mixin = (B) => class extends B { speak(sw) { sw(); return "mixed:" + super.speak(sw); } };
  const M = Mixin(Dog);
  const m = new M("mix");
  log("mixin", m.speak(sw), M.name === "" ? "anon" : M.name);
  Dog.prototype.fetch = function (sw2, items) { sw2(); return ["patched", items.length]; };
  log("patched", m.fetch(sw, [1, 2]));
  // symbol-named and computed methods
  const key = "dyn" + (sw(), "Method");
  class C { [key]() { sw(); return "dynamic"; } [Symbol.toPrimitive]() { return 42; } }
  const c = new C();
  log("computed", c.dynMethod(), +c);
  return d.log;
}
