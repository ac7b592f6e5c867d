/**
 * What npm publishes: `npm pack --json` of this checkout (after `npm run build`; lifecycle scripts
 * are skipped so packing does not rebuild dist/ under other test runs), checked against the
 * exports map, then installed into a fresh temp project by extracting the tarball with tar (no
 * network) and loaded there: every entry point with `import` and, where the exports map has a
 * "require" condition, with `require`; every "types" entry resolved by tsc; and a program compiled
 * with the packed compiler runs on the packed runtime.
 *
 * The entry points are read from package.json, so the test covers whatever the exports map names
 * (entries whose files are not built yet fail here, each by name).
 *
 * Dependencies: the temp project's node_modules gets a symlink to each package of this checkout's
 * node_modules (the packed fibers-ts is a real directory beside them). Node resolves bare
 * specifiers from the importing file's real location upward, so fibers-ts's own imports of
 * @babel/core, unplugin... find those links, and those packages' dependencies resolve inside the
 * checkout's node_modules, where the links point. NODE_PATH would not do: ES module resolution
 * ignores it.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));
const PKG = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  name: string;
  exports: Record<string, string | Record<string, string>>;
  bin?: Record<string, string>;
  main?: string;
  types?: string;
};

interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(file: string, args: string[], cwd: string): Promise<Result> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, maxBuffer: 64 << 20, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout: String(stdout), stderr: String(stderr) });
    });
  });
}

/** Every file an export entry points at, with its condition ("default" for a plain string). */
function targets(entry: string | Record<string, string>): [string, string][] {
  return typeof entry === "string" ? [["default", entry]] : Object.entries(entry);
}

const specifier = (subpath: string) => (subpath === "." ? PKG.name : PKG.name + subpath.slice(1));
/** Entry points that are code (./package.json is not). */
const codeEntries = Object.keys(PKG.exports).filter((s) => !s.endsWith(".json"));

