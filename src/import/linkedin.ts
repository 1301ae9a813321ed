/**
 * LinkedIn's `Connections.csv` as LinkedIn exports it: a few lines of notes before the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On` (older exports have no URL or email
 * columns), dates such as `26 Nov 2024`, quoted fields that hold commas or line breaks, CRLF line ends and
 * sometimes a byte-order mark. Columns are found by their header names, so their order does not matter.
 */
import { csvParseRows } from "d3-dsv";
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
 * The contacts of a connections export. `line` is the row's number in the file (rows and lines agree unless a
 * quoted field spans lines). Rows without any name are listed as unreadable, never guessed.
 */
export function readLinkedIn(text: string): ReadResult {
  const rows = csvParseRows(text.replace(/^\uFEFF/, ""));
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
