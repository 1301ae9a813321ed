/**
 * The one index of people and touches, fed one note at a time from metadata (never from file text). Pure: the
 * plugin feeds it from Obsidian's metadata cache, the CLI from its own parse of the files, so both agree.
 *
 * It keeps:
 * - people: every person note, read into a `Person`, and how many people carry each (lower-case) name;
 * - sources: every dated note (daily note or note with a date property) with the links in it that count as
 *   touches, and where each link resolved. Only links whose name is a person's name are resolved at all;
 * - incoming: for each person, the dated notes that touch them;
 * - statuses: each person's status for one day, recomputed only for the people a change affected.
 * A change to one note updates only that note's entries. `revision` moves only when something really changed.
 */
import type { CachedMetadata } from "obsidian";
import type { PersonClassifier } from "../domain/classify";
import { dayToISO, parseDay, type Day } from "../domain/dates";
import { lastTouchOf, statusOf, type LastTouch, type PersonStatus } from "../domain/due";
import { sameData } from "../domain/equal";
import { readPerson, type Person, type PersonContext } from "../domain/person";
import type { Problem } from "../domain/problems";
import { openTaskLinks } from "../domain/tasks";
import { touchLinkpaths } from "../domain/touches";

export interface IndexedNote {
  path: string;
  /** Creation time in ms, used as the estimate for people never touched. */
  ctime: number;
  meta: CachedMetadata | null;
}

/** Resolves a link text (no subpath) written in `sourcePath` to a vault path, as Obsidian would. */
export type LinkResolve = (linkpath: string, sourcePath: string) => string | null;

interface Source {
  day: Day;
  /** The touch links, as written (subpath removed). */
  links: string[];
  /** Where each link resolved (null: unresolved, or not a person's name when read). */
  hits: (string | null)[];
}

/** An open task somewhere in the vault that is a commitment to a person (its text is read when shown). */
export interface TaskRef {
  path: string;
  line: number;
  person: string;
}

export interface IndexConfig {
  context: PersonContext;
  classifier: PersonClassifier;
  resolve: LinkResolve;
}

/** The lower-case file name a link or a path points at: `Folder/Ann Lee.md` and `ann lee` both give `ann lee`. */
function nameKey(linkOrPath: string): string {
  const base = linkOrPath.slice(linkOrPath.lastIndexOf("/") + 1);
  return (base.endsWith(".md") ? base.slice(0, -3) : base).toLowerCase();
}

export class PeopleIndex {
  private readonly people = new Map<string, Person>();
  private readonly names = new Map<string, number>();
  private readonly sources = new Map<string, Source>();
  private readonly incoming = new Map<string, string[]>();
  /** Notes that are not people with open tasks that link someone: the task lines and the links on them. */
  private readonly taskNotes = new Map<string, { line: number; linkpaths: string[] }[]>();
  /**
   * Names (lower-case) whose links must be resolved again before the next query: a person with that name
   * appeared or was renamed, or a same-named note appeared or went away, so `[[Name]]` may now reach someone else.
   */
  private readonly pendingNames = new Set<string>();
  /** People whose status must be worked out again. */
  private readonly dirty = new Set<string>();
  private readonly statusByPath = new Map<string, PersonStatus>();
  private statusDay: Day | null = null;
  private statusList: PersonStatus[] | null = null;
  private _revision = 0;

  constructor(private config: IndexConfig) {}

  get revision(): number {
    return this._revision;
  }

  get personCount(): number {
    return this.people.size;
  }

  get datedNoteCount(): number {
    return this.sources.size;
  }

  /** Replaces the configuration (settings changed) and empties the index; feed it again with `load`. */
  reconfigure(config: IndexConfig): void {
    this.config = config;
    this.people.clear();
    this.names.clear();
    this.sources.clear();
    this.incoming.clear();
    this.taskNotes.clear();
    this.pendingNames.clear();
    this.forgetStatuses();
    this.bump();
  }

  /** Loads many notes at once (start-up or rebuild): people first, so only links to people are resolved. */
  load(notes: Iterable<IndexedNote>): void {
    // One pass, so a caller can parse notes one at a time and let each note's metadata go: dated notes keep only
    // their links, which are resolved once every person (and so every person's name) is known.
    for (const note of notes) {
      if (this.applyPerson(note) !== "not-a-person") continue;
      this.applyTasks(note);
      this.applySource(note, false);
    }
    for (const [path, source] of this.sources) source.hits = this.resolveLinks(source.links, path);
    this.rebuildIncoming();
    this.forgetStatuses();
    this.bump();
  }

