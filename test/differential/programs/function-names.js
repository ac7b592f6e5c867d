// Function and class names given by declarations and assignments survive compilation: a name is
// inferred from `const f = () => {}`, also when f is captured by a closure (boxed) or in a loop.
export function main(sw, log) {
  const f = () => 1;
  let g = function () {};
  const C = class {};
  const captured = () => 2;
  const user = () => captured();
  const obj = { method() {}, prop: () => 3, async am() {} };
  let later;
  later = () => 4;
  sw();
  log("names", f.name, g.name, C.name, captured.name, user.name, obj.method.name, obj.prop.name, obj.am.name, later.name);
  for (let i = 0; i < 2; i++) {
    const inLoop = () => i;
    sw();
    log("loop", inLoop.name, inLoop());
  }
  const asyncArrow = async () => 5;
  log("async", asyncArrow.name, Object.prototype.toString.call(asyncArrow));
  return user();
}
