/**
 * Reads and writes dates in the moment.js formats that the Daily notes core plugin and Periodic Notes use
 * (`YYYY-MM-DD`, `YYYY/MM/YYYY-MM-DD`, `DD.MM.YYYY`, `dddd, MMMM Do YYYY`, `YYYY年MM月DD日`, `[Journal] YYYY-MM-DD`).
 * Written here rather than borrowed from moment so the domain stays pure and the CLI reads notes exactly as the
 * plugin does. Parsing is strict: the whole text must match.
 */
import { dayFromParts, dayToParts, weekday, type Day } from "./dates";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

type Field = "year" | "year2" | "month" | "monthName" | "day" | "skip";
interface Part { pattern: string; field: Field; format: (p: { year: number; month: number; day: number; dow: number }) => string }

const pad = (n: number, w = 2) => String(n).padStart(w, "0");
const ordinal = (n: number) => {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${s}`;
};
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Longest tokens first so `MMMM` wins over `MM`. */
const TOKENS: [string, Part][] = [
  ["YYYY", { pattern: "(\\d{4})", field: "year", format: (p) => String(p.year) }],
  ["MMMM", { pattern: "([^\\d\\s/,.]+)", field: "monthName", format: (p) => cap(MONTHS[p.month - 1] ?? "") }],
  ["dddd", { pattern: "([^\\d\\s/,.]+)", field: "skip", format: (p) => cap(WEEKDAYS[p.dow] ?? "") }],
  ["MMM", { pattern: "([^\\d\\s/,.]+)", field: "monthName", format: (p) => cap((MONTHS[p.month - 1] ?? "").slice(0, 3)) }],
  ["ddd", { pattern: "([^\\d\\s/,.]+)", field: "skip", format: (p) => cap((WEEKDAYS[p.dow] ?? "").slice(0, 3)) }],
  ["YY", { pattern: "(\\d{2})", field: "year2", format: (p) => pad(p.year % 100) }],
  ["MM", { pattern: "(\\d{2})", field: "month", format: (p) => pad(p.month) }],
  ["DD", { pattern: "(\\d{2})", field: "day", format: (p) => pad(p.day) }],
  ["Do", { pattern: "(\\d{1,2})(?:st|nd|rd|th)", field: "day", format: (p) => ordinal(p.day) }],
  ["dd", { pattern: "([^\\d\\s/,.]+)", field: "skip", format: (p) => cap((WEEKDAYS[p.dow] ?? "").slice(0, 2)) }],
  ["M", { pattern: "(\\d{1,2})", field: "month", format: (p) => String(p.month) }],
  ["D", { pattern: "(\\d{1,2})", field: "day", format: (p) => String(p.day) }],
];

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function monthFromName(name: string): number | null {
  const lower = name.toLowerCase();
  const zh = /^(\d{1,2})月$/.exec(lower) ?? /^([一二三四五六七八九十]+)月$/.exec(lower);
  if (zh?.[1]) {
    const digits = "一二三四五六七八九十";
    const n = /^\d+$/.test(zh[1]) ? Number(zh[1]) : zh[1] === "十" ? 10 : zh[1].startsWith("十") ? 10 + digits.indexOf(zh[1][1] ?? "") + 1 : zh[1].length === 1 ? digits.indexOf(zh[1]) + 1 : 0;
    return n >= 1 && n <= 12 ? n : null;
  }
  const index = MONTHS.findIndex((m) => m === lower || (lower.length >= 3 && m.startsWith(lower.replace(/\.$/, ""))));
  return index >= 0 ? index + 1 : null;
}

export interface CompiledDateFormat {
  /** The calendar day the text names, or null when it does not match the format exactly. */
  parse(text: string): Day | null;
  format(day: Day): string;
  /** False when the format lacks a year, month or day (it cannot name one day). */
  readonly complete: boolean;
}

/** Widths of the tokens that are always a fixed number of digits. */
const FIXED_DIGITS: Record<string, number> = { "(\\d{4})": 4, "(\\d{2})": 2 };

/**
 * For a format of fixed-width numbers and literals that have no case (`YYYY-MM-DD`, `YYYY/MM/YYYY-MM-DD`,
 * `DD.MM.YYYY`), a reader by character codes that accepts exactly what the format's pattern does; null for others.
 * The index reads the path of every note with it, so it avoids a match array and its substrings.
 */
function fixedWidthReader(parts: (Part | string)[]): ((text: string) => Day | null) | null {
  // Per position: a literal's character code, or a number field (-1 year, -2 year2, -3 month, -4 day) with its width.
  const codes: number[] = [];
  const widths: number[] = [];
  const FIELD: Partial<Record<Field, number>> = { year: -1, year2: -2, month: -3, day: -4 };
  for (const part of parts) {
    if (typeof part === "string") {
      for (const ch of part) {
        if (ch.length !== 1 || ch.toLowerCase() !== ch.toUpperCase()) return null;
        codes.push(ch.charCodeAt(0));
        widths.push(1);
      }
      continue;
    }
    const width = FIXED_DIGITS[part.pattern];
    const field = FIELD[part.field];
    if (width === undefined || field === undefined) return null;
    codes.push(field);
    widths.push(width);
  }
  const length = widths.reduce((a, b) => a + b, 0);
  return (text) => {
    if (text.length !== length) return null;
    let year = 0, month = 0, day = 0;
    let at = 0;
    for (let k = 0; k < codes.length; k++) {
      const code = codes[k] as number;
      if (code >= 0) {
        if (text.charCodeAt(at++) !== code) return null;
        continue;
      }
      let n = 0;
      for (const end = at + (widths[k] as number); at < end; at++) {
        const digit = text.charCodeAt(at) - 48;
        if (digit < 0 || digit > 9) return null;
        n = n * 10 + digit;
      }
      if (code === -1) year = n;
      else if (code === -2) year = 2000 + n;
      else if (code === -3) month = n;
      else day = n;
    }
    return dayFromParts(year, month, day);
  };
}

export function compileDateFormat(format: string): CompiledDateFormat {
  const parts: (Part | string)[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === "[") {
      const end = format.indexOf("]", i + 1);
      const literal = end < 0 ? format.slice(i + 1) : format.slice(i + 1, end);
      parts.push(literal);
      i = end < 0 ? format.length : end + 1;
      continue;
    }
    const token = TOKENS.find(([t]) => format.startsWith(t, i));
    if (token) {
      parts.push(token[1]);
      i += token[0].length;
    } else {
      parts.push(ch);
      i += 1;
    }
  }
  const fields = parts.filter((p): p is Part => typeof p !== "string").map((p) => p.field);
  const complete = (fields.includes("year") || fields.includes("year2")) && (fields.includes("month") || fields.includes("monthName")) && fields.includes("day");
  const regex = new RegExp(`^${parts.map((p) => (typeof p === "string" ? escapeRegex(p) : p.pattern)).join("")}$`, "i");
  const captures = parts.filter((p): p is Part => typeof p !== "string");
  const fixed = complete ? fixedWidthReader(parts) : null;

  return {
    complete,
    parse(text: string): Day | null {
      if (!complete) return null;
      if (fixed !== null) return fixed(text);
      const m = regex.exec(text);
      if (!m) return null;
      let year = 0, month = 0, day = 0;
      for (let c = 0; c < captures.length; c++) {
        const value = m[c + 1] ?? "";
        const part = captures[c];
        if (!part) continue;
        if (part.field === "year") year = Number(value);
        else if (part.field === "year2") year = 2000 + Number(value);
        else if (part.field === "month") month = Number(value);
        else if (part.field === "monthName") month = monthFromName(value) ?? 0;
        else if (part.field === "day") day = Number(value);
      }
      return dayFromParts(year, month, day);
    },
    format(day: Day): string {
      const p = { ...dayToParts(day), dow: weekday(day) };
      return parts.map((part) => (typeof part === "string" ? part : part.format(p))).join("");
    },
  };
}
