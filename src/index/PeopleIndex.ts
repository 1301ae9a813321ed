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
 *   (as shared link objects, not texts), stored by column (src/index/entries.ts): an entry is a number;
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
import { showValue, type Problem } from "../domain/problems";
import { EntryStore } from "./entries";
import { NameCounts, nameHash, pathNameHash } from "./names";
import { scanLinks, type LinkSink } from "./scan";

export interface IndexedNote {
  path: string;
  /** Creation time in ms, used as the estimate for people never touched. */
  ctime: number;
  /** The note's metadata; for a note given as `scanned` and not a person, null will do. */
  meta: CachedMetadata | null;
  /**
   * What an earlier load found in this very note with this configuration (see `ScanObserver`), so that a load into
   * an empty index need not look at its metadata again. Only a load into an empty index takes it.
   */
  scanned?: ScannedNote;
}

/**
 * What a load finds in a note: a person (read from the metadata), or any other note's day and refs (link texts
 * that count as touches first, then each open task's line followed by its links), as the index takes them.
 */
export type ScannedNote = { person: true } | { person: false; day: Day | null; refs: readonly (string | number)[] };

/** Hears, during a load into an empty index, what was found in each note. */
export type ScanObserver = (path: string, scanned: ScannedNote) => void;

/** Resolves a link text (no subpath) written in `sourcePath` to a vault path, as Obsidian would. */
export type LinkResolve = (linkpath: string, sourcePath: string) => string | null;

/** An open task somewhere in the vault that is a commitment to a person (its text is read when shown). */
export interface TaskRef {
  path: string;
  line: number;
  person: string;
}

/** A load in progress (see `PeopleIndex.loadInSlices`). */
export interface IndexLoad {
  /** Works for about `budgetMs` (at least one step); returns whether the load is done. */
  run(budgetMs: number): boolean;
  readonly done: boolean;
}

/** Notes (or entries) a load handles between two looks at the clock. */
const STEP = 128;

