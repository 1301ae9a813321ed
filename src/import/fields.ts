/**
 * What each imported value becomes in a person note, and how a value already there compares with it. The keys the
 * plugin reads (`birthday`, `met`, `how_we_met`) follow the settings; the others are plain properties any template
 * or message can use (`{{company}}`).
 */
import type { PropertyKeys } from "../settings/schema";
import type { Contact } from "./contact";

export const IMPORT_FIELDS = ["company", "position", "email", "phone", "birthday", "linkedin", "website", "met", "how_we_met"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ImportValue = string | string[];
export type ImportKeys = Record<ImportField, string>;

export function importKeys(keys: Pick<PropertyKeys, "birthday" | "met" | "howWeMet">): ImportKeys {
  return {
    company: "company", position: "position", email: "email", phone: "phone", birthday: keys.birthday,
    linkedin: "linkedin", website: "website", met: keys.met, how_we_met: keys.howWeMet,
  };
}

const listOrOne = (values: string[]): ImportValue | null => (values.length === 0 ? null : values.length === 1 ? (values[0] as string) : values);

/** The values a contact brings, by field; fields it has nothing for are left out. */
export function contactValues(c: Contact): Partial<Record<ImportField, ImportValue>> {
  const out: Partial<Record<ImportField, ImportValue>> = {};
  const put = (field: ImportField, value: ImportValue | null) => {
    if (value !== null) out[field] = value;
  };
  put("company", c.company);
  put("position", c.position);
  put("email", listOrOne(c.emails));
  put("phone", listOrOne(c.phones));
  put("birthday", c.birthday);
  put("linkedin", c.linkedin);
  put("website", c.website);
  put("met", c.connected);
  put("how_we_met", c.how);
  return out;
}

/** Nothing there: missing, null, blank text or an empty list. */
export function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === "string") return value.trim() === "";
  if (Array.isArray(value)) return value.every(isEmptyValue);
  return false;
}

function textsOf(value: unknown): string[] {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [] : [value.toISOString().slice(0, 10)];
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return [String(value).trim()];
  return [];
}

const comparable = (field: ImportField, text: string) => {
  const t = text.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (field === "email" || field === "linkedin" || field === "website") return t.toLowerCase().replace(/\/+$/, "");
  if (field === "phone") return t.replace(/[^\d+]/g, "");
  return t.toLowerCase();
};

/** Whether the note already says this: equal text (case and spacing aside), or, for a list, every value in it. */
export function sameValue(field: ImportField, current: unknown, value: ImportValue): boolean {
  const have = new Set(textsOf(current).map((t) => comparable(field, t)));
  const want = (Array.isArray(value) ? value : [value]).map((t) => comparable(field, t));
  return want.every((w) => have.has(w));
}

/** Emails written in a note's properties, as text. */
export function emailsIn(frontmatter: Record<string, unknown> | null | undefined, key = "email"): string[] {
  if (!frontmatter) return [];
  return textsOf(frontmatter[key]).filter((e) => e.includes("@"));
}
