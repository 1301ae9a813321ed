// Keeps manifest.json and versions.json in step with package.json. Run through `npm version <patch|minor|major>`,
// which sets package.json's version, then runs this (the "version" script) and stages the files.
import { readFileSync, writeFileSync } from "node:fs";

const version = process.env.npm_package_version ?? JSON.parse(readFileSync("package.json", "utf8")).version;
const manifest = JSON.parse(readFileSync("manifest.json", "utf8"));
const { minAppVersion } = manifest;
manifest.version = version;
writeFileSync("manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);

const versions = JSON.parse(readFileSync("versions.json", "utf8"));
// Obsidian reads versions.json to find the newest release an older app can run; one entry per minAppVersion change is enough,
// but recording every release is harmless and clearer.
versions[version] = minAppVersion;
writeFileSync("versions.json", `${JSON.stringify(versions, null, 2)}\n`);