  /** A note was created or changed. Returns whether anything the index knows changed. */
  update(note: IndexedNote): boolean {
    const changed = this.apply(note);
    if (changed) this.bump();
    return changed;
  }

  /** A note was deleted. */
  remove(path: string): boolean {
    if (this.names.has(nameKey(path))) this.pendingNames.add(nameKey(path));
    const tasks = this.dropTasks(path);
    const changed = this.dropPerson(path) || this.dropSource(path) || tasks;
    if (changed) this.bump();
    return changed;
  }

  /** A note was renamed or moved: its history moves with it. */
  rename(oldPath: string, note: IndexedNote): boolean {
    const person = this.people.get(oldPath);
    if (person) {
      const touchers = this.incoming.get(oldPath) ?? [];
      this.dropPerson(oldPath);
      this.addPerson(note.path, person, touchers);
      // Links already written with the new name (to a note that did not exist yet) may now reach this person.
      if (nameKey(oldPath) !== nameKey(note.path)) this.pendingNames.add(nameKey(note.path));
      for (const sourcePath of touchers) {
        const source = this.sources.get(sourcePath);
        if (source) source.hits = source.hits.map((h) => (h === oldPath ? note.path : h));
      }
    }
    const tasks = this.taskNotes.get(oldPath);
    if (tasks) {
      this.taskNotes.delete(oldPath);
      this.taskNotes.set(note.path, tasks);
    }
    const source = this.sources.get(oldPath);
    if (source) {
      this.sources.delete(oldPath);
      this.sources.set(note.path, source);
      for (const hit of source.hits) {
        const list = hit === null ? undefined : this.incoming.get(hit);
        const at = list ? list.indexOf(oldPath) : -1;
        if (list && at >= 0) list[at] = note.path;
      }
    }
    this.apply(note);
    this.bump();
    return true;
  }

  getPerson(path: string): Person | undefined {
    return this.people.get(path);
  }

  allPeople(): Person[] {
    return [...this.people.values()];
  }

  /** The dated notes that touch a person, with their days. */
  datedTouches(path: string): [string, Day][] {
    this.flushPending();
    const out: [string, Day][] = [];
    for (const sourcePath of this.incoming.get(path) ?? []) {
      const source = this.sources.get(sourcePath);
      if (source) out.push([sourcePath, source.day]);
    }
    return out;
  }

  lastTouch(path: string, today: Day): LastTouch | null {
    const person = this.people.get(path);
    if (!person) return null;
    this.flushPending();
    return lastTouchOf(person, this.latestDated(path, today), today);
  }

  /**
   * Open tasks that are commitments to people: tasks in a person's own note, and tasks elsewhere whose line
   * links a person. Links are resolved now, so the answer follows renames and new notes.
   */
  openTasks(person?: string): TaskRef[] {
    this.flushPending();
    if (this.tasksCache?.revision !== this._revision) this.tasksCache = { revision: this._revision, refs: this.findOpenTasks() };
    const refs = this.tasksCache.refs;
    return person === undefined ? refs : refs.filter((r) => r.person === person);
  }

  private tasksCache: { revision: number; refs: TaskRef[] } | null = null;

  private findOpenTasks(): TaskRef[] {
    const out: TaskRef[] = [];
    for (const p of this.people.values()) for (const line of p.ownOpenTasks) out.push({ path: p.path, line, person: p.path });
    for (const [path, tasks] of this.taskNotes) {
      for (const task of tasks) {
        const seen = new Set<string>();
        for (const linkpath of task.linkpaths) {
          if (!this.names.has(nameKey(linkpath))) continue;
          const hit = this.config.resolve(linkpath, path);
          if (hit === null || seen.has(hit) || !this.people.has(hit)) continue;
          seen.add(hit);
          out.push({ path, line: task.line, person: hit });
        }
      }
    }
    return out;
  }

