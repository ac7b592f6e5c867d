/**
 * Builds one entry of a fixture project with a real bundler and the fibers-ts plugin for it
 * (loaded as the project would load it: `fibers-ts/<bundler>` through its node_modules), for Node.
 * Returns the output file; a failed build throws an Error carrying the bundler's own message.
 */
import { join } from "node:path";
import type { Project } from "./project.js";

export type Bundler = "vite" | "rollup" | "esbuild" | "webpack";
export const BUNDLERS: Bundler[] = ["vite", "rollup", "esbuild", "webpack"];

/** minify: run the bundler's minifier over the compiled code (slow in webpack, so only where asked). */
export interface BuildOptions {
  minify?: boolean;
}

export interface PluginOptions {
  include?: string | RegExp | (string | RegExp)[];
  exclude?: string | RegExp | (string | RegExp)[];
  nodeModules?: boolean;
  sourceMaps?: boolean;
}

let builds = 0;

export async function bundle(bundler: Bundler, project: Project, entry: string, options?: PluginOptions, build: BuildOptions = {}): Promise<string> {
  const plugin = project.require(`fibers-ts/${bundler}`) as (o?: PluginOptions) => never;
  const outDir = join(project.dir, "out", `${bundler}-${++builds}`);
  const input = join(project.dir, entry);
  switch (bundler) {
    case "vite": {
      const vite = await import("vite");
      await vite.build({
        root: project.dir,
        configFile: false,
        logLevel: "silent",
        plugins: [plugin(options)],
        build: {
          outDir,
          sourcemap: true,
          minify: build.minify ?? false,
          lib: { entry: input, formats: ["es"], fileName: "main" },
        },
      });
      return join(outDir, "main.js");
    }
    case "rollup": {
      // No node-resolve plugin: bare imports stay external and Node resolves them at run time from
      // the project's node_modules, as a Rollup-built Node library does.
      const { rollup } = await import("rollup");
      const b = await rollup({ input, plugins: [plugin(options)], external: (id) => !id.startsWith(".") && !id.startsWith("/") && !id.startsWith("\0") });
      try {
        await b.write({ file: join(outDir, "main.mjs"), format: "es", sourcemap: true });
      } finally {
        await b.close();
      }
      return join(outDir, "main.mjs");
    }
    case "esbuild": {
      const esbuild = await import("esbuild");
      const cjs = entry.endsWith(".js") && entry.startsWith("cjs/");
      const outfile = join(outDir, cjs ? "main.cjs" : "main.mjs");
      await esbuild.build({
        absWorkingDir: project.dir,
        entryPoints: [input],
        bundle: true,
        platform: "node",
        format: cjs ? "cjs" : "esm",
        outfile,
        sourcemap: true,
        minify: build.minify ?? false,
        logLevel: "silent",
        plugins: [plugin(options)],
      });
      return outfile;
    }
    case "webpack": {
      const { default: webpack } = await import("webpack");
      const compiler = webpack({
        context: project.dir,
        mode: build.minify ? "production" : "none",
        target: "node",
        devtool: "source-map",
        entry: input,
        output: { path: outDir, filename: "main.cjs" },
        plugins: [plugin(options)],
      });
      const stats = await new Promise<import("webpack").Stats>((res, rej) =>
        compiler.run((err, s) => compiler.close(() => (err ? rej(err) : res(s!)))));
      if (stats.hasErrors()) {
        throw new Error(stats.toJson({ all: false, errors: true }).errors!.map((e) => e.message).join("\n"));
      }
      return join(outDir, "main.cjs");
    }
  }
}
