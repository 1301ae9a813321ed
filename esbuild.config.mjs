// Builds the plugin bundle (main.js, for Obsidian desktop and mobile) and the command-line tool (dist/cli.mjs).
//   node esbuild.config.mjs            production build, minified
//   node esbuild.config.mjs dev        watch mode; with OBSIDIAN_VAULT=/path/to/vault, copies the plugin there on each build
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { catalogueIds } from "./scripts/catalogue-ids.mjs";

const dev = process.argv[2] === "dev";
const banner = "/* Network Notes: built file, see the repository for the source. */";

const copyToVault = {
  name: "copy-to-vault",
  setup(build) {
    build.onEnd(async (result) => {
      const vault = process.env.OBSIDIAN_VAULT;
      if (!vault || result.errors.length > 0) return;
      const target = path.join(vault, ".obsidian", "plugins", "network-notes");
      await mkdir(target, { recursive: true });
      for (const file of ["main.js", "manifest.json", "styles.css"]) await copyFile(file, path.join(target, file));
      console.log(`copied to ${target}`);
    });
  },
};

/** A catalogue module's exports (`{ en }` or `{ zh }`), as plain objects, for the build step below. */
async function loadCatalogue(file) {
  const out = await esbuild.build({ entryPoints: [file], bundle: true, write: false, format: "esm", platform: "neutral", logLevel: "silent" });
  return import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);
}

/**
 * Message keys once (scripts/catalogue-ids.mjs): in main.js a key the code only ever hands to `t` is a number, and
 * each catalogue is an array of its texts in the English key order (the type checker decides which keys; the
 * sources do not change). Production builds only: a dev build keeps the plain catalogues.
 */
const messageIds = catalogueIds({
  root: process.cwd(),
  loadCatalogue,
  report: ({ keys, ids }) => console.log(`message keys: ${ids} of ${keys} written as ids`),
});

const plugin = {
  entryPoints: ["src/main.ts"],
  bundle: true,
  outfile: "main.js",
  format: "cjs",
  platform: "browser",
  target: "es2021",
  // Only `obsidian` (and CodeMirror, which the app provides) may stay external: main.js must run on mobile.
  external: ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  banner: { js: banner },
  logLevel: "info",
  sourcemap: dev ? "inline" : false,
  minify: !dev,
  // Keep Chinese text as UTF-8 rather than \u escapes (a third of the size of the Chinese catalogue).
  charset: "utf8",
  treeShaking: true,
  plugins: dev ? [copyToVault] : [messageIds],
};

const cli = {
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  outfile: "dist/cli.mjs",
  format: "esm",
  platform: "node",
  target: "node20",
  banner: { js: `${banner}\nimport { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);` },
  logLevel: "info",
  // The CLI only needs types from obsidian; nothing of it is loaded at run time.
  external: ["obsidian"],
};

if (dev) {
  const contexts = await Promise.all([esbuild.context(plugin), esbuild.context(cli)]);
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all([esbuild.build(plugin), esbuild.build(cli)]);
}
