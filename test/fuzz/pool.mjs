// A pool of worker processes (worker.mjs) that check fuzz programs with a per-program timeout.
// A worker that exceeds the timeout is killed and replaced; the program is reported as
//   "timeout"            (compiled runs did not finish),
//   "reference-timeout"  (the native run itself did not finish: a generator bug), or
//   "crash"              (the worker died: its exit code/signal and last stderr lines).
import { fork } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

class Worker {
  constructor() {
    this.stderr = "";
    this.child = fork(join(here, "worker.mjs"), [], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
    this.child.stderr.on("data", (d) => { this.stderr = (this.stderr + d).slice(-4000); });
    this.ready = new Promise((res, rej) => {
      this.child.once("message", (m) => (m.type === "ready" ? res() : rej(new Error("fuzz worker: unexpected first message"))));
      this.child.once("exit", (code) => rej(new Error(`fuzz worker exited during start-up (code ${code}): ${this.stderr}`)));
    });
    this.ready.catch(() => {});
    this.dead = false;
    this.child.on("exit", () => { this.dead = true; });
  }

  /** Checks one program; always resolves (timeouts and crashes become results). */
  async check(src, { modes, timeoutMs }) {
    await this.ready;
    return new Promise((resolve) => {
      const id = Math.random();
      let refDone = false;
      const finish = (result) => {
        clearTimeout(timer);
        this.child.off("message", onMessage);
        this.child.off("exit", onExit);
        resolve(result);
      };
      const onMessage = (m) => {
        if (m.id !== id) return;
        if (m.type === "progress" && m.stage === "reference-done") refDone = true;
        if (m.type === "result") finish(m.result);
      };
      const onExit = (code, signal) => {
        finish({ kind: "crash", detail: `worker died (code ${code}, signal ${signal}) ${refDone ? "in the compiled runs" : "in the reference run"}:\n${this.stderr.split("\n").slice(-15).join("\n")}` });
      };
      const timer = setTimeout(() => {
        this.child.off("exit", onExit);
        this.child.kill("SIGKILL");
        this.dead = true;
        finish(refDone
          ? { kind: "timeout", detail: `compiled runs did not finish within ${timeoutMs} ms (the reference did)` }
          : { kind: "reference-timeout", detail: `the native reference run did not finish within ${timeoutMs} ms` });
      }, timeoutMs);
      this.child.on("message", onMessage);
      this.child.once("exit", onExit);
      this.child.send({ type: "check", id, src, modes });
    });
  }

  close() {
    if (!this.dead) this.child.kill();
  }
}

export class Pool {
  constructor({ jobs = 2, timeoutMs = 10_000, modes } = {}) {
    this.timeoutMs = timeoutMs;
    this.modes = modes;
    this.idle = Array.from({ length: jobs }, () => new Worker());
    this.waiting = [];
  }

  async check(src, { timeoutMs = this.timeoutMs } = {}) {
    const w = this.idle.pop() ?? (await new Promise((res) => this.waiting.push(res)));
    let result;
    try {
      result = await w.check(src, { modes: this.modes, timeoutMs });
    } finally {
      const next = w.dead ? new Worker() : w;
      const waiter = this.waiting.shift();
      if (waiter) waiter(next);
      else this.idle.push(next);
    }
    return result;
  }

  close() {
    for (const w of this.idle) w.close();
    this.idle = [];
  }
}
