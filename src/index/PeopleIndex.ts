/**
 * The one index of people and touches, fed one note at a time from metadata (never from file text). Pure: the
 * plugin feeds it from Obsidian's metadata cache, the CLI from its own parse of the files, so both agree.
 *
 * It keeps:
 * - people: every person note, read into a `Person`, and the people by the lower-case name their links use;
 * - names: how many notes (people or not) carry each lower-case name. A link whose name only one note carries
 *   lands on that note from anywhere, so it is resolved once for the whole vault, not once per note;
 * - links: each distinct link text, shared by every note that writes it, with the notes that reach nobody
 *   through it (its "misses"). Together with who links each person, that is an inverted index from a name to the
 *   notes that mention it: when a person appears, is renamed or goes away, only those notes are looked at again;
 * - entries: per dated note its day, and per note with open tasks those tasks' lines, with the links that count
 *   (as shared link objects, not texts);
 * - incoming and taskers: for each person, the dated notes that touch them and the notes with open tasks that
 *   link them;
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
import { NameCounts, nameHash, pathNameHash } from "./names";
import { scanLinks, type LinkSink } from "./scan";

export interface IndexedNote {
  path: string;
  /** Creation time in ms, used as the estimate for people never touched. */
  ctime: number;
  meta: CachedMetadata | null;
}

/** Resolves a link text (no subpath) written in `sourcePath` to a vault path, as Obsidian would. */
export type LinkResolve = (linkpath: string, sourcePath: string) => string | null;

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
export function nameKey(linkOrPath: string): string {
  const start = linkOrPath.lastIndexOf("/") + 1;
  const end = linkOrPath.endsWith(".md") ? linkOrPath.length - 3 : linkOrPath.length;
  return linkOrPath.slice(start, end).toLowerCase();
}

/**
 * Whether a link text reaches the one note carrying its name the same way from every note: not relative
 * (`./`, `../`) and not naming a file with its extension. Other links are resolved for each note that writes them.
 */
function sameFromEverywhere(text: string): boolean {
  return text.charCodeAt(0) !== 46 /* . */ && !/\.md$/i.test(text);
}

/** A link text as written (subpath removed), shared by every note that writes it. */
export class Link {
  /**
   * Where the link lands when that does not depend on the note it is written in: a person's path, or null (no
   * person). `undefined`: it depends on the note, and each note holds a `Bound` with its own answer.
   */
  target: string | null | undefined = null;
  /** Whether `target` is worked out for the names as they are now. */
  fresh = false;
  /** The entries that write this link and reach no person through it, each once. */
  misses: Entry[] | null = null;
  /** How many times entries refer to it; at zero it is forgotten. */
  uses = 0;
  /** The next link with the same key. */
  next: Link | null = null;
  /** Scratch while linking one entry: the entry that last counted this link as a miss. */
  seen: Entry | null = null;

  constructor(
    readonly text: string,
    /** The lower-case name it points at (`ann lee` for `People/Ann Lee`). */
    readonly key: string,
  ) {}
}

/** A link whose landing depends on the note it is written in, with the answer for one note. */
export class Bound {
  constructor(
    readonly link: Link,
    public target: string | null,
  ) {}
}

/** A link written in a note (`Link` when it lands the same from everywhere), or the line of an open task. */
export type Ref = Link | Bound | number;

/**
 * A note that is not a person but matters: a dated note (its day and touch links) and/or a note with open tasks
 * that link something (each task's line followed by its links). Touch refs come first; a number starts a task.
 */
export class Entry {
  constructor(
    public path: string,
    public day: Day | null,
    public refs: Ref[],
  ) {}
}

const linkOf = (ref: Link | Bound): Link => (ref instanceof Bound ? ref.link : ref);

/** The people a note's refs reach as touches and through tasks, and the links that reach nobody. */
interface Reach {
  touched: string[];
  tasked: string[];
  missed: Link[];
}

function pushNew<T>(list: T[], item: T): void {
  if (!list.includes(item)) list.push(item);
}

