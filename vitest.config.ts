import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
import { fibersVitePlugin } from "./test/support/vite-plugin.js";

const runtime = fileURLToPath(new URL("./dist/runtime/index.js", import.meta.url));

// Test files under test/fibers/ (and any *.fiber.test.ts) are compiled by fibers-ts before vitest
// runs them, exactly as a user's code would be. Every import of the runtime, from tests and from
// compiled code ("fibers-ts/internal"), resolves to the one built runtime in dist/.
export default defineConfig({
  plugins: [fibersVitePlugin()],
  resolve: {
    alias: [
      { find: /^fibers-ts(\/internal)?$/, replacement: runtime },
      { find: /^(\.\.\/)+runtime\/index\.js$/, replacement: runtime },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
