// The arguments object, including mutation then read after a switch.
export function main(sw, log) {
  function basic(a, b) {
    sw();
    log("len", arguments.length, arguments[0], arguments[1], arguments[2]);
    arguments[0] = "changed";
    sw();
    // strict mode (modules): arguments not mapped to parameters
    log("after mutate", a, arguments[0]);
    a = "param changed";
    sw();
    log("after param", a, arguments[0]);
    return Array.prototype.slice.call(arguments);
  }
  log("ret", basic(1, 2, 3));
  log("ret2", basic());

  // arguments in nested function vs arrow (arrow uses enclosing)
  function outer() {
    const arrow = () => { sw(); return arguments[0]; };
    function inner() { sw(); return arguments[0]; }
    return [arrow("ignored"), inner("inner-arg")];
  }
  log("nested", outer("outer-arg"));

  // arguments iterated and spread after switch
  function iter() {
    const out = [];
    sw();
    for (const v of arguments) { sw(); out.push(v); }
    return [out, [...arguments].length, Array.from(arguments, (x) => x * 2)];
  }
  log("iter", iter(1, 2, 3));

  // arguments.length changed, push via Array methods
  function grow() {
    Array.prototype.push.call(arguments, "pushed");
    sw();
    return [arguments.length, arguments[arguments.length - 1]];
  }
  log("grow", grow("a"));
  // arguments captured by closure created before switch and read after
  function capture(x) {
    const get = () => arguments;
    sw();
    arguments[1] = "late";
    return Array.from(get());
  }
  log("capture", capture("x", "y"));
  // toString tag and callee access throws in strict mode
  function tag() { sw(); return Object.prototype.toString.call(arguments); }
  log("tag", tag());
  function callee() { sw(); try { return arguments.callee; } catch (e) { return e.constructor.name; } }
  log("callee", callee());
  return "ok";
}
