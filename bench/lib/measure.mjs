// Alternating-rounds timing: every round runs each candidate once, in a rotated order.
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * fns: { name: () => any }. Runs `warmup` untimed rounds, then `rounds` timed rounds; in round r the
 * candidates run starting at index r (rotation), so none always runs first. Returns
 * { name: { median, times } } in milliseconds.
 */
export function alternate(fns, { rounds = 9, warmup = 2, check } = {}) {
  const names = Object.keys(fns);
  const times = Object.fromEntries(names.map((n) => [n, []]));
  for (let r = 0; r < warmup + rounds; r++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(r + k) % names.length];
      const t0 = performance.now();
      const v = fns[name]();
      const dt = performance.now() - t0;
      if (check) check(name, v);
      if (r >= warmup) times[name].push(dt);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { median: median(times[n]), times: times[n] }]));
}
