class Random {
  constructor() { this.seed = 74755; }
  next() { this.seed = ((this.seed * 1309) + 13849) & 65535; return this.seed; }
}
class Storage {
  constructor(tick) { this.tick = tick; this.count = 0; }
  benchmark() { const random = new Random(); this.count = 0; this.buildTreeDepth(7, random); return this.count; }
  buildTreeDepth(depth, random) {
    this.count++;
    this.tick();
    if (depth === 1) return new Array(random.next() % 10 + 1);
    const arr = new Array(4);
    for (let i = 0; i < 4; i++) arr[i] = this.buildTreeDepth(depth - 1, random);
    return arr;
  }
}
export function run(n = 100, tick = () => {}) {
  const s = new Storage(tick); let r = 0;
  for (let i = 0; i < n; i++) { r = s.benchmark(); if (r !== 5461) throw new Error("storage: wrong result " + r); }
  return r;
}
