import { transform } from "../../compiler/index.js";

/** Compiles test files that exercise fibers (test/fibers/**, *.fiber.test.ts) with fibers-ts. */
export function fibersVitePlugin() {
  return {
    name: "fibers-ts-test",
    enforce: "pre" as const,
    transform(code: string, id: string) {
      const file = id.split("?")[0];
      if (!/\/test\/fibers\/.*\.ts$/.test(file) && !/\.fiber\.test\.ts$/.test(file)) return null;
      const out = transform(code, { filename: file, sourceType: "module", sourceMaps: true });
      return { code: out.code, map: out.map };
    },
  };
}
