// Standalone runner of the real-library tier: node test/real/run.mjs [--reps N] [lib...]
// (run `npm run build` first). Prints one JSON result per library.
import { LIBS, checkLib } from "./harness.mjs";

const args = process.argv.slice(2);
let reps = 3;
const ri = args.indexOf("--reps");
if (ri >= 0) reps = Number(args.splice(ri, 2)[1]);
let failed = 0;
for (const name of args.length ? args : Object.keys(LIBS)) {
  const r = await checkLib(name, { reps });
  if (!r.plainMatch || !r.fiberMatch) failed++;
  console.log(JSON.stringify(r, (k, v) => (typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v), 1));
}
process.exitCode = failed ? 1 : 0;
