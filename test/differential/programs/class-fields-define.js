// Public fields moved into a compiled constructor body are defined, not assigned: a setter of the
// same name on the prototype chain must not run; odd keys and fields without initializers too.
class P { set x(v) { throw new Error("setter must not run"); } get x() { return "proto"; } }
class C extends P { x = 1; "odd key" = 2; y; constructor(sw) { super(); sw(); this.z = this.x + this["odd key"]; } }
export function main(sw, log) {
  const c = new C(sw);
  log(c.x, c["odd key"], "y" in c, c.y, c.z, Object.getOwnPropertyDescriptor(c, "x"));
}
