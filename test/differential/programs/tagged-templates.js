// Tagged templates: evaluation order, strings identity per call site, tags that switch.
export function main(sw, log) {
  const seen = [];
  function tag(strings, ...values) {
    sw();
    seen.push(strings);
    return strings.raw.join("|") + "#" + values.join(",");
  }
  const order = [];
  function v(x) { order.push(x); sw(); return x; }
  log("basic", tag`a${v(1)}b${v(2)}c`, order.splice(0));

  // same call site evaluated several times returns the same frozen strings array
  function site(x) { return tag`x${x}y`; }
  for (let i = 0; i < 3; i++) site(i);
  log("identity", seen[1] === seen[2], seen[2] === seen[3], seen[1] !== seen[0], Object.isFrozen(seen[1]));
  // different sites with same text are different objects
  const s1 = ((s) => s)`same`;
  sw();
  const s2 = ((s) => s)`same`;
  log("different sites", s1 === s2);

  // member tag with this
  const obj = {
    prefix: "P:",
    t(strings, ...vals) { sw(); return this.prefix + strings.join("_") + vals.length; },
  };
  log("member tag", obj.t`q${v(3)}r`);
  // tag evaluated before substitutions
  const trace = [];
  function getTag() { trace.push("tag"); sw(); return (s, ...xs) => xs.concat(s.length); }
  log("tag first", getTag()`${(trace.push("sub1"), 1)}${(sw(), trace.push("sub2"), 2)}`, trace);
  // invalid escapes in tagged templates give undefined cooked value
  const raw = ((s) => [s[0], s.raw[0]])`\unicode`;
  sw();
  log("invalid escape", raw);
  return seen.length;
}
