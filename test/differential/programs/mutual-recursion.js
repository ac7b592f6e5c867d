// Mutual recursion with switches in both functions.
function isEven(sw, n) {
  if (n === 0) return true;
  if (n % 50 === 0) sw();
  return isOdd(sw, n - 1);
}
function isOdd(sw, n) {
  if (n === 0) return false;
  if (n % 37 === 0) sw();
  return isEven(sw, n - 1);
}

// recursive descent parser
function parse(sw, src) {
  let pos = 0;
  function peek() { return src[pos]; }
  function expr() {
    let v = term();
    while (peek() === "+" || peek() === "-") {
      const op = src[pos++];
      sw();
      const r = term();
      v = op === "+" ? v + r : v - r;
    }
    return v;
  }
  function term() {
    let v = factor();
    while (peek() === "*") { pos++; v *= factor(); }
    return v;
  }
  function factor() {
    if (peek() === "(") {
      pos++;
      sw();
      const v = expr();
      if (src[pos++] !== ")") throw new SyntaxError("expected ) at " + (pos - 1));
      return v;
    }
    let start = pos;
    while (/[0-9]/.test(peek() || "")) pos++;
    if (start === pos) throw new SyntaxError("unexpected " + peek() + " at " + pos);
    return Number(src.slice(start, pos));
  }
  const r = expr();
  if (pos !== src.length) throw new SyntaxError("trailing at " + pos);
  return r;
}

export function main(sw, log) {
  log("even", isEven(sw, 500), isOdd(sw, 333), isEven(sw, 7));
  log("parse", parse(sw, "1+2*3"), parse(sw, "(1+2)*3-(4-(5+6))*2"), parse(sw, "((((7))))"));
  for (const bad of ["(1+2", "1+*2", "12)"]) {
    try { parse(sw, bad); } catch (e) { log("parse error", e); }
  }
  // ping-pong via object methods
  const table = {
    hits: [],
    ping(n) { this.hits.push("ping" + n); sw(); return n > 0 ? this.pong(n - 1) : "ping-end"; },
    pong(n) { this.hits.push("pong" + n); return n > 0 ? this.ping(n - 1) : (sw(), "pong-end"); },
  };
  log("pingpong", table.ping(5), table.hits);
  return "ok";
}
