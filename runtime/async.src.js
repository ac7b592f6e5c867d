// The driver of async functions compiled by fibers-ts (compiler/async.ts lowers `async function`
// to a generator run by runAsync). Compiled by fibers-ts at build time: a fiber can suspend inside
// the synchronous part of an async function, through these frames.

export function runAsync(gen) {
  let resolve;
  let reject;
  // The executor only stores the resolving functions: nothing of the async body runs inside it.
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  step(gen, resolve, reject, false, undefined);
  return promise;
}

function step(gen, resolve, reject, isThrow, value) {
  let r;
  try {
    r = isThrow ? gen.throw(value) : gen.next(value);
  } catch (e) {
    reject(e);
    return;
  }
  if (r.done) {
    resolve(r.value);
    return;
  }
  // `await v`: one tick for a native promise or a plain value, as the engine's await.
  Promise.resolve(r.value).then(
    (v) => step(gen, resolve, reject, false, v),
    (e) => step(gen, resolve, reject, true, e),
  );
}
