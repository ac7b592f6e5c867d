// while and do-while loops with switches in conditions and bodies.
function check(sw, v) { sw(); return v; }

export function main(sw, log) {
  let i = 0;
  const a = [];
  while (check(sw, i < 5)) {
    a.push(i);
    if (i === 3) { i++; continue; }
    sw();
    i++;
  }
  log("while", a, i);

  let j = 10;
  const b = [];
  do {
    sw();
    b.push(j);
    j -= 3;
  } while (check(sw, j > 0));
  log("do", b, j);

  // do-while runs at least once even if condition is false
  let once = 0;
  do { once++; sw(); } while (false);
  log("once", once);

  // while with break from nested if and a switch in the condition via comma
  let n = 0;
  while ((sw(), true)) {
    n++;
    if (n >= 4) break;
  }
  log("n", n);

  // do-while with continue (continue jumps to condition)
  let c = 0;
  const evens = [];
  do {
    c++;
    if (c % 2) continue;
    sw();
    evens.push(c);
  } while (c < 7);
  log("evens", evens);

  // nested while with shared counter
  let outer = 0, inner = 0;
  while (outer < 3) {
    let k = 0;
    while (k < outer) { sw(); k++; inner++; }
    outer++;
  }
  log("nested", outer, inner);
  return i + j;
}
