// Writes a generated vault (bench/generate.ts) to a real folder for the CLI, cached: a stamp file in the folder
// records the generator version and the spec, and the folder is written again only when either changes.
// Bundled into bench/.cache/build/run.mjs by scripts/bench.mjs.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DEFAULT_SEED, GENERATOR_VERSION, generateVault } from "./generate";

const STAMP = ".bench-vault.json";
const CONFIG_DIR = ".obsidian";

/** Writes the vault into `dir` (emptied first); returns the stamp. */
export function writeVaultFolder(vault, dir) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const made = new Set();
  let bytes = 0;
  const put = (rel, text) => {
    const folder = path.dirname(rel);
    if (folder !== "." && !made.has(folder)) {
      mkdirSync(path.join(dir, folder), { recursive: true });
      made.add(folder);
    }
    writeFileSync(path.join(dir, rel), text);
    bytes += Buffer.byteLength(text);
  };
  for (const [rel, text] of vault.config) put(`${CONFIG_DIR}/${rel}`, text);
  for (const [rel, text] of vault.files) put(rel, text);
  const stamp = { version: GENERATOR_VERSION, spec: vault.spec, files: vault.files.size, bytes };
  writeFileSync(path.join(dir, STAMP), JSON.stringify(stamp));
  return stamp;
}

/** The cached folder for a spec, written only when it is missing or was made by another generator version. */
export function ensureVaultFolder(spec, dir) {
  const want = { people: spec.people, datedNotes: spec.datedNotes, seed: spec.seed ?? DEFAULT_SEED };
  const stampPath = path.join(dir, STAMP);
  if (existsSync(stampPath)) {
    try {
      const stamp = JSON.parse(readFileSync(stampPath, "utf8"));
      if (stamp.version === GENERATOR_VERSION && JSON.stringify(stamp.spec) === JSON.stringify(want)) return { dir, generated: false, ms: 0, stamp };
    } catch {
      // an unreadable stamp: write the folder again
    }
  }
  const started = performance.now();
  const stamp = writeVaultFolder(generateVault(want), dir);
  return { dir, generated: true, ms: performance.now() - started, stamp };
}
