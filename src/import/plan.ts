/**
 * What an import would do, decided before anything is written: people to create, people to enrich, people who
 * are already up to date, rows that match more than one person (never applied), rows merged with an earlier row
 * of the same file, and rows that could not be read. Pure: the same file against the same vault always plans
 * the same, and a file planned against the vault it was applied to plans no new notes and nothing to fill.
 */
import { normaliseFolder, safeChildPath } from "../prep/fileName";
import { emailKey, nameKey, type Contact, type ReadResult, type Unreadable } from "./contact";
import { contactValues, emailsIn, IMPORT_FIELDS, isEmptyValue, sameValue, type ImportField, type ImportKeys, type ImportValue } from "./fields";

export interface ExistingPerson {
  path: string;
  name: string;
  aliases: readonly string[];
  /** The note's properties as read; null when it has none (or they do not read). */
  frontmatter: Record<string, unknown> | null;
}

export interface FieldChange {
  field: ImportField;
  key: string;
  value: ImportValue;
  /** What the note has now; null when empty. */
  current: unknown;
}

export interface CreateItem {
  kind: "create";
  id: number;
  contact: Contact;
  /** The new note's vault path, always directly inside the target folder. */
  path: string;
  values: Partial<Record<ImportField, ImportValue>>;
}

export interface UpdateItem {
  kind: "update";
  id: number;
  contact: Contact;
  path: string;
  /** The person's name in the vault. */
  name: string;
  /** Empty in the note: filled when applied. */
  fills: FieldChange[];
  /** Different in the note: kept, unless the person chooses to replace that field. */
  differs: FieldChange[];
}

export type AmbiguousReason = "several-people" | "same-name-other-email" | "shares-email" | "file-taken";

export interface AmbiguousItem {
  kind: "ambiguous";
  id: number;
  contact: Contact;
  reason: AmbiguousReason;
  /** The notes (or earlier rows, as `line N`) it could be. */
  candidates: string[];
}

export interface MergedRow {
  line: number;
  /** The line of the row it was merged into. */
  into: number;
  name: string;
}

export interface Plan {
  format: ReadResult["format"];
  folder: string;
  create: CreateItem[];
  /** Matched people with something to fill. */
  update: UpdateItem[];
  /** Matched people with nothing to fill (values that differ are listed and kept). */
  upToDate: UpdateItem[];
  ambiguous: AmbiguousItem[];
  unreadable: Unreadable[];
  merged: MergedRow[];
}

export interface PlanOptions {
  keys: ImportKeys;
  /** Where new notes go (the first people folder). */
  folder: string;
  /** Whether a file or folder exists at a vault path (any case: many file systems ignore it). */
  exists(path: string): boolean;
}

function sharesEmail(a: readonly string[], b: readonly string[]): boolean {
  const set = new Set(a.map(emailKey));
  return b.some((e) => set.has(emailKey(e)));
}

/** Fills what the earlier row lacks from a later row for the same person. */
function mergeInto(target: Contact, other: Contact): void {
  for (const e of other.emails) if (!target.emails.some((t) => emailKey(t) === emailKey(e))) target.emails.push(e);
  for (const p of other.phones) if (!target.phones.includes(p)) target.phones.push(p);
  target.company ??= other.company;
  target.position ??= other.position;
  target.birthday ??= other.birthday;
  target.linkedin ??= other.linkedin;
  target.website ??= other.website;
  target.connected ??= other.connected;
  target.how ??= other.how;
  target.note ??= other.note;
}

interface Folded {
  contacts: Contact[];
  ambiguous: { contact: Contact; reason: AmbiguousReason; candidates: string[] }[];
  merged: MergedRow[];
}

/** Rows for the same person within one file become one; rows that clash with an earlier one are held back. */
function foldDuplicates(contacts: readonly Contact[]): Folded {
  const byName = new Map<string, Contact>();
  const byEmail = new Map<string, Contact>();
  const out: Folded = { contacts: [], ambiguous: [], merged: [] };
  for (const original of contacts) {
    const contact: Contact = { ...original, emails: [...original.emails], phones: [...original.phones] };
    const key = nameKey(contact.name);
    const sameName = byName.get(key);
    const sameEmail = contact.emails.map((e) => byEmail.get(emailKey(e))).find((c) => c !== undefined);
    if (sameName && (sameName.emails.length === 0 || contact.emails.length === 0 || sharesEmail(sameName.emails, contact.emails)) && (!sameEmail || sameEmail === sameName)) {
      mergeInto(sameName, contact);
      for (const e of sameName.emails) byEmail.set(emailKey(e), sameName);
      out.merged.push({ line: contact.line, into: sameName.line, name: contact.name });
      continue;
    }
    if (sameName) {
      out.ambiguous.push({ contact, reason: "same-name-other-email", candidates: [`line ${sameName.line}`] });
      continue;
    }
    if (sameEmail) {
      out.ambiguous.push({ contact, reason: "shares-email", candidates: [`line ${sameEmail.line}`] });
      continue;
    }
    byName.set(key, contact);
    for (const e of contact.emails) byEmail.set(emailKey(e), contact);
    out.contacts.push(contact);
  }
  return out;
}

