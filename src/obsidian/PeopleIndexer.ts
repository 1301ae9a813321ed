/**
 * Owns the index inside Obsidian. Waits for the layout to be ready (so the metadata cache is filled), builds the
 * index once from the cache, then follows changes one note at a time: `changed` for edits and new notes,
 * `rename` and `delete` from the vault (the metadata cache does not report renames). Listeners hear about a
 * change once, after a quiet moment, and only when the index really changed.
 *
 * A build reads the whole vault's metadata, which takes seconds on a big vault: it runs in slices of a few
 * milliseconds with the app free in between, into an index of its own that replaces the one shown once it is
 * complete (until the first is, `ready` is false and the views say they are reading). Notes that change, move or go
 * away meanwhile are noted and applied to the new index once it is loaded.
 */
import { Component, debounce, Events, TFile, type App, type CachedMetadata, type EventRef, type TAbstractFile } from "obsidian";
import type { DailyNoteConfig } from "../domain/datedNotes";
import { indexConfig } from "../index/build";
import { LOAD_SLICE_MS, PeopleIndex, type IndexedNote } from "../index/PeopleIndex";
import type { NetworkNotesSettings } from "../settings/schema";
import { readDailyNoteConfig } from "./dailyNoteSettings";

const NOTIFY_DELAY_MS = 150;

export class PeopleIndexer extends Component {
  private built: PeopleIndex | null = null;
  private readonly events = new Events();
  private dailyConfig: DailyNoteConfig | null = null;
  private started = false;
  /** Counts builds, so that a build overtaken by a newer one stops. */
  private builds = 0;
  /** While a build runs: the paths of notes that changed, moved or went away since it began. */
  private changedWhileBuilding: Set<string> | null = null;
  private readonly notifyLater = debounce(() => this.events.trigger("changed", this.index.revision), NOTIFY_DELAY_MS, true);

  constructor(private readonly app: App, private readonly settings: () => NetworkNotesSettings) {
    super();
  }

  /** Made on first use (not in onload): empty until the layout is ready and the vault is read. */
  get index(): PeopleIndex {
    this.built ??= new PeopleIndex(indexConfig(this.settings(), { folder: "", format: "YYYY-MM-DD", source: "fallback" }, () => null));
    return this.built;
  }

  override onload(): void {
    this.app.workspace.onLayoutReady(() => void this.start());
  }

  override onunload(): void {
    this.notifyLater.cancel();
  }

  get ready(): boolean {
    return this.started;
  }

  get daily(): DailyNoteConfig | null {
    return this.dailyConfig;
  }

  /** Subscribe to index changes; returns the ref to pass to `offref` (or register it on a Component). */
  onChange(callback: (revision: number) => void): EventRef {
    return this.events.on("changed", callback as (...data: unknown[]) => unknown);
  }

  offChange(ref: EventRef): void {
    this.events.offref(ref);
  }

  /** Reads everything again (settings or daily-note settings changed); resolves once the new index is in place. */
  async rebuild(): Promise<void> {
    const build = ++this.builds;
    this.changedWhileBuilding = new Set();
    const daily = await readDailyNoteConfig(this.app, this.settings().dailyNotes);
    if (build !== this.builds) return;
    const fresh = new PeopleIndex(indexConfig(this.settings(), daily, this.resolve), this.built === null ? 0 : this.built.revision + 1);
    const load = fresh.loadInSlices(this.notes(this.app.vault.getMarkdownFiles()));
    while (!load.run(LOAD_SLICE_MS)) {
      await sleep(0);
      if (build !== this.builds) return;
    }
    this.dailyConfig = daily;
    this.built = fresh;
    const changed = this.changedWhileBuilding;
    this.changedWhileBuilding = null;
    for (const path of changed) {
      const file = this.app.vault.getAbstractFileByPath(path);
      if (file instanceof TFile && file.extension === "md") fresh.update(this.note(file));
      else fresh.remove(path);
    }
    this.started = true;
    this.notifyLater();
  }

  /** Each file's note, made when the load comes to it (its metadata as the cache holds it then). */
  private *notes(files: TFile[]): Generator<IndexedNote> {
    for (const file of files) yield this.note(file);
  }

  private async start(): Promise<void> {
    const { metadataCache, vault } = this.app;
    this.registerEvent(metadataCache.on("changed", (file, _data, cache) => this.changed(file, cache)));
    this.registerEvent(vault.on("rename", (file, oldPath) => this.renamed(file, oldPath)));
    this.registerEvent(vault.on("delete", (file) => this.deleted(file)));
    await this.rebuild();
  }

  private readonly resolve = (linkpath: string, sourcePath: string): string | null =>
    this.app.metadataCache.getFirstLinkpathDest(linkpath, sourcePath)?.path ?? null;

  private note(file: TFile, cache?: CachedMetadata): IndexedNote {
    return { path: file.path, ctime: file.stat.ctime, meta: cache ?? this.app.metadataCache.getFileCache(file) };
  }

  private changed(file: TFile, cache: CachedMetadata): void {
    if (file.extension !== "md") return;
    this.changedWhileBuilding?.add(file.path);
    if (!this.started) return;
    if (this.index.update(this.note(file, cache))) this.notifyLater();
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    if (!(file instanceof TFile)) return;
    this.changedWhileBuilding?.add(oldPath).add(file.path);
    if (!this.started || file.extension !== "md") return;
    if (this.index.rename(oldPath, this.note(file))) this.notifyLater();
  }

  private deleted(file: TAbstractFile): void {
    if (!(file instanceof TFile)) return;
    this.changedWhileBuilding?.add(file.path);
    if (!this.started) return;
    if (this.index.remove(file.path)) this.notifyLater();
  }
}
