// Lint: Obsidian's official recommended rules (review guidelines) with type information.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores(["node_modules/", "main.js", "dist/", "demo-vault/", "coverage/", "bench/results/", "**/*.mjs", "**/*.js", "package-lock.json", "tests/", "vitest.config.ts"]),
  ...obsidianmd.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: { allowDefaultProject: ["eslint.config.*"] } } },
  },
  {
    files: ["manifest.json"],
    languageOptions: { parser: tseslint.parser, parserOptions: { projectService: false, project: null } },
    plugins: { obsidianmd },
    rules: { "obsidianmd/validate-manifest": "error" },
  },
  {
    // The command-line tool runs in Node, never inside Obsidian: it has no Vault to ask for the config folder, so it
    // takes the app's default name unless told otherwise.
    files: ["src/cli/**/*.ts", "src/metadata/**/*.ts"],
    languageOptions: { globals: { process: "readonly" } },
    rules: { "obsidianmd/no-nodejs-modules": "off", "import/no-nodejs-modules": "off", "no-restricted-globals": "off", "obsidianmd/hardcoded-config-path": "off" },
  },
]);
