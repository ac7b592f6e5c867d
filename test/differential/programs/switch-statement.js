// switch statement: fallthrough, sw() in discriminant, case tests, and bodies; default in the middle.
function classify(sw, log, v) {
  const trace = [];
  switch ((sw(), v)) {
    case (sw(), 1):
      trace.push("one");
    case 2:
      sw();
      trace.push("two(or fall)");
      break;
    default:
      trace.push("default");
      sw();
    case (trace.push("test3"), 3):
      trace.push("three");
      break;
    case (trace.push("test4"), sw(), 4): {
      trace.push("four");
      sw();
      return trace.concat("ret");
    }
    case 5:
      trace.push("five");
  }
  return trace;
}

export function main(sw, log) {
  for (const v of [1, 2, 3, 4, 5, 6, "1"]) {
    log("classify", v, classify(sw, log, v));
  }
  // lexical declarations inside switch cases
  function lex(k) {
    switch (k) {
      case "a": {
        let t = "A";
        sw();
        return t;
      }
      case "b":
        const u = "B";
        sw();
        return u;
      default:
        return "?";
    }
  }
  log("lex", lex("a"), lex("b"), lex("c"));
  // switch inside loop with continue and labelled break
  const res = [];
  loop: for (let i = 0; i < 6; i++) {
    switch (i % 3) {
      case 0:
        sw();
        continue;
      case 1:
        if (i > 3) break loop;
        res.push("one" + i);
        break;
      case 2:
        sw();
        res.push("two" + i);
    }
    res.push("after" + i);
  }
  log("res", res);
  // strict equality in case matching
  function m(x) { switch (x) { case NaN: return "nan"; case 0: return "zero"; case null: return "null"; default: return "d"; } }
  sw();
  log("match", m(NaN), m(-0), m(null), m(undefined));
  return res.length;
}
