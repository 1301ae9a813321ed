/**
 * Today's loose-touch routine for the plugin: the model the view, the status bar, the code block and the daily
 * note share, worked out once per index revision and day. Today's picks are kept (per vault, on this device) so
 * they stay the same after a restart or a re-index; a new day chooses again.
 */
import type { App } from "obsidian";
import { dayToISO, today as todayDay, type Day } from "../domain/dates";
import type { PersonStatus } from "../domain/due";
import type { PeopleIndex } from "../index/PeopleIndex";
import type { CommitmentEntry } from "../report/digest";
import { SortedRows } from "../report/sortedRows";
import {
  birthdayRowOf, commitmentRowsOf, compareBirthdays, compareCommitments, compareDue, compareNew, dueRowOf, glance, mergeSorted, newRowOf, pickRows, planForToday, touchDays,
  type BirthdayRow, type DayPlan, type DueRow, type Glance, type NewRow, type PickRow, type RoutineOptions,
} from "../report/looseTouch";
import type { NetworkNotesSettings } from "../settings/schema";
import { NoteLines, readTaskCommitments } from "./taskText";

const PLAN_KEY = "network-notes-plan";

export interface RoutineModel {
  date: string;
  revision: number;
  people: number;
  /** How many notes have a problem (the link says "N notes need a look"). */
  problems: number;
  picks: PickRow[];
  done: number;
  due: DueRow[];
  /** Commitments from properties; open tasks are added by `withTasks`. */
  followUps: CommitmentEntry[];
  newPeople: NewRow[];
  birthdays: BirthdayRow[];
}

function isPlan(value: unknown): value is DayPlan {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Partial<DayPlan>;
  return typeof v.date === "string" && Array.isArray(v.picks) && Array.isArray(v.skipped)
    && v.picks.every((p) => typeof p === "object" && p !== null && typeof p.path === "string" && ["share", "follow-through", "thanks"].includes(p.move))
    && v.skipped.every((s) => typeof s === "string");
}

export class Routine {
  private cached: { key: string; model: RoutineModel } | null = null;
  private tasksCache: { key: string; tasks: Promise<CommitmentEntry[]> } | null = null;
  private glanceCache: { key: string; glance: Glance } | null = null;
  /** The task notes' lines, read again only when a note changed; and the last merged follow-up list. */
  private readonly noteLines = new NoteLines();
  private merged: { tasks: CommitmentEntry[]; properties: CommitmentEntry[]; all: CommitmentEntry[] } | null = null;
  private planVersion = 0;
  /** The due list and the follow-ups, kept in order as statuses change rather than sorted again. */
  private readonly dueSorted = new SortedRows<DueRow>((s) => dueRowOf(s, this.today()), compareDue);
  private readonly followSorted = new SortedRows<CommitmentEntry>((s) => commitmentRowsOf(s, this.today()), compareCommitments);
  private readonly windowed = new Map<string, { within: number; rows: SortedRows<never> }>();

  /** A kept-in-order list whose rows depend on a window setting: started again when the setting changes. */
  private sortedFor<T>(name: string, within: number, rowsOf: (s: PersonStatus, within: number) => readonly T[], compare: (a: T, b: T) => number): SortedRows<T> {
    const kept = this.windowed.get(name);
    if (kept?.within === within) return kept.rows as unknown as SortedRows<T>;
    const rows = new SortedRows<T>((s) => rowsOf(s, within), compare);
    this.windowed.set(name, { within, rows: rows as unknown as SortedRows<never> });
    return rows;
  }

  constructor(
    private readonly app: App,
    private readonly index: () => PeopleIndex,
    private readonly settings: () => NetworkNotesSettings,
    private readonly clock: () => Day = () => todayDay(),
  ) {}

  today(): Day {
    return this.clock();
  }

  sectionHeading(): string {
    return this.settings().dailySection.heading;
  }

  options(): RoutineOptions {
    return this.settings().routine;
  }

