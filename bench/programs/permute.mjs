class Permute {
  constructor(tick) { this.tick = tick; this.count = 0; this.v = null; }
  benchmark() { this.count = 0; this.v = new Array(6).fill(0); this.permute(6); return this.count; }
  permute(n) {
    this.count++;
    this.tick();
    if (n !== 0) {
      const n1 = n - 1;
      this.permute(n1);
      for (let i = n1; i >= 0; i--) { this.swap(n1, i); this.permute(n1); this.swap(n1, i); }
    }
  }
  swap(i, j) { const tmp = this.v[i]; this.v[i] = this.v[j]; this.v[j] = tmp; }
}
export function run(n = 60, tick = () => {}) {
  const p = new Permute(tick); let r = 0;
  for (let i = 0; i < n; i++) { r = p.benchmark(); if (r !== 8660) throw new Error("permute: wrong result " + r); }
  return r;
}
