// Builds the plugin bundle (main.js, for Obsidian desktop and mobile) and the command-line tool (dist/cli.mjs).
//   node esbuild.config.mjs            production build, minified
//   node esbuild.config.mjs dev        watch mode; with OBSIDIAN_VAULT=/path/to/vault, copies the plugin there on each build
import esbuild from "esbuild";
import { builtinModules } from "node:module";
import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";

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

/**
 * The Chinese catalogue has exactly the English keys (a test checks). In main.js it is written as its texts in the
 * English catalogue's key order, zipped with those keys when the module loads, so the ~450 keys are in the bundle
 * once instead of twice (about 9 KB). The source file stays a plain key → text object.
 */
const catalogueKeysOnce = {
  name: "catalogue-keys-once",
  setup(build) {
    const load = async (file) => {
      const out = await esbuild.build({ entryPoints: [file], bundle: true, write: false, format: "esm", platform: "neutral", logLevel: "silent" });
      const code = out.outputFiles[0].text;
      return import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`);
    };
    build.onLoad({ filter: /[\\/]src[\\/]i18n[\\/]zh\.ts$/ }, async (args) => {
      const { en } = await load(path.join(path.dirname(args.path), "en.ts"));
      const { zh } = await load(args.path);
      const keys = Object.keys(en);
      const extra = Object.keys(zh).filter((k) => !(k in en));
      const missing = keys.filter((k) => typeof zh[k] !== "string");
      if (extra.length > 0 || missing.length > 0) {
        return { errors: [{ text: `zh.ts and en.ts differ: missing ${missing.join(", ") || "none"}; extra ${extra.join(", ") || "none"}` }] };
      }
      const texts = JSON.stringify(keys.map((k) => zh[k]));
      return {
        loader: "js",
        resolveDir: path.dirname(args.path),
        contents: `import { en } from "./en";\nconst texts = ${texts};\nexport const zh = {};\nObject.keys(en).forEach((k, i) => { zh[k] = texts[i]; });\n`,
      };
    });
  },
};

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
  plugins: dev ? [catalogueKeysOnce, copyToVault] : [catalogueKeysOnce],
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
