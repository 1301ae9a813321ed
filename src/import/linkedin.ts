/**
 * LinkedIn's `Connections.csv` as LinkedIn exports it: a few lines of notes before the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On` (older exports have no URL or email
 * columns), dates such as `26 Nov 2024`, quoted fields that hold commas or line breaks, CRLF line ends and
 * sometimes a byte-order mark. Columns are found by their header names, so their order does not matter.
 */
import { parse as parseCsv } from "@vanillaes/csv";
import { clean, emptyContact, joinName, readDate, type Contact, type ReadResult, type Unreadable } from "./contact";

const COLUMNS = {
  first: ["first name", "given name", "firstname"],
  last: ["last name", "family name", "surname", "lastname"],
  url: ["url", "profile url", "linkedin url"],
  email: ["email address", "email", "e-mail address"],
  company: ["company", "organization"],
  position: ["position", "title", "job title"],
  connected: ["connected on"],
} as const;

type Column = keyof typeof COLUMNS;

function headerOf(row: readonly string[]): Partial<Record<Column, number>> | null {
  const cells = row.map((c) => c.replace(/^\uFEFF/, "").trim().toLowerCase());
  const at: Partial<Record<Column, number>> = {};
  for (const [column, names] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
    const i = cells.findIndex((c) => names.includes(c));
    if (i >= 0) at[column] = i;
  }
  return at.first !== undefined && at.last !== undefined ? at : null;
}

/** Whether `text` looks like a LinkedIn connections export (a header with first and last name columns). */
export function looksLikeLinkedIn(text: string): boolean {
  return /(^|\n)\uFEFF?"?first name"?\s*,\s*"?last name"?/i.test(text.slice(0, 4000));
}

/**
 * The rows of a CSV text, every cell as text (no type guessing). A text whose quotes do not pair up (a quote
 * inside an unquoted cell, a quoted cell never closed) is not guessed at: nothing is read, and the row is named.
 */
function csvRows(body: string): string[][] | Unreadable {
  const broken = (row: number): Unreadable => ({ line: row, reason: "quotes", excerpt: (body.split(/\r?\n/)[row - 1] ?? "").slice(0, 80) });
  let rows: unknown[][];
  try {
    rows = parseCsv(body) as unknown[][];
  } catch (error) {
    const row = /row:\s*(\d+)/.exec(error instanceof Error ? error.message : "");
    return broken(row ? Number(row[1]) : 1);
  }
  // Quotes in a well-formed file come in pairs (open and close, or "" for one quote); an odd count means a quoted
  // cell runs to the end of the file, which the parser would drop without a word.
  let quotes = 0;
  for (let i = body.indexOf('"'); i >= 0; i = body.indexOf('"', i + 1)) quotes++;
  if (quotes % 2 === 1) return broken(body.slice(0, body.lastIndexOf('"')).split("\n").length);
  // The parser gives text for every cell unless asked to guess types; anything else is read as empty.
  return rows.map((r) => r.map((c) => (typeof c === "string" ? c : "")));
}

/**
 * The contacts of a connections export. `line` is the row's number in the file (rows and lines agree unless a
 * quoted field spans lines). Rows without any name are listed as unreadable, never guessed.
 */
export function readLinkedIn(text: string): ReadResult {
  const body = text.replace(/^\uFEFF/, "");
  const rows = csvRows(body);
  if (!Array.isArray(rows)) return { format: "linkedin", contacts: [], unreadable: [rows] };
  const headerAt = rows.findIndex((r) => headerOf(r) !== null);
  if (headerAt < 0) return { format: "unknown", contacts: [], unreadable: [] };
  const at = headerOf(rows[headerAt] ?? []) ?? {};
  const width = Math.max(...Object.values(at));
  const contacts: Contact[] = [];
  const unreadable: Unreadable[] = [];
  for (let i = headerAt + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const line = i + 1;
    if (row.every((c) => c.trim() === "")) continue;
    const cell = (column: Column) => {
      const index = at[column];
      return index === undefined ? null : clean(row[index]);
    };
    const excerpt = row.join(",").slice(0, 80);
    if (row.length <= Math.min(width, at.last ?? 0)) {
      unreadable.push({ line, reason: "columns", excerpt });
      continue;
    }
    const name = joinName(cell("first"), cell("last"));
    if (name === "") {
      unreadable.push({ line, reason: "no-name", excerpt });
      continue;
    }
    const contact = emptyContact("linkedin", line, name);
    const email = cell("email");
    if (email !== null) contact.emails.push(email);
    const url = cell("url");
    if (url !== null) {
      if (/linkedin\.com\//i.test(url)) contact.linkedin = url;
      else contact.website = url;
    }
    contact.company = cell("company");
    contact.position = cell("position");
    contact.connected = readDate(cell("connected"));
    contact.how = "LinkedIn";
    contacts.push(contact);
  }
  return { format: "linkedin", contacts, unreadable };
}