function removeItem<T>(list: T[], item: T, keepOrder: boolean): boolean {
  const at = list.indexOf(item);
  if (at < 0) return false;
  if (keepOrder) list.splice(at, 1);
  else {
    list[at] = list[list.length - 1] as T;
    list.pop();
  }
  return true;
}

export class PeopleIndex {
  private readonly people = new Map<string, Person>();
  /** People by key (lower-case name); almost always one each. */
  private readonly peopleByKey = new Map<string, string[]>();
  /** How many notes the index knows (people, entries, others) carry each key. */
  private readonly names = new NameCounts();
  private readonly entries = new Map<string, Entry>();
  /** Notes that are neither people nor entries (known so that their names are counted once). */
  private readonly others = new Set<string>();
  private datedCount = 0;
  private readonly links = new Map<string, Link>();
  /** The first link with each key; the rest follow through `Link.next`. */
  private readonly linksByKey = new Map<string, Link>();
  private readonly incoming = new Map<string, Entry[]>();
  private readonly taskers = new Map<string, Entry[]>();
  /**
   * Keys whose links must be worked out again before the next query or change: a person with that name appeared,
   * went away or was renamed, or a note with that name appeared or went away, so `[[Name]]` may land elsewhere.
   */
  private readonly pendingKeys = new Set<string>();
  /** People whose status must be worked out again. */
  private readonly dirty = new Set<string>();
  private statusDay: Day | null = null;
  private statusList: PersonStatus[] | null = null;
  private readonly statusSlot = new Map<string, number>();
  /** People who left since the list was made: their slots must go. */
  private readonly statusGone: string[] = [];
  private tasksCache: { revision: number; refs: TaskRef[] } | null = null;
  private _revision = 0;

  constructor(private config: IndexConfig) {}

  get revision(): number {
    return this._revision;
  }

  get personCount(): number {
    return this.people.size;
  }

  get datedNoteCount(): number {
    return this.datedCount;
  }

  /** Replaces the configuration (settings changed) and empties the index; feed it again with `load`. */
  reconfigure(config: IndexConfig): void {
    this.config = config;
    this.people.clear();
    this.peopleByKey.clear();
    this.names.clear();
    this.entries.clear();
    this.others.clear();
    this.datedCount = 0;
    this.links.clear();
    this.linksByKey.clear();
    this.incoming.clear();
    this.taskers.clear();
    this.pendingKeys.clear();
    this.tasksCache = null;
    this.forgetStatuses();
    this.bump();
  }

  /**
   * Loads many notes at once (start-up or rebuild). Into an empty index in one pass, so a caller can parse notes
   * one at a time and let each note's metadata go: links are resolved at the end, once every person is known.
   * Into an index that already holds notes, note by note as `update` does.
   */
  load(notes: Iterable<IndexedNote>): void {
    this.settle();
    if (this.people.size === 0 && this.entries.size === 0 && this.others.size === 0) this.loadEmpty(notes);
    else for (const note of notes) this.apply(note);
    this.forgetStatuses();
    this.bump();
  }

  /** A note was created or changed. Returns whether anything the index knows changed. */
  update(note: IndexedNote): boolean {
    this.settle();
    const changed = this.apply(note);
    if (changed) this.bump();
    return changed;
  }

  /** A note was deleted. */
  remove(path: string): boolean {
    this.settle();
    const changed = this.forget(path);
    if (changed) this.bump();
    return changed;
  }

  /**
   * A note was renamed or moved. Links are worked out again for the names involved (the old one and the new
   * one), so a person's history follows wherever links still reach them: from notes whose links were updated, and
   * from links by name when only the folder changed.
   */
  rename(oldPath: string, note: IndexedNote): boolean {
    this.settle();
    this.forget(oldPath);
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
    this.settle();
    const out: [string, Day][] = [];
    for (const entry of this.incoming.get(path) ?? []) if (entry.day !== null) out.push([entry.path, entry.day]);
    return out;
  }

