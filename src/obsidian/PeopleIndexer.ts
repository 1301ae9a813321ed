/**
 * Owns the index inside Obsidian. Waits for the layout to be ready (so the metadata cache is filled), builds the
 * index once from the cache, then follows changes one note at a time: `changed` for edits and new notes,
 * `rename` and `delete` from the vault (the metadata cache does not report renames). Listeners hear about a
 * change once, after a quiet moment, and only when the index really changed.
 */
import { Component, debounce, Events, TFile, type App, type CachedMetadata, type EventRef, type TAbstractFile } from "obsidian";
import type { DailyNoteConfig } from "../domain/datedNotes";
import { indexConfig } from "../index/build";
import { PeopleIndex, type IndexedNote } from "../index/PeopleIndex";
import type { NetworkNotesSettings } from "../settings/schema";
import { readDailyNoteConfig } from "./dailyNoteSettings";

const NOTIFY_DELAY_MS = 150;

export class PeopleIndexer extends Component {
  private built: PeopleIndex | null = null;
  private readonly events = new Events();
  private dailyConfig: DailyNoteConfig | null = null;
  private started = false;
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

  /** Reads everything again (settings or daily-note settings changed). */
  async rebuild(): Promise<void> {
    this.dailyConfig = await readDailyNoteConfig(this.app, this.settings().dailyNotes);
    this.index.reconfigure(indexConfig(this.settings(), this.dailyConfig, this.resolve));
    this.index.load(this.app.vault.getMarkdownFiles().map((f) => this.note(f)));
    this.started = true;
    this.notifyLater();
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
    if (!this.started || file.extension !== "md") return;
    if (this.index.update(this.note(file, cache))) this.notifyLater();
  }

  private renamed(file: TAbstractFile, oldPath: string): void {
    if (!this.started || !(file instanceof TFile) || file.extension !== "md") return;
    if (this.index.rename(oldPath, this.note(file))) this.notifyLater();
  }

  private deleted(file: TAbstractFile): void {
    if (!this.started || !(file instanceof TFile)) return;
    if (this.index.remove(file.path)) this.notifyLater();
  }
}