  /** Every person's status on `today`; only people touched by a change since the last call are worked out again. */
  statuses(today: Day): PersonStatus[] {
    this.flushPending();
    if (this.statusDay !== today) {
      this.statusByPath.clear();
      for (const path of this.people.keys()) this.statusByPath.set(path, this.workOut(path, today));
      this.statusDay = today;
      this.dirty.clear();
      this.statusList = null;
    } else if (this.dirty.size > 0) {
      for (const path of this.dirty) if (this.people.has(path)) this.statusByPath.set(path, this.workOut(path, today));
      this.dirty.clear();
      this.statusList = null;
    }
    this.statusList ??= [...this.statusByPath.values()];
    return this.statusList;
  }

  /** Everything wrong with person notes, including what depends on the day (a last touch in the future). */
  problems(today: Day): Problem[] {
    const out: Problem[] = [];
    const key = this.config.context.settings.keys.lastTouch;
    for (const person of this.people.values()) {
      out.push(...person.problems);
      if (person.lastTouchField !== null && person.lastTouchField > today) {
        out.push({ path: person.path, key, value: dayToISO(person.lastTouchField), code: "date-in-future" });
      }
    }
    return out;
  }

  private bump(): void {
    this._revision++;
  }

  private forgetStatuses(): void {
    this.statusByPath.clear();
    this.statusDay = null;
    this.statusList = null;
    this.dirty.clear();
  }

  private workOut(path: string, today: Day): PersonStatus {
    const person = this.people.get(path) as Person;
    return statusOf(person, lastTouchOf(person, this.latestDated(path, today), today), this.config.context.settings, today);
  }

  /** The latest dated note on or before today that links the person (of several on that day, the first by path). */
  private latestDated(path: string, today: Day): { day: Day; path: string } | null {
    let best: { day: Day; path: string } | null = null;
    for (const sourcePath of this.incoming.get(path) ?? []) {
      const day = this.sources.get(sourcePath)?.day;
      if (day === undefined || day > today) continue;
      if (best === null || day > best.day || (day === best.day && sourcePath < best.path)) best = { day, path: sourcePath };
    }
    return best;
  }

  private apply(note: IndexedNote): boolean {
    const asPerson = this.applyPerson(note);
    if (asPerson !== "not-a-person") return this.dropTasks(note.path) || this.dropSource(note.path) || asPerson === "changed";
    // A note sharing a person's name can change where `[[Name]]` resolves (the app prefers some paths).
    if (this.names.has(nameKey(note.path))) this.pendingNames.add(nameKey(note.path));
    const wasPerson = this.dropPerson(note.path);
    const tasksChanged = this.applyTasks(note);
    return this.applySource(note, true) || wasPerson || tasksChanged;
  }

  /** Keeps the open tasks of a note that is not a person, when any line links someone. */
  private applyTasks(note: IndexedNote): boolean {
    const tasks = note.meta ? openTaskLinks(note.meta) : [];
    const old = this.taskNotes.get(note.path);
    if (tasks.length === 0) return this.dropTasks(note.path);
    this.taskNotes.set(note.path, tasks);
    return !old || !sameData(old, tasks);
  }

  private dropTasks(path: string): boolean {
    return this.taskNotes.delete(path);
  }

  /** Reads the note as a person when it is one. */
  private applyPerson(note: IndexedNote): "not-a-person" | "unchanged" | "changed" {
    if (!this.config.classifier.isPerson(note.path, note.meta)) return "not-a-person";
    const person = readPerson(note.path, note.ctime, note.meta, this.config.context);
    const old = this.people.get(note.path);
    if (old && sameData(old, person)) return "unchanged";
    if (old) {
      this.people.set(note.path, person);
      this.dirty.add(note.path);
    } else {
      this.addPerson(note.path, person, []);
      this.pendingNames.add(nameKey(note.path));
    }
    return "changed";
  }

  private addPerson(path: string, person: Person, touchers: string[]): void {
    this.people.set(path, person);
    this.incoming.set(path, touchers);
    const key = nameKey(path);
    this.names.set(key, (this.names.get(key) ?? 0) + 1);
    this.dirty.add(path);
  }

  /** Reads a note that is not a person: a dated note becomes a source of touches. Returns whether anything changed. */
  /** Where each link lands; only links bearing a person's name are resolved, and each person counts once per note. */
  private resolveLinks(links: string[], sourcePath: string): (string | null)[] {
    const hits: (string | null)[] = [];
    for (const link of links) {
      const hit = link !== "" && this.names.has(nameKey(link)) ? this.config.resolve(link, sourcePath) : null;
      hits.push(hit !== null && hits.includes(hit) ? null : hit);
    }
    return hits;
  }

