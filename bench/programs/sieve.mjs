export function run(n = 60, tick = () => {}) {
  let r = 0;
  for (let i = 0; i < n; i++) {
    const flags = new Array(5000).fill(true);
    r = sieve(flags, 5000, tick);
    if (r !== 669) throw new Error("sieve: wrong result " + r);
  }
  return r;
}
function sieve(flags, size, tick) {
  let primeCount = 0;
  for (let i = 2; i <= size; i++) {
    tick();
    if (flags[i - 1]) {
      primeCount++;
      let k = i + i;
      while (k <= size) { flags[k - 1] = false; k += i; }
    }
  }
  return primeCount;
}
