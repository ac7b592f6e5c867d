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
export type { FiberOptions } from "./fiber.js";
export default Fiber;
