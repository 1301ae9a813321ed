// Command-line options shared by the benchmarks that load the built plugin into the stand-in (onload.mjs, view.mjs).
import { readFileSync } from "node:fs";
import path from "node:path";

/** `--key value` options; `arg(key)` throws when a needed one is missing. Also where main.js and its manifest are. */
export function pluginArgs(argv = process.argv.slice(2)) {
  const arg = (key, fallback) => {
    const i = argv.indexOf(`--${key}`);
    const value = i >= 0 ? argv[i + 1] : fallback;
    if (value === undefined) throw new Error(`--${key} is needed`);
    return value;
  };
  // The harness finds main.js and manifest.json next to itself; bundled, it is elsewhere, so say where they are.
  const repo = path.resolve(arg("repo", process.cwd()));
  return {
    arg,
    dir: arg("dir"),
    mainJs: path.join(repo, "main.js"),
    manifest: JSON.parse(readFileSync(path.join(repo, "manifest.json"), "utf8")),
  };
}
