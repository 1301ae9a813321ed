import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const standIn = fileURLToPath(new URL("./tests/harness/obsidian/index.ts", import.meta.url));

export default defineConfig({
  resolve: { alias: { obsidian: standIn } },
  test: {
    env: { TZ: "UTC" },
    setupFiles: ["tests/fastCheckSeed.ts"],
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