/** How long one slice of a load in slices should hold the thread (what the plugin passes to `IndexLoad.run`). */
export const LOAD_SLICE_MS = 10;

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
  misses: number[] | null = null;
  /** How many times entries refer to it; at zero it is forgotten. */
  uses = 0;
  /** The next link with the same key. */
  next: Link | null = null;
  /** Scratch while linking one entry: the entry that last counted this link as a miss. */
  seen = -1;
  /** During a bulk load only: the incoming list of the person it lands on (saves a lookup per link). */
  list: EntryId[] | null = null;

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
 * An entry is a note that is not a person but matters: a dated note (its day and touch links) and/or a note with
 * open tasks that link something (each task's line followed by its links). Touch refs come first; a number starts a
 * task. Entries are numbers into an `EntryStore`.
 */
type EntryId = number;

const linkOf = (ref: Link | Bound): Link => (ref instanceof Bound ? ref.link : ref);

const NO_REFS: readonly Ref[] = [];
const PERSON: ScannedNote = { person: true };

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
  private readonly entries = new EntryStore<Ref>();
  /** Notes that are neither people nor entries (known so that their names are counted once). */
  private readonly others = new Set<string>();
  private datedCount = 0;
  private readonly links = new Map<string, Link>();
  /** The first link with each key; the rest follow through `Link.next`. */
  private readonly linksByKey = new Map<string, Link>();
  private readonly incoming = new Map<string, EntryId[]>();
  private readonly taskers = new Map<string, EntryId[]>();
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
  /** Moves whenever a person is added, changed or dropped (what `problems` reads). */
  private peopleVersion = 0;
  private problemsCache: { version: number; today: Day; list: Problem[] } | null = null;
  /** Scratch list for linking one entry. */
  private readonly scratch: string[] = [];
  private _revision = 0;

  /** `revision`: where the revision counts on from (an index that replaces another starts after that one's). */
  constructor(private config: IndexConfig, revision = 0) {
    this._revision = revision;
  }

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
    this.peopleVersion++;
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
  load(notes: Iterable<IndexedNote>, observe?: ScanObserver): void {
    const steps = this.loadSteps(notes, observe);
    while (steps.next().done !== true);
  }

  /**
   * The same load, a slice at a time, so that a big vault never holds the thread for long: each `run(budgetMs)`
   * works until about `budgetMs` have passed and returns whether the load is done. Until it is, the index must not
   * be asked or changed (the plugin loads into an index of its own and shows it once loaded).
   */
  loadInSlices(notes: Iterable<IndexedNote>): IndexLoad {
    const steps = this.loadSteps(notes);
    let done = false;
    return {
      get done() {
        return done;
      },
      run(budgetMs: number): boolean {
        const until = performance.now() + budgetMs;
        while (!done) {
          done = steps.next().done === true;
          if (performance.now() >= until) break;
        }
        return done;
      },
    };
  }

  /** The load's work, pausing (a `yield`) every few notes. */
  private *loadSteps(notes: Iterable<IndexedNote>, observe?: ScanObserver): Generator<void, void, undefined> {
    this.settle();
    if (this.people.size === 0 && this.entries.size === 0 && this.others.size === 0) yield* this.loadEmpty(notes, observe);
    else {
      let n = 0;
      for (const note of notes) {
        if (note.scanned !== undefined) throw new Error("A scanned note can only be loaded into an empty index");
        this.apply(note);
        if (++n % STEP === 0) yield;
      }
    }
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
    for (const id of this.incoming.get(path) ?? []) {
      const day = this.entries.day(id);
      if (day !== null) out.push([this.entries.path(id), day]);
    }
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

  /** One person's status on `today`, as `statuses(today)` lists it (undefined: not a person). */
  status(path: string, today: Day): PersonStatus | undefined {
    const list = this.statuses(today);
    const slot = this.statusSlot.get(path);
    return slot === undefined ? undefined : list[slot];
  }

  /**
   * Everything wrong with person notes, including what depends on the day (a last touch in the future). Worked out
   * again only when a person changed or the day did (the routine asks after every change, most of them to dated
   * notes); each call gets its own array.
   */
  problems(today: Day): Problem[] {
    if (this.problemsCache?.version !== this.peopleVersion || this.problemsCache.today !== today) {
      this.problemsCache = { version: this.peopleVersion, today, list: this.workOutProblems(today) };
    }
    return this.problemsCache.list.slice();
  }

  private workOutProblems(today: Day): Problem[] {
    const out: Problem[] = [];
    const key = this.config.context.settings.keys.lastTouch;
    for (const person of this.people.values()) {
      out.push(...person.problems);
      // Two person notes with one name: a bare [[Name]] reaches only one of them.
      // Sorted, so the message does not depend on the order the notes were indexed in.
      const others = (this.peopleByKey.get(nameKey(person.path)) ?? []).filter((p) => p !== person.path).sort();
      if (others.length > 0) out.push({ path: person.path, key: null, value: showValue(others.join(", ")), code: "name-shared" });
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
    // The best entry by number, its path read only on a tie (no object per improvement).
    let bestDay = 0;
    let bestId = -1;
    for (const id of this.incoming.get(path) ?? []) {
      const day = this.entries.day(id);
      if (day === null || day > today) continue;
      if (bestId < 0 || day > bestDay) {
        bestDay = day;
        bestId = id;
      } else if (day === bestDay && this.entries.path(id) < this.entries.path(bestId)) bestId = id;
    }
    return bestId < 0 ? null : { day: bestDay, path: this.entries.path(bestId) };
  }

  // ── tasks ────────────────────────────────────────────────────────────────────────────────

  private tasksOf(person: string): TaskRef[] {
    const p = this.people.get(person);
    if (!p) return [];
    const out: TaskRef[] = p.ownOpenTasks.map((line) => ({ path: person, line, person }));
    for (const id of this.taskers.get(person) ?? []) this.entryTasks(id, person, out);
    return out;
  }

  private allTasks(): TaskRef[] {
    const out: TaskRef[] = [];
    for (const p of this.people.values()) for (const line of p.ownOpenTasks) out.push({ path: p.path, line, person: p.path });
    for (const id of this.entries.ids()) this.entryTasks(id, null, out);
    return out;
  }

  /** The open tasks of an entry that link a person (only `person`, when given), each person once a task. */
  private entryTasks(id: EntryId, person: string | null, out: TaskRef[]): void {
    let line = -1;
    let first = out.length;
    const start = this.entries.start(id);
    const end = start + this.entries.length(id);
    for (let at = start; at < end; at++) {
      const ref = this.entries.ref(at);
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
      if (!seen) out.push({ path: this.entries.path(id), line, person: target });
    }
  }

  // ── notes ────────────────────────────────────────────────────────────────────────────────

  private knows(path: string): boolean {
    return this.people.has(path) || this.entries.id(path) !== undefined || this.others.has(path);
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
  private *loadEmpty(notes: Iterable<IndexedNote>, observe?: ScanObserver): Generator<void, void, undefined> {
    const collector = new RefCollector(this.intern);
    this.names.beginLoad();
    let n = 0;
    for (const note of notes) {
      this.loadNote(note, collector, observe);
      if (++n % STEP === 0) yield;
    }
    this.names.endLoad();
    yield;
    // Every person is known now: work out where each link lands, and who each entry reaches.
    for (const id of this.entries.ids()) {
      this.linkLoaded(id);
      if (++n % STEP === 0) yield;
    }
    // Lists grown one push at a time keep spare room: give it back.
    for (const [path, list] of this.incoming) {
      this.incoming.set(path, list.slice());
      if (++n % STEP === 0) yield;
    }
    for (const [path, list] of this.taskers) this.taskers.set(path, list.slice());
    for (const link of this.links.values()) {
      if (link.misses !== null) link.misses = link.misses.slice();
      link.list = null;
      if (++n % (STEP * 4) === 0) yield;
    }
    this.entries.trim();
    this.pendingKeys.clear();
  }

  /** One note of a bulk load: a person is read; any other note's refs are collected, not yet worked out. */
  private loadNote(note: IndexedNote, collector: RefCollector, observe?: ScanObserver): void {
    const path = note.path;
    this.names.addLoading(pathNameHash(path));
    const scanned = note.scanned;
    if (scanned === undefined ? this.config.classifier.isPerson(path, note.meta) : scanned.person) {
      const person = readPerson(path, note.ctime, note.meta, this.config.context);
      if (this.people.has(path)) {
        this.people.set(path, person);
        this.peopleVersion++;
      } else this.addPerson(person);
      observe?.(path, PERSON);
      return;
    }
    let day: Day | null;
    let refs: readonly Ref[];
    if (scanned === undefined) {
      day = this.dayOf(note);
      refs = note.meta ? collector.collect(note.meta, day !== null) : NO_REFS;
      observe?.(path, { person: false, day, refs: refs.map((ref) => (typeof ref === "number" ? ref : (ref as Link).text)) });
    } else if (!scanned.person) {
      day = scanned.day;
      refs = scanned.refs.map((ref) => (typeof ref === "number" ? ref : this.intern(ref)));
    } else return;
    if (day === null && refs.length === 0) this.others.add(path);
    // A path met twice: the later entry takes the path, the earlier one is never linked.
    else this.entries.add(path, day, refs);
  }

  /** One entry of a bulk load, once every person is known: where its links land, and who it reaches. */
  private linkLoaded(id: EntryId): void {
    if (this.entries.day(id) !== null) this.datedCount++;
    const path = this.entries.path(id);
    const start = this.entries.start(id);
    const end = start + this.entries.length(id);
    for (let at = start; at < end; at++) {
      const ref = this.entries.ref(at);
      if (typeof ref !== "number") this.entries.setRef(at, this.refFor(ref as Link, path));
    }
    this.linkEntry(id, false);
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
        this.peopleVersion++;
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
    this.peopleVersion++;
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
    this.peopleVersion++;
    const key = nameKey(path);
    const same = this.peopleByKey.get(key);
    if (same) {
      removeItem(same, path, true);
      if (same.length === 0) this.peopleByKey.delete(key);
    }
    for (const list of [this.incoming.get(path), this.taskers.get(path)]) {
      for (const id of list ?? []) {
        const start = this.entries.start(id);
        const end = start + this.entries.length(id);
        for (let at = start; at < end; at++) {
          const ref = this.entries.ref(at);
          if (typeof ref !== "number" && ref.target === path) this.addMiss(linkOf(ref), id);
        }
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
    const collected = note.meta ? new RefCollector(this.intern).collect(note.meta, day !== null) : NO_REFS;
    const id = this.entries.id(note.path);
    if (day === null && collected.length === 0) {
      this.others.add(note.path);
      return this.dropEntry(note.path);
    }
    this.others.delete(note.path);
    const refs = collected.map((ref) => (typeof ref === "number" ? ref : this.refFor(ref as Link, note.path)));
    if (id === undefined) {
      const added = this.entries.add(note.path, day, refs);
      if (day !== null) this.datedCount++;
      this.linkEntry(added, true);
      return day !== null || this.reach(refs).tasked.length > 0;
    }
    const oldRefs = this.entries.refs(id);
    const oldDay = this.entries.day(id);
    const before = this.reach(oldRefs);
    const sameView = oldDay === day && this.sameReach(oldRefs, refs);
    // Count the new references before releasing the old ones, so a link in both is never forgotten in between.
    for (const ref of refs) if (typeof ref !== "number") linkOf(ref).uses++;
    for (const ref of oldRefs) if (typeof ref !== "number") this.release(linkOf(ref));
    if (oldDay !== day) {
      if (oldDay === null) this.datedCount++;
      else if (day === null) this.datedCount--;
      // Its day moved: the people it touches must be worked out again.
      for (const p of before.touched) this.dirty.add(p);
    }
    this.entries.setDay(id, day);
    this.entries.setRefs(id, refs);
    this.relink(id, before, this.reach(refs));
    return !sameView;
  }

  private dropEntry(path: string): boolean {
    const id = this.entries.id(path);
    if (id === undefined) return false;
    const refs = this.entries.refs(id);
    const day = this.entries.day(id);
    const before = this.reach(refs);
    this.relink(id, before, { touched: [], tasked: [], missed: [] });
    this.entries.remove(id);
    if (day !== null) this.datedCount--;
    for (const ref of refs) if (typeof ref !== "number") this.release(linkOf(ref));
    return day !== null || before.tasked.length > 0;
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

  private reach(refs: readonly Ref[]): Reach {
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
  private sameReach(a: readonly Ref[], b: readonly Ref[]): boolean {
    const view = (refs: readonly Ref[]) => {
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

  private addMiss(link: Link, id: EntryId): void {
    if (link.misses === null) link.misses = [id];
    else if (!link.misses.includes(id)) link.misses.push(id);
  }

  /** Links a new entry everywhere (no list holds it yet). */
  private linkEntry(id: EntryId, incremental: boolean): void {
    let inTask = false;
    const touched = this.scratch;
    touched.length = 0;
    let tasked: string[] | null = null;
    const start = this.entries.start(id);
    const end = start + this.entries.length(id);
    for (let at = start; at < end; at++) {
      const ref = this.entries.ref(at);
      if (typeof ref === "number") {
        inTask = true;
        continue;
      }
      const link = linkOf(ref);
      link.uses++;
      // In a bulk load every target was just worked out; later, a person may have left earlier in the same change.
      const target = incremental ? this.reached(ref) : (ref.target ?? null);
      if (target === null) {
        if (link.seen !== id) {
          link.seen = id;
          if (link.misses === null) link.misses = [id];
          else link.misses.push(id);
        }
      } else if (!inTask) {
        if (touched.includes(target)) continue;
        touched.push(target);
        (incremental || ref instanceof Bound ? this.incoming.get(target) : (link.list ??= this.incoming.get(target) ?? null))?.push(id);
        if (incremental) this.dirty.add(target);
      } else {
        if (tasked === null) tasked = [target];
        else if (tasked.includes(target)) continue;
        else tasked.push(target);
        const list = this.taskers.get(target);
        if (list) list.push(id);
        else this.taskers.set(target, [id]);
      }
    }
    for (let at = start; at < end; at++) {
      const ref = this.entries.ref(at);
      if (typeof ref !== "number") linkOf(ref).seen = -1;
    }
  }

  /** Moves an entry from the lists it was in (`before`) to the ones it belongs in now (`after`). */
  private relink(entry: EntryId, before: Reach, after: Reach): void {
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
    const affected = new Set<EntryId>();
    for (const key of keys) {
      for (let link = this.linksByKey.get(key) ?? null; link !== null; link = link.next) for (const entry of link.misses ?? []) affected.add(entry);
      for (const person of this.peopleByKey.get(key) ?? []) {
        for (const entry of this.incoming.get(person) ?? []) affected.add(entry);
        for (const entry of this.taskers.get(person) ?? []) affected.add(entry);
      }
    }
    const before = new Map<EntryId, Reach>();
    for (const id of affected) before.set(id, this.reach(this.entries.refs(id)));
    for (const key of keys) for (let link = this.linksByKey.get(key) ?? null; link !== null; link = link.next) link.fresh = false;
    for (const [id, reach] of before) {
      const path = this.entries.path(id);
      const start = this.entries.start(id);
      const end = start + this.entries.length(id);
      for (let at = start; at < end; at++) {
        const ref = this.entries.ref(at);
        if (typeof ref === "number") continue;
        const link = linkOf(ref);
        // A note's own answer for a link whose name is not pending still holds.
        if (!(ref instanceof Bound) || pending.has(link.key)) this.entries.setRef(at, this.refFor(link, path));
      }
      this.relink(id, reach, this.reach(this.entries.refs(id)));
    }
  }
}

/** Collects a note's refs as shared (not yet worked out) links: touches first, then each open task. */
class RefCollector implements LinkSink {
  private readonly refs: Ref[] = [];
  private touches = 0;

  constructor(private readonly intern: (text: string) => Link) {}

  /** The refs of one note, in the collector's own array (reused by the next call). */
  collect(meta: CachedMetadata, dated: boolean): readonly Ref[] {
    this.refs.length = 0;
    this.touches = 0;
    scanLinks(meta, dated, this);
    return this.refs;
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
