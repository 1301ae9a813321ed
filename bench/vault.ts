/**
 * A generated vault as the plugin sees it inside Obsidian: every note's metadata computed once by `parseMetadata`
 * (the stand-in for Obsidian's metadata cache, filled before the plugin's index starts), a `LinkResolver` over every
 * file (the stand-in for `getFirstLinkpathDest`), the default settings and the vault's daily-note settings.
 *
 * `buildIndex` is exactly what the plugin's indexer does from the cache (src/obsidian/PeopleIndexer.ts `rebuild`):
 * one `IndexedNote` per Markdown file, then `new PeopleIndex(indexConfig(settings, daily, resolve)).load(notes)`,
 * with every link resolved during the load.
 */
import type { CachedMetadata } from "obsidian";
import { DAILY_CONFIG_FILES, dailyConfigFromFiles, type DailyNoteConfig } from "../src/domain/datedNotes";
import { dayFromISO, type Day } from "../src/domain/dates";
import { indexConfig } from "../src/index/build";
import { PeopleIndex, type IndexedNote, type LinkResolve } from "../src/index/PeopleIndex";
import { parseMetadata } from "../src/metadata/parse";
import { LinkResolver } from "../src/metadata/resolve";
import { migrateSettings } from "../src/settings/migrate";
import type { NetworkNotesSettings } from "../src/settings/schema";
import type { GeneratedVault } from "./generate";
import { now } from "./stats";

export interface LoadedVault {
  vault: GeneratedVault;
  today: Day;
  settings: NetworkNotesSettings;
  daily: DailyNoteConfig;
  resolver: LinkResolver;
  resolve: LinkResolve;
  /** The stand-in's metadata cache: path → metadata of every Markdown note. */
  cache: Map<string, CachedMetadata>;
  /** The Markdown files in vault order, as `vault.getMarkdownFiles()` lists them. */
  files: { path: string; ctime: number }[];
  /** Time to parse every note (the app's cost, not the plugin's), and to fill the resolver. */
  parseMs: number;
  resolverMs: number;
  bytes: number;
}

export function loadVault(vault: GeneratedVault): LoadedVault {
  const today = dayFromISO(vault.today);
  if (today === null) throw new Error(`bad bench date ${vault.today}`);
  const { settings } = migrateSettings(null);
  const config = (rel: string) => vault.config.get(rel) ?? null;
  const daily = dailyConfigFromFiles({ core: config(DAILY_CONFIG_FILES.core), periodic: config(DAILY_CONFIG_FILES.periodic), community: config(DAILY_CONFIG_FILES.community) }, settings.dailyNotes);

  let t0 = now();
  const resolver = new LinkResolver();
  for (const p of vault.files.keys()) resolver.add(p);
  const resolverMs = now() - t0;

  t0 = now();
  const cache = new Map<string, CachedMetadata>();
  const files: { path: string; ctime: number }[] = [];
  let bytes = 0;
  for (const [p, text] of vault.files) {
    if (!p.endsWith(".md")) continue;
    cache.set(p, parseMetadata(text));
    files.push({ path: p, ctime: vault.ctimes.get(p) ?? 0 });
    bytes += text.length;
  }
  const parseMs = now() - t0;
  const resolve: LinkResolve = (linkpath, sourcePath) => resolver.resolve(linkpath, sourcePath);
  return { vault, today, settings, daily, resolver, resolve, cache, files, parseMs, resolverMs, bytes };
}

/** The note as the indexer hands it over: path, creation time and the cached metadata. */
export function noteOf(v: LoadedVault, path: string, meta?: CachedMetadata | null): IndexedNote {
  const ctime = v.vault.ctimes.get(path) ?? 0;
  return { path, ctime, meta: meta === undefined ? (v.cache.get(path) ?? null) : meta };
}

/** The full build, as the plugin's indexer runs it from the metadata cache (link resolution included). */
export function buildIndex(v: LoadedVault): PeopleIndex {
  const index = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
  index.load(v.files.map((f) => ({ path: f.path, ctime: f.ctime, meta: v.cache.get(f.path) ?? null })));
  return index;
}
