/**
 * The one index of people and touches, fed one note at a time from metadata (never from file text). Pure: the
 * plugin feeds it from Obsidian's metadata cache, the CLI from its own parse of the files, so both agree.
 *
 * It keeps three things:
 * - people: every person note, read into a `Person`;
 * - sources: every dated note (daily note or note with a date property) with the links in it that count as
 *   touches, and where each link resolves;
 * - incoming: for each person, the dated notes that touch them.
 * A change to one note updates only that note's entries. `revision` moves only when something really changed.
 */
import type { CachedMetadata } from "obsidian";
import type { PersonClassifier } from "../domain/classify";
import { dayToISO, parseDay, type Day } from "../domain/dates";
import { lastTouchOf, statusOf, type LastTouch, type PersonStatus } from "../domain/due";
import { readPerson, type Person, type PersonContext } from "../domain/person";
import type { Problem } from "../domain/problems";
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
  links: string[];
  /** Where each link resolved when the note was read (null: unresolved). */
  hits: (string | null)[];
}

export interface IndexConfig {
  context: PersonContext;
  classifier: PersonClassifier;
  resolve: LinkResolve;
}

const lowerBase = (linkpath: string) => linkpath.slice(linkpath.lastIndexOf("/") + 1).replace(/\.md$/i, "").toLowerCase();
const lowerBaseOfPath = (path: string) => lowerBase(path);

