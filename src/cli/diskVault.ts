/**
 * Reads a vault folder from disk the way the app sees it: every file outside dot-folders, Markdown parsed into
 * metadata with the same code the test stand-in uses, links resolved as Obsidian resolves them, and the
 * app's own config (daily notes, Periodic Notes, this plugin's settings) read from the config folder.
 */
import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import path from "node:path";
import { DAILY_CONFIG_FILES, dailyConfigFromFiles, type DailyNoteConfig } from "../domain/datedNotes";
import { indexConfig } from "../index/build";
import { PeopleIndex, type IndexedNote } from "../index/PeopleIndex";
import { LinkResolver } from "../metadata/resolve";
import { migrateSettings } from "../settings/migrate";
import type { NetworkNotesSettings } from "../settings/schema";
import { parseInThread, parseInWorkers, type ParsedNote } from "./parseNotes";

export interface DiskVault {
  /** A note's lines, read from disk. */
  lines(path: string): string[] | null;
  /**
   * A note's lines for reading its open tasks (the words of open tasks that are commitments): the open task lines
   * kept when the note was parsed, the other lines left empty; read from disk when none were kept.
   */
  taskLines(path: string): readonly string[] | null;
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

export interface OpenOptions {
  /** The config folder's name (default `.obsidian`). */
  configDir?: string;
  /**
   * Parse on this many worker threads while this thread builds the index; 0 parses here. Needs `workerModule`.
   * Default: one per core but the one this thread runs on (at least one, at most four), for vaults of at least
   * `WORKER_THRESHOLD` notes.
   */
  workers?: number;
  /** URL of a built module that exports `runParseWorker` (the CLI bundle passes its own). */
  workerModule?: string;
}

/** Below this many notes, starting workers costs more than it saves. */
export const WORKER_THRESHOLD = 2000;

/**
 * How many parse workers to start by default for this many notes. This thread is busy too (decoding what the
 * workers send and building the index), so on two cores one worker already keeps both busy.
 */
export function defaultWorkers(notes: number): number {
  return notes >= WORKER_THRESHOLD ? Math.max(1, Math.min(availableParallelism() - 1, 4)) : 0;
}

export function openDiskVault(root: string, options: OpenOptions = {}): DiskVault {
  const configDir = options.configDir ?? ".obsidian";
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
  const markdown = paths.filter((p) => p.endsWith(".md"));
  const workers = options.workerModule === undefined ? 0 : (options.workers ?? defaultWorkers(markdown.length));
  // Workers start reading and parsing now, while this thread fills the resolver.
  const parsed: Iterator<ParsedNote> = workers > 0 && options.workerModule !== undefined ? parseInWorkers(root, markdown, workers, options.workerModule) : parseInThread(root, markdown);
  const resolver = new LinkResolver();
  for (const p of paths) resolver.add(p);
  const index = new PeopleIndex(indexConfig(settings, daily, (linkpath, source) => resolver.resolve(linkpath, source)));
  const openTasks = new Map<string, Map<number, string>>();
  // One note at a time as the index takes them, so no note's text or metadata is held longer than needed. The
  // creation time is read only when the index asks for it (for people, not for the dated notes).
  function* notes(): Generator<IndexedNote> {
    for (let next = parsed.next(); next.done !== true; next = parsed.next()) {
      const note = next.value;
      if (note.openTasks) openTasks.set(note.path, note.openTasks);
      yield { path: note.path, meta: note.meta, get ctime() { return creationTime(path.join(root, note.path)); } };
    }
  }
  index.load(notes());
  let last: { path: string; lines: string[] | null } | null = null;
  const lines = (rel: string) => {
    if (last?.path !== rel) last = { path: rel, lines: readText(path.join(root, rel))?.split(/\r?\n/) ?? null };
    return last.lines;
  };
  const taskLines = (rel: string): readonly string[] | null => {
    const kept = openTasks.get(rel);
    if (!kept) return lines(rel);
    const out: string[] = [];
    for (const [line, text] of kept) out[line] = text;
    return out;
  };
  return { root, settings, settingsRepaired: repaired, daily, index, files: paths.length, lines, taskLines };
}

function creationTime(file: string): number {
  const stat = statSync(file);
  return stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
}
