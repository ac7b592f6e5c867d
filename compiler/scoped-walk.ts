/**
 * A read-only walk of the whole tree that knows Babel's scope at every node, without creating a
 * NodePath per node (a Babel traversal of the file costs about as much as a scope crawl). It reads
 * the scopes the last crawl cached by node (`traverse.cache.scope`), the same objects a traversal's
 * `path.scope` would return, so it must run while the tree is as that crawl saw it (plugin.ts runs
 * it right after the last crawl, before the self pass wraps functions).
 */
import { traverse, types as t, type NodePath } from "@babel/core";

export type Scope = NodePath["scope"];

export interface Site<N extends t.Node = t.Node> {
  node: N;
  /** The ancestors, outermost first: the last one is the parent. Valid during the visit only. */
  ancestors: readonly t.Node[];
  /** The scope at this node: its own if it makes one. */
  scope: Scope;
  /** The scope at the parent (for a node that makes a scope, the one around it). */
  outer: Scope;
}

const VISITOR_KEYS = t.VISITOR_KEYS;

/** Walks the tree; false (the walk stopped) if a scope is not current, after which crawl and walk again. */
export function walkScoped(program: NodePath<t.Program>, visit: (site: Site) => void): boolean {
  const cache = traverse.cache.scope as WeakMap<t.Node, Scope>;
  const ancestors: t.Node[] = [];
  const go = (node: t.Node, parent: t.Node, outer: Scope): void => {
    let scope = outer;
    if (t.isScope(node, parent)) {
      const own = cache.get(node);
      if (!own || own.path?.node !== node) throw STALE;
      scope = own;
    }
    visit({ node, ancestors, scope, outer });
    children(node, scope, outer);
  };
  const children = (node: t.Node, scope: Scope, outer: Scope): void => {
    const keys = VISITOR_KEYS[node.type];
    if (!keys) return;
    ancestors.push(node);
    for (const key of keys) {
      const child = (node as any)[key];
      // As Babel's NodePath#setScope: a method's key and decorators, and a switch's discriminant,
      // are in the scope around the method or the switch, not in its own.
      const at = ((key === "key" || key === "decorators") && t.isMethod(node)) || (key === "discriminant" && node.type === "SwitchStatement") ? outer : scope;
      if (Array.isArray(child)) {
        for (const c of child) if (c && typeof c.type === "string") go(c, node, at);
      } else if (child && typeof child.type === "string") go(child, node, at);
    }
    ancestors.pop();
  };
  try {
    visit({ node: program.node, ancestors, scope: program.scope, outer: program.scope });
    children(program.node, program.scope, program.scope);
    return true;
  } catch (e) {
    if (e !== STALE) throw e;
    return false;
  }
}

const STALE = Symbol("stale scope");
