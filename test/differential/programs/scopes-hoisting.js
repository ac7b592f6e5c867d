// var/function hoisting, block-scoped functions, shadowing, TDZ, catch scope, all across switches.
export function main(sw, log) {
  log("hoisted var", typeof hv, hv);
  sw();
  var hv = "assigned";
  log("after assign", hv);
  log("hoisted fn", hoistedFn());
  function hoistedFn() { sw(); return "hoisted!"; }

  // block-level function declarations (strict: block scoped)
  {
    function blockFn() { return "inner"; }
    sw();
    log("block fn", blockFn());
  }
  log("block fn outside", typeof blockFn);

  // shadowing at several levels
  const name = "outer";
  {
    const name = "block";
    sw();
    {
      let name = "inner-block";
      sw();
      log("innermost", name);
      name = "mutated";
      log("mutated", name);
    }
    log("middle", name);
  }
  log("outermost", name);

  // TDZ access after switch
  try {
    sw();
    log(notYet);
    let notYet = 1;
  } catch (e) { log("tdz", e.constructor.name); }
  // const reassign throws TypeError after switch
  const fixed = 1;
  try { sw(); fixed = 2; } catch (e) { log("const assign", e.constructor.name, fixed); }

  // var in nested block is function scoped
  if (true) { var fromBlock = "visible"; sw(); }
  log("var from block", fromBlock);
  for (var vi = 0; vi < 2; vi++) { var inLoop = vi; sw(); }
  log("var loop", vi, inLoop);
  // closures over var in loop see final value; let version captured per iteration
  const fs = [];
  for (var q = 0; q < 3; q++) { let snapshot = q; fs.push(() => [q, snapshot]); sw(); }
  log("mixed capture", fs.map((f) => f()));
  // function expression name is read-only and local
  const fe = function named() { sw(); try { named = 1; } catch (e) { return [typeof named, e.constructor.name]; } return [typeof named, "no error"]; };
  log("named fn expr", fe(), typeof named);
  // undeclared assignment throws ReferenceError in strict mode
  try { sw(); undeclaredVariable = 5; } catch (e) { log("undeclared", e.constructor.name); }
  return hv;
}
