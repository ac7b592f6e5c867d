// Regression (fast copies, compiler/frames.ts): deeply nested functions each got a fast copy that
// copied the fast copies nested in it, doubling the code at every level (2^depth); compiling timed out.
export function main(sw, log) {
  if (0) {
    log(`${w1}|${0}`);
    const {
      a: d50,
      b: d51 = (() => {
        const o71 = {
          m72() {
            [].forEach(() => {
              p73++;
              [].forEach(() => {
                if (0) {
                  log();
                }
                new Map([]).forEach(() => {
                  function mk81() {
                    let c83 = p82;
                    return {
                      inc(d84 = 1) {
                        function f85() {
                          log();
                          function f95() {
                            p86.slice(0).forEach(() => {
                              return;
                              const f110 = p112 => {
                                const o113 = {
                                  b: `${p96}:${i78}`.length,
                                  m114() {
                                    return (() => {
                                      p86.length * p86.length * i80 ^ p86.indexOf();
                                      return [...p86].findIndex(() => [].includes());
                                    })() % p97;
                                  }
                                };
                                log();
                              };
                            });
                            return o87.a;
                          }
                        }
                        return sw() === undefined ? v146-- : [].reduce() ^ (2 ?? i76);
                        c83 += d84;
                      },
                      get: () => c83
                    };
                  }
                });
              });
            });
          },
          m190() {}
        };
        return 2;
      })()
    } = {};
  }
  try {
    log("after", sw());
  } catch (e295) {}
}
