// The "may reach a switch" analysis (compiler/leaves.ts) resolves method calls by property name
// within the file. Every call below reaches sw() through a method whose name the file also defines
// as a leaf somewhere, or through a form the analysis must not take for a leaf: if it did, the
// switch would raise FiberError (the call site would not be compiled) and the run would differ.
let sw = null;

class Quiet { step() { return 1; } }
class Loud { step() { sw(); return 2; } }
function stepAll(xs) { let t = 0; for (const x of xs) t += x.step(); return t; }
function stepTwice(x) { return x.step() + x.step(); }

class Base {
  template() { return this.hook() + 1; }
  hook() { return 1; }
}
class Sub extends Base { hook() { sw(); return 10; } }

const plainObject = { m() { return 1; } };
const arrowObject = { m: () => { sw(); return 2; } };
function callM(o) { return o.m(); }

function Proto() { this.n = 3; }
Proto.prototype.go = function () { sw(); return this.n; };
// A method installed on a prototype from a value of unknown origin: taken for a method that may
// switch, although the file also defines a leaf `stamp()`.
class Stamped { stamp() { return "quiet"; } }
function install(proto, fn) { proto.stamp = fn; }
function Late() {}
Late.prototype.stamp = makeStamp();
function makeStamp() { return function () { sw(); return "late"; }; }
function callStamp(o) { return o.stamp(); }
class Other { go() { return 0; } }
function callGo(o) { return o.go(); }

class Holder {
  constructor(cb) { this.cb = cb; }
  fire() { return this.cb() + 1; }
}
// Another class has a method of the stored callback's name: Holder's own hierarchy has none, so
// `this.cb()` above is still the stored function.
class HasCbMethod { cb() { return 0; } }

class WithGetter {
  get run() { return () => { sw(); return 4; }; }
}
class PlainRun { run() { return 5; } }
function callRun(o) { return o.run(); }

// Leaves that call each other (and themselves): still leaves, still correct.
class Parity {
  even(n) { return n === 0 ? true : this.odd(n - 1); }
  odd(n) { return n === 0 ? false : this.even(n - 1); }
}
function fact(n) { return n <= 1 ? 1 : n * fact(n - 1); }

class Point { constructor(x, y) { this.x = x; this.y = y; } norm1() { return Math.abs(this.x) + Math.abs(this.y); } }

// A switching function stored under a name the file defines only as data (`this.action = ...`).
class Job {
  constructor(action) { this.action = action; this.done = 0; }
  runIt() { this.action(); this.done++; return this.done; }
}

// `.call` / `.apply` of a method that switches; a private method that switches.
class Priv {
  #inner() { sw(); return 7; }
  #quiet() { return 1; }
  outer() { return this.#quiet() + this.#inner(); }
}

// super.m() reaching a switch two classes up; this.m() narrowed to the class hierarchy while an
// unrelated class has a switching method of the same name.
class Root { ping() { sw(); return "root"; } quiet() { return "q"; } }
class Mid extends Root { }
class Leafy extends Mid { ping() { return "leafy+" + super.ping(); } both() { return this.quiet() + super.quiet(); } }
class Shape { area() { return 1; } twice() { return this.area() * 2; } }
class Square extends Shape { area() { return 4; } }
class Noisy { area() { sw(); return 9; } }

// Array fields: push/pop on a field that only ever holds arrays are plain; on a field that holds
// an object with a switching push, they are call sites.
class Chan { constructor() { this.buf = []; } push(v) { sw(); this.buf.push(v); return this.buf.length; } pop() { return this.buf.pop(); } }
class Stack {
  constructor() { this.items = []; this.out = new Chan(); }
  add(v) { this.items.push(v); return this.out.push(v * 2); }
  take() { return this.items.pop() + this.out.pop(); }
}

// A leaf that makes closures: its variables need no box (it is never resumed), while the closures
// switch and share them.
function counter(start) {
  let n = start;
  for (let i = 0; i < 2; i++) n += i;
  return { inc: () => { sw(); return ++n; }, add: (k) => { n += k; sw(); return n; }, get: () => n };
}

export function main(s, log) {
  sw = s;
  log("stepAll", stepAll([new Quiet(), new Loud(), new Quiet(), new Loud()]));
  log("stepTwice", stepTwice(new Loud()), stepTwice(new Quiet()));
  log("template", new Base().template(), new Sub().template());
  log("object methods", callM(plainObject), callM(arrowObject));
  log("prototype", callGo(new Proto()), callGo(new Other()));
  install(Stamped.prototype, Stamped.prototype.stamp);
  log("prototype install", callStamp(new Late()), callStamp(new Stamped()));
  log("stored callback", new Holder(() => { sw(); return 6; }).fire(), new Holder(() => 0).fire(), new HasCbMethod().cb());
  log("getter result", callRun(new WithGetter()), callRun(new PlainRun()));
  log("parity", new Parity().even(10), new Parity().odd(7), fact(10));
  let total = 0;
  for (let i = 0; i < 5; i++) { total += new Point(i, -i).norm1(); sw(); }
  log("points", total);
  const job = new Job(() => sw());
  log("job", job.runIt(), job.runIt());
  log("call/apply", Loud.prototype.step.call(new Loud()), Sub.prototype.hook.apply(new Sub(), []));
  log("private", new Priv().outer());
  log("super", new Leafy().ping(), new Leafy().both());
  log("hierarchy", new Shape().twice(), new Square().twice(), new Noisy().area());
  const st = new Stack();
  log("arrays", st.add(1), st.add(2), st.take(), st.take());
  const ctr = counter(10);
  log("leaf closures", ctr.inc(), ctr.add(5), ctr.inc(), ctr.get());
  return "done";
}
