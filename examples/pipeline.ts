/**
 * A pipeline of three fibers: producer -> filter -> consumer.
 *
 * The consumer pulls: it switches to the filter for each item, the filter switches to the producer
 * until a number passes, and values travel back as switch() results. The end of the stream uses
 * fiber parents: each stage's parent is the stage downstream of it, so when a stage returns, its
 * return value (END) is delivered to the stage that was waiting for its next item.
 *
 *   npx fibers-ts run examples/pipeline.ts [count]
 */
import { Fiber } from "fibers-ts";

const COUNT = Number(process.argv[2] ?? 20);
const END = Symbol("end");
type Item = number | typeof END;

function isPrime(n: number): boolean {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

function producer(): typeof END {
  for (let n = 1; n <= COUNT; n++) {
    console.log(`producer: ${n}`);
    filterFiber.switch(n); // hand n downstream; returns when the filter wants the next one
  }
  console.log("producer: done");
  return END; // delivered to the parent: the filter
}

function filter(): typeof END {
  for (;;) {
    const n = producerFiber.switch() as Item; // next item from upstream
    if (n === END) break;
    if (isPrime(n)) {
      console.log(`filter:   ${n} is prime, passed on`);
      consumerFiber.switch(n); // returns when the consumer asks for more
    }
  }
  console.log("filter: done");
  return END; // delivered to the parent: the consumer
}

function consumer(): number[] {
  const primes: number[] = [];
  for (;;) {
    const n = filterFiber.switch() as Item;
    if (n === END) break;
    primes.push(n);
    console.log(`consumer: got ${n} (${primes.length} so far)`);
  }
  console.log("consumer: done");
  return primes; // delivered to the parent: main
}

const consumerFiber = new Fiber(consumer);
const filterFiber = new Fiber({ target: filter, parent: consumerFiber });
const producerFiber = new Fiber({ target: producer, parent: filterFiber });

const primes = consumerFiber.switch() as number[];
console.log(`primes up to ${COUNT}: ${primes.join(", ")}`);
console.log(`alive: ${[producerFiber, filterFiber, consumerFiber].map((f) => f.isAlive()).join(" ")}`);
console.log("ok");
