/**
 * What each follow-through action does to a person's frontmatter, as pure functions over the frontmatter object
 * that `processFrontMatter` hands over. Each changes only its own keys and refuses (returns a reason) rather than
 * guess when the note is not as expected.
 */
import { parseSpan } from "./cadence";
import { parseCommitmentText } from "./commitments";
import { addMonths, dayFromISO, dayToISO, parseDay, type Day } from "./dates";
import { TIERS, parseTier, type Tier } from "./tiers";

export type Frontmatter = Record<string, unknown>;

/** Sets `last_touch` to `day` only when that is later than what is there; an unreadable value is left alone. */
export function advanceLastTouch(fm: Frontmatter, key: string, day: Day): "moved" | "kept" | "unreadable" {
  const current = fm[key];
  if (current === undefined || current === null || current === "") {
    fm[key] = dayToISO(day);
    return "moved";
  }
  const existing = parseDay(current);
  if (existing === null) return "unreadable";
  if (day <= existing) return "kept";
  fm[key] = dayToISO(day);
  return "moved";
}

/** A list property as a list: a single text value becomes a one-item list (the user asked to add to it). */
function asList(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (value === undefined || value === null || value === "") return [];
  return [value];
}

/** The stored form of a commitment: its words, then when it was made and when it is due, as the Tasks plugin writes them. */
export function commitmentItem(text: string, due: Day | null, created: Day | null): string {
  const words = text.replace(/[\r\n]+/g, " ").trim();
  return `${words}${created === null ? "" : ` ➕ ${dayToISO(created)}`}${due === null ? "" : ` 📅 ${dayToISO(due)}`}`;
}

export function addCommitment(fm: Frontmatter, key: string, item: string): void {
  fm[key] = [...asList(fm[key]), item];
}

/** Removes the item written exactly as `raw`; false when it is not there any more (edited or removed meanwhile). */
export function removeCommitment(fm: Frontmatter, key: string, raw: string): boolean {
  const list = asList(fm[key]);
  const index = list.findIndex((item) => (typeof item === "string" || typeof item === "number") && String(item) === raw);
  if (index < 0) return false;
  const rest = list.filter((_, i) => i !== index);
  if (Array.isArray(fm[key]) || rest.length > 0) fm[key] = rest;
  else delete fm[key];
  return true;
}

/** Reads a due date or a snooze end typed by a person: a date, or a span from today such as `3d`, `2w`, `1m`. */
export function dayFromInput(input: string, today: Day): Day | null {
  const text = input.trim();
  if (text === "") return null;
  const date = dayFromISO(text) ?? parseDay(text);
  if (date !== null) return date;
  const span = parseSpan(text);
  if (!span) return null;
  if (span.unit === "d") return today + span.amount;
  if (span.unit === "w") return today + span.amount * 7;
  return addMonths(today, span.unit === "m" ? span.amount : span.amount * 12);
}

/** Splits typed commitment text into words and due date, accepting a trailing short form (`send deck 2w`). */
export function parseCommitmentInput(input: string, today: Day): { text: string; due: Day | null } {
  const short = /^(.*?)\s+(\d+\s*[dwmy])$/i.exec(input.trim());
  if (short?.[1] && short[2]) return { text: short[1].trim(), due: dayFromInput(short[2], today) };
  const parsed = parseCommitmentText(input);
  return { text: parsed.text, due: parsed.due };
}

export interface TierChange { from: Tier | null; to: Tier }

export function setTier(fm: Frontmatter, keys: { tier: string; tierSince: string }, to: Tier, today: Day): TierChange | null {
  const from = parseTier(fm[keys.tier]);
  if (from === to) return null;
  fm[keys.tier] = to;
  fm[keys.tierSince] = dayToISO(today);
  return { from, to };
}

/** The next tier up or down the ladder; null at either end. Someone untracked moves up to the first tier. */
export function neighbourTier(current: Tier | null, step: 1 | -1): Tier | null {
  if (current === null) return step === 1 ? TIERS[0] : null;
  return TIERS[TIERS.indexOf(current) + step] ?? null;
}

export function setOrClear(fm: Frontmatter, key: string, value: string | boolean | null): void {
  if (value === null) delete fm[key];
  else fm[key] = value;
}
