import { describe, it, expect } from "vitest";
import { parseSync, traverse, types as t, type NodePath } from "@babel/core";
import { walkScoped } from "../../compiler/scoped-walk.js";

/** compiler/scoped-walk.ts: the scope it reports at a node is the one a Babel traversal reports. */
function programPath(code: string): NodePath<t.Program> {
  const file = parseSync(code, { configFile: false, babelrc: false, sourceType: "module" })!;
  let found: NodePath<t.Program> | null = null;
  traverse(file, { Program(p) { found = p; p.stop(); } });
  return found!;
}

describe("walkScoped", () => {
  const code = `const a = 1; function f(b) { { let c = 2; return () => a + b + c; } }
    class K { m(d) { return d; } [a](e) {} static { let s; } }
    function g(x) { switch (x) { case 1: { let y; } default: let z = () => x; } for (let i of [1]) try {} catch (err) {} }`;

  it("reports, at every node, the scope a traversal's path.scope reports", () => {
    const program = programPath(code);
    program.scope.crawl();
    const viaTraversal = new Map<t.Node, unknown>();
    program.traverse({ enter(p) { viaTraversal.set(p.node, p.scope); } });
    let compared = 0;
    expect(walkScoped(program, (site) => {
      if (site.node === program.node) return;
      expect(site.scope).toBe(viaTraversal.get(site.node));
      compared++;
    })).toBe(true);
    expect(compared).toBe(viaTraversal.size);
  });

  it("stops and says so when a scope is not current (a function moved after the crawl)", () => {
    const program = programPath(code);
    program.scope.crawl();
    // Wrap f's body function in place, as compiler/self.ts does after the crawl: `(0, function ...)`.
    const arrow = program.get("body.1.body.body.0.body.1.argument") as NodePath<t.ArrowFunctionExpression>;
    arrow.replaceWith(t.sequenceExpression([t.numericLiteral(0), arrow.node]));
    expect(walkScoped(program, () => {})).toBe(false);
    program.scope.crawl();
    expect(walkScoped(program, () => {})).toBe(true);
  });
});
