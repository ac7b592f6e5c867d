// for-in over objects with inherited keys, deleted keys and added keys.
function proto() {
  return { inheritedA: 1, shadowed: "proto", inheritedB: 2 };
}

export function main(sw, log) {
  const base = proto();
  const obj = Object.create(base);
  obj.own1 = "x";
  obj.shadowed = "own";
  obj[2] = "two";
  obj[1] = "one";
  obj.own2 = "y";
  Object.defineProperty(obj, "hidden", { value: 1, enumerable: false });
  const seen = [];
  for (const k in obj) {
    sw();
    seen.push(k + "=" + obj[k] + (Object.prototype.hasOwnProperty.call(obj, k) ? "" : "(inh)"));
  }
  log("seen", seen);

  // delete a not-yet-visited key during iteration: it must not be visited
  const o2 = { a: 1, b: 2, c: 3, d: 4 };
  const visited = [];
  for (const k in o2) {
    visited.push(k);
    if (k === "a") { sw(); delete o2.c; }
    sw();
  }
  log("visited", visited, Object.keys(o2));

  // deleting an own key uncovers an inherited key of the same name (for-in still skips it since already-seen names are not revisited)
  const p = { z: "pz", q: "pq" };
  const o3 = Object.create(p);
  o3.q = "oq";
  o3.w = "ow";
  const v3 = [];
  for (let k in o3) {
    sw();
    if (k === "q") delete o3.q;
    v3.push(k + ":" + o3[k]);
  }
  log("v3", v3);

  // for-in with var and an existing variable as target
  var key;
  let count = 0;
  for (key in { m: 1, n: 2 }) { count++; sw(); }
  log("key", key, count);

  // for-in over array and string
  const arr = [10, , 30];
  arr.extra = 1;
  const ak = [];
  for (const i in arr) { sw(); ak.push(i); }
  log("ak", ak);
  const sk = [];
  for (const i in "hey") { sk.push(i); sw(); }
  log("sk", sk);
  // for-in over null/undefined does nothing
  for (const k in null) { log("never", k); }
  for (const k in undefined) { log("never", k); }
  // member expression target
  const holder = {};
  for (holder.last in { u: 1, v: 2 }) sw();
  log("holder", holder);
  return seen.length;
}
