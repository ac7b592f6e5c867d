// for-of over strings (code points), for over code units, String iterators.
export function main(sw, log) {
  const s = "a\u00e9\ud83d\ude00b\u{1F600}";
  const cps = [];
  for (const ch of s) {
    sw();
    cps.push(ch.codePointAt(0));
  }
  log("codepoints", cps, s.length);

  const units = [];
  for (let i = 0; i < s.length; i++) {
    if (i % 2) sw();
    units.push(s.charCodeAt(i));
  }
  log("units", units);

  // build a reversed string over a switch
  let rev = "";
  for (const ch of "hello") {
    rev = ch + rev;
    sw();
  }
  log("rev", rev);

  // string iterator object used manually
  const it = "xyz"[Symbol.iterator]();
  let r;
  const manual = [];
  while (!(r = it.next()).done) {
    sw();
    manual.push(r.value);
  }
  log("manual", manual, r.done, r.value);

  // String object and empty string
  for (const c of new String("ok")) { sw(); log("obj", c); }
  for (const c of "") { log("never", c); }
  return cps.length;
}
