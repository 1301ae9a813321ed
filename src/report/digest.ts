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
}

export interface ProblemEntry extends Problem {
  message: string;
  fix: string;
}

export interface Digest {
  date: string;
  people: number;
  tracked: number;
  datedNotes: number;
  due: DueEntry[];
  commitments: CommitmentEntry[];
  problems: ProblemEntry[];
  /** Where people were looked for, filled in when none were found. */
  lookedIn: { folders: string[]; tags: string[]; marker: string | null } | null;
}

/** Most overdue relative to cadence first; closer tiers break ties, then names. */
export function rankDue(statuses: PersonStatus[]): PersonStatus[] {
  return statuses
    .filter((s) => s.state === "due")
    .sort((a, b) => {
      const ra = a.daysOver / (a.cadence ?? 1);
      const rb = b.daysOver / (b.cadence ?? 1);
      if (rb !== ra) return rb - ra;
      const ta = a.person.tier ? tierRank(a.person.tier) : -1;
      const tb = b.person.tier ? tierRank(b.person.tier) : -1;
      if (tb !== ta) return tb - ta;
      return a.person.name.localeCompare(b.person.name);
    });
}

export function describeProblem(p: Problem, t: Translate): ProblemEntry {
  return { ...p, message: t(`problem.${p.code}`, { value: p.value }), fix: t(`fix.${p.code}`) };
}

export function buildDigest(index: PeopleIndex, today: Day, t: Translate, lookedIn: Digest["lookedIn"]): Digest {
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
  commitments.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? "9999").localeCompare(b.due ?? "9999") || a.name.localeCompare(b.name));
  return {
    date: dayToISO(today),
    people: statuses.length,
    tracked: statuses.filter((s) => s.person.tier !== null && !s.person.paused).length,
    datedNotes: index.datedNoteCount,
    due,
    commitments,
    problems: index.problems(today).map((p) => describeProblem(p, t)),
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
  lines.push("", t("digest.commitments.heading", { n: d.commitments.length }));
  if (d.commitments.length === 0) lines.push(`  ${t("digest.commitments.none")}`);
  for (const c of d.commitments) {
    const text = t(c.direction === "mine" ? "digest.commitment.mine" : "digest.commitment.theirs", { name: c.name, text: c.text });
    const due = c.due === null ? "" : t(c.overdue ? "digest.commitment.overdue" : "digest.commitment.due", { date: c.due });
    lines.push(`  - ${text}${due}`);
  }
  lines.push("", t("digest.problems.heading", { n: d.problems.length }));
  if (d.problems.length === 0) lines.push(`  ${t("digest.problems.none")}`);
  for (const p of d.problems) {
    lines.push(`  - ${t("digest.problem.row", { path: p.path, key: p.key ? ` › ${p.key}` : "", message: p.message, fix: p.fix })}`);
  }
  return lines.join("\n");
}
