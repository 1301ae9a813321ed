/** Builds a PeopleIndex over notes held in memory, with the project's own parser and link resolver. */
import { dayFromISO } from "../../../src/domain/dates";
import { indexConfig } from "../../../src/index/build";
import { PeopleIndex, type IndexedNote } from "../../../src/index/PeopleIndex";
import { parseMetadata } from "../../../src/metadata/parse";
import { LinkResolver } from "../../../src/metadata/resolve";
import { defaultSettings, type NetworkNotesSettings } from "../../../src/settings/schema";

export const CREATED = Date.UTC(2026, 0, 1, 12);

export class MemoryVault {
  readonly resolver = new LinkResolver();
  readonly files = new Map<string, string>();
  readonly index: PeopleIndex;
  /** Every link the index asked the resolver about, as `linkpath ← source`, in order (tests may clear it). */
  readonly resolved: string[] = [];

  constructor(files: Record<string, string>, settings: NetworkNotesSettings = defaultSettings(), daily = { folder: "Daily", format: "YYYY-MM-DD" }) {
    for (const [path, text] of Object.entries(files)) {
      this.files.set(path, text);
      this.resolver.add(path);
    }
    this.index = new PeopleIndex(indexConfig(settings, { ...daily, source: "daily-notes" }, (l, s) => {
      this.resolved.push(`${l} ← ${s}`);
      return this.resolver.resolve(l, s);
    }));
    this.index.load([...this.files.keys()].map((p) => this.note(p)));
  }

  note(path: string): IndexedNote {
    return { path, ctime: CREATED, meta: parseMetadata(this.files.get(path) ?? "") };
  }

  write(path: string, text: string): boolean {
    if (!this.files.has(path)) this.resolver.add(path);
    this.files.set(path, text);
    return this.index.update(this.note(path));
  }

  /** Renames like Obsidian with "automatically update internal links" on: links by the old name follow. */
  rename(from: string, to: string): boolean {
    const text = this.files.get(from) ?? "";
    this.files.delete(from);
    this.resolver.remove(from);
    this.files.set(to, text);
    this.resolver.add(to);
    const changed = this.index.rename(from, this.note(to));
    const oldName = from.slice(from.lastIndexOf("/") + 1, -3);
    const newName = to.slice(to.lastIndexOf("/") + 1, -3);
    const pattern = new RegExp(`\\[\\[${oldName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?=[\\]|#])`, "g");
    for (const [path, body] of [...this.files]) {
      if (path !== to && pattern.test(body)) this.write(path, body.replace(pattern, `[[${newName}`));
      pattern.lastIndex = 0;
    }
    return changed;
  }

  remove(path: string): boolean {
    this.files.delete(path);
    this.resolver.remove(path);
    return this.index.remove(path);
  }
}

export const day = (iso: string) => {
  const d = dayFromISO(iso);
  if (d === null) throw new Error(`bad test date ${iso}`);
  return d;
};
