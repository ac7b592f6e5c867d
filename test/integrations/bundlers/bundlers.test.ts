/**
 * fibers-ts/vite, /rollup, /esbuild and /webpack on a real fixture project: each bundler builds it
 * with the plugin, node runs the bundle, and the output must be the fibers transcript (a switch
 * across modules, from inside an Array.prototype.map callback) plus a source-mapped stack trace.
 * rspack has an entry point (unplugin provides it) but @rspack/core is not installed here, so only
 * its entry point is checked, not a build.
 */
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLERS, bundle } from "./bundle.js";
import { EXPECTED, makeProject, runNode, type Project } from "./project.js";

let project: Project;
beforeAll(() => {
  project = makeProject();
});
afterAll(() => project?.remove());

async function runEntry(bundler: (typeof BUNDLERS)[number], entry: string, options?: object, build?: { minify?: boolean }) {
  const out = await bundle(bundler, project, entry, options, build);
  return runNode(out, project.dir);
}

describe.each(BUNDLERS)("%s", (bundler) => {
  it("bundles the fixture (minified); the bundle runs its fibers and maps stack traces to the sources", async () => {
    const r = await runEntry(bundler, "src/node-entry.ts", undefined, { minify: bundler !== "rollup" });
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(`${EXPECTED}\nboom after resume at boom.ts:5`);
    expect(r.status).toBe(0);
  });

  it("reports a compile error as a build error naming file:line:column", async () => {
    const err = await bundle(bundler, project, "src/bad.ts").then(() => null, (e: Error) => e);
    expect(err, "the build must fail").not.toBeNull();
    expect(err!.message).toContain(`${project.dir}/src/bad.ts:3:10: direct eval is not supported by fibers-ts`);
  });

  it("leaves a module matched by `exclude` uncompiled (a switch through it then fails)", async () => {
    const r = await runEntry(bundler, "src/node-entry.ts", { exclude: [/worker\.js$/] });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/FiberError/);
    expect(r.stdout).not.toContain("fiber returned");
  });
});

describe("options", () => {
  it("include: a glob replaces the default, so only the matched modules are compiled", async () => {
    // Compiling only the .ts modules leaves worker.js (the map callback's module) as it is: the
    // switch from its callback must fail. Including it too works.
    const without = await runEntry("esbuild", "src/node-entry.ts", { include: ["**/src/*.ts"] });
    expect(without.stderr).toMatch(/FiberError/);
    const withWorker = await runEntry("esbuild", "src/node-entry.ts", { include: ["**/src/*.{ts,js}"] });
    expect(withWorker.stdout).toBe(`${EXPECTED}\nboom after resume at boom.ts:5`);
  });

  it("include: a relative glob is resolved against the working directory (Vite's native filter too)", async () => {
    const cwd = process.cwd();
    process.chdir(project.dir);
    try {
      const ok = await runEntry("vite", "src/node-entry.ts", { include: "src/*.[jt]s" });
      expect(ok.stdout).toBe(`${EXPECTED}\nboom after resume at boom.ts:5`);
      const bad = await runEntry("vite", "src/node-entry.ts", { include: "src/*.ts" });
      expect(bad.stderr).toMatch(/FiberError/);
    } finally {
      process.chdir(cwd);
    }
  });

  it("nodeModules: dependencies are bundled as they are unless nodeModules is true", async () => {
    const plain = await runEntry("esbuild", "src/dep-entry.ts");
    expect(plain.stdout).toMatch(/^FiberError: /);
    const compiled = await runEntry("esbuild", "src/dep-entry.ts", { nodeModules: true });
    expect(compiled.stdout).toBe("3 7 ok,ok");
    const webpack = await runEntry("webpack", "src/dep-entry.ts", { nodeModules: true });
    expect(webpack.stdout).toBe("3 7 ok,ok");
  });

  it("the fibers-ts runtime is never compiled, even when include matches it", async () => {
    const r = await runEntry("esbuild", "src/node-entry.ts", { include: [/.*/], nodeModules: true });
    expect(r.stdout).toBe(`${EXPECTED}\nboom after resume at boom.ts:5`);
  });
});

describe("module format", () => {
  // Vite and Rollup do not convert CommonJS outside node_modules, so CommonJS is built with the
  // two bundlers that do. cjs/*.js are CommonJS by content (cjs/package.json has no "type").
  it.each(["esbuild", "webpack"] as const)("%s: CommonJS files are compiled as CommonJS (require of the runtime)", async (bundler) => {
    const r = await runEntry(bundler, "cjs/entry.js");
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("a b A+B");
  });
});

describe("entry points", () => {
  const names = [...BUNDLERS, "rspack"];
  const script = (load: string) => `
    for (const name of ${JSON.stringify(names)}) {
      const plugin = ${load};
      const made = plugin();
      const shape = typeof made.apply === "function" ? "apply" : typeof made.setup === "function" ? "setup" : typeof made.transform;
      console.log(name, typeof plugin, made.name ?? "-", shape);
    }`;
  const expected = ["vite function fibers-ts object", "rollup function fibers-ts object", "esbuild function fibers-ts setup",
    "webpack function - apply", "rspack function - apply"].join("\n");

  it("import('fibers-ts/<bundler>') resolves through the exports map", () => {
    const r = spawnSync(process.execPath, ["--input-type=module", "-e",
      script("(await import(`fibers-ts/${name}`)).default")], { cwd: project.dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(expected);
  });

  it("require('fibers-ts/<bundler>') (the .cjs entries) gives the plugin function, also as .default", () => {
    const r = spawnSync(process.execPath, ["-e",
      script("require(`fibers-ts/${name}`)") + `
      const w = require("fibers-ts/webpack");
      if (w.default !== w || w.fibers !== w) throw new Error("default/fibers");`], { cwd: project.dir, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.stdout.trim()).toBe(expected);
  });
});
