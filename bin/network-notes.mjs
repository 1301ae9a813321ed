#!/usr/bin/env node
// Runs the built command-line tool (npm run build makes dist/cli.mjs).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const cli = fileURLToPath(new URL("../dist/cli.mjs", import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write("network-notes: dist/cli.mjs is missing; run `npm run build` first.\n");
  process.exit(1);
}
const { run } = await import(cli);
process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(`${s}\n`), (s) => process.stderr.write(`${s}\n`));