let work = "";
let project = "";
let packed: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(ROOT, "dist/runtime/index.js"))) throw new Error("dist/ is missing: run `npm run build` first");
  work = mkdtempSync(join(tmpdir(), "fibers-pack-"));
  const npm = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], ROOT);
  if (npm.code !== 0) throw new Error(`npm pack failed:\n${npm.stderr}`);
  const [info] = JSON.parse(npm.stdout) as { filename: string; files: { path: string }[] }[];
  packed = info.files.map((f) => f.path);

  project = join(work, "project");
  mkdirSync(join(project, "node_modules"), { recursive: true });
  const untar = await run("tar", ["-xzf", join(work, info.filename), "-C", project], work);
  if (untar.code !== 0) throw new Error(`tar failed:\n${untar.stderr}`);
  renameSync(join(project, "package"), join(project, "node_modules", PKG.name));
  for (const name of readdirSync(join(ROOT, "node_modules"))) {
    if (name.startsWith(".") || name === PKG.name) continue;
    symlinkSync(join(ROOT, "node_modules", name), join(project, "node_modules", name), "dir");
  }
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "pack-check", private: true, type: "module" }));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe("npm pack", () => {
  it("contains every file the exports map, main, types and bin name", () => {
    const missing: string[] = [];
    for (const [subpath, entry] of Object.entries(PKG.exports)) {
      for (const [condition, target] of targets(entry)) {
        if (!packed.includes(target.replace(/^\.\//, ""))) missing.push(`${subpath} (${condition}): ${target}`);
      }
    }
    for (const [field, target] of [["main", PKG.main], ["types", PKG.types], ...Object.entries(PKG.bin ?? {})]) {
      if (target && !packed.includes(target.replace(/^\.\//, ""))) missing.push(`${field}: ${target}`);
    }
    expect(missing).toEqual([]);
  });

  it("has a .d.ts for every entry point with a \"types\" condition", () => {
    const typed = Object.entries(PKG.exports).filter(([, e]) => typeof e === "object" && "types" in e);
    expect(typed.length).toBeGreaterThan(0);
    for (const [subpath, entry] of typed) {
      const types = (entry as Record<string, string>).types;
      expect(types, subpath).toMatch(/\.d\.[cm]?ts$/);
      expect(packed, subpath).toContain(types.replace(/^\.\//, ""));
    }
  });

  it("contains no tests, fixtures, benchmarks, sources outside dist/ or node_modules", () => {
    const unwanted = packed.filter((p) =>
      /(^|\/)(test|tests|fixtures?|bench|node_modules|tmp|perf)\//.test(p) || /\.test\.[cm]?[jt]s$/.test(p) ||
      /^dist\.(tmp|old)-/.test(p) || !/^(dist\/|docs\/|README\.md$|package\.json$|LICENSE)/.test(p));
    expect(unwanted).toEqual([]);
  });

  it.concurrent("every entry point loads with import in a fresh project", async () => {
    // fibers-ts/register installs loader hooks: it goes last, so the other imports are plain.
    const list = [...codeEntries.filter((s) => s !== "./register"), ...codeEntries.filter((s) => s === "./register")].map(specifier);
    const script = `const out = {};
for (const spec of ${JSON.stringify(list)}) {
  try { const ns = await import(spec); out[spec] = { keys: Object.keys(ns).sort(), default: typeof ns.default }; }
  catch (e) { out[spec] = { error: String(e && e.message || e).split("\\n")[0] }; }
}
console.log(JSON.stringify(out));`;
    writeFileSync(join(project, "check-import.mjs"), script);
    const result = await run(process.execPath, ["check-import.mjs"], project);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout) as Record<string, { keys?: string[]; default?: string; error?: string }>;
    const failed = Object.entries(out).filter(([, r]) => r.error).map(([s, r]) => `${s}: ${r.error}`);
    expect(failed).toEqual([]);
    expect(out[PKG.name].keys).toEqual(expect.arrayContaining(["Fiber", "FiberError", "current"]));
    expect(out[`${PKG.name}/compiler`].keys).toContain("transform");
    for (const s of codeEntries.filter((s) => s.startsWith("./") && !["./compiler", "./internal", "./register"].includes(s))) {
      expect(out[specifier(s)].default, `${specifier(s)} default export`).toBe("function");
    }
  });

  it.concurrent("every entry point with a \"require\" condition loads with require in a fresh project", async () => {
    const list = codeEntries.filter((s) => { const e = PKG.exports[s]; return typeof e === "object" && "require" in e; }).map(specifier);
    expect(list.length).toBeGreaterThan(0);
    const script = `const out = {};
for (const spec of ${JSON.stringify(list)}) {
  try { const m = require(spec); out[spec] = { type: typeof m, keys: Object.keys(m).sort() }; }
  catch (e) { out[spec] = { error: String(e && e.message || e).split("\\n")[0] }; }
}
console.log(JSON.stringify(out));`;
    writeFileSync(join(project, "check-require.cjs"), script);
    const result = await run(process.execPath, ["check-require.cjs"], project);
    // Node >= 22.12 / 20.19 require() ES modules without a warning from node_modules; a warning here
    // would mean an entry is loaded from outside node_modules (the symlinks are not realpaths).
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout) as Record<string, { type?: string; keys?: string[]; error?: string }>;
    const failed = Object.entries(out).filter(([, r]) => r.error).map(([s, r]) => `${s}: ${r.error}`);
    expect(failed).toEqual([]);
    expect(out[PKG.name].keys).toEqual(expect.arrayContaining(["Fiber", "FiberError", "current"]));
    for (const s of list.filter((s) => s !== PKG.name && s !== `${PKG.name}/internal`)) {
      expect(out[s].type, `require("${s}") is the plugin function`).toBe("function");
    }
  });

  it.concurrent("every \"types\" entry resolves for tsc (nodenext) in a fresh project", async () => {
    const typed = Object.entries(PKG.exports).filter(([, e]) => typeof e === "object" && "types" in e).map(([s]) => specifier(s));
    writeFileSync(join(project, "types.mts"), typed.map((s, i) => `import type * as M${i} from "${s}";\nexport type T${i} = typeof M${i};\n`).join(""));
    writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
      compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, skipLibCheck: true, types: [], lib: ["es2022"] },
      files: ["types.mts"],
    }));
    const tsc = await run(process.execPath, [join(ROOT, "node_modules/typescript/bin/tsc"), "-p", "."], project);
    expect(tsc.stdout).toBe("");
    expect(tsc.code).toBe(0);
  });

  it.concurrent("a program compiled by the packed compiler runs on the packed runtime", async () => {
    writeFileSync(join(project, "compile.mjs"), `import { transform } from "fibers-ts/compiler";
import { writeFileSync } from "node:fs";
const source = 'import { Fiber } from "fibers-ts";\\n' +
  'const main = Fiber.current();\\n' +
  'const f = new Fiber(() => [1, 2, 3].map((n) => main.switch(n)).join("+"));\\n' +
  'const seen = [];\\n' +
  'let v = f.switch();\\n' +
  'while (f.isAlive()) { seen.push(v); v = f.switch(v * 10); }\\n' +
  'console.log(seen.join(","), v);\\n';
writeFileSync("program.mjs", transform(source, { filename: "program.mjs" }).code);`);
    const compile = await run(process.execPath, ["compile.mjs"], project);
    expect(compile.stderr).toBe("");
    const program = await run(process.execPath, ["program.mjs"], project);
    expect(program.stderr).toBe("");
    expect(program.stdout).toBe("1,2,3 10+20+30\n");
  });
});
