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
import { PeopleIndex, type IndexedNote, type ScannedNote } from "../index/PeopleIndex";
import { bareName, resolverForNames, type LinkResolver } from "../metadata/resolve";
import { migrateSettings, type Repair } from "../settings/migrate";
import type { NetworkNotesSettings } from "../settings/schema";
import { loadNoteCache, saveNoteCache, type CachedNote, type NoteTable } from "./noteCache";
import { parseInThread, parseInWorkers, type ParsedNote } from "./parseNotes";
import { statFiles, statInWorker } from "./statFiles";

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
  /** What in the stored settings could not be used (see `repairText`). */
  settingsRepairs: Repair[];
  daily: DailyNoteConfig;
  index: PeopleIndex;
  files: number;
  /** How the note cache served this run (null: no cache asked for). */
  cache: CacheReport | null;
}

export interface CacheReport {
  file: string;
  /** Notes taken from the cache, and notes read and parsed. */
  hits: number;
  parsed: number;
  /** Whether the cache file was written (after a run that found anything new). */
  written: boolean;
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
  /**
   * A note cache file (./noteCache.ts) to take unchanged notes from and to write back; none by default.
   * `cacheCode` names the code that wrote it (a cache written by other code is not used).
   */
  cacheFile?: string;
  cacheCode?: string;
}

/**
 * A note modified this close to the run's start is not kept in the cache: a file system keeps times in steps
 * (of milliseconds, or two seconds on some disks), so a change within the same step as the read could leave the
 * note with the same time and size and a stale record.
 */
const RECENT_MS = 2000;

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
  const started = Date.now();
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
  const { settings, repairs } = migrateSettings(stored);
  const daily = dailyConfigFromFiles({ core: config(DAILY_CONFIG_FILES.core), periodic: config(DAILY_CONFIG_FILES.periodic), community: config(DAILY_CONFIG_FILES.community) }, settings.dailyNotes);

  const paths = listVaultFiles(root);
  const markdown = paths.filter((p) => p.endsWith(".md"));
  // Notes unchanged since the cache was written are taken from it; the others are read and parsed. A big vault's
  // notes are stat-ed on a worker while this thread loads the cache.
  const cacheKey = JSON.stringify([options.cacheCode ?? "", settings, daily]);
  const cacheFile = options.cacheFile;
  const pending = cacheFile === undefined || !existsSync(cacheFile) ? null : options.workers !== 0 && markdown.length >= WORKER_THRESHOLD ? statInWorker(root, markdown) : { take: () => statFiles(root, markdown), cancel: () => undefined };
  const table = pending === null || cacheFile === undefined ? null : loadNoteCache(cacheFile, cacheKey);
  if (table === null) pending?.cancel();
  /** Per Markdown path, its record in the cache when the note is unchanged, else -1. */
  const rows = new Int32Array(markdown.length).fill(-1);
  let stamps: Float64Array | null = null;
  let toParse = markdown;
  let hits = 0;
  if (table !== null && pending !== null) {
    stamps = pending.take();
    toParse = [];
    for (let i = 0; i < markdown.length; i++) {
      const p = markdown[i] as string;
      const row = table.row(p);
      if (row >= 0 && stamps[3 * i] === table.mtime(row) && stamps[3 * i + 1] === table.fileSize(row)) {
        rows[i] = row;
        hits++;
      } else toParse.push(p);
    }
  }
  const workers = options.workerModule === undefined ? 0 : (options.workers ?? defaultWorkers(toParse.length));
  const parsed: Iterator<ParsedNote> = workers > 0 && options.workerModule !== undefined ? parseInWorkers(root, toParse, workers, options.workerModule) : parseInThread(root, toParse);
  // The index resolves only links bearing a person's name, once every person is known: the resolver is made then,
  // over the files that could answer such a link (one over all of a big vault's files costs half a second). Made
  // again should the index change after its load (the CLI loads once, so this is only a guard).
  let resolver: { revision: number; files: LinkResolver } | null = null;
  const resolve = (linkpath: string, source: string): string | null => {
    if (resolver?.revision !== index.revision) {
      resolver = { revision: index.revision, files: resolverForNames(paths, new Set(index.allPeople().map((person) => bareName(person.path)))) };
    }
    return resolver.files.resolve(linkpath, source);
  };
  const index: PeopleIndex = new PeopleIndex(indexConfig(settings, daily, resolve));
  const openTasks = new Map<string, Map<number, string>>();
  // What the cache file will hold: a new record, or the number of an unchanged one in the loaded file.
  const records = cacheFile === undefined ? null : new Map<string, CachedNote | number>();
  let current: ParsedNote | null = null;
  // One note at a time as the index takes them, in the order of the paths, so no note's text or metadata is held
  // longer than needed. A parsed note's creation time is read only when the index asks for it (for people).
  function* notes(): Generator<IndexedNote> {
    let next = parsed.next();
    for (let i = 0; i < markdown.length; i++) {
      const p = markdown[i] as string;
      const row = rows[i] as number;
      if (row >= 0 && table !== null && stamps !== null) {
        const record = table.record(row);
        if (record.openTasks) openTasks.set(p, record.openTasks);
        records?.set(p, row);
        yield { path: p, ctime: stamps[3 * i + 2] as number, meta: record.meta, scanned: record.scanned };
        continue;
      }
      // A note that could not be read is not among the parsed ones.
      if (next.done === true || next.value.path !== p) continue;
      const note = next.value;
      next = parsed.next();
      if (note.openTasks) openTasks.set(note.path, note.openTasks);
      current = note;
      yield { path: note.path, meta: note.meta, ctime: note.stamp.ctime };
    }
  }
  // What the index finds in each parsed note goes into the cache.
  const observe = records === null ? undefined : (p: string, scanned: ScannedNote) => {
    const note = current;
    if (note === null || note.path !== p || note.stamp.mtime > started - RECENT_MS) return;
    records.set(p, { mtime: note.stamp.mtime, size: note.stamp.size, scanned, meta: scanned.person ? note.meta : null, openTasks: note.openTasks });
  };
  index.load(notes(), observe);
  current = null;
  let cache: CacheReport | null = null;
  if (cacheFile !== undefined && records !== null) {
    const changed = table === null || toParse.length > 0 || table.size !== records.size;
    const entries = function* (): Generator<[string, CachedNote]> {
      for (const [p, record] of records) yield [p, typeof record === "number" ? (table as NoteTable).record(record) : record];
    };
    cache = { file: cacheFile, hits, parsed: toParse.length, written: changed && saveNoteCache(cacheFile, cacheKey, entries(), records.size) };
  }
  let last: { path: string; lines: string[] | null } | null = null;
  const lines = (rel: string) => {
    if (last?.path !== rel) last = { path: rel, lines: readText(path.join(root, rel))?.split(/\r?\n/) ?? null };
    return last.lines;
  };
  let lastTasks: { path: string; lines: string[] } | null = null;
  const taskLines = (rel: string): readonly string[] | null => {
    const kept = openTasks.get(rel);
    if (!kept) return lines(rel);
    if (lastTasks?.path !== rel) {
      const out: string[] = [];
      for (const [line, text] of kept) out[line] = text;
      lastTasks = { path: rel, lines: out };
    }
    return lastTasks.lines;
  };
  return { root, settings, settingsRepairs: repairs, daily, index, files: paths.length, lines, taskLines, cache };
}
