/**
 * Reads a vault folder from disk the way the app sees it: every file outside dot-folders, Markdown parsed into
 * metadata with the same code the test stand-in uses, links resolved as Obsidian resolves them, and the
 * app's own config (daily notes, Periodic Notes, this plugin's settings) read from the config folder.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import path from "node:path";
import { DAILY_CONFIG_FILES, dailyConfigFromFiles, type DailyNoteConfig } from "../domain/datedNotes";
import { indexConfig } from "../index/build";
import { PeopleIndex, type IndexedNote } from "../index/PeopleIndex";
import { parseMetadata } from "../metadata/parse";
import { LinkResolver } from "../metadata/resolve";
import { migrateSettings } from "../settings/migrate";
import type { NetworkNotesSettings } from "../settings/schema";

export interface DiskVault {
  /** A note's lines, read from disk (used for the words of open tasks that are commitments). */
  lines(path: string): string[] | null;
  root: string;
  settings: NetworkNotesSettings;
  settingsRepaired: string[];
  daily: DailyNoteConfig;
  index: PeopleIndex;
  files: number;
}

/** Every file path (vault-relative, forward slashes) below `root`, skipping dot-folders and dot-files as the app does. */
export function listVaultFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".")) continue;
      const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
      if (entry.isDirectory()) walk(path.join(dir, entry.name), rel);
      else if (entry.isFile()) out.push(rel);
    }
  };
  walk(root, "");
  return out;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

export function openDiskVault(root: string, configDir = ".obsidian"): DiskVault {
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new Error(`No vault folder at ${root}`);
  const config = (rel: string) => readText(path.join(root, configDir, rel));
  let stored: unknown = null;
  const data = config("plugins/network-notes/data.json");
  if (data !== null) {
    try {
      stored = JSON.parse(data) as unknown;
    } catch {
      stored = "unreadable";
    }
  }
  const { settings, repaired } = migrateSettings(stored);
  const daily = dailyConfigFromFiles({ core: config(DAILY_CONFIG_FILES.core), periodic: config(DAILY_CONFIG_FILES.periodic), community: config(DAILY_CONFIG_FILES.community) }, settings.dailyNotes);

  const paths = listVaultFiles(root);
  const resolver = new LinkResolver();
  for (const p of paths) resolver.add(p);
  const index = new PeopleIndex(indexConfig(settings, daily, (linkpath, source) => resolver.resolve(linkpath, source)));
  // Parsed one note at a time as the index takes them, so no note's text or metadata is held longer than needed.
  function* notes(): Generator<IndexedNote> {
    for (const rel of paths) {
      if (!rel.endsWith(".md")) continue;
      const full = path.join(root, rel);
      const text = readText(full);
      if (text === null) continue;
      const stat = statSync(full);
      yield { path: rel, ctime: stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs, meta: parseMetadata(text) };
    }
  }
  index.load(notes());
  const lines = (rel: string) => readText(path.join(root, rel))?.split(/\r?\n/) ?? null;
  return { root, settings, settingsRepaired: repaired, daily, index, files: paths.length, lines };
}
