/**
 * @babel/types read once into a plain object, for the code that builds nodes in bulk (context.ts).
 * Each export of @babel/types (`t.identifier`, `t.memberExpression`...) is reached through two
 * layers of re-export getters; on the helpers called for every generated node that was about 7 %
 * of compile time (docs/performance.md, "Compile speed"). Types still come from `t`.
 */
import { types as t } from "@babel/core";

export const b: typeof t = { ...t };
