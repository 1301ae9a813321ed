/**
 * Calendar days as integers (days since 1970-01-01), so due maths is plain arithmetic and never trips on
 * time zones or daylight saving. A `Day` always means a local calendar date.
 */
import { DateTime } from "luxon";

export type Day = number;

const MS_PER_DAY = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since the epoch for a proleptic Gregorian y-m-d (m 1-12). Returns null for impossible dates. */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round(ms / MS_PER_DAY);
}

export function dayToParts(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

export function dayToISO(day: Day): string {
  const { year, month, day: d } = dayToParts(day);
  return `${year}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** Strict `YYYY-MM-DD`. */
export function dayFromISO(text: string): Day | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  return dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** The local calendar day of a timestamp (ms). */
export function dayFromTimestamp(ms: number): Day {
  const d = new Date(ms);
  return dayFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? Math.floor(ms / MS_PER_DAY);
}

export function today(now: Date = new Date()): Day {
  return dayFromTimestamp(now.getTime());
}

export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = dayToParts(day);
  const target = DateTime.utc(year, month, 1).plus({ months });
  const lastDay = target.daysInMonth ?? 28;
  return dayFromParts(target.year, target.month, Math.min(d, lastDay)) ?? day;
}

const FLEXIBLE_FORMATS = [
  "yyyy/M/d", "yyyy.M.d", "yyyy-M-d", "d MMM yyyy", "d MMMM yyyy", "MMM d, yyyy", "MMMM d, yyyy", "MMM d yyyy",
  "MMMM d yyyy", "d.M.yyyy", "yyyy年M月d日", "yyyyMMdd",
];

/**
 * Reads a date the way people type them in frontmatter: `2026-11-20`, `2026-11-20T09:00`, `2026/11/20`,
 * `20 Nov 2026`, `Nov 20, 2026`, `2026年11月20日`, a `Date` object (some YAML parsers make them), or a wikilink to a
 * daily note (`[[2026-11-20]]`). Returns null when it cannot be read as one calendar day. Ambiguous numeric
 * forms such as `11/12/2026` are refused rather than guessed.
 */
export function parseDay(value: unknown): Day | null {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? null : dayFromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate());
  }
  if (typeof value !== "string") return null;
  let text = value.trim();
  const link = /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(text);
  if (link?.[1]) text = (link[1].split("/").pop() ?? "").trim();
  if (text === "") return null;
  const iso = dayFromISO(text);
  if (iso !== null) return iso;
  const isoTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(text);
  if (isoTime?.[1]) return dayFromISO(isoTime[1]);
  for (const format of FLEXIBLE_FORMATS) {
    const parsed = DateTime.fromFormat(text, format, { locale: "en" });
    if (parsed.isValid) return dayFromParts(parsed.year, parsed.month, parsed.day);
  }
  return null;
}

/** A birthday: month and day, with the year when known (`1990-05-04`, `05-04`, `--05-04` as vCard writes it). */
export interface Birthday { month: number; day: number; year: number | null }

export function parseBirthday(value: unknown): Birthday | null {
  if (typeof value !== "string" && !(value instanceof Date)) return null;
  const full = parseDay(value);
  if (full !== null) {
    const p = dayToParts(full);
    return { month: p.month, day: p.day, year: p.year };
  }
  const m = /^(?:--)?(\d{1,2})-(\d{1,2})$/.exec(String(value).trim());
  if (!m) return null;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return dayFromParts(2000, month, day) === null ? null : { month, day, year: null };
}
