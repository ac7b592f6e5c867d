// Evaluation order of call operands around switch points.
export function main(sw, log) {
  const order = [];
  function a() { order.push("a"); return "A"; }
  function sw2() { order.push("sw2"); sw(); order.push("sw2-back"); return "S"; }
  function b() { order.push("b"); return "B"; }
  log(a(), sw2(), b());
  log("order1", order.splice(0));

  // callee is evaluated before arguments; reassigning the callee variable in an argument does not matter
  let fn = function first(x) { return "first:" + x; };
  const res = fn((sw(), fn = function second(x) { return "second:" + x; }, "arg"));
  log("callee first", res, fn("z"));

  // member callee: object evaluated, then property read, then args
  const obj = {
    get m() { order.push("get m"); return function (...xs) { order.push("call m"); return xs; }; },
  };
  function getObj() { order.push("getObj"); sw(); return obj; }
  const r2 = getObj().m(a(), sw2(), b());
  log("member", r2, order.splice(0));

  // nested calls
  function wrap(tag, v) { order.push(tag); sw(); return tag + "(" + v + ")"; }
  log("nested", wrap("f", wrap("g", a()) + wrap("h", b())), order.splice(0));

  // binary operators: left evaluated before right even if the right switches
  let x = 1;
  const sumv = x + (sw(), x = 10, x) + x;
  log("binary", sumv, x);
  // array literal order
  const arr = [a(), sw2(), b(), (order.push("lit"), 4)];
  log("array", arr, order.splice(0));
  // new expression order
  function C(...args) { this.args = args; order.push("ctor"); }
  function getC() { order.push("getC"); return C; }
  const inst = new (getC())(a(), sw2(), b());
  log("new", inst.args, order.splice(0));
  // exponent, comparison, instanceof, in with switching right side
  log("ops", 2 ** (sw(), 10), (sw(), 3) < (sw(), 4), inst instanceof (sw(), C), "args" in (sw(), inst));
  return order.length;
}
