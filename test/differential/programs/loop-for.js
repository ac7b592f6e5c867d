// Classic for loops with switch points in init, test, update and body.
function lim(sw, n) { sw(); return n; }

export function main(sw, log) {
  let total = 0;
  for (let i = (sw(), 0); i < lim(sw, 5); i += (sw(), 1)) {
    total += i;
    if (i === 2) sw();
    log("i", i, total);
  }
  // var-scoped loop counter survives the loop
  for (var j = 0; j < 3; j++) { sw(); }
  log("j after", j);
  // nested loops with switches in both levels
  const grid = [];
  for (let r = 0; r < 3; r++) {
    const row = [];
    for (let c = 0; c < 4; c++) {
      if ((r + c) % 2 === 0) sw();
      row.push(r * 10 + c);
    }
    sw();
    grid.push(row);
  }
  log("grid", grid);
  // empty parts and break
  let k = 0;
  for (;;) {
    sw();
    if (++k > 4) break;
  }
  log("k", k);
  // loop body without block and with continue
  let odd = [];
  for (let x = 0; x < 10; x++) { if (x % 2 === 0) continue; sw(); odd.push(x); }
  log("odd", odd);
  // multiple declarators and comma update
  for (let a = 0, b = 10; a < b; a += 3, b -= 2) { sw(); log("ab", a, b); }
  return total;
}
