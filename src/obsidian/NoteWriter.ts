/**
 * The one way the plugin writes notes. Frontmatter goes through `fileManager.processFrontMatter`, body lines
 * through `vault.process`; writes to the same note wait for each other. Every change is recorded with the note's
 * text before and after, so it can be undone exactly, and undo refuses when the note changed since.
 *
 * A change follows its note: it is tied to the file, not the path, so a rename while it waits does not lose it,
 * and a note deleted meanwhile is refused (`note-gone`) rather than written again. When someone else wrote to the
 * note between this change's steps (an edit saved in between), the change still stands but is not offered for
 * undo: restoring the text from before it would take their edit away too.
 *
 * Many changes can be recorded as one step (an import): new notes made with `create` and changes made with
 * `record: false`, handed to `recordBatch`. Undoing a batch trashes each note it made and restores each note it
 * changed, every one only while it is exactly as the batch left it; the rest is kept and reported.
 */
import { getFrontMatterInfo, parseYaml, TFile, type App } from "obsidian";

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
  /** False when another write landed on the note while this change was made: it cannot be undone exactly. */
  undoable: boolean;
  /** For a batch: what its undo did. */
  batch?: BatchOutcome;
}

/** One note in a batch: `before` is null for a note the batch made. */
export interface BatchEntry {
  path: string;
  before: string | null;
  after: string;
  /** The note itself, so undo follows a rename. */
  file?: TFile;
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

type HistoryEntry = { step: UndoStep; file: TFile } | UndoBatch;

const isBatch = (entry: HistoryEntry): entry is UndoBatch => "entries" in entry;

export class WriteRefused extends Error {}

const UNDO_LIMIT = 30;

type Properties = Record<string, unknown>;

/** The note's properties as `processFrontMatter` would hand them over; null when they cannot be read. */
function propertiesOf(text: string): Properties | null {
  const info = getFrontMatterInfo(text);
  if (!info.exists) return {};
  try {
    const parsed: unknown = parseYaml(info.frontmatter);
    if (parsed === null || parsed === undefined) return {};
    return typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Properties) : null;
  } catch {
    return null;
  }
}

