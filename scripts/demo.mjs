// npm run demo: install (when needed), build, (re)generate the demo vault's notes for today, install the plugin
// into demo-vault/.obsidian/plugins/network-notes, and print the digest for the demo vault.
// Uses Node built-ins only, so it runs before dependencies are installed.
import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const run = (command, args) => {
  const r = spawnSync(command, args, { stdio: "inherit", shell: process.platform === "win32" });
  if (r.status !== 0) {
    process.stderr.write(`\nnpm run demo: \`${command} ${args.join(" ")}\` failed.\n`);
    process.exit(r.status ?? 1);
  }
};

if (!existsSync("node_modules/.package-lock.json")) run("npm", ["ci", "--no-audit", "--no-fund"]);
run("node", ["esbuild.config.mjs"]);
run("node", ["scripts/make-demo-vault.mjs", "--vault", "demo-vault"]);

const target = path.join("demo-vault", ".obsidian", "plugins", "network-notes");
mkdirSync(target, { recursive: true });
for (const file of ["main.js", "manifest.json", "styles.css"]) copyFileSync(file, path.join(target, file));
process.stdout.write(`\nInstalled the plugin into ${target}. Open demo-vault/ as a vault in Obsidian to see it.\n\n`);

run("node", ["bin/network-notes.mjs", "digest", "--vault", "demo-vault"]);
