// Child process that checks programs sent by the parent (pool.mjs) over IPC, one at a time.
// Running programs here rather than in the parent lets the parent kill a run that never ends or
// that crashes the process (stack overflow in native code, out of memory) and report it.
import { check, init } from "./exec.mjs";

await init();
process.on("message", (msg) => {
  if (msg.type !== "check") return;
  const r = check(msg.src, { modes: msg.modes, progress: (stage) => process.send({ type: "progress", id: msg.id, stage }) });
  const ref = r.ref ? { logLines: r.ref.logs.length, swCount: r.ref.swCount, outcome: r.ref.outcome } : undefined;
  process.send({ type: "result", id: msg.id, result: { kind: r.kind, detail: r.detail, problems: r.problems, ref } });
});
// The parent is gone (killed, or exited without close()): nothing more will come.
process.on("disconnect", () => process.exit(0));
process.send({ type: "ready" });