function bodyOf(text: string): string {
  const info = getFrontMatterInfo(text);
  return info.exists ? text.slice(info.contentStart) : text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const copy = (value: Properties): Properties => JSON.parse(JSON.stringify(value)) as Properties;

export class NoteWriter {
  private readonly queues = new WeakMap<TFile, Promise<unknown>>();
  private readonly history: HistoryEntry[] = [];

  constructor(private readonly app: App) {}

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  get lastLabel(): string | null {
    const last = this.history[this.history.length - 1];
    if (!last) return null;
    return isBatch(last) ? last.label : last.step.label;
  }

  /** Whether `entry` is the change Undo would take back now. */
  isLatest(entry: UndoBatch | UndoStep): boolean {
    const last = this.history[this.history.length - 1];
    return last !== undefined && (isBatch(last) ? last === entry : last.step === entry);
  }

  /**
   * Applies `change` to the note at `path`; resolves to the undo step, or rejects with WriteRefused. With
   * `record: false` the step is not added to the history (the caller records it in a batch).
   */
  change(label: string, path: string, change: NoteChange, options: { record?: boolean } = {}): Promise<UndoStep> {
    const file = this.app.vault.getFileByPath(path);
    if (!(file instanceof TFile)) return Promise.reject(new WriteRefused("note-gone"));
    return this.serialise(file, () => this.apply(label, file, change, options.record !== false));
  }

  /** Makes a new note (never replacing one); the entry is for `recordBatch`. */
  async create(path: string, text: string): Promise<BatchEntry> {
    if (this.app.vault.getAbstractFileByPath(path)) throw new WriteRefused("file-exists");
    const file = await this.app.vault.create(path, text);
    return { path: file.path, before: null, after: await this.app.vault.read(file), file };
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

  /**
   * Restores the note of the last change exactly, unless it changed since (a batch: every note it can). A change
   * to a note that is gone is dropped from the history (it can never be undone), so the next undo reaches the
   * change before it.
   */
  undo(): Promise<UndoStep> {
    const entry = this.history[this.history.length - 1];
    if (!entry) return Promise.reject(new WriteRefused("nothing-to-undo"));
    const forget = () => {
      const at = this.history.indexOf(entry);
      if (at >= 0) this.history.splice(at, 1);
    };
    if (isBatch(entry)) {
      forget();
      return this.undoBatch(entry);
    }
    const { step, file } = entry;
    return this.serialise(file, () => this.guard(file, async () => {
      await this.app.vault.process(file, (current) => {
        if (current !== step.after) throw new WriteRefused("changed-since");
        return step.before;
      });
      forget();
      return { ...step, path: file.path };
    }).catch((error: unknown) => {
      if (error instanceof WriteRefused && error.message === "note-gone") forget();
      throw error;
    }));
  }

  private async undoBatch(batch: UndoBatch): Promise<UndoStep> {
    const outcome: BatchOutcome = { undone: 0, kept: [] };
    for (const entry of [...batch.entries].reverse()) {
      // Follow the note if it was renamed since; otherwise whatever is at its path now (checked by content below).
      const file = entry.file && this.app.vault.getFileByPath(entry.file.path) === entry.file ? entry.file : this.app.vault.getFileByPath(entry.path);
      const reason = file ? await this.serialise(file, () => this.undoEntry(file, entry)) : "note-gone";
      if (reason === null) outcome.undone++;
      else outcome.kept.push({ path: file?.path ?? entry.path, reason });
    }
    return { label: batch.label, path: batch.path, before: "", after: "", undoable: true, batch: outcome };
  }

  private async undoEntry(file: TFile, entry: BatchEntry): Promise<"changed-since" | null> {
    if ((await this.app.vault.read(file)) !== entry.after) return "changed-since";
    if (entry.before === null) {
      await this.app.fileManager.trashFile(file);
      return null;
    }
    const before = entry.before;
    try {
      await this.app.vault.process(file, (current) => {
        if (current !== entry.after) throw new WriteRefused("changed-since");
        return before;
      });
    } catch (error) {
      if (error instanceof WriteRefused) return "changed-since";
      throw error;
    }
    return null;
  }

  private apply(label: string, file: TFile, change: NoteChange, record: boolean): Promise<UndoStep> {
    return this.guard(file, async () => {
      const before = await this.app.vault.read(file);
      const edit: { seen: Properties | null; expected: Properties | null } = { seen: null, expected: null };
      const current = propertiesOf(before);
      if (change.frontmatter) {
        // Obsidian finds properties only at the very start: behind a byte-order mark it would add a second block.
        if (/^\uFEFF---\r?\n/.test(before) && !getFrontMatterInfo(before).exists) throw new WriteRefused("properties-behind-bom");
        // Try the edit on the properties as they are; when it changes nothing, leave the block (and its comments) alone.
        const trial = current === null ? null : copy(current);
        const refusal = trial === null ? undefined : change.frontmatter(trial);
        if (typeof refusal === "string") throw new WriteRefused(refusal);
        if (trial === null || !same(trial, current)) {
          this.present(file);
          await this.app.fileManager.processFrontMatter(file, (fm: Properties) => {
            edit.seen = copy(fm);
            const again = change.frontmatter?.(fm);
            if (typeof again === "string") throw new WriteRefused(again);
            edit.expected = copy(fm);
          });
        }
      }
      let mid = "";
      let after: string;
      this.present(file);
      if (change.body) {
        const body = change.body;
        after = await this.app.vault.process(file, (text) => {
          mid = text;
          return body(text);
        });
      } else {
        after = await this.app.vault.read(file);
        mid = after;
      }
      // Nobody else wrote in between: what the body edit saw is exactly `before` with our properties edit.
      const alone = edit.expected === null
        ? mid === before
        : same(edit.seen, current) && same(propertiesOf(mid), edit.expected) && bodyOf(mid) === bodyOf(before);
      const step: UndoStep = { label, path: file.path, before, after, undoable: alone };
      if (alone && before !== after && record) this.push({ step, file });
      return step;
    });
  }

  /** Throws `note-gone` when the file has left the vault (deleted, or replaced by another file at its path). */
  private present(file: TFile): void {
    if (this.app.vault.getFileByPath(file.path) !== file) throw new WriteRefused("note-gone");
  }

  /** Runs `work`; a failure on a file that left the vault meanwhile is reported as `note-gone`. */
  private async guard<T>(file: TFile, work: () => Promise<T>): Promise<T> {
    this.present(file);
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof WriteRefused) && this.app.vault.getFileByPath(file.path) !== file) throw new WriteRefused("note-gone");
      throw error;
    }
  }

  private serialise<T>(file: TFile, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(file, next.catch(() => undefined));
    return next;
  }
}
