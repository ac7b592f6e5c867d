class Element {
  constructor(v) { this.val = v; this.next = null; }
  length() { if (this.next === null) return 1; return 1 + this.next.length(); }
}
class List {
  constructor(tick) { this.tick = tick; }
  benchmark() { return this.tail(this.makeList(15), this.makeList(10), this.makeList(6)).length(); }
  makeList(length) { if (length === 0) return null; const e = new Element(length); e.next = this.makeList(length - 1); return e; }
  isShorterThan(x, y) {
    let xTail = x, yTail = y;
    while (yTail !== null) { if (xTail === null) return true; xTail = xTail.next; yTail = yTail.next; }
    return false;
  }
  tail(x, y, z) {
    this.tick();
    if (this.isShorterThan(y, x)) return this.tail(this.tail(x.next, y, z), this.tail(y.next, z, x), this.tail(z.next, x, y));
    return z;
  }
}
export function run(n = 30, tick = () => {}) {
  const l = new List(tick); let r = 0;
  for (let i = 0; i < n; i++) { r = l.benchmark(); if (r !== 10) throw new Error("list: wrong result " + r); }
  return r;
}
