import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const standIn = fileURLToPath(new URL("./tests/harness/obsidian/index.ts", import.meta.url));

export default defineConfig({
  resolve: { alias: { obsidian: standIn } },
  test: {
    env: { TZ: "UTC" },
    setupFiles: ["tests/fastCheckSeed.ts"],
    // A test that passes in 1 s on a quiet machine can take 5 s on a loaded 2-core CI runner; the default 5 s limit
    // made such runs fail for the load, not the code. Speed is measured by the bench, never by these limits.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: "unit", environment: "node", include: ["tests/unit/**/*.test.ts", "tests/metadata/**/*.test.ts", "tests/cli/**/*.test.ts"] },
      },
      {
        extends: true,
        test: { name: "e2e", environment: "happy-dom", include: ["tests/e2e/**/*.test.ts", "tests/harness/**/*.test.ts"] },
      },
      {
        extends: true,
        // Real Chromium through playwright-core (skipped, and saying so, where /usr/bin/chromium is missing).
        test: { name: "browser", environment: "node", include: ["tests/browser/**/*.test.ts"] },
      },
    ],
  },
});