  lastTouch(path: string, today: Day): LastTouch | null {
    const person = this.people.get(path);
    if (!person) return null;
    this.settle();
    return lastTouchOf(person, this.latestDated(path, today), today);
  }

  /**
   * Open tasks that are commitments to people: tasks in a person's own note, and tasks elsewhere whose line
   * links a person. The answer follows renames and new notes.
   */
  openTasks(person?: string): TaskRef[] {
    this.settle();
    if (person !== undefined) return this.tasksOf(person);
    if (this.tasksCache?.revision !== this._revision) this.tasksCache = { revision: this._revision, refs: this.allTasks() };
    return this.tasksCache.refs;
  }

  /** Every person's status on `today`; only people touched by a change since the last call are worked out again. */
  statuses(today: Day): PersonStatus[] {
    this.settle();
    if (this.statusDay !== today || this.statusList === null) {
      const list: PersonStatus[] = [];
      this.statusSlot.clear();
      for (const path of this.people.keys()) {
        this.statusSlot.set(path, list.length);
        list.push(this.workOut(path, today));
      }
      this.statusList = list;
      this.statusDay = today;
      this.statusGone.length = 0;
      this.dirty.clear();
    } else if (this.dirty.size > 0 || this.statusGone.length > 0) {
      // A new array (callers may keep the old one as a cache key), patched where people changed: a person who left
      // gives their slot to the last one.
      const list = this.statusList.slice();
      for (const path of this.statusGone) {
        const slot = this.statusSlot.get(path);
        if (slot === undefined || this.people.has(path)) continue;
        this.statusSlot.delete(path);
        const last = list.pop() as PersonStatus;
        if (slot < list.length) {
          list[slot] = last;
          this.statusSlot.set(last.person.path, slot);
        }
      }
      this.statusGone.length = 0;
      for (const path of this.dirty) {
        if (!this.people.has(path)) continue;
        const status = this.workOut(path, today);
        const slot = this.statusSlot.get(path);
        if (slot === undefined) {
          this.statusSlot.set(path, list.length);
          list.push(status);
        } else list[slot] = status;
      }
      this.dirty.clear();
      this.statusList = list;
    }
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

  // ── statuses ─────────────────────────────────────────────────────────────────────────────

  private bump(): void {
    this._revision++;
  }

  private forgetStatuses(): void {
    this.statusList = null;
    this.statusDay = null;
    this.statusSlot.clear();
    this.statusGone.length = 0;
    this.dirty.clear();
  }

  private workOut(path: string, today: Day): PersonStatus {
    const person = this.people.get(path) as Person;
    return statusOf(person, lastTouchOf(person, this.latestDated(path, today), today), this.config.context.settings, today);
  }

  /** The latest dated note on or before today that links the person (of several on that day, the first by path). */
  private latestDated(path: string, today: Day): { day: Day; path: string } | null {
    let best: Entry | null = null;
    for (const entry of this.incoming.get(path) ?? []) {
      const day = entry.day;
      if (day === null || day > today) continue;
      if (best === null || day > (best.day as Day) || (day === best.day && entry.path < best.path)) best = entry;
    }
    return best === null ? null : { day: best.day as Day, path: best.path };
  }

  // ── tasks ────────────────────────────────────────────────────────────────────────────────

  private tasksOf(person: string): TaskRef[] {
    const p = this.people.get(person);
    if (!p) return [];
    const out: TaskRef[] = p.ownOpenTasks.map((line) => ({ path: person, line, person }));
    for (const entry of this.taskers.get(person) ?? []) this.entryTasks(entry, person, out);
    return out;
  }

  private allTasks(): TaskRef[] {
    const out: TaskRef[] = [];
    for (const p of this.people.values()) for (const line of p.ownOpenTasks) out.push({ path: p.path, line, person: p.path });
    for (const entry of this.entries.values()) this.entryTasks(entry, null, out);
    return out;
  }

  /** The open tasks of an entry that link a person (only `person`, when given), each person once a task. */
  private entryTasks(entry: Entry, person: string | null, out: TaskRef[]): void {
    let line = -1;
    let first = out.length;
    for (const ref of entry.refs) {
      if (typeof ref === "number") {
        line = ref;
        first = out.length;
        continue;
      }
      if (line < 0) continue;
      const target = this.reached(ref);
      if (target === null || (person !== null && target !== person)) continue;
      let seen = false;
      for (let i = first; i < out.length; i++) if ((out[i] as TaskRef).person === target) seen = true;
      if (!seen) out.push({ path: entry.path, line, person: target });
    }
  }

  // ── notes ────────────────────────────────────────────────────────────────────────────────

  private knows(path: string): boolean {
    return this.people.has(path) || this.entries.has(path) || this.others.has(path);
  }

  /** Counts a note's name in or out; a person's name carried by one note more or less may land links elsewhere. */
  private countName(path: string, delta: 1 | -1): void {
    this.names.add(pathNameHash(path), delta);
    const key = nameKey(path);
    if (this.peopleByKey.has(key)) this.pendingKeys.add(key);
  }

  /**
   * The bulk load into an empty index. Each path is expected once (a path met twice keeps the later note, as long
   * as it stays a person or stays not one).
   */
  private loadEmpty(notes: Iterable<IndexedNote>): void {
    const collector = new RefCollector(this.intern);
    this.names.beginLoad();
    for (const note of notes) {
      const path = note.path;
      this.names.addLoading(pathNameHash(path));
      if (this.config.classifier.isPerson(path, note.meta)) {
        const person = readPerson(path, note.ctime, note.meta, this.config.context);
        if (this.people.has(path)) this.people.set(path, person);
        else this.addPerson(person);
        continue;
      }
      const day = this.dayOf(note);
      const refs = note.meta ? collector.collect(note.meta, day !== null) : [];
      if (day === null && refs.length === 0) this.others.add(path);
      else this.entries.set(path, new Entry(path, day, refs));
    }
    this.names.endLoad();
    // Every person is known now: work out where each link lands, and who each entry reaches.
    for (const entry of this.entries.values()) {
      if (entry.day !== null) this.datedCount++;
      const refs = entry.refs;
      for (let i = 0; i < refs.length; i++) {
        const ref = refs[i] as Ref;
        if (typeof ref !== "number") refs[i] = this.refFor(ref as Link, entry.path);
      }
      this.linkEntry(entry);
    }
    // Lists grown one push at a time keep spare room: give it back.
    for (const [path, list] of this.incoming) this.incoming.set(path, list.slice());
    for (const [path, list] of this.taskers) this.taskers.set(path, list.slice());
    for (const link of this.links.values()) if (link.misses !== null) link.misses = link.misses.slice();
    this.pendingKeys.clear();
  }

  /** Applies a note as it is now; returns whether anything the index knows changed. */
  private apply(note: IndexedNote): boolean {
    if (!this.knows(note.path)) this.countName(note.path, 1);
    if (this.config.classifier.isPerson(note.path, note.meta)) {
      const person = readPerson(note.path, note.ctime, note.meta, this.config.context);
      const old = this.people.get(note.path);
      if (old) {
        if (sameData(old, person)) return false;
        this.people.set(note.path, person);
        this.dirty.add(note.path);
        return true;
      }
      this.dropEntry(note.path);
      this.others.delete(note.path);
      this.addPerson(person);
      return true;
    }
    const wasPerson = this.dropPerson(note.path);
    return this.applyEntry(note) || wasPerson;
  }

  /** Forgets a note (deleted, or renamed away). */
  private forget(path: string): boolean {
    if (!this.knows(path)) return false;
    const wasPerson = this.dropPerson(path);
    const changed = this.dropEntry(path) || wasPerson;
    this.others.delete(path);
    this.countName(path, -1);
    return changed;
  }

  private addPerson(person: Person): void {
    const path = person.path;
    this.people.set(path, person);
    this.incoming.set(path, []);
    const key = nameKey(path);
    const same = this.peopleByKey.get(key);
    if (same) same.push(path);
    else this.peopleByKey.set(key, [path]);
    // Links by this name written before (or elsewhere) may reach the person now.
    this.pendingKeys.add(key);
    this.dirty.add(path);
  }

  /**
   * A person left (deleted, renamed, or no longer a person): the notes that reached them count as reaching nobody
   * through those links until the name is worked out again.
   */
  private dropPerson(path: string): boolean {
    if (!this.people.delete(path)) return false;
    const key = nameKey(path);
    const same = this.peopleByKey.get(key);
    if (same) {
      removeItem(same, path, true);
      if (same.length === 0) this.peopleByKey.delete(key);
    }
    for (const list of [this.incoming.get(path), this.taskers.get(path)]) {
      for (const entry of list ?? []) {
        for (const ref of entry.refs) if (typeof ref !== "number" && ref.target === path) this.addMiss(linkOf(ref), entry);
      }
    }
    this.incoming.delete(path);
    this.taskers.delete(path);
    this.pendingKeys.add(key);
    this.dirty.delete(path);
    if (this.statusSlot.has(path)) this.statusGone.push(path);
    return true;
  }

  private dayOf(note: IndexedNote): Day | null {
    const daily = this.config.context.daily.dayOfPath(note.path);
    if (daily !== null) return daily;
    const value: unknown = note.meta?.frontmatter?.[this.config.context.settings.keys.noteDate];
    return value === undefined || value === null ? null : parseDay(value);
  }

  /** Reads a note that is not a person into an entry (or none). Returns whether anything a query sees changed. */
  private applyEntry(note: IndexedNote): boolean {
    const day = this.dayOf(note);
    const collected = note.meta ? new RefCollector(this.intern).collect(note.meta, day !== null) : [];
    const old = this.entries.get(note.path);
    if (day === null && collected.length === 0) {
      this.others.add(note.path);
      return this.dropEntry(note.path);
    }
    this.others.delete(note.path);
    const refs = collected.map((ref) => (typeof ref === "number" ? ref : this.refFor(ref as Link, note.path)));
    if (!old) {
      const entry = new Entry(note.path, day, refs);
      this.entries.set(note.path, entry);
      if (day !== null) this.datedCount++;
      this.linkEntry(entry, true);
      return day !== null || this.reach(refs).tasked.length > 0;
    }
    const before = this.reach(old.refs);
    const sameView = old.day === day && this.sameReach(old.refs, refs);
    // Count the new references before releasing the old ones, so a link in both is never forgotten in between.
    for (const ref of refs) if (typeof ref !== "number") linkOf(ref).uses++;
    for (const ref of old.refs) if (typeof ref !== "number") this.release(linkOf(ref));
    if (old.day !== day) {
      if (old.day === null) this.datedCount++;
      else if (day === null) this.datedCount--;
      // Its day moved: the people it touches must be worked out again.
      for (const p of before.touched) this.dirty.add(p);
    }
    old.day = day;
    old.refs = refs;
    this.relink(old, before, this.reach(refs));
    return !sameView;
  }

  private dropEntry(path: string): boolean {
    const entry = this.entries.get(path);
    if (!entry) return false;
    const before = this.reach(entry.refs);
    this.entries.delete(path);
    if (entry.day !== null) this.datedCount--;
    this.relink(entry, before, { touched: [], tasked: [], missed: [] });
    for (const ref of entry.refs) if (typeof ref !== "number") this.release(linkOf(ref));
    return entry.day !== null || before.tasked.length > 0;
  }

  // ── links ────────────────────────────────────────────────────────────────────────────────

  /** The shared link for a text (created on first sight; not yet worked out). */
  private readonly intern = (text: string): Link => {
    let link = this.links.get(text);
    if (link === undefined) {
      link = new Link(text, nameKey(text));
      this.links.set(text, link);
      const first = this.linksByKey.get(link.key);
      if (first === undefined) this.linksByKey.set(link.key, link);
      else {
        link.next = first.next;
        first.next = link;
      }
    }
    return link;
  };

  /** Drops a reference to a link; at zero the link is forgotten. */
  private release(link: Link): void {
    if (--link.uses > 0) return;
    this.links.delete(link.text);
    let at: Link | null = this.linksByKey.get(link.key) ?? null;
    if (at === link) {
      if (link.next === null) this.linksByKey.delete(link.key);
      else this.linksByKey.set(link.key, link.next);
    } else {
      while (at !== null && at.next !== link) at = at.next;
      if (at) at.next = link.next;
    }
  }

  /** What a link written in `sourcePath` refers to: the shared link when it lands the same everywhere. */
  private refFor(link: Link, sourcePath: string): Link | Bound {
    if (!link.fresh) this.prepare(link, sourcePath);
    return link.target === undefined ? new Bound(link, this.resolveTarget(link, sourcePath)) : link;
  }

  /** Works out whether a link lands the same from every note, and where. */
  private prepare(link: Link, sourcePath: string): void {
    if (!this.peopleByKey.has(link.key)) link.target = null;
    else if (this.names.count(nameHash(link.key)) <= 1 && sameFromEverywhere(link.text)) link.target = this.resolveTarget(link, sourcePath);
    else link.target = undefined;
    link.fresh = true;
  }

  /** The person a link written in `sourcePath` reaches, or null. Only names of people are ever resolved. */
  private resolveTarget(link: Link, sourcePath: string): string | null {
    if (!this.peopleByKey.has(link.key)) return null;
    const hit = this.config.resolve(link.text, sourcePath);
    // A link reaches a note of its own name; anything else (a `.md.md` file…) is not a touch.
    return hit !== null && this.people.has(hit) && nameKey(hit) === link.key ? hit : null;
  }

  /** The person a ref reaches now, or null. */
  private reached(ref: Link | Bound): string | null {
    const target = ref.target;
    return target !== null && target !== undefined && this.people.has(target) ? target : null;
  }

  private reach(refs: Ref[]): Reach {
    const out: Reach = { touched: [], tasked: [], missed: [] };
    let inTask = false;
    for (const ref of refs) {
      if (typeof ref === "number") {
        inTask = true;
        continue;
      }
      const target = this.reached(ref);
      if (target === null) pushNew(out.missed, linkOf(ref));
      else pushNew(inTask ? out.tasked : out.touched, target);
    }
    return out;
  }

  /** Whether two ref lists reach the same people in the same way (touches, and each task's people). */
  private sameReach(a: Ref[], b: Ref[]): boolean {
    const view = (refs: Ref[]) => {
      const out: (string | number)[] = [];
      let line = -1;
      for (const ref of refs) {
        if (typeof ref === "number") line = ref;
        else {
          const target = this.reached(ref);
          if (target !== null) out.push(line, target);
        }
      }
      return out;
    };
    return sameData(view(a), view(b));
  }

  private addMiss(link: Link, entry: Entry): void {
    if (link.misses === null) link.misses = [entry];
    else if (!link.misses.includes(entry)) link.misses.push(entry);
  }

  /** Links a new entry everywhere (no list holds it yet). */
  private linkEntry(entry: Entry, mark = false): void {
    let inTask = false;
    let touched: string[] | null = null;
    let tasked: string[] | null = null;
    for (const ref of entry.refs) {
      if (typeof ref === "number") {
        inTask = true;
        continue;
      }
      const link = linkOf(ref);
      const target = this.reached(ref);
      if (target === null) {
        if (link.seen !== entry) {
          link.seen = entry;
          if (link.misses === null) link.misses = [entry];
          else link.misses.push(entry);
        }
      } else if (!inTask) {
        if (touched === null) touched = [target];
        else if (touched.includes(target)) continue;
        else touched.push(target);
        this.incoming.get(target)?.push(entry);
        if (mark) this.dirty.add(target);
      } else {
        if (tasked === null) tasked = [target];
        else if (tasked.includes(target)) continue;
        else tasked.push(target);
        const list = this.taskers.get(target);
        if (list) list.push(entry);
        else this.taskers.set(target, [entry]);
      }
    }
    for (const ref of entry.refs) if (typeof ref !== "number") linkOf(ref).uses++;
    for (const ref of entry.refs) if (typeof ref !== "number") linkOf(ref).seen = null;
  }

  /** Moves an entry from the lists it was in (`before`) to the ones it belongs in now (`after`). */
  private relink(entry: Entry, before: Reach, after: Reach): void {
    for (const p of before.touched) {
      if (after.touched.includes(p)) continue;
      const list = this.incoming.get(p);
      if (list && removeItem(list, entry, true)) this.dirty.add(p);
    }
    for (const p of after.touched) {
      if (before.touched.includes(p)) continue;
      const list = this.incoming.get(p);
      if (list) {
        list.push(entry);
        this.dirty.add(p);
      }
    }
    for (const p of before.tasked) {
      if (after.tasked.includes(p)) continue;
      const list = this.taskers.get(p);
      if (list) {
        removeItem(list, entry, true);
        if (list.length === 0) this.taskers.delete(p);
      }
    }
    for (const p of after.tasked) {
      if (before.tasked.includes(p)) continue;
      const list = this.taskers.get(p);
      if (list) list.push(entry);
      else this.taskers.set(p, [entry]);
    }
    for (const link of before.missed) {
      if (after.missed.includes(link) || link.misses === null) continue;
      removeItem(link.misses, entry, false);
      if (link.misses.length === 0) link.misses = null;
    }
    for (const link of after.missed) {
      if (before.missed.includes(link)) continue;
      if (link.misses === null) link.misses = [entry];
      else link.misses.push(entry);
    }
  }

  /**
   * Works out again every link bearing a pending name, in the notes that mention that name: those that reach a
   * person of that name, and those that reach nobody through it. Nothing else in the vault is looked at.
   */
  private settle(): void {
    if (this.pendingKeys.size === 0) return;
    const pending = new Set(this.pendingKeys);
    const keys = [...pending];
    this.pendingKeys.clear();
    const affected = new Set<Entry>();
    for (const key of keys) {
      for (let link = this.linksByKey.get(key) ?? null; link !== null; link = link.next) for (const entry of link.misses ?? []) affected.add(entry);
      for (const person of this.peopleByKey.get(key) ?? []) {
        for (const entry of this.incoming.get(person) ?? []) affected.add(entry);
        for (const entry of this.taskers.get(person) ?? []) affected.add(entry);
      }
    }
    const before = new Map<Entry, Reach>();
    for (const entry of affected) before.set(entry, this.reach(entry.refs));
    for (const key of keys) for (let link = this.linksByKey.get(key) ?? null; link !== null; link = link.next) link.fresh = false;
    for (const [entry, reach] of before) {
      if (this.entries.get(entry.path) !== entry) continue;
      entry.refs = entry.refs.map((ref) => {
        if (typeof ref === "number") return ref;
        const link = linkOf(ref);
        // A note's own answer for a link whose name is not pending still holds.
        return ref instanceof Bound && !pending.has(link.key) ? ref : this.refFor(link, entry.path);
      });
      this.relink(entry, reach, this.reach(entry.refs));
    }
  }
}

/** Collects a note's refs as shared (not yet worked out) links: touches first, then each open task. */
class RefCollector implements LinkSink {
  private readonly refs: Ref[] = [];
  private touches = 0;

  constructor(private readonly intern: (text: string) => Link) {}

  /** The refs of one note, in an array of exactly their number (the collector's own array is reused). */
  collect(meta: CachedMetadata, dated: boolean): Ref[] {
    this.refs.length = 0;
    this.touches = 0;
    scanLinks(meta, dated, this);
    return this.refs.length === 0 ? [] : this.refs.slice();
  }

  touch(linkpath: string): void {
    const link = this.intern(linkpath);
    // Each link counts once among a note's touches.
    for (let i = 0; i < this.touches; i++) if (this.refs[i] === link) return;
    this.refs.push(link);
    this.touches++;
  }

  task(line: number): void {
    this.refs.push(line);
  }

  taskLink(linkpath: string): void {
    this.refs.push(this.intern(linkpath));
  }
}
