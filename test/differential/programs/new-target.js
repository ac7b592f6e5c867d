// new.target in functions and classes; switches happen outside constructors.
export function main(sw, log) {
  function F() {
    if (!new.target) return "called without new";
    this.kind = new.target === F ? "F" : new.target.name;
  }
  sw();
  log("plain call", F());
  const f = new F();
  sw();
  log("new F", f.kind);

  class Base {
    constructor() { this.nt = new.target.name; }
    static create() { return new this(); }
  }
  class Derived extends Base {}
  sw();
  log("classes", new Base().nt, new Derived().nt, Derived.create().nt);

  // new.target inside arrow refers to enclosing function
  function G() {
    const arrow = () => new.target;
    return { t: arrow() === G };
  }
  const g = new G();
  sw();
  log("arrow new.target", g.t, G.call({}).t);

  // Reflect.construct with newTarget
  function H() { this.nt = new.target && new.target.name; }
  function Other() {}
  const h = Reflect.construct(H, [], Other);
  sw();
  log("reflect", h.nt, Object.getPrototypeOf(h) === Other.prototype);

  // function called both ways in a loop with switches between
  const kinds = [];
  for (let i = 0; i < 4; i++) {
    sw();
    kinds.push(i % 2 ? new F().kind : F());
  }
  log("kinds", kinds);
  // method that uses new.target of a called function after switch in a helper
  function maker(useNew) { sw(); return useNew ? new F() : F(); }
  log("maker", maker(true).kind, maker(false));
  return kinds.length;
}
