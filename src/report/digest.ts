/**
 * The day's picture of the network: who is due (with why), open commitments, and notes to tidy. Built from the
 * index as plain data (for `--json` and the plugin's API) and rendered as text for the terminal and modals.
 */
import { dayToISO, type Day } from "../domain/dates";
import type { PersonStatus, TouchOrigin } from "../domain/due";
import type { Problem } from "../domain/problems";
import { tierRank, type Tier } from "../domain/tiers";
import type { Translate } from "../i18n";
import type { PeopleIndex } from "../index/PeopleIndex";
import { readTaskLine } from "../domain/tasks";
import { inSection } from "../domain/dailySection";
import { agoPhrase, originPhrase, tierName } from "./wording";

export interface DueEntry {
  name: string;
  path: string;
  tier: Tier | null;
  lastTouch: string;
  lastTouchOrigin: TouchOrigin;
  lastTouchPath: string;
  estimate: boolean;
  daysSince: number;
  cadence: number;
  daysOver: number;
}

export interface CommitmentEntry {
  name: string;
  path: string;
  direction: "mine" | "theirs";
  text: string;
  due: string | null;
  overdue: boolean;
  /** Days since it was made, when known. */
  openDays: number | null;
  raw: string;
  /** Where an open task lives, for commitments that are tasks rather than properties. */
  task?: { path: string; line: number };
}

export interface ProblemEntry extends Problem {
  message: string;
  fix: string;
}

/** Someone below the tier you hope to reach together, and when you last learned something about them. */
export interface DeepenEntry {
  name: string;
  path: string;
  tier: Tier | null;
  goal: Tier;
  /** The last catch-up or first meeting in the log, else the last touch; null when nothing is known. */
  lastLearned: string | null;
}

export interface CommitmentCounts {
  open: number;
  dueToday: number;
  overdue: number;
}