  private storedPlan(): DayPlan | null {
    const stored: unknown = this.app.loadLocalStorage(PLAN_KEY);
    return isPlan(stored) ? stored : null;
  }

  private savePlan(plan: DayPlan): void {
    this.app.saveLocalStorage(PLAN_KEY, plan);
    this.planVersion++;
  }

  /** Today's plan, chosen now if this is the first look today. */
  plan(statuses?: PersonStatus[]): DayPlan {
    const today = this.today();
    const stored = this.storedPlan();
    if (stored && stored.date === dayToISO(today)) return stored;
    const index = this.index();
    const list = statuses ?? index.statuses(today);
    const { plan } = planForToday(stored, list, this.followSorted.get(list), today, this.options());
    if (index.personCount > 0) this.savePlan(plan);
    return plan;
  }

  /** Leaves someone out of today's routine (or brings them back). */
  setSkipped(path: string, skipped: boolean): void {
    const plan = this.plan();
    const rest = plan.skipped.filter((p) => p !== path);
    this.savePlan({ ...plan, skipped: skipped ? [...rest, path] : rest });
    this.cached = null;
  }

  private key(): string {
    return `${this.index().revision}|${dayToISO(this.today())}|${this.planVersion}|${JSON.stringify(this.options())}`;
  }

  model(): RoutineModel {
    const key = this.key();
    if (this.cached?.key === key) return this.cached.model;
    const index = this.index();
    const today = this.today();
    const options = this.options();
    const statuses = index.statuses(today);
    const plan = this.plan(statuses);
    const picks = pickRows(plan, (path) => index.status(path, today), today, options);
    const follow = this.followSorted.get(statuses);
    const model: RoutineModel = {
      date: dayToISO(today),
      revision: index.revision,
      people: statuses.length,
      problems: new Set(index.problems(today).map((p) => p.path)).size,
      picks,
      done: picks.filter((p) => p.done || p.skipped).length,
      due: this.dueSorted.get(statuses),
      followUps: follow,
      newPeople: this.sortedFor("new", options.newAcquaintanceDays, (s, within) => newRowOf(s, this.today(), within), compareNew).get(statuses),
      birthdays: this.sortedFor("birthdays", options.birthdayDays, (s, within) => birthdayRowOf(s, this.today(), within), compareBirthdays).get(statuses),
    };
    this.cached = { key, model };
    return model;
  }

  /** Follow-ups including open tasks that link people (their words are read from the notes, once per revision). */
  async followUpsWithTasks(): Promise<CommitmentEntry[]> {
    const key = this.key();
    if (this.tasksCache?.key !== key) {
      const today = this.today();
      const read = readTaskCommitments(this.app, this.index(), today, undefined, this.sectionHeading(), this.noteLines);
      this.tasksCache = { key, tasks: read.then((tasks) => tasks.sort(compareCommitments)) };
    }
    const cache = this.tasksCache;
    const tasks = await cache.tasks;
    const properties = this.followSorted.get(this.index().statuses(this.today()));
    if (this.merged?.tasks === tasks && this.merged.properties === properties) return this.merged.all;
    const all = mergeSorted(properties, tasks, compareCommitments);
    this.merged = { tasks, properties, all };
    return all;
  }

  /** The network at a glance: worked out only when shown, once per revision. */
  glance(): Glance {
    const key = this.key();
    if (this.glanceCache?.key === key) return this.glanceCache.glance;
    const index = this.index();
    const today = this.today();
    const result = glance(index.statuses(today), (p) => touchDays(p, index.datedTouches(p.path)), today);
    this.glanceCache = { key, glance: result };
    return result;
  }

  /** One person's touch days, for the 12-month strip. */
  touchDaysOf(path: string): Day[] {
    const index = this.index();
    const person = index.getPerson(path);
    return person ? touchDays(person, index.datedTouches(path)) : [];
  }
}
