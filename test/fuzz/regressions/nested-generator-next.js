// A generator body that calls another generator's next(), which switches inside the inner
// generator: both generators are suspended with the fiber (the inner one recorded as the frame
// above the outer one, Protocol.gs) and resume in order. It used to return undefined silently.
export function main(sw, log) {
  function* inner() { sw(); yield 1; sw(); yield 2; return 3; }
  function* outer() {
    const it = inner();
    log("next", it.next());
    log("next again", it.next(), sw());
    log("last", it.next());
    const viaFunction = () => [...inner()];
    log("via a function", viaFunction());
    yield 2;
  }
  log([...outer()]);
}