  /** `incremental`: resolve and link now; a bulk load resolves every source at the end. */
  private applySource(note: IndexedNote, incremental: boolean): boolean {
    const day = this.dayOf(note);
    if (day === null) return this.dropSource(note.path);
    const links = note.meta ? touchLinkpaths(note.meta) : [];
    const hits = incremental ? this.resolveLinks(links, note.path) : [];
    const old = this.sources.get(note.path);
    if (old && old.day === day && sameData(old.hits, hits)) {
      old.links = links;
      return false;
    }
    if (old) this.unlinkSource(note.path, old);
    const source: Source = { day, links, hits };
    this.sources.set(note.path, source);
    if (incremental) this.linkSource(note.path, source);
    return true;
  }

  private dayOf(note: IndexedNote): Day | null {
    const daily = this.config.context.daily.dayOfPath(note.path);
    if (daily !== null) return daily;
    const value: unknown = note.meta?.frontmatter?.[this.config.context.settings.keys.noteDate];
    return value === undefined || value === null ? null : parseDay(value);
  }

  private linkSource(path: string, source: Source): void {
    for (const hit of source.hits) {
      const list = hit === null ? undefined : this.incoming.get(hit);
      if (list && hit !== null && !list.includes(path)) {
        list.push(path);
        this.dirty.add(hit);
      }
    }
  }

  private unlinkSource(path: string, source: Source): void {
    for (const hit of source.hits) {
      const list = hit === null ? undefined : this.incoming.get(hit);
      const at = list ? list.indexOf(path) : -1;
      if (list && hit !== null && at >= 0) {
        list.splice(at, 1);
        this.dirty.add(hit);
      }
    }
  }

  private dropSource(path: string): boolean {
    const old = this.sources.get(path);
    if (!old) return false;
    this.unlinkSource(path, old);
    this.sources.delete(path);
    return true;
  }

  private dropPerson(path: string): boolean {
    if (!this.people.delete(path)) return false;
    const key = nameKey(path);
    const count = (this.names.get(key) ?? 1) - 1;
    if (count > 0) this.names.set(key, count);
    else this.names.delete(key);
    this.incoming.delete(path);
    this.pendingNames.add(key);
    this.dirty.delete(path);
    if (this.statusByPath.delete(path)) this.statusList = null;
    return true;
  }

  private rebuildIncoming(): void {
    for (const path of this.people.keys()) this.incoming.set(path, []);
    for (const [path, source] of this.sources) {
      for (const hit of source.hits) if (hit !== null) this.incoming.get(hit)?.push(path);
    }
    this.pendingNames.clear();
  }

  /**
   * Re-resolves, in one pass over the dated notes, every link bearing a pending name: new people may already be
   * linked (the link was written before their note existed, or before it became a person), and a renamed or
   * deleted note can send `[[Name]]` somewhere else.
   */
  private flushPending(): void {
    if (this.pendingNames.size === 0) return;
    const pendingNames = new Set(this.pendingNames);
    this.pendingNames.clear();
    // Most links cannot carry a pending name: compare lengths first, so only candidates are sliced and lower-cased.
    const lengths = new Set([...pendingNames].map((n) => n.length));
    const mayMatch = (link: string) => {
      const start = link.lastIndexOf("/") + 1;
      const length = link.length - start - (link.endsWith(".md") ? 3 : 0);
      return lengths.has(length) && pendingNames.has(nameKey(link));
    };
    for (const [sourcePath, source] of this.sources) {
      let hits: (string | null)[] | null = null;
      for (let i = 0; i < source.links.length; i++) {
        if (!mayMatch(source.links[i] ?? "")) continue;
        hits ??= [...source.hits];
        const hit = this.config.resolve(source.links[i] ?? "", sourcePath);
        hits[i] = hit !== null && hits.some((h, j) => j !== i && h === hit) ? null : hit;
      }
      if (hits === null) continue;
      this.unlinkSource(sourcePath, source);
      source.hits = hits;
      this.linkSource(sourcePath, source);
    }
  }
}
