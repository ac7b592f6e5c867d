// `this` in methods, nested arrows, call/apply/bind, and detached functions.
export function main(sw, log) {
  const obj = {
    name: "obj",
    method() {
      sw();
      const arrow = () => { sw(); return this.name; };
      const nested = () => () => { sw(); return this && this.name; };
      function plain() { sw(); return this === undefined ? "undefined-this" : this.name; }
      return [this.name, arrow(), nested()(), plain(), plain.call({ name: "called" })];
    },
    later() {
      const fns = [];
      for (let i = 0; i < 2; i++) fns.push(() => this.name + i);
      sw();
      return fns.map((f) => f());
    },
  };
  log("method", obj.method());
  log("later", obj.later());

  // this preserved when method is called after a switch in its arguments
  const other = { name: "other", m: obj.method };
  log("other", other.m((sw(), 1)));

  // call/apply/bind
  function who(sfx) { sw(); return (this ? this.name : "none") + sfx; }
  log("call", who.call({ name: "c" }, "!"), who.apply({ name: "a" }, ["?"]));
  const bound = who.bind({ name: "bound" }, "#");
  sw();
  // (.call on a bound *switching* function is exercised in native-callbacks-other.js)
  const boundPlain = function () { return this.name; }.bind({ name: "boundPlain" });
  log("bound", bound(), boundPlain.call({ name: "ignored" }), (sw(), boundPlain)());
  log("detached", (0, obj.later).call({ name: "det" }));

  // this in callbacks with thisArg
  const ctx = { mult: 3 };
  const r = [1, 2].map(function (v) { sw(); return v * this.mult; }, ctx);
  log("thisArg", r);

  // this in class methods and arrow class fields
  class K {
    constructor(n) { this.n = n; }
    field = () => this.n;
    m() { sw(); return this.n; }
  }
  const k = new K(7);
  const { field } = k;
  sw();
  log("class", k.m(), field(), k.m.call({ n: 8 }));
  // optional-call of member preserves this
  log("optional this", obj.later?.(), obj["method"]?.()[0]);
  return "ok";
}
