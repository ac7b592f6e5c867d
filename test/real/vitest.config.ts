import { defineConfig } from "vitest/config";

// The real-library tier (npm run test:real). Everything it runs — the libraries, the workloads,
// the runtime — is loaded with Node's own require()/import() (see harness.mjs), so no vite
// plugin is needed. Run `npm run build` first: it compiles with dist/compiler.
export default defineConfig({
  test: {
    // *.spec.ts, so that the main `npm test` (test/**/*.test.ts) does not also run this tier
    include: ["test/real/**/*.spec.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: "forks",
  },
});