export class PeopleIndex {
  private readonly people = new Map<string, Person>();
  private readonly signatures = new Map<string, string>();
  private readonly sources = new Map<string, Source>();
  private readonly incoming = new Map<string, Set<string>>();
  /** People added since the last query whose incoming touches still have to be found. */
  private readonly pendingPeople = new Set<string>();
  private statusCache: { revision: number; today: Day; list: PersonStatus[] } | null = null;
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
    this.signatures.clear();
    this.sources.clear();
    this.incoming.clear();
    this.pendingPeople.clear();
    this.bump();
  }

  /** Loads many notes at once (start-up or rebuild): one pass, one revision step. */
  load(notes: Iterable<IndexedNote>): void {
    for (const note of notes) this.apply(note, false);
    this.rebuildIncoming();
    this.bump();
  }

  /** A note was created or changed. Returns whether anything the index knows changed. */
  update(note: IndexedNote): boolean {
    const changed = this.apply(note, true);
    if (changed) this.bump();
    return changed;
  }

  /** A note was deleted. */
  remove(path: string): boolean {
    const changed = this.dropPerson(path) || this.dropSource(path);
    if (changed) this.bump();
    return changed;
  }

  /** A note was renamed or moved: its history moves with it. */
  rename(oldPath: string, note: IndexedNote): boolean {
    const person = this.people.get(oldPath);
    if (person) {
      const touchers = this.incoming.get(oldPath);
      this.people.delete(oldPath);
      this.signatures.delete(oldPath);
      this.incoming.delete(oldPath);
      this.people.set(note.path, person);
      this.incoming.set(note.path, touchers ?? new Set());
      for (const sourcePath of touchers ?? []) {
        const source = this.sources.get(sourcePath);
        if (source) source.hits = source.hits.map((h) => (h === oldPath ? note.path : h));
      }
    }
    const source = this.sources.get(oldPath);
    if (source) {
      this.sources.delete(oldPath);
      this.sources.set(note.path, source);
      for (const hit of source.hits) {
        const set = hit === null ? undefined : this.incoming.get(hit);
        if (set?.delete(oldPath)) set.add(note.path);
      }
    }
    this.apply(note, true);
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
    return person ? lastTouchOf(person, this.datedTouches(path), today) : null;
  }

  /** Every person's status on `today`; cached until the next change or another day. */
  statuses(today: Day): PersonStatus[] {
    this.flushPending();
    const cached = this.statusCache;
    if (cached && cached.revision === this._revision && cached.today === today) return cached.list;
    const settings = this.config.context.settings;
    const list: PersonStatus[] = [];
    for (const person of this.people.values()) {
      list.push(statusOf(person, lastTouchOf(person, this.datedTouches(person.path), today), settings, today));
    }
    this.statusCache = { revision: this._revision, today, list };
    return list;
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

  /** Reads one note into the index; returns whether anything changed. */
  private apply(note: IndexedNote, linkEdges: boolean): boolean {
    const { context, classifier } = this.config;
    if (classifier.isPerson(note.path, note.meta)) {
      const droppedSource = this.dropSource(note.path);
      const person = readPerson(note.path, note.ctime, note.meta, context);
      const signature = JSON.stringify(person);
      const isNew = !this.people.has(note.path);
      if (!isNew && this.signatures.get(note.path) === signature) return droppedSource;
      this.people.set(note.path, person);
      this.signatures.set(note.path, signature);
      if (isNew) {
        this.incoming.set(note.path, new Set());
        if (linkEdges) this.pendingPeople.add(note.path);
      }
      return true;
    }
    const droppedPerson = this.dropPerson(note.path);
    const day = this.dayOf(note);
    if (day === null) return this.dropSource(note.path) || droppedPerson;
    const links = note.meta ? touchLinkpaths(note.meta) : [];
    const hits = links.map((l) => (l === "" ? null : this.config.resolve(l, note.path)));
    const old = this.sources.get(note.path);
    if (old && old.day === day && sameList(old.hits, hits)) {
      old.links = links;
      return droppedPerson;
    }
    if (old) this.unlinkSource(note.path, old);
    const source: Source = { day, links, hits };
    this.sources.set(note.path, source);
    if (linkEdges) this.linkSource(note.path, source);
    return true;
  }

  private dayOf(note: IndexedNote): Day | null {
    const daily = this.config.context.daily.dayOfPath(note.path);
    if (daily !== null) return daily;
    const value: unknown = note.meta?.frontmatter?.[this.config.context.settings.keys.noteDate];
    return value === undefined || value === null ? null : parseDay(value);
  }

  private linkSource(path: string, source: Source): void {
    for (const hit of source.hits) if (hit !== null) this.incoming.get(hit)?.add(path);
  }

  private unlinkSource(path: string, source: Source): void {
    for (const hit of source.hits) if (hit !== null) this.incoming.get(hit)?.delete(path);
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
    this.signatures.delete(path);
    this.incoming.delete(path);
    this.pendingPeople.delete(path);
    return true;
  }

  private rebuildIncoming(): void {
    for (const set of this.incoming.values()) set.clear();
    for (const path of this.people.keys()) if (!this.incoming.has(path)) this.incoming.set(path, new Set());
    for (const [path, source] of this.sources) this.linkSource(path, source);
    this.pendingPeople.clear();
  }

  /**
   * New people may already be linked from dated notes: either the link resolved to their path before the note
   * became a person (a tag was added), or it was unresolved because the note did not exist yet. One pass over
   * the sources finds both, for all new people at once.
   */
  private flushPending(): void {
    if (this.pendingPeople.size === 0) return;
    const byName = new Map<string, string>();
    for (const path of this.pendingPeople) byName.set(lowerBaseOfPath(path), path);
    for (const [sourcePath, source] of this.sources) {
      for (let i = 0; i < source.hits.length; i++) {
        let hit = source.hits[i] ?? null;
        if (hit === null) {
          const link = source.links[i] ?? "";
          if (!byName.has(lowerBase(link))) continue;
          hit = this.config.resolve(link, sourcePath);
          source.hits[i] = hit;
        }
        if (hit !== null && this.pendingPeople.has(hit)) this.incoming.get(hit)?.add(sourcePath);
      }
    }
    this.pendingPeople.clear();
  }
}

function sameList(a: (string | null)[], b: (string | null)[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
