/**
 * Reads the words of open tasks that are commitments. Indexing never reads note text; this runs only when
 * commitments are shown, and reads only the notes that hold such tasks.
 */
import { TFile, type App } from "obsidian";
import type { Day } from "../domain/dates";
import type { PeopleIndex } from "../index/PeopleIndex";
import { taskCommitments, type CommitmentEntry } from "../report/digest";

export async function readTaskCommitments(app: App, index: PeopleIndex, today: Day, person?: string, routineHeading?: string): Promise<CommitmentEntry[]> {
  const texts = new Map<string, string[]>();
  for (const ref of index.openTasks(person)) {
    if (texts.has(ref.path)) continue;
    const file = app.vault.getFileByPath(ref.path);
    texts.set(ref.path, file instanceof TFile ? (await app.vault.cachedRead(file)).split(/\r?\n/) : []);
  }
  return taskCommitments(index, (path) => texts.get(path) ?? null, today, person, routineHeading);
}
