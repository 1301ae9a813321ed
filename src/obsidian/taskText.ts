/**
 * Reads the words of open tasks that are commitments. Indexing never reads note text; this runs only when
 * commitments are shown, and reads only the notes that hold such tasks.
 */
import { TFile, type App } from "obsidian";
import type { Day } from "../domain/dates";
import type { PeopleIndex } from "../index/PeopleIndex";
import { taskCommitments, type CommitmentEntry } from "../report/digest";

/**
 * Note lines kept between reads, by path, with the file's modification time and size when read: the routine reads
 * task words again on every change in the vault, and this way reads again only the notes that changed.
 */
export class NoteLines {
  private kept = new Map<string, { mtime: number; size: number; lines: string[] }>();

  /** The lines of each path asked for; what is not asked for in a pass is forgotten after it. */
  async read(app: App, paths: Iterable<string>): Promise<Map<string, string[]>> {
    const next = new Map<string, { mtime: number; size: number; lines: string[] }>();
    const out = new Map<string, string[]>();
    for (const path of paths) {
      if (out.has(path)) continue;
      const file = app.vault.getFileByPath(path);
      if (!(file instanceof TFile)) {
        out.set(path, []);
        continue;
      }
      const { mtime, size } = file.stat;
      let entry = this.kept.get(path);
      if (!entry || entry.mtime !== mtime || entry.size !== size) entry = { mtime, size, lines: (await app.vault.cachedRead(file)).split(/\r?\n/) };
      next.set(path, entry);
      out.set(path, entry.lines);
    }
    this.kept = next;
    return out;
  }
}

export async function readTaskCommitments(app: App, index: PeopleIndex, today: Day, person?: string, routineHeading?: string, kept?: NoteLines): Promise<CommitmentEntry[]> {
  const paths = index.openTasks(person).map((ref) => ref.path);
  const texts = await (kept ?? new NoteLines()).read(app, paths);
  return taskCommitments(index, (path) => texts.get(path) ?? null, today, person, routineHeading);
}
