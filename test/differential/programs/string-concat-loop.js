// String concatenation in loops with switches; builders and joins.
export function main(sw, log) {
  let s = "";
  for (let i = 0; i < 20; i++) {
    s += String.fromCharCode(97 + (i % 26));
    if (i % 3 === 0) sw();
    s += i;
  }
  log("s", s, s.length);

  // concatenation where left side is read before switch in right side
  let t = "start";
  for (let i = 0; i < 3; i++) {
    t = t + "-" + (sw(), t.length);
  }
  log("t", t);

  // join with computed pieces
  const parts = [];
  for (const w of "the quick brown fox".split(" ")) {
    sw();
    parts.push(w[0].toUpperCase() + w.slice(1));
  }
  log("title", parts.join(" "));

  // number + string coercion order
  let mixed = 1 + 2 + (sw(), "3") + 4 + 5;
  log("mixed", mixed);
  // long string built in a while loop
  let long = "";
  let n = 0;
  while (long.length < 500) { long += "ab"; if (++n % 50 === 0) sw(); }
  log("long", long.length, n, long.slice(-4));
  // String.prototype.replace with a (non-switching) callback between switches
  sw();
  const replaced = "a1b22c333".replace(/\d+/g, (m) => "<" + m.length + ">");
  sw();
  log("replace", replaced);
  // padStart/repeat/template mixing
  let table = "";
  for (const [name, n] of [["a", 1], ["bbb", 22], ["cc", 333]]) {
    sw();
    table += name.padEnd(4, ".") + String(n).padStart(4) + "|";
  }
  log("table", table);
  return s.length;
}
