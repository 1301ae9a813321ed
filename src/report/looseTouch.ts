/**
 * The loose-touch routine as plain data: today's picks laid out as the three moves (share something, follow
 * through, say thanks), the due list, the follow-up checklist, new acquaintances, birthdays and the network at a
 * glance. Pure: the view, the daily-note section, the code block and the tests all read the same model.
 */
import { dayFromParts, dayToISO, dayToParts, type Day } from "../domain/dates";
import type { PersonStatus, TouchOrigin } from "../domain/due";
import type { Person } from "../domain/person";
import { TIERS, tierRank, type Tier } from "../domain/tiers";
import { balanceOf } from "../domain/balance";
import type { CommitmentEntry } from "./digest";
import { compareCommitments, rankDue, sortCommitments } from "./digest";

export type Move = "share" | "follow-through" | "thanks";

/** What is kept for the day so the picks stay the same after a restart or a re-index. */
export interface PickRef {
  move: Move;
  path: string;
  /** For a follow-through pick: the commitment exactly as written. */
  raw?: string;
}

export interface DayPlan {
  date: string;
  picks: PickRef[];
  /** People (paths) skipped for today. */
  skipped: string[];
}

export interface RoutineOptions {
  picksPerDay: number;
  thanksDays: number;
  newAcquaintanceDays: number;
  birthdayDays: number;
}

export interface PickRow {
  move: Move;
  path: string;
  name: string;
  tier: Tier | null;
  interests: string[];
  /** Days since the last touch (share), or since the thing to be thankful for (thanks). */
  daysSince: number | null;
  /** The commitment to follow through on. */
  commitment: { text: string; due: string | null; overdue: boolean; raw: string } | null;
  done: boolean;
  skipped: boolean;
  /** The note gone or no longer a person: kept in the plan, shown as gone. */
  missing: boolean;
}

export interface DueRow {
  path: string;
  name: string;
  tier: Tier | null;
  daysSince: number;
  estimate: boolean;
  lastTouchPath: string;
  lastTouchOrigin: TouchOrigin;
  cadence: number;
  daysOver: number;
  openCommitments: number;
  allAsks: boolean;
  asksSinceGive: number;
  interests: string[];
}

export interface NewRow { path: string; name: string; met: string; daysAgo: number; tier: Tier | null }

export interface BirthdayRow { path: string; name: string; date: string; inDays: number; age: number | null }

export interface Glance {
  people: number;
  byTier: Record<Tier | "untracked", number>;
  due: number;
  /** Touches per week, oldest first, the last entry the week that ends today. */
  weekly: number[];
}

/**
 * What each person contributes to the model, worked out once per status object. The index hands out the same
 * status object until that person (or the day) changes, so after one edit only that person is worked out again.
 */
interface Derived {
  commitments?: CommitmentEntry[];
  due?: DueRow;
  dueRows?: readonly DueRow[];
  thanks?: { within: number; day: Day | null };
  birthday?: { within: number; rows: readonly BirthdayRow[] };
  newRow?: { within: number; rows: readonly NewRow[] };
}

const derived = new WeakMap<PersonStatus, Derived>();

function derive(s: PersonStatus): Derived {
  let d = derived.get(s);
  if (!d) {
    d = {};
    derived.set(s, d);
  }
  return d;
}

