// Deterministic seeded PRNG (sfc32 seeded through splitmix32): the same seed gives the same
// program on every machine and Node version.

function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  constructor(seed) {
    const sm = splitmix32(seed);
    this.a = sm(); this.b = sm(); this.c = sm(); this.d = sm();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32() {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Integer in [0, n). */
  int(n) {
    return n <= 1 ? 0 : this.u32() % n;
  }

  /** Integer in [lo, hi]. */
  range(lo, hi) {
    return lo + this.int(hi - lo + 1);
  }

  chance(p) {
    return this.u32() / 4294967296 < p;
  }

  pick(arr) {
    return arr[this.int(arr.length)];
  }

  /**
   * Weighted choice among [weight, value] pairs (weights <= 0 are skipped); returns the value.
   * Values are usually thunks the caller invokes.
   */
  weighted(pairs) {
    let total = 0;
    for (const [w] of pairs) if (w > 0) total += w;
    let x = (this.u32() / 4294967296) * total;
    for (const [w, v] of pairs) {
      if (w <= 0) continue;
      if ((x -= w) < 0) return v;
    }
    return pairs.filter(([w]) => w > 0).at(-1)[1];
  }
}