export function planImport(read: ReadResult, people: readonly ExistingPerson[], options: PlanOptions): Plan {
  const { keys } = options;
  const plan: Plan = { format: read.format, folder: normaliseFolder(options.folder), create: [], update: [], upToDate: [], ambiguous: [], unreadable: [...read.unreadable], merged: [] };
  const byName = new Map<string, Set<ExistingPerson>>();
  const byEmail = new Map<string, Set<ExistingPerson>>();
  const add = (map: Map<string, Set<ExistingPerson>>, key: string, p: ExistingPerson) => {
    if (key === "") return;
    let set = map.get(key);
    if (!set) map.set(key, (set = new Set()));
    set.add(p);
  };
  for (const p of people) {
    add(byName, nameKey(p.name), p);
    for (const a of p.aliases) add(byName, nameKey(a), p);
    for (const e of emailsIn(p.frontmatter, keys.email)) add(byEmail, emailKey(e), p);
  }

  const folded = foldDuplicates(read.contacts);
  plan.merged = folded.merged;
  let id = 0;
  for (const a of folded.ambiguous) plan.ambiguous.push({ kind: "ambiguous", id: id++, ...a });
  const planned = new Set<string>();
  for (const contact of folded.contacts) {
    const matches = new Set<ExistingPerson>(byName.get(nameKey(contact.name)) ?? []);
    for (const e of contact.emails) for (const p of byEmail.get(emailKey(e)) ?? []) matches.add(p);
    const values = contactValues(contact);
    if (matches.size > 1) {
      plan.ambiguous.push({ kind: "ambiguous", id: id++, contact, reason: "several-people", candidates: [...matches].map((p) => p.path).sort() });
      continue;
    }
    const match = [...matches][0];
    if (match) {
      const item: UpdateItem = { kind: "update", id: id++, contact, path: match.path, name: match.name, fills: [], differs: [] };
      for (const field of IMPORT_FIELDS) {
        const value = values[field];
        if (value === undefined) continue;
        const current = match.frontmatter?.[keys[field]];
        if (isEmptyValue(current)) item.fills.push({ field, key: keys[field], value, current: null });
        else if (!sameValue(field, current, value)) item.differs.push({ field, key: keys[field], value, current });
      }
      (item.fills.length > 0 ? plan.update : plan.upToDate).push(item);
      continue;
    }
    let child: ReturnType<typeof safeChildPath>;
    try {
      child = safeChildPath(options.folder, contact.name);
    } catch {
      child = { ok: false, error: "empty" };
    }
    if (!child.ok) {
      plan.unreadable.push({ line: contact.line, reason: "name-unusable", excerpt: contact.name });
      continue;
    }
    const lower = child.path.toLowerCase();
    if (options.exists(child.path) || planned.has(lower)) {
      plan.ambiguous.push({ kind: "ambiguous", id: id++, contact, reason: "file-taken", candidates: [child.path] });
      continue;
    }
    planned.add(lower);
    plan.create.push({ kind: "create", id: id++, contact, path: child.path, values });
  }
  plan.unreadable.sort((a, b) => a.line - b.line);
  return plan;
}

/** What the person chose in the review. */
export interface Selection {
  /** Ids of the items to apply (create, update and up-to-date items; ambiguous ones are never applied). */
  ids: ReadonlySet<number>;
  /** Fields whose differing values are replaced. */
  overwrite: ReadonlySet<ImportField>;
}

export interface Work {
  create: CreateItem[];
  /** People to change, with the changes for each (fills, plus differing values of the fields to replace). */
  update: { item: UpdateItem; changes: FieldChange[] }[];
}

/** The notes to make and the changes to write for a selection; an item with nothing to write is left out. */
export function workFor(plan: Plan, selection: Selection): Work {
  const create = plan.create.filter((i) => selection.ids.has(i.id));
  const update: Work["update"] = [];
  for (const item of [...plan.update, ...plan.upToDate]) {
    if (!selection.ids.has(item.id)) continue;
    const changes = [...item.fills, ...item.differs.filter((d) => selection.overwrite.has(d.field))];
    if (changes.length > 0) update.push({ item, changes });
  }
  return { create, update };
}

/**
 * Writes `changes` into a note's properties as they are at write time: an empty value is filled; a value is
 * replaced only for a field in `overwrite`. Every other key is left exactly as it was. Returns how many were written.
 */
export function applyChanges(frontmatter: Record<string, unknown>, changes: readonly FieldChange[], overwrite: ReadonlySet<ImportField>): number {
  let written = 0;
  for (const change of changes) {
    const current = frontmatter[change.key];
    if (isEmptyValue(current) || (overwrite.has(change.field) && !sameValue(change.field, current, change.value))) {
      frontmatter[change.key] = Array.isArray(change.value) ? [...change.value] : change.value;
      written++;
    }
  }
  return written;
}
