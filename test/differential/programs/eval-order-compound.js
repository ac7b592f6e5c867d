// x += f() where f mutates x; update expressions; variables captured by switching functions.
export function main(sw, log) {
  let x = 1;
  function f() { sw(); x = 100; return 5; }
  x += f();
  log("x += f()", x); // 1 + 5 = 6: x read before the call

  let y = 1;
  y = f2() + y;
  function f2() { sw(); y = 50; return 2; }
  log("y = f2() + y", y); // 2 + 50

  let z = 10;
  z -= (sw(), z = 3, 1);
  log("z", z);

  let s = "a";
  s += (sw(), s = "zzz", "b");
  log("s", s);

  let n = 0;
  const arr = [n++, (sw(), n++), n++ + (sw(), ++n)];
  log("arr", arr, n);

  // closures that mutate captured vars across switches
  let counter = 0;
  const inc = () => { sw(); return ++counter; };
  const total = counter + inc() + counter + inc() * counter;
  log("total", total, counter);

  // exponent assign and shifts
  let e = 2;
  e **= (sw(), 3);
  let sh = -16;
  sh >>>= (sw(), 28);
  let bits = 0b1010;
  bits ^= (sw(), 0b0110);
  bits |= 1;
  bits &= ~(sw(), 2);
  log("ops", e, sh, bits);

  // BigInt arithmetic across switches
  let big = 2n ** 64n;
  big += (sw(), 1n);
  log("bigint", big, typeof big);

  // -0, NaN and Infinity values preserved across switches
  let nz = -0;
  let nan = NaN;
  let inf = -Infinity;
  sw();
  log("specials", nz, Object.is(nz, -0), nan, inf, 1 / nz);
  // prefix/postfix inside loop conditions with switches
  let i = 0, log2 = [];
  while (i++ < 3) { sw(); log2.push(i); }
  log("loop inc", log2, i);
  return x;
}
