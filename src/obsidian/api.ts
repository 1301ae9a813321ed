/**
 * The plugin's public API (`app.plugins.getPlugin("network-notes").api`): plain data for other plugins,
 * Templater or Dataview scripts, and for our own tests of the built bundle.
 */
import type { App, EventRef } from "obsidian";
import { readTaskCommitments } from "./taskText";
import { dayFromISO, today, type Day } from "../domain/dates";
import type { DailyNoteConfig } from "../domain/datedNotes";
import type { PersonStatus } from "../domain/due";
import type { Person } from "../domain/person";
import type { Translate } from "../i18n";
import { buildDigest, describeProblem, type Digest, type ProblemEntry } from "../report/digest";
import type { PersonClassifier } from "../domain/classify";
import type { PeopleIndexer } from "./PeopleIndexer";
import type { FollowThrough } from "./FollowThrough";
import type { Routine, RoutineModel } from "./Routine";
import { balanceOf, type Balance } from "../domain/balance";

export interface NetworkNotesApi {
  readonly revision: number;
  ready(): boolean;
  people(): Person[];
  /** The person whose note is at `path`, if it is a person note. */
  person(path: string): Person | undefined;
  statuses(date?: string): PersonStatus[];
  digest(date?: string): Digest;
  problems(date?: string): ProblemEntry[];
  dailyNoteConfig(): DailyNoteConfig | null;
  /** The digest with open tasks that are commitments included (their words are read from the notes). */
  fullDigest(date?: string): Promise<Digest>;
  /** Today's loose-touch routine as the sidebar shows it: picks, due, follow-ups, new acquaintances, birthdays. */
  routine(): RoutineModel;
  /** Give before you ask: the balance of gives and asks for a person. */
  balance(path: string, date?: string): Balance | null;
  /** The follow-through actions (log, commitments, tiers, snooze, pause, undo). */
  readonly actions: FollowThrough;
  onChange(callback: (revision: number) => void): EventRef;
  offChange(ref: EventRef): void;
}

function dayOf(date: string | undefined): Day {
  if (date === undefined) return today();
  const day = dayFromISO(date);
  if (day === null) throw new Error(`Not a date (YYYY-MM-DD): ${date}`);
  return day;
}

export function createApi(app: App, indexer: PeopleIndexer, t: () => Translate, classifier: () => PersonClassifier, actions: FollowThrough, routine: Routine): NetworkNotesApi {
  const index = () => indexer.index; // made on first use, not in onload
  return {
    get revision() {
      return index().revision;
    },
    ready: () => indexer.ready,
    people: () => index().allPeople(),
    person: (path) => index().getPerson(path),
    statuses: (date) => index().statuses(dayOf(date)),
    digest: (date) => buildDigest(index(), dayOf(date), t(), classifier().describe()),
    fullDigest: async (date) => {
      const day = dayOf(date);
      return buildDigest(index(), day, t(), classifier().describe(), await readTaskCommitments(app, index(), day, undefined, routine.sectionHeading()));
    },
    routine: () => routine.model(),
    problems: (date) => index().problems(dayOf(date)).map((p) => describeProblem(p, t())),
    dailyNoteConfig: () => indexer.daily,
    balance: (path, date) => {
      const person = index().getPerson(path);
      return person ? balanceOf(person.log, dayOf(date)) : null;
    },
    actions,
    onChange: (callback) => indexer.onChange(callback),
    offChange: (ref) => indexer.offChange(ref),
  };
}