export interface Digest {
  date: string;
  people: number;
  tracked: number;
  datedNotes: number;
  due: DueEntry[];
  commitments: CommitmentEntry[];
  /** Open, due today and past due: in total and for each person (by path) with anything open. */
  commitmentCounts: CommitmentCounts & { byPerson: Record<string, CommitmentCounts> };
  problems: ProblemEntry[];
  deepen: DeepenEntry[];
  /** Where people were looked for, filled in when none were found. */
  lookedIn: { folders: string[]; tags: string[]; marker: string | null } | null;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base" });
const ranked = new WeakMap<PersonStatus[], PersonStatus[]>();

/** Most overdue relative to cadence first; closer tiers break ties, then names. Worked out once per statuses list. */
export function rankDue(statuses: PersonStatus[]): PersonStatus[] {
  const cached = ranked.get(statuses);
  if (cached) return cached;
  const due = statuses
    .filter((s) => s.state === "due")
    .map((s) => ({ s, ratio: s.daysOver / (s.cadence || 1), tier: s.person.tier ? tierRank(s.person.tier) : -1 }))
    .sort((a, b) => b.ratio - a.ratio || b.tier - a.tier || collator.compare(a.s.person.name, b.s.person.name))
    .map((x) => x.s);
  ranked.set(statuses, due);
  return due;
}

export function describeProblem(p: Problem, t: Translate): ProblemEntry {
  return { ...p, message: t(`problem.${p.code}`, { value: p.value }), fix: t(`fix.${p.code}`) };
}

/**
 * Open tasks that are commitments, given a way to read a note's lines (the plugin reads them only when shown).
 * Tasks in a daily note's loose-touch section (`routineHeading`) are the routine's own reminders, not promises.
 */
export function taskCommitments(index: PeopleIndex, lines: (path: string) => readonly string[] | null, today: Day, person?: string, routineHeading?: string): CommitmentEntry[] {
  const out: CommitmentEntry[] = [];
  for (const ref of index.openTasks(person)) {
    const noteLines = lines(ref.path);
    if (routineHeading !== undefined && noteLines && inSection(noteLines, routineHeading, ref.line)) continue;
    const read = readTaskLine(noteLines?.[ref.line] ?? "");
    const who = index.getPerson(ref.person);
    if (!read || !who) continue;
    out.push({
      name: who.name, path: who.path, direction: "mine", text: read.text, due: read.due === null ? null : dayToISO(read.due),
      overdue: read.due !== null && read.due < today, openDays: read.created === null ? null : today - read.created,
      raw: lines(ref.path)?.[ref.line] ?? "", task: { path: ref.path, line: ref.line },
    });
  }
  return out;
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Past due first, then by due date, undated last; by name within (dates are ISO strings, so plain comparison
 * orders them; names compare by code point, which keeps a list of thousands quick to sort).
 */
export function compareCommitments(a: CommitmentEntry, b: CommitmentEntry): number {
  // One person's items that tie keep the order they are written in (the sort is stable, and SortedRows inserts
  // after equals).
  return Number(b.overdue) - Number(a.overdue) || order(a.due ?? "9999", b.due ?? "9999") || order(a.name, b.name) || order(a.path, b.path);
}

export function sortCommitments(list: CommitmentEntry[]): CommitmentEntry[] {
  return list.sort(compareCommitments);
}

/** People below their goal tier, those you learned least about lately first. */
export function deepenList(statuses: PersonStatus[], today: Day): DeepenEntry[] {
  const out: DeepenEntry[] = [];
  for (const s of statuses) {
    const { person } = s;
    if (person.tierGoal === null || (person.tier !== null && tierRank(person.tier) >= tierRank(person.tierGoal))) continue;
    const learned = person.log.filter((e) => (e.kind === "caught-up" || e.kind === "met") && e.day <= today).pop()?.day;
    const day = learned ?? (s.lastTouch && !s.lastTouch.estimate ? s.lastTouch.day : null);
    out.push({ name: person.name, path: person.path, tier: person.tier, goal: person.tierGoal, lastLearned: day === null ? null : dayToISO(day) });
  }
  return out.sort((a, b) => (a.lastLearned ?? "").localeCompare(b.lastLearned ?? "") || a.name.localeCompare(b.name));
}

export function buildDigest(index: PeopleIndex, today: Day, t: Translate, lookedIn: Digest["lookedIn"], tasks: CommitmentEntry[] = []): Digest {
  const statuses = index.statuses(today);
  const due: DueEntry[] = rankDue(statuses).map((s) => ({
    name: s.person.name,
    path: s.person.path,
    tier: s.person.tier,
    lastTouch: s.lastTouch ? dayToISO(s.lastTouch.day) : "",
    lastTouchOrigin: s.lastTouch?.origin ?? "created",
    lastTouchPath: s.lastTouch?.path ?? s.person.path,
    estimate: s.lastTouch?.estimate ?? true,
    daysSince: s.daysSince ?? 0,
    cadence: s.cadence ?? 0,
    daysOver: s.daysOver,
  }));
  const commitments: CommitmentEntry[] = [];
  for (const s of statuses) {
    for (const c of [...s.person.commitments, ...s.person.expecting]) {
      commitments.push({
        name: s.person.name, path: s.person.path, direction: c.direction, text: c.text,
        due: c.due === null ? null : dayToISO(c.due), overdue: c.due !== null && c.due < today,
        openDays: c.created === null ? null : today - c.created, raw: c.raw,
      });
    }
  }
  commitments.push(...tasks);
  sortCommitments(commitments);
  const todayISO = dayToISO(today);
  const counts: Digest["commitmentCounts"] = { open: 0, dueToday: 0, overdue: 0, byPerson: {} };
  for (const c of commitments) {
    const mine = (counts.byPerson[c.path] ??= { open: 0, dueToday: 0, overdue: 0 });
    for (const tally of [counts, mine]) {
      tally.open++;
      if (c.due === todayISO) tally.dueToday++;
      if (c.overdue) tally.overdue++;
    }
  }
  return {
    date: dayToISO(today),
    people: statuses.length,
    tracked: statuses.filter((s) => s.person.tier !== null && !s.person.paused).length,
    datedNotes: index.datedNoteCount,
    due,
    commitments,
    commitmentCounts: counts,
    problems: index.problems(today).map((p) => describeProblem(p, t)),
    deepen: deepenList(statuses, today),
    lookedIn: statuses.length === 0 ? lookedIn : null,
  };
}

export function formatDigest(d: Digest, t: Translate): string {
  const lines: string[] = [t("digest.title", { date: d.date }), ""];
  if (d.people === 0 && d.lookedIn) {
    const none = t("digest.none");
    lines.push(t("digest.nopeople", {
      folders: d.lookedIn.folders.join(", ") || none, tags: d.lookedIn.tags.join(", ") || none, marker: d.lookedIn.marker ?? none,
    }), t("digest.nopeople.fix"), "");
  } else {
    lines.push(t("digest.people", { people: d.people, tracked: d.tracked, dated: d.datedNotes }), "");
  }
  lines.push(t("digest.due.heading", { n: d.due.length }));
  if (d.due.length === 0) lines.push(`  ${t("digest.due.none")}`);
  for (const e of d.due) {
    const origin = originPhrase({ day: 0, origin: e.lastTouchOrigin, path: e.lastTouchPath, estimate: e.estimate }, t);
    const row = t("digest.due.row", { name: e.name, tier: tierName(e.tier, t), ago: agoPhrase(e.daysSince, t), origin, cadence: e.cadence });
    lines.push(`  - ${row}${e.estimate ? t("digest.due.estimate") : ""}`);
  }
  const c = d.commitmentCounts;
  lines.push("", t("digest.commitments.heading", { n: c.open }) + (c.dueToday + c.overdue > 0 ? t("digest.commitments.counts", { today: c.dueToday, past: c.overdue }) : ""));
  if (d.commitments.length === 0) lines.push(`  ${t("digest.commitments.none")}`);
  for (const c of d.commitments) {
    const text = t(c.direction === "mine" ? "digest.commitment.mine" : "digest.commitment.theirs", { name: c.name, text: c.text });
    const due = c.due === null ? "" : t(c.overdue ? "digest.commitment.overdue" : "digest.commitment.due", { date: c.due });
    lines.push(`  - ${text}${due}`);
  }
  if (d.deepen.length > 0) {
    lines.push("", t("digest.deepen.heading", { n: d.deepen.length }));
    for (const e of d.deepen) {
      const learned = e.lastLearned === null ? t("digest.deepen.never") : t("digest.deepen.learned", { date: e.lastLearned });
      lines.push(`  - ${t("digest.deepen.row", { name: e.name, tier: tierName(e.tier, t), goal: tierName(e.goal, t) })}; ${learned}`);
    }
  }
  lines.push("", t("digest.problems.heading", { n: d.problems.length }));
  if (d.problems.length === 0) lines.push(`  ${t("digest.problems.none")}`);
  for (const p of d.problems) {
    lines.push(`  - ${t("digest.problem.row", { path: p.path, key: p.key ? ` › ${p.key}` : "", message: p.message, fix: p.fix })}`);
  }
  return lines.join("\n");
}
