/**
 * "Prepare to talk with …": everything worth a glance before a conversation, as plain data. Who they are, the
 * last touches, what is open both ways, the before-you-ask balance, your one-line ask, and which tier to pick
 * questions for. Rendering (and the words) belong to the screen; dates here are ISO days.
 */
import { balanceOf } from "../domain/balance";
import type { Commitment } from "../domain/commitments";
import { dayToISO, type Day } from "../domain/dates";
import type { LastTouch, TouchOrigin } from "../domain/due";
import type { Person } from "../domain/person";
import type { Tier } from "../domain/tiers";
import { PAYLOADS, type Payload, type TouchKind } from "../domain/touchLog";
import type { BuiltInMessageKind } from "./messages";
import { en } from "../i18n/en";
import { zh } from "../i18n/zh";

export interface PrepInput {
  person: Person;
  today: Day;
  /** The one-line ask from the settings. */
  ask: string;
  /** `how_we_met` from the note's frontmatter (not part of Person). */
  howWeMet?: string | null;
  /** Items of the note's "What I know" and "Common ground" sections (see `noteSections`). */
  known?: readonly string[];
  commonGround?: readonly string[];
  /** The effective last touch, as the index works it out. */
  lastTouch?: LastTouch | null;
  /** Open tasks elsewhere in the vault that are promises to this person, already read. */
  openTasks?: readonly Commitment[];
  /** How many log entries to show (default 5). */
  touchCount?: number;
}

export interface PrepTouch {
  date: string;
  daysAgo: number;
  kind: TouchKind;
  payload: Payload | null;
}

export interface PrepOpenItem {
  text: string;
  due: string | null;
  /** Past its due day. */
  overdue: boolean;
  dueToday: boolean;
  /** Days since it was made, when known. */
  openDays: number | null;
  source: Commitment["source"];
}

export type BalanceAdvice = "give-first" | "even" | "nothing-yet";

export interface PrepSummary {
  name: string;
  path: string;
  aliases: string[];
  tier: Tier | null;
  tierGoal: Tier | null;
  tierSince: string | null;
  met: string | null;
  howWeMet: string | null;
  interests: string[];
  known: string[];
  commonGround: string[];
  lastTouch: { date: string; daysAgo: number; origin: TouchOrigin; path: string; estimate: boolean } | null;
  /** Newest first; days after today and tier records left out. */
  recentTouches: PrepTouch[];
  commitments: { mine: PrepOpenItem[]; theirs: PrepOpenItem[] };
  balance: {
    lastGive: { date: string; daysAgo: number; payload: Payload | null } | null;
    asksSinceGive: number;
    allAsks: boolean;
    /** What was given in the last year, most first; payloads never given are left out. */
    givenLastYear: { payload: Payload; count: number }[];
    advice: BalanceAdvice;
  };
  /** The ask, trimmed; null when not written. */
  ask: string | null;
  /** The tier to choose questions for (no tier: as for someone unfamiliar). */
  questionTier: Tier;
  /** Message kinds that fit right now, most fitting first. */
  suggestedMessages: BuiltInMessageKind[];
}

function openItem(c: Commitment, today: Day): PrepOpenItem {
  return {
    text: c.text,
    due: c.due === null ? null : dayToISO(c.due),
    overdue: c.due !== null && c.due < today,
    dueToday: c.due === today,
    openDays: c.created === null ? null : Math.max(0, today - c.created),
    source: c.source,
  };
}

/** Past due first, then by due day, then undated, each in the order written. */
function byDue(items: readonly Commitment[], today: Day): PrepOpenItem[] {
  return items
    .map((c, i) => ({ c, i }))
    .sort((a, b) => (a.c.due ?? Infinity) - (b.c.due ?? Infinity) || a.i - b.i)
    .map(({ c }) => openItem(c, today));
}

const clean = (s: string | null | undefined): string | null => {
  const v = (s ?? "").replace(/\s+/gu, " ").trim();
  return v === "" ? null : v;
};

