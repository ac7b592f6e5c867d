// Labelled break/continue across nested loops and labelled blocks.
export function main(sw, log) {
  const out = [];
  outer: for (let i = 0; i < 4; i++) {
    inner: for (let j = 0; j < 4; j++) {
      sw();
      if (j === 2) continue outer;
      if (i === 2) break inner;
      if (i === 3 && j === 1) break outer;
      out.push(`${i}${j}`);
    }
    out.push("end" + i);
  }
  log("out", out);

  // labelled block
  let reached = [];
  block: {
    reached.push(1);
    sw();
    if (reached.length) break block;
    reached.push("never");
  }
  reached.push(2);
  log("block", reached);

  // continue label on while and do-while
  let x = 0;
  const w = [];
  loopW: while (x < 5) {
    x++;
    let y = 0;
    do {
      y++;
      sw();
      if (y === x) continue loopW;
      w.push(x * 10 + y);
    } while (y < 3);
  }
  log("w", w);

  // label on for-of and for-in
  const found = [];
  search: for (const row of [[1, 2], [3, 4], [5, 6]]) {
    for (const k in row) {
      sw();
      if (row[k] === 4) { found.push("found@" + k); break search; }
      found.push(row[k]);
    }
  }
  log("found", found);

  // break out of a labelled loop from inside a try/finally
  const tf = [];
  L: for (let i = 0; i < 3; i++) {
    try {
      sw();
      if (i === 1) break L;
      tf.push("try" + i);
    } finally {
      sw();
      tf.push("fin" + i);
    }
  }
  log("tf", tf);
  // same label name reused in sibling statements
  a: for (;;) { sw(); break a; }
  a: for (;;) { sw(); break a; }
  return out.length;
}
