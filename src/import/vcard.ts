/**
 * vCard files (2.1, 3.0 and 4.0) as Google Contacts, iCloud and Android export them: many cards in one file.
 *
 * No maintained vCard package on npm reads all of what phones really write (Android's 2.1 quoted-printable
 * names in a declared character set, iCloud's `item1.` groups and `X-APPLE-OMIT-YEAR` birthdays) while staying
 * small enough for a mobile bundle, so this is a small parser of our own, tested on files shaped like theirs.
 *
 * It handles: folded lines (a line starting with a space or tab continues the one before), quoted-printable soft
 * line breaks (a line ending in `=`), parameters with lists (`TYPE=work,pref`), quoted parameter values, 2.1's bare
 * parameters (`TEL;CELL`), `CHARSET=` with `ENCODING=QUOTED-PRINTABLE`, grouped properties (`item1.EMAIL`),
 * escapes (`\,` `\;` `\\` `\n`), structured values (`N`, `ORG`), and birthdays with or without a year
 * (`--1126`, `--11-26`, `1604-11-26` with `X-APPLE-OMIT-YEAR=1604`).
 */
import { clean, emptyContact, joinName, monthDay, readDate, type Contact, type ReadResult, type Unreadable } from "./contact";

export interface VProperty {
  group: string | null;
  /** Upper case: `EMAIL`, `X-ABLABEL`. */
  name: string;
  /** Parameter names in upper case; values as written (unquoted), lists split on commas. */
  params: Record<string, string[]>;
  /** The value with quoted-printable and character set decoded, escapes not yet undone. */
  value: string;
  line: number;
}

export interface VCard {
  line: number;
  properties: VProperty[];
}

interface RawLine { text: string; line: number }

/** Physical lines joined where folding split them; each keeps the number of its first line. */
function unfold(text: string): RawLine[] {
  const out: RawLine[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const last = out[out.length - 1];
    if ((line.startsWith(" ") || line.startsWith("\t")) && last) last.text += line.slice(1);
    else out.push({ text: line, line: i + 1 });
  }
  return out;
}

/** Splits on `sep` outside double quotes. */
function splitOutsideQuotes(text: string, sep: string): string[] {
  const out: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      out.push(current);
      current = "";
    } else current += ch;
  }
  out.push(current);
  return out;
}

function indexOutsideQuotes(text: string, ch: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '"') quoted = !quoted;
    else if (text[i] === ch && !quoted) return i;
  }
  return -1;
}

const BARE_ENCODINGS = new Set(["QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"]);

function parseParams(parts: string[]): Record<string, string[]> {
  const params: Record<string, string[]> = {};
  const add = (name: string, values: string[]) => {
    const key = name.trim().toUpperCase();
    params[key] = [...(params[key] ?? []), ...values];
  };
  for (const part of parts) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq < 0) {
      // vCard 2.1: `TEL;CELL`, `NOTE;QUOTED-PRINTABLE`.
      const bare = part.trim().toUpperCase();
      if (BARE_ENCODINGS.has(bare)) add("ENCODING", [bare]);
      else if (bare.startsWith("CHARSET")) continue;
      else add("TYPE", [bare]);
      continue;
    }
    const name = part.slice(0, eq);
    const values = splitOutsideQuotes(part.slice(eq + 1), ",").map((v) => v.trim().replace(/^"(.*)"$/s, "$1"));
    // 4.0 writes a list of types quoted as one value: `TYPE="voice,cell"`.
    add(name, name.trim().toUpperCase() === "TYPE" ? values.flatMap((v) => v.split(",")) : values);
  }
  return params;
}

/** Quoted-printable bytes (`=E7=8E=8B`) decoded in the declared character set (UTF-8 when none is named). */
export function decodeQuotedPrintable(value: string, charset = "utf-8"): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    const hex = value.slice(i + 1, i + 3);
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else if (ch === "=" && i === value.length - 1) {
      continue; // a soft line break left at the very end
    } else {
      for (const b of new TextEncoder().encode(ch)) bytes.push(b);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder("utf-8");
  }
  return decoder.decode(new Uint8Array(bytes));
}

function isQuotedPrintable(params: Record<string, string[]>): boolean {
  return (params.ENCODING ?? []).some((e) => e.toUpperCase() === "QUOTED-PRINTABLE");
}

/** One content line, or null when it is not one (no colon, no name). */
function parseLine(raw: RawLine): VProperty | null {
  const colon = indexOutsideQuotes(raw.text, ":");
  if (colon <= 0) return null;
  const head = splitOutsideQuotes(raw.text.slice(0, colon), ";");
  const fullName = (head[0] ?? "").trim();
  const dot = fullName.lastIndexOf(".");
  const group = dot > 0 ? fullName.slice(0, dot) : null;
  const name = (dot > 0 ? fullName.slice(dot + 1) : fullName).toUpperCase();
  if (!/^[A-Z0-9-]+$/.test(name)) return null;
  const params = parseParams(head.slice(1));
  let value = raw.text.slice(colon + 1);
  if (isQuotedPrintable(params)) value = decodeQuotedPrintable(value, params.CHARSET?.[0] ?? "utf-8");
  return { group, name, params, value, line: raw.line };
}

