/**
 * fibers-ts for esbuild: compiles the project's JavaScript/TypeScript modules so fibers can switch
 * through them. See integrations/unplugin.ts for the options.
 */
import { unplugin, type Options } from "./unplugin.js";

export type { Options };
/** The esbuild plugin: `fibers(options?)`. */
export const fibers = unplugin.esbuild;
export default fibers;
