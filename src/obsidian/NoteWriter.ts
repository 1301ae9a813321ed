/**
 * The one way the plugin writes notes. Frontmatter goes through `fileManager.processFrontMatter`, body lines
 * through `vault.process`; writes to the same note wait for each other. Every change is recorded with the note's
 * text before and after, so it can be undone exactly, and undo refuses when the note changed since.
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
}

export class WriteRefused extends Error {}

const UNDO_LIMIT = 30;

export class NoteWriter {
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly history: UndoStep[] = [];

  constructor(private readonly app: App) {}

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  get lastLabel(): string | null {
    return this.history[this.history.length - 1]?.label ?? null;
  }

  /** Applies `change` to the note at `path`; resolves to the undo step, or rejects with WriteRefused. */
  change(label: string, path: string, change: NoteChange): Promise<UndoStep> {
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
      if (before !== after) {
        this.history.push(step);
        if (this.history.length > UNDO_LIMIT) this.history.shift();
      }
      return step;
    });
  }

  /** Restores the note of the last change exactly, unless it changed since. */
  undo(): Promise<UndoStep> {
    const step = this.history[this.history.length - 1];
    if (!step) return Promise.reject(new WriteRefused("nothing-to-undo"));
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