/** A small, stable hash in [0, 1) for choosing among equals on a given day. */
export function dayHash(date: string, key: string): number {
  let h = 0x811c9dc5;
  const s = `${date}|${key}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

function slotsFor(count: number): { follow: number; thanks: number } {
  const side = Math.max(1, Math.round(count / 5));
  return count >= 3 ? { follow: side, thanks: side } : { follow: Math.min(1, count), thanks: 0 };
}

/** The day of the latest thing worth thanks: a first meeting, a catch-up, or help you asked for. */
export function thanksEvent(person: Person, today: Day, within: number): Day | null {
  let best: Day | null = null;
  const consider = (day: Day | null) => {
    if (day !== null && day <= today && today - day <= within && (best === null || day > best)) best = day;
  };
  consider(person.met);
  for (const e of person.log) if (e.kind === "met" || e.kind === "caught-up" || e.kind === "asked") consider(e.day);
  if (best === null) return null;
  const since: Day = best;
  // Already thanked: something given after it.
  if (person.log.some((e) => e.kind === "gave" && e.day >= since && e.day <= today)) return null;
  return since;
}

/**
 * Chooses today's picks: a follow-through on a commitment that is due, a thank-you to someone met or helpful
 * lately, and the rest from the due list with a mix of tiers. The same inputs and day give the same picks; a
 * different day reshuffles near-equals so the picks move on.
 */
export function choosePicks(statuses: PersonStatus[], mine: CommitmentEntry[], today: Day, options: RoutineOptions): PickRef[] {
  const date = dayToISO(today);
  const count = Math.max(0, Math.floor(options.picksPerDay));
  const slots = slotsFor(count);
  const taken = new Set<string>();
  const picks: PickRef[] = [];

  const dueNow = mine
    .filter((c) => c.direction === "mine" && !c.task && c.due !== null && c.due <= date)
    .sort((a, b) => (a.due ?? "").localeCompare(b.due ?? "") || a.name.localeCompare(b.name));
  for (const c of dueNow) {
    if (picks.length >= slots.follow) break;
    if (taken.has(c.path)) continue;
    taken.add(c.path);
    picks.push({ move: "follow-through", path: c.path, raw: c.raw });
  }

  const thankful: { path: string; day: Day }[] = [];
  for (const s of statuses) {
    if (s.person.paused) continue;
    const day = thanksEvent(s.person, today, options.thanksDays);
    if (day !== null) thankful.push({ path: s.person.path, day });
  }
  thankful.sort((a, b) => b.day - a.day || dayHash(date, a.path) - dayHash(date, b.path));
  let thanks = 0;
  for (const t of thankful) {
    if (thanks >= slots.thanks) break;
    if (taken.has(t.path)) continue;
    taken.add(t.path);
    picks.push({ move: "thanks", path: t.path });
    thanks++;
  }

  // Share: the due list by tier, near-equals reshuffled by day, then taken in turn from each tier.
  const shareSlots = count - picks.length;
  const byTier = new Map<Tier, { path: string; score: number }[]>();
  const ranked = rankDue(statuses);
  ranked.forEach((s, position) => {
    if (taken.has(s.person.path) || s.person.tier === null) return;
    const list = byTier.get(s.person.tier) ?? [];
    list.push({ path: s.person.path, score: position + dayHash(date, s.person.path) * Math.max(3, shareSlots * 2) });
    byTier.set(s.person.tier, list);
  });
  const queues = [...TIERS].sort((a, b) => tierRank(b) - tierRank(a)).map((tier) => (byTier.get(tier) ?? []).sort((a, b) => a.score - b.score));
  let added = 0;
  for (let round = 0; added < shareSlots && queues.some((q) => q.length > round); round++) {
    for (const queue of queues) {
      const next = queue[round];
      if (!next || added >= shareSlots) continue;
      picks.push({ move: "share", path: next.path });
      added++;
    }
  }
  return picks;
}

/** Today's plan: the stored one when it is today's, else a fresh choice. */
export function planForToday(stored: DayPlan | null, statuses: PersonStatus[], mine: CommitmentEntry[], today: Day, options: RoutineOptions): { plan: DayPlan; fresh: boolean } {
  const date = dayToISO(today);
  if (stored && stored.date === date) return { plan: stored, fresh: false };
  return { plan: { date, picks: choosePicks(statuses, mine, today, options), skipped: [] }, fresh: true };
}

export function pickRows(plan: DayPlan, statusOf: (path: string) => PersonStatus | undefined, today: Day, options: RoutineOptions): PickRow[] {
  const date = dayToISO(today);
  return plan.picks.map((ref) => {
    const s = statusOf(ref.path);
    const skipped = plan.skipped.includes(ref.path);
    if (!s) {
      const name = ref.path.slice(ref.path.lastIndexOf("/") + 1).replace(/\.md$/, "");
      return { move: ref.move, path: ref.path, name, tier: null, interests: [], daysSince: null, commitment: null, done: false, skipped, missing: true };
    }
    const p = s.person;
    const touchedToday = s.lastTouch !== null && !s.lastTouch.estimate && s.lastTouch.day === today;
    let commitment: PickRow["commitment"] = null;
    let done = touchedToday;
    if (ref.move === "follow-through") {
      const open = p.commitments.find((c) => c.raw === ref.raw);
      if (open) {
        const due = open.due === null ? null : dayToISO(open.due);
        commitment = { text: open.text, due, overdue: due !== null && due < date, raw: open.raw };
        done = false;
      } else {
        // Gone from the list: done when it was followed through today; otherwise it was edited or removed by
        // hand, and is shown as it was picked (completing it then says it changed).
        commitment = { text: ref.raw ?? "", due: null, overdue: false, raw: ref.raw ?? "" };
        done = p.log.some((e) => e.kind === "followed-through" && e.day === today);
      }
    }
    const since = ref.move === "thanks" ? thanksEvent(p, today, options.thanksDays) : null;
    const daysSince = ref.move === "thanks" && since !== null ? today - since : s.daysSince;
    return { move: ref.move, path: p.path, name: p.name, tier: p.tier, interests: p.interests, daysSince, commitment, done, skipped, missing: false };
  });
}

const collator = new Intl.Collator(undefined, { sensitivity: "base" });

/** The due list's order: furthest past the cadence (relative to it) first, closer tiers, then names. */
export function compareDue(a: DueRow, b: DueRow): number {
  return b.daysOver / (b.cadence || 1) - a.daysOver / (a.cadence || 1)
    || (b.tier ? tierRank(b.tier) : -1) - (a.tier ? tierRank(a.tier) : -1)
    || collator.compare(a.name, b.name) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}

/** Everyone due, in the due list's order (a full sort; the plugin keeps the order up to date with SortedRows). */
export function dueRows(statuses: PersonStatus[], today: Day): DueRow[] {
  const out: DueRow[] = [];
  for (const s of statuses) out.push(...dueRowOf(s, today));
  return out.sort(compareDue);
}

/** A due person's row (empty when not due), worked out once per status. */
export function dueRowOf(s: PersonStatus, today: Day): readonly DueRow[] {
  if (s.state !== "due") return NONE;
  const d = derive(s);
  if (!d.due) {
    const balance = balanceOf(s.person.log, today);
    d.due = {
      path: s.person.path,
      name: s.person.name,
      tier: s.person.tier,
      daysSince: s.daysSince ?? 0,
      estimate: s.lastTouch?.estimate ?? true,
      lastTouchPath: s.lastTouch?.path ?? s.person.path,
      lastTouchOrigin: s.lastTouch?.origin ?? "created",
      cadence: s.cadence ?? 0,
      daysOver: s.daysOver,
      openCommitments: s.person.commitments.length + s.person.expecting.length,
      allAsks: balance.allAsks,
      asksSinceGive: balance.asksSinceGive,
      interests: s.person.interests,
    };
  }
  d.dueRows ??= [d.due];
  return d.dueRows;
}

const NONE: readonly never[] = [];

/** A person's open commitments both ways as checklist rows, worked out once per status. */
export function commitmentRowsOf(s: PersonStatus, today: Day): readonly CommitmentEntry[] {
  if (s.person.commitments.length + s.person.expecting.length === 0) return NONE;
  const d = derive(s);
  d.commitments ??= [...s.person.commitments, ...s.person.expecting].map((c) => ({
    name: s.person.name, path: s.person.path, direction: c.direction, text: c.text,
    due: c.due === null ? null : dayToISO(c.due), overdue: c.due !== null && c.due < today,
    openDays: c.created === null ? null : today - c.created, raw: c.raw,
  }));
  return d.commitments;
}

/** Merges rows sorted by `compare` into a sorted list (both stay as they are). */
export function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(compare(a[i] as T, b[j] as T) <= 0 ? (a[i++] as T) : (b[j++] as T));
  while (i < a.length) out.push(a[i++] as T);
  while (j < b.length) out.push(b[j++] as T);
  return out;
}

export { compareCommitments };

/** Open commitments both ways as a checklist: past due first, then by due date. */
export function followUps(statuses: PersonStatus[], tasks: CommitmentEntry[], today: Day): CommitmentEntry[] {
  const out: CommitmentEntry[] = [];
  for (const s of statuses) for (const c of commitmentRowsOf(s, today)) out.push(c);
  for (const c of tasks) out.push(c);
  return sortCommitments(out);
}

/** People met in the last days whose only touch so far is the meeting itself. */
const byName = (a: { name: string; path: string }, b: { name: string; path: string }): number =>
  collator.compare(a.name, b.name) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

export const compareNew = (a: NewRow, b: NewRow): number => a.daysAgo - b.daysAgo || byName(a, b);
export const compareBirthdays = (a: BirthdayRow, b: BirthdayRow): number => a.inDays - b.inDays || byName(a, b);

/** Someone met in the last `within` days whose only touch so far is the meeting itself (worked out once per status). */
export function newRowOf(s: PersonStatus, today: Day, within: number): readonly NewRow[] {
  const p = s.person;
  if (p.met === null && !p.log.some((e) => e.kind === "met")) return NONE;
  const d = derive(s);
  if (d.newRow?.within === within) return d.newRow.rows;
  let met = p.met;
  for (const e of p.log) if (e.kind === "met" && e.day <= today && (met === null || e.day > met)) met = e.day;
  const followedUp = met !== null && s.lastTouch !== null && !s.lastTouch.estimate && s.lastTouch.day > met;
  const rows = met === null || met > today || today - met > within || followedUp
    ? NONE
    : [{ path: p.path, name: p.name, met: dayToISO(met), daysAgo: today - met, tier: p.tier }];
  d.newRow = { within, rows };
  return rows;
}

/** People met in the last days whose only touch so far is the meeting itself. */
export function newAcquaintances(statuses: PersonStatus[], today: Day, within: number): NewRow[] {
  const out: NewRow[] = [];
  for (const s of statuses) out.push(...newRowOf(s, today, within));
  return out.sort(compareNew);
}

/** The next birthday on or after today, in days; 29 February falls on 1 March in other years. */
export function nextBirthday(month: number, day: number, today: Day): { day: Day; inDays: number; year: number } {
  const { year } = dayToParts(today);
  for (const y of [year, year + 1]) {
    const d = dayFromParts(y, month, day) ?? dayFromParts(y, 3, 1);
    if (d !== null && d >= today) return { day: d, inDays: d - today, year: y };
  }
  return { day: today, inDays: 0, year };
}

/** A birthday within `within` days, worked out once per status. */
export function birthdayRowOf(s: PersonStatus, today: Day, within: number): readonly BirthdayRow[] {
  const b = s.person.birthday;
  if (!b) return NONE;
  const d = derive(s);
  if (d.birthday?.within !== within) {
    const next = nextBirthday(b.month, b.day, today);
    const rows = next.inDays > within ? NONE : [{ path: s.person.path, name: s.person.name, date: dayToISO(next.day), inDays: next.inDays, age: b.year === null ? null : next.year - b.year }];
    d.birthday = { within, rows };
  }
  return d.birthday.rows;
}

export function birthdays(statuses: PersonStatus[], today: Day, within: number): BirthdayRow[] {
  const out: BirthdayRow[] = [];
  for (const s of statuses) out.push(...birthdayRowOf(s, today, within));
  return out.sort(compareBirthdays);
}

/** Every day a person was touched: the property, their own dated entries and log, and dated notes that link them. */
export function touchDays(person: Person, dated: readonly [string, Day][]): Day[] {
  const days: Day[] = [];
  if (person.lastTouchField !== null) days.push(person.lastTouchField);
  days.push(...person.ownEntries);
  for (const e of person.log) if (e.kind !== "tier") days.push(e.day);
  for (const [, day] of dated) days.push(day);
  return days;
}

/** Touches counted per calendar month for the last `months` months (oldest first), one touch per day. */
export function monthlyStrip(days: readonly Day[], today: Day, months = 12): number[] {
  const { year, month } = dayToParts(today);
  const counts = new Array<number>(months).fill(0);
  const seen = new Set<Day>();
  for (const d of days) {
    if (d > today || seen.has(d)) continue;
    seen.add(d);
    const p = dayToParts(d);
    const back = (year - p.year) * 12 + (month - p.month);
    if (back >= 0 && back < months) counts[months - 1 - back] = (counts[months - 1 - back] ?? 0) + 1;
  }
  return counts;
}

/** The network at a glance. `daysOf` gives each person's touch days (one touch per person per day counted). */
export function glance(statuses: PersonStatus[], daysOf: (person: Person) => Day[], today: Day, weeks = 26): Glance {
  const byTier = { unfamiliar: 0, familiar: 0, intimate: 0, meaningful: 0, untracked: 0 } as Glance["byTier"];
  const weekly = new Array<number>(weeks).fill(0);
  let due = 0;
  for (const s of statuses) {
    byTier[s.person.tier ?? "untracked"]++;
    if (s.state === "due") due++;
    const seen = new Set<Day>();
    for (const d of daysOf(s.person)) {
      if (d > today || seen.has(d)) continue;
      seen.add(d);
      const back = Math.floor((today - d) / 7);
      if (back < weeks) weekly[weeks - 1 - back] = (weekly[weeks - 1 - back] ?? 0) + 1;
    }
  }
  return { people: statuses.length, byTier, due, weekly };
}

/** Filters rows on data, not on what is drawn: a name, alias, tier, interest or commitment text. */
export function matches(query: string, ...fields: (string | null | undefined | readonly string[])[]): boolean {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return true;
  return fields.some((f) => {
    if (f === null || f === undefined) return false;
    if (typeof f === "string") return f.toLocaleLowerCase().includes(q);
    return f.some((x) => x.toLocaleLowerCase().includes(q));
  });
}
