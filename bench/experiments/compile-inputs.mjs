// Compile speed on other real inputs than the bench's corpus, one file at a time, against the same
// plain Babel parse + generate as the compile section (bench/lib/compile.mjs), alternating rounds:
//   npm run build && node bench/experiments/compile-inputs.mjs [file...]
// Default files: large libraries in node_modules (CommonJS / script code, compiled as CommonJS).
// Prints each file's size, output size (x input) and compile time (x Babel).
// ROUNDS=n sets the number of alternating rounds (default 5; small files need more to settle).
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { plainBabelCompile } from "../lib/compile.mjs";
import { alternate } from "../lib/measure.mjs";
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const { transform } = await import(path.join(root, "dist", "compiler", "index.js"));
const babel = createRequire(path.join(root, "package.json"))("@babel/core");
const DEFAULT_FILES = ["lodash/lodash.js", "acorn/dist/acorn.js", "esprima/dist/esprima.js",
  "@babel/traverse/lib/scope/index.js", "postcss/lib/parser.js"].map((f) => path.join(root, "node_modules", f));
const files = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_FILES;
for (const file of files) {
  const code = fs.readFileSync(file, "utf8");
  const commonjs = !/^\s*(import|export)\b/m.test(code);
  const sourceType = commonjs ? "commonjs" : "module";
  const inputs = [{ filename: file, code, commonjs }];
  const outBytes = transform(code, { filename: file, sourceType }).code.length;
  const res = alternate({
    babel: () => plainBabelCompile(babel, inputs),
    fibers: () => transform(code, { filename: file, sourceType }),
  }, { rounds: +(process.env.ROUNDS ?? 5), warmup: 1 });
  console.log(`${path.relative(root, file).padEnd(52)} ${(code.length / 1024).toFixed(0).padStart(5)} KiB  output ${(outBytes / code.length).toFixed(1).padStart(4)} x  compile ${(res.fibers.median / res.babel.median).toFixed(2)} x Babel`);
}
