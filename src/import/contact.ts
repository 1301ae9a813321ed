/**
 * A contact as read from any export (LinkedIn, vCard), in one plain shape, and the small pieces every reader
 * shares: how a name is put together and compared, how dates are read, how bytes become text.
 */
import { dayFromParts, dayToISO } from "../domain/dates";

export type Source = "linkedin" | "vcard";

export interface Contact {
  source: Source;
  /** Where it was in the file: the line of a CSV row, the line a vCard began on (1-based). */
  line: number;
  /** The name as the person would write it: `Ann Lee`, `王芳`. Never empty. */
  name: string;
  emails: string[];
  phones: string[];
  company: string | null;
  position: string | null;
  /** `YYYY-MM-DD`, or `MM-DD` when the year is not known. */
  birthday: string | null;
  /** A LinkedIn profile. */
  linkedin: string | null;
  /** Any other web address. */
  website: string | null;
  /** When you connected (`YYYY-MM-DD`): becomes the `met` date. */
  connected: string | null;
  /** How you connected (`LinkedIn`), when the export says. */
  how: string | null;
  /** A free-text note from the contact card. */
  note: string | null;
}

export type UnreadableReason = "no-name" | "name-unusable" | "columns" | "not-a-card" | "unclosed-card" | "quotes";

export interface Unreadable {
  line: number;
  reason: UnreadableReason;
  /** The start of the row or card as it was in the file, for the person to recognise it. */
  excerpt: string;
}

export interface ReadResult {
  format: "linkedin" | "vcard" | "unknown";
  contacts: Contact[];
  unreadable: Unreadable[];
}

export function emptyContact(source: Source, line: number, name: string): Contact {
  return { source, line, name, emails: [], phones: [], company: null, position: null, birthday: null, linkedin: null, website: null, connected: null, how: null, note: null };
}

/** White space collapsed and trimmed; null when nothing is left. */
export function clean(value: string | null | undefined): string | null {
  const text = (value ?? "").replace(/\s+/gu, " ").trim().normalize("NFC");
  return text === "" ? null : text;
}

const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\s·・]+$/u;

/**
 * A full name from its parts. Names written in Chinese, Japanese or Korean put the family name first with no space
 * (`王` + `芳` → `王芳`); others read given then family (`Ann` + `Lee` → `Ann Lee`).
 */
export function joinName(given: string | null, family: string | null, middle: string | null = null): string {
  const g = clean(given);
  const f = clean(family);
  const m = clean(middle);
  if (g !== null && f !== null && CJK.test(g) && CJK.test(f) && m === null) return `${f}${g}`;
  return [g, m, f].filter((p): p is string => p !== null).join(" ");
}

/**
 * The key two names are compared by: accents and case aside, punctuation as space, word order aside
 * (`Lee, Ann` = `ann lee`), and spaces between Chinese, Japanese or Korean characters ignored (`王 芳` = `王芳`).
 */
export function nameKey(name: string): string {
  const plain = name.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();
  const words = plain.replace(/[^\p{L}\p{N}]+/gu, " ").trim().split(" ").filter((w) => w !== "");
  if (words.length > 1 && words.every((w) => CJK.test(w))) return words.join("");
  return words.sort().join(" ");
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function iso(year: number, month: number, day: number): string | null {
  const d = dayFromParts(year, month, day);
  return d === null ? null : dayToISO(d);
}

/**
 * A day from the ways exports write one: `26 Nov 2024` and `Nov 26, 2024` (LinkedIn), `2024-11-26`, `20241126`,
 * `2024-11-26T00:00:00Z`, and `11/26/2024` or `11/26/24` (older US-style exports). Null when it is not a real day.
 */
export function readDate(value: string | null | undefined): string | null {
  const text = (value ?? "").trim();
  if (text === "") return null;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{4})$/.exec(text);
  if (m) return iso(Number(m[3]), MONTHS.indexOf((m[2] ?? "").toLowerCase()) + 1, Number(m[1]));
  m = /^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})$/.exec(text);
  if (m) return iso(Number(m[3]), MONTHS.indexOf((m[1] ?? "").toLowerCase()) + 1, Number(m[2]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(text);
  if (m) {
    const y = Number(m[3]);
    return iso(m[3]?.length === 2 ? 2000 + y : y, Number(m[1]), Number(m[2]));
  }
  return null;
}

/** A month and day without a year, `MM-DD`, when it is a day some year has (29 February included). */
export function monthDay(month: number, day: number): string | null {
  return dayFromParts(2000, month, day) === null ? null : `${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Text from a file's bytes: a byte-order mark picks UTF-8 or UTF-16; otherwise UTF-8, or Windows-1252 when the
 * bytes are not UTF-8 (older Outlook and Excel exports).
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(body);
  } catch {
    return new TextDecoder("windows-1252").decode(body);
  }
}