export function prepSummary(input: PrepInput): PrepSummary {
  const { person, today } = input;
  const count = input.touchCount ?? 5;
  const recentTouches = person.log
    .filter((e) => e.kind !== "tier" && e.day <= today)
    .sort((a, b) => b.day - a.day || b.line - a.line)
    .slice(0, Math.max(0, count))
    .map((e) => ({ date: dayToISO(e.day), daysAgo: today - e.day, kind: e.kind, payload: e.payload }));
  const b = balanceOf(person.log, today);
  const givenLastYear = PAYLOADS.map((payload) => ({ payload, count: b.payloadsLastYear[payload] }))
    .filter((g) => g.count > 0)
    .sort((x, y) => y.count - x.count);
  const advice: BalanceAdvice = b.allAsks ? "give-first" : b.lastGive === null && b.asksSinceGive === 0 ? "nothing-yet" : "even";
  const last = input.lastTouch ?? null;
  const lastTouch = last ? { date: dayToISO(last.day), daysAgo: today - last.day, origin: last.origin, path: last.path, estimate: last.estimate } : null;
  const mine = [...person.commitments, ...(input.openTasks ?? [])];

  const suggested: BuiltInMessageKind[] = [];
  const recentlyMet = (person.met !== null && person.met <= today && today - person.met <= 7) || recentTouches.some((t) => t.daysAgo <= 7 && (t.kind === "met" || t.kind === "caught-up"));
  if (recentlyMet) suggested.push("fyi-follow-up", "thank-you");
  if (person.interests.length > 0) suggested.push("fyi-interest");
  if (advice !== "even") suggested.push("kudos", "article");
  if (person.tier === null || person.tier === "unfamiliar") suggested.push("cold-outreach");
  if (suggested.length === 0) suggested.push("article", "kudos");

  return {
    name: person.name,
    path: person.path,
    aliases: [...person.aliases],
    tier: person.tier,
    tierGoal: person.tierGoal,
    tierSince: person.tierSince === null ? null : dayToISO(person.tierSince),
    met: person.met === null ? null : dayToISO(person.met),
    howWeMet: clean(input.howWeMet),
    interests: [...person.interests],
    known: (input.known ?? []).map(clean).filter((s): s is string => s !== null),
    commonGround: (input.commonGround ?? []).map(clean).filter((s): s is string => s !== null),
    lastTouch,
    recentTouches,
    commitments: { mine: byDue(mine, today), theirs: byDue(person.expecting, today) },
    balance: {
      lastGive: b.lastGive ? { date: dayToISO(b.lastGive.day), daysAgo: today - b.lastGive.day, payload: b.lastGive.payload } : null,
      asksSinceGive: b.asksSinceGive,
      allAsks: b.allAsks,
      givenLastYear,
      advice,
    },
    ask: clean(input.ask),
    questionTier: person.tier ?? "unfamiliar",
    suggestedMessages: [...new Set(suggested)],
  };
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/**
 * The items of the first section whose heading is one of `titles` (any level, any case): its non-blank lines up
 * to the next heading of the same or a higher level (deeper headings skipped, their items kept), list markers and
 * checkboxes removed. Empty when missing.
 */
export function sectionItems(text: string, titles: readonly string[]): string[] {
  const want = new Set(titles.map((t) => t.trim().toLowerCase()));
  const lines = text.split(/\r?\n/);
  let start = -1;
  let level = 0;
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (/^ {0,3}(?:```|~~~)/.test(line)) fence = !fence;
    if (fence) continue;
    const m = HEADING.exec(line);
    if (m && want.has((m[2] ?? "").trim().toLowerCase())) {
      start = i + 1;
      level = (m[1] ?? "").length;
      break;
    }
  }
  if (start < 0) return [];
  const out: string[] = [];
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const m = HEADING.exec(line);
    if (m && (m[1] ?? "").length <= level) break;
    if (m) continue; // a deeper heading: its items count, the heading itself does not
    const item = line.replace(/^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?/, "").trim();
    if (item !== "") out.push(item);
  }
  return out;
}

/** "What I know" and "Common ground" from a person's note, under the headings the built-in note writes in either language. */
export function noteSections(text: string): { known: string[]; commonGround: string[] } {
  return {
    known: sectionItems(text, [en["personNote.known"], zh["personNote.known"], "What I know", "Known"]),
    commonGround: sectionItems(text, [en["personNote.common"], zh["personNote.common"], "共同点"]),
  };
}
