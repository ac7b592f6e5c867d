/**
 * fibers-ts runtime: python-fibers semantics for code compiled by fibers-ts.
 *
 * Importing this module (directly, or through the `import "fibers-ts/internal"` line the compiler
 * adds to every compiled module) sets up the agent's protocol object and the compiled replacements
 * of the built-ins whose callbacks may switch (Array.prototype.map and friends).
 */
import { protocol } from "./protocol.js";
import { installReplacements } from "./replacements.js";
import { Fiber, FiberError, current } from "./fiber.js";

installReplacements(protocol());

export { Fiber, FiberError, current };
/** python-fibers' name for FiberError. */
export const error = FiberError;

/**
 * Classic scripts compiled with `sourceType: "script"` (for a <script> tag or vm.runInThisContext)
 * reach the runtime through this global, once the runtime has been loaded in the agent.
 */
const g = globalThis as { FibersTS?: unknown };
if (g.FibersTS === undefined) {
  Object.defineProperty(globalThis, "FibersTS", {
    value: Object.freeze({ Fiber, FiberError, error: FiberError, current }),
    configurable: true,
    writable: false,
    enumerable: false,
  });
}
export type { FiberOptions } from "./fiber.js";
export default Fiber;
