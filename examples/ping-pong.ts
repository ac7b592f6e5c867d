/**
 * Ping-pong: two fibers pass a counter back and forth. Each switch() hands the ball (a number) to
 * the other fiber, and returns when the other fiber switches back.
 *
 *   npx fibers-ts run examples/ping-pong.ts [hops]
 */
import { Fiber } from "fibers-ts";

const HOPS = Number(process.argv[2] ?? 10);
const main = Fiber.current();

function player(name: string, opponent: () => Fiber, ball: number): number {
  while (ball < HOPS) {
    ball += 1;
    console.log(`${name} -> ${opponent() === ping ? "ping" : "pong"}  hop ${ball}`);
    // Suspend here; resumes with whatever the opponent passes back.
    ball = opponent().switch(ball) as number;
  }
  console.log(`${name} catches the ball after ${ball} hops`);
  return ball;
}

// pong starts first and parks itself by switching back to main: a fiber that has not started
// cannot receive a value, and pong must receive the first serve.
const pong: Fiber = new Fiber(() => {
  const first = main.switch() as number;
  return player("pong", () => ping, first);
});
const ping: Fiber = new Fiber(() => player("ping", () => pong, 0));

pong.switch(); // runs pong until it parks
// ping serves. The fiber that ends the rally returns, and its return value goes to its parent: main.
const result = ping.switch() as number;
console.log(`final: ${result} hops, ping alive: ${ping.isAlive()}, pong alive: ${pong.isAlive()}`);
console.log("ok");
