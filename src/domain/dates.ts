/**
 * Calendar days as integers (days since 1970-01-01), so due maths is plain arithmetic and never trips on
 * time zones or daylight saving. A `Day` always means a local calendar date.
 */
import { compileDateFormat, type CompiledDateFormat } from "./dateFormat";

export type Day = number;

const MS_PER_DAY = 86_400_000;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since the epoch for a proleptic Gregorian y-m-d (m 1-12). Returns null for impossible dates. */
export function dayFromParts(year: number, month: number, day: number): Day | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || year < 1000 || year > 9999) return null;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (day > (month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] as number))) return null;
  // Plain arithmetic (no Date object): the index reads a day for every dated note. Years counted from March, so
  // the leap day falls at the end of a year; 146097 days make 400 years, 719468 days lie from 0000-03-01 to 1970.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  return era * 146097 + yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear - 719468;
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
  // Read by character codes (`^\d{4}-\d{2}-\d{2}$`), without a match array or substrings.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  return year < 0 || month < 0 || day < 0 ? null : dayFromParts(year, month, day);
}

/** The number written by `count` ASCII digits at `start`, or -1 when one is not a digit. */
function digitsAt(text: string, start: number, count: number): number {
  let n = 0;
  for (let i = start; i < start + count; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The local calendar day of a timestamp (ms). */
export function dayFromTimestamp(ms: number): Day {
  const d = new Date(ms);
  return dayFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate()) ?? Math.floor(ms / MS_PER_DAY);
}

export function today(now: Date = new Date()): Day {
  return dayFromTimestamp(now.getTime());
}

/** The same day of the month `months` later (or earlier), clamped to the month's last day (31 Jan + 1 = 28 Feb). */
export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = dayToParts(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return dayFromParts(y, m, Math.min(d, lastDay)) ?? day;
}

/** Shapes people type dates in (moment-style tokens; month names in English, either length). */
const FLEXIBLE_FORMATS = ["YYYY/M/D", "YYYY.M.D", "YYYY-M-D", "D MMM YYYY", "MMM D, YYYY", "MMM D YYYY", "D.M.YYYY", "YYYY年M月D日", "YYYYMMDD"];
let flexible: CompiledDateFormat[] | null = null;

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
  const link = text.charCodeAt(0) === 91 /* [ */ ? /^\[\[([^\]|#]+)(?:[#|][^\]]*)?\]\]$/.exec(text) : null;
  if (link?.[1]) text = (link[1].split("/").pop() ?? "").trim();
  if (text === "") return null;
  const iso = dayFromISO(text);
  if (iso !== null) return iso;
  const isoTime = /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/.exec(text);
  if (isoTime?.[1]) return dayFromISO(isoTime[1]);
  // Compiled on first use: the format module depends on this one.
  flexible ??= FLEXIBLE_FORMATS.map((f) => compileDateFormat(f));
  for (const format of flexible) {
    const day = format.parse(text);
    if (day !== null) return day;
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
