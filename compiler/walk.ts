/**
 * A small depth-first walker over raw Babel nodes, for the passes that rewrite a function's code
 * after Babel's scope information no longer matches the tree (see plugin.ts for pass order).
 */
import { types as t } from "@babel/core";

// Read once: every `t.X` access goes through two re-export getters of @babel/types, which showed
// up in profiles of these hot loops.
const VISITOR_KEYS = t.VISITOR_KEYS;
const FUNCTION_TYPES = new Set(t.FLIPPED_ALIAS_KEYS.Function);
const CLASS_TYPES = new Set(t.FLIPPED_ALIAS_KEYS.Class);

export const SKIP = Symbol("skip children");
export type Visit = (node: any, parent: any) => t.Node | typeof SKIP | void;

/** Visits `node` then its children; a visit may return a replacement node, or SKIP. */
export function walk(node: any, visit: Visit, parent: any = null): any {
  if (!node || typeof node.type !== "string") return node;
  const r = visit(node, parent);
  if (r === SKIP) return node;
  if (r !== undefined) return r;
  const keys = VISITOR_KEYS[node.type];
  if (keys === undefined) return node;
  // A child is stored back only when a visit replaced it (most walks replace nothing).
  for (let k = 0; k < keys.length; k++) {
    const child = node[keys[k]];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const c = child[i];
        const w = walk(c, visit, node);
        if (w !== c) child[i] = w;
      }
    } else if (child && typeof child.type === "string") {
      const w = walk(child, visit, node);
      if (w !== child) node[keys[k]] = w;
    }
  }
  return node;
}

/** Walks each statement of a list in place. */
export function walkAll(nodes: any[], visit: Visit, parent: any = null): void {
  for (let i = 0; i < nodes.length; i++) nodes[i] = walk(nodes[i], visit, parent);
}

/**
 * Where a function's own code ends: nested functions and classes (arrows optionally included,
 * since they share `this`, `arguments` and `new.target` with their enclosing function).
 */
export function isBoundary(n: any, opts?: { intoArrows?: boolean }): boolean {
  if (FUNCTION_TYPES.has(n.type)) return !(opts?.intoArrows && n.type === "ArrowFunctionExpression");
  return CLASS_TYPES.has(n.type);
}

/** Returned by a `search` visit: the search is over (the answer is yes). */
export const STOP = Symbol("stop");

/**
 * Depth-first search: true as soon as a visit returns STOP, which ends the whole walk (SKIP skips
 * a node's children). Unlike `walk`, nothing after the answer is visited: in a function of
 * thousands of statements, a walk that only SKIPs after the answer still visits every sibling.
 */
export function search(node: any, visit: (node: any, parent: any) => typeof STOP | typeof SKIP | void, parent: any = null): boolean {
  if (!node || typeof node.type !== "string") return false;
  const r = visit(node, parent);
  if (r === STOP) return true;
  if (r === SKIP) return false;
  const keys = VISITOR_KEYS[node.type];
  if (keys === undefined) return false;
  for (let k = 0; k < keys.length; k++) {
    const child = node[keys[k]];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) if (search(child[i], visit, node)) return true;
    } else if (child && typeof child.type === "string") {
      if (search(child, visit, node)) return true;
    }
  }
  return false;
}

/** Does any node of the code (not crossing boundaries) satisfy `test`? */
export function some(nodes: any[] | any, test: (n: any, parent: any) => boolean, opts: { intoArrows?: boolean } = {}): boolean {
  const visit = (n: any, parent: any): typeof STOP | typeof SKIP | void => {
    if (test(n, parent)) return STOP;
    if (isBoundary(n, opts)) return SKIP;
  };
  if (!Array.isArray(nodes)) return search(nodes, visit);
  for (let i = 0; i < nodes.length; i++) if (search(nodes[i], visit)) return true;
  return false;
}

/** Post-order walk: children first, then `leave` may return a replacement for the node. */
export function walkPost(node: any, leave: (n: any, parent: any) => any, enter: (n: any) => boolean = () => true, parent: any = null): any {
  if (!node || typeof node.type !== "string" || !enter(node)) return node;
  const keys = VISITOR_KEYS[node.type] ?? [];
  for (let k = 0; k < keys.length; k++) {
    const child = node[keys[k]];
    if (Array.isArray(child)) {
      for (let i = 0; i < child.length; i++) {
        const c = child[i];
        const w = walkPost(c, leave, enter, node);
        if (w !== c) child[i] = w;
      }
    } else if (child && typeof child.type === "string") {
      const w = walkPost(child, leave, enter, node);
      if (w !== child) node[keys[k]] = w;
    }
  }
  return leave(node, parent) ?? node;
}

/** Does any node of the tree, nested functions and classes included, satisfy `test`? */
export function anyNode(node: any, test: (n: any) => boolean): boolean {
  return search(node, (n) => (test(n) ? STOP : undefined));
}