/** Every card in a file, with its properties in order. Lines outside a card are ignored. */
export function parseVCards(text: string): { cards: VCard[]; unclosed: VCard | null } {
  const lines = unfold(text);
  const cards: VCard[] = [];
  let card: VCard | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as RawLine;
    const trimmed = raw.text.trim();
    if (/^BEGIN:VCARD$/i.test(trimmed)) {
      if (card) cards.push(card); // a card that never ended: keep what it had
      card = { line: raw.line, properties: [] };
      continue;
    }
    if (/^END:VCARD$/i.test(trimmed)) {
      if (card) cards.push(card);
      card = null;
      continue;
    }
    if (!card || trimmed === "") continue;
    // vCard 2.1 quoted-printable: a line ending in `=` continues on the next line, which is not indented.
    let joined = raw;
    if (/ENCODING=QUOTED-PRINTABLE|;QUOTED-PRINTABLE/i.test(raw.text.slice(0, indexOutsideQuotes(raw.text, ":") + 1))) {
      joined = { ...raw };
      while (joined.text.endsWith("=") && i + 1 < lines.length && !/^END:VCARD$/i.test((lines[i + 1] as RawLine).text.trim())) {
        joined.text = joined.text.slice(0, -1) + (lines[++i] as RawLine).text;
      }
    }
    const property = parseLine(joined);
    if (property) card.properties.push(property);
  }
  return { cards, unclosed: card };
}

/** Undoes vCard escapes: `\,` `\;` `\:` `\\` and `\n` (a line break). */
export function unescapeValue(value: string): string {
  return value.replace(/\\([\\,;:nN])/g, (_m, ch: string) => (ch === "n" || ch === "N" ? "\n" : ch));
}

/** A structured value split on unescaped `;`, each part unescaped. */
export function structured(value: string): string[] {
  const parts: string[] = [];
  let current = "";
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] ?? "";
    if (ch === "\\" && i + 1 < value.length) {
      current += ch + (value[i + 1] ?? "");
      i++;
    } else if (ch === ";") {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map(unescapeValue);
}

/** A birthday as `YYYY-MM-DD`, or `MM-DD` when the card leaves the year out. */
export function readBirthday(property: VProperty): string | null {
  const value = property.value.trim();
  if ((property.params.VALUE ?? []).some((v) => v.toLowerCase() === "text")) return null;
  const noYear = /^--(\d{2})-?(\d{2})$/.exec(value);
  if (noYear) return monthDay(Number(noYear[1]), Number(noYear[2]));
  const omit = property.params["X-APPLE-OMIT-YEAR"]?.[0];
  const day = readDate(value);
  if (day === null) return null;
  if (omit !== undefined && day.startsWith(`${omit}-`)) return day.slice(5);
  return day;
}

const textOf = (p: VProperty | undefined) => (p ? clean(unescapeValue(p.value)) : null);

function addUnique(list: string[], value: string | null): void {
  if (value !== null && !list.some((v) => v.toLowerCase() === value.toLowerCase())) list.push(value);
}

function hasType(p: VProperty, type: string): boolean {
  return (p.params.TYPE ?? []).some((t) => t.toLowerCase() === type);
}

/** One card as a contact; null when it has no name to go by. */
export function contactOf(card: VCard): Contact | null {
  const all = (name: string) => card.properties.filter((p) => p.name === name);
  const first = (name: string) => all(name)[0];
  const n = first("N");
  const parts = n ? structured(n.value) : [];
  const fromN = joinName(parts[1] ?? null, parts[0] ?? null, parts[2] ?? null);
  const org = first("ORG");
  const company = org ? clean(structured(org.value)[0]) : null;
  const name = textOf(first("FN")) ?? clean(fromN) ?? company;
  if (name === null) return null;
  const contact = emptyContact("vcard", card.line, name);
  // Preferred addresses first (`TYPE=pref`, or `PREF=1` in 4.0).
  const preferred = (p: VProperty) => (hasType(p, "pref") || (p.params.PREF ?? []).length > 0 ? 0 : 1);
  for (const p of [...all("EMAIL")].sort((a, b) => preferred(a) - preferred(b))) addUnique(contact.emails, textOf(p)?.replace(/^mailto:/i, "") ?? null);
  for (const p of [...all("TEL")].sort((a, b) => preferred(a) - preferred(b))) addUnique(contact.phones, textOf(p)?.replace(/^tel:/i, "") ?? null);
  contact.company = company;
  contact.position = textOf(first("TITLE")) ?? textOf(first("ROLE"));
  const bday = first("BDAY");
  contact.birthday = bday ? readBirthday(bday) : null;
  const urls = [...all("URL"), ...all("X-SOCIALPROFILE")];
  for (const p of urls) {
    const url = textOf(p);
    if (url === null) continue;
    if (/linkedin\.com\//i.test(url) || hasType(p, "linkedin")) contact.linkedin ??= url;
    else if (p.name === "URL") contact.website ??= url;
  }
  const note = first("NOTE");
  contact.note = note ? unescapeValue(note.value).trim() || null : null;
  return contact;
}

/** Every card in a vCard file as a contact; cards without a name, and a card cut off at the end, are listed as unreadable. */
export function readVCards(text: string): ReadResult {
  const { cards, unclosed } = parseVCards(text);
  const contacts: Contact[] = [];
  const unreadable: Unreadable[] = [];
  const excerpt = (card: VCard) => card.properties.slice(0, 3).map((p) => `${p.name}:${p.value}`).join(" ").slice(0, 80);
  for (const card of cards) {
    if (card === unclosed) continue;
    const contact = contactOf(card);
    if (contact) contacts.push(contact);
    else unreadable.push({ line: card.line, reason: "no-name", excerpt: excerpt(card) });
  }
  if (unclosed) unreadable.push({ line: unclosed.line, reason: "unclosed-card", excerpt: excerpt(unclosed) });
  return { format: "vcard", contacts, unreadable };
}

export function looksLikeVCard(text: string): boolean {
  return /(^|\n)\s*BEGIN:VCARD\s*(\r?\n|$)/i.test(text.slice(0, 4000));
}
