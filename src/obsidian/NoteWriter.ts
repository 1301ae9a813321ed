/**
 * The one way the plugin writes notes. Frontmatter goes through `fileManager.processFrontMatter`, body lines
 * through `vault.process`; writes to the same note wait for each other. Every change is recorded with the note's
 * text before and after, so it can be undone exactly, and undo refuses when the note changed since.
 *
 * Many changes can be recorded as one step (an import): new notes made with `create` and changes made with
 * `record: false`, handed to `recordBatch`. Undoing a batch trashes each note it made and restores each note it
 * changed, every one only while it is exactly as the batch left it; the rest is kept and reported.
 */
import { TFile, type App } from "obsidian";

export interface NoteChange {
  /** Edit the frontmatter object; return a string to refuse (nothing is written). */
  frontmatter?: (fm: Record<string, unknown>) => string | void;
  /** Edit the body text; runs after the frontmatter edit. */
  body?: (text: string) => string;
}

export interface UndoStep {
  label: string;
  path: string;
  before: string;
  after: string;
  /** For a batch: what its undo did. */
  batch?: BatchOutcome;
}

/** One note in a batch: `before` is null for a note the batch made. */
export interface BatchEntry {
  path: string;
  before: string | null;
  after: string;
}

export interface BatchOutcome {
  /** Notes trashed (made by the batch) or restored (changed by it). */
  undone: number;
  /** Notes left as they are, and why. */
  kept: { path: string; reason: "changed-since" | "note-gone" }[];
}

/** A batch in the undo history; compare with `isLatest` to know whether it can still be undone from its notice. */
export interface UndoBatch {
  label: string;
  /** The folder the batch wrote to, for messages. */
  path: string;
  entries: BatchEntry[];
}

type HistoryEntry = UndoStep | UndoBatch;

const isBatch = (entry: HistoryEntry): entry is UndoBatch => "entries" in entry;

export class WriteRefused extends Error {}

const UNDO_LIMIT = 30;

export class NoteWriter {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly history: HistoryEntry[] = [];

  constructor(private readonly app: App) {}

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  get lastLabel(): string | null {
    return this.history[this.history.length - 1]?.label ?? null;
  }

  /** Whether `entry` is the change Undo would take back now. */
  isLatest(entry: UndoBatch | UndoStep): boolean {
    return this.history[this.history.length - 1] === entry;
  }

  /**
   * Applies `change` to the note at `path`; resolves to the undo step, or rejects with WriteRefused. With
   * `record: false` the step is not added to the history (the caller records it in a batch).
   */
  change(label: string, path: string, change: NoteChange, options: { record?: boolean } = {}): Promise<UndoStep> {
    return this.serialise(path, async () => {
      const file = this.file(path);
      const before = await this.app.vault.read(file);
      if (change.frontmatter) {
        let refusal: string | void = undefined;
        await this.app.fileManager.processFrontMatter(file, (fm: Record<string, unknown>) => {
          refusal = change.frontmatter?.(fm);
          if (typeof refusal === "string") throw new WriteRefused(refusal);
        });
      }
      if (change.body) await this.app.vault.process(file, change.body);
      const after = await this.app.vault.read(file);
      const step = { label, path, before, after };
      if (before !== after && options.record !== false) this.push(step);
      return step;
    });
  }

  /** Makes a new note (never replacing one), through the same queue; the entry is for `recordBatch`. */
  create(path: string, text: string): Promise<BatchEntry> {
    return this.serialise(path, async () => {
      if (this.app.vault.getAbstractFileByPath(path)) throw new WriteRefused("file-exists");
      const file = await this.app.vault.create(path, text);
      return { path: file.path, before: null, after: await this.app.vault.read(file) };
    });
  }

  /** Records many changes as one undo step; nothing is recorded for an empty batch. */
  recordBatch(label: string, path: string, entries: readonly BatchEntry[]): UndoBatch | null {
    if (entries.length === 0) return null;
    const batch: UndoBatch = { label, path, entries: [...entries] };
    this.push(batch);
    return batch;
  }

  private push(entry: HistoryEntry): void {
    this.history.push(entry);
    if (this.history.length > UNDO_LIMIT) this.history.shift();
  }

  /** Restores the note of the last change exactly, unless it changed since (a batch: every note it can). */
  undo(): Promise<UndoStep> {
    const step = this.history[this.history.length - 1];
    if (!step) return Promise.reject(new WriteRefused("nothing-to-undo"));
    if (isBatch(step)) {
      this.history.pop();
      return this.undoBatch(step);
    }
    return this.serialise(step.path, async () => {
      const file = this.file(step.path);
      await this.app.vault.process(file, (current) => {
        if (current !== step.after) throw new WriteRefused("changed-since");
        return step.before;
      });
      this.history.pop();
      return step;
    });
  }

  private async undoBatch(batch: UndoBatch): Promise<UndoStep> {
    const outcome: BatchOutcome = { undone: 0, kept: [] };
    for (const entry of [...batch.entries].reverse()) {
      const reason = await this.serialise(entry.path, async () => {
        const file = this.app.vault.getFileByPath(entry.path);
        if (!file) return "note-gone" as const;
        if (entry.before === null) {
          if ((await this.app.vault.read(file)) !== entry.after) return "changed-since" as const;
          await this.app.fileManager.trashFile(file);
          return null;
        }
        const before = entry.before;
        if ((await this.app.vault.read(file)) !== entry.after) return "changed-since" as const;
        try {
          await this.app.vault.process(file, (current) => {
            if (current !== entry.after) throw new WriteRefused("changed-since");
            return before;
          });
        } catch (error) {
          if (error instanceof WriteRefused) return "changed-since" as const;
          throw error;
        }
        return null;
      });
      if (reason === null) outcome.undone++;
      else outcome.kept.push({ path: entry.path, reason });
    }
    return { label: batch.label, path: batch.path, before: "", after: "", batch: outcome };
  }

  private file(path: string): TFile {
    const file = this.app.vault.getFileByPath(path);
    if (!(file instanceof TFile)) throw new WriteRefused("note-gone");
    return file;
  }

  private serialise<T>(path: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(path) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(path, next.catch(() => undefined));
    return next;
  }
}
