#!/usr/bin/env node
// The floor for the CLI digest: walk a vault folder (skipping dot-folders and dot-files, as the CLI does) and read
// every Markdown file as UTF-8, nothing else. Spawned as its own process, like the CLI, so both pay the same
// start-up. Prints "<files> files, <chars> chars".
//   node bench/raw-read.mjs <folder>
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = process.argv[2];
if (!root) {
  process.stderr.write("usage: node bench/raw-read.mjs <folder>\n");
  process.exit(2);
}
let files = 0;
let chars = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.isFile() && entry.name.endsWith(".md")) {
      chars += readFileSync(full, "utf8").length;
      files++;
    }
  }
};
walk(root);
process.stdout.write(`${files} files, ${chars} chars\n`);
