/**
 * Message templates: short notes to send, filled from a person's note, each with the touch it logs when sent.
 *
 * A template is a Markdown file; the built-in ones (messages.en.ts, messages.zh.ts) are written the same way,
 * and a user's files in the template folder add to them or replace them:
 *
 *     ---
 *     kind: fyi-interest          the template's id; a built-in id replaces that built-in, a new id adds one
 *     subject: For your {{interest}} reading pile
 *     logs: gave/article          the touch it logs: gave/intro|article|kudos|help|other, gave, asked,
 *                                 caught-up, met, followed-through (a #touch/… tag works too), or none
 *     title: Optional name to show (built-in kinds are named in the user's language)
 *     group: fyi                  optional: fyi, payload, outreach, thanks, or a name of your own
 *     language: en                optional: en or zh; without it the template is offered in every language
 *     ---
 *     Hi {{first_name}}, … (the body: everything after the properties)
 *
 * The properties are flat `key: value` lines (a value may be quoted). A file without properties still works:
 * its name is the kind, its first line the subject, the rest the body, and nothing is logged.
 *
 * Placeholders: `{{name}}`, `{{first_name}}`, `{{interest}}` (the first interest), `{{interests}}`,
 * `{{how_we_met}}`, `{{company}}`, `{{my_name}}`, `{{date}}`, and any text or list property of the person's
 * note by its key. A known field with no value becomes a blank in brackets (`[their company]`,
 * `【对方的公司】`) for the sender to fill in; an unknown placeholder is left as typed and reported. Values are
 * written as plain text on one line: a message is for an email or a chat, not for a note.
 */
import type { Language } from "../i18n";
import { dayToISO, type Day } from "../domain/dates";
import type { Person } from "../domain/person";
import { PAYLOADS, parseTouchTag, type Payload, type TouchKind } from "../domain/touchLog";
import type { PropertyKeys } from "../settings/schema";
import { MESSAGES_EN } from "./messages.en";
import { MESSAGES_ZH } from "./messages.zh";
import { firstNameOf } from "./personTemplate";
import { prepTranslator, type PrepKey } from "./strings";

export const BUILT_IN_MESSAGE_KINDS = [
  "fyi-interview", "fyi-conference", "fyi-old-company", "fyi-interest", "fyi-follow-up",
  "intro", "article", "kudos", "cold-outreach", "thank-you",
] as const;
export type BuiltInMessageKind = (typeof BUILT_IN_MESSAGE_KINDS)[number];

export const MESSAGE_GROUPS = ["fyi", "payload", "outreach", "thanks"] as const;

/** The touch a message logs when sent. */
export interface LogSpec {
  kind: TouchKind;
  payload: Payload | null;
}

export interface MessageTemplate {
  id: string;
  /** Null: shown with the others at the end. */
  group: string | null;
  /** A name to show; null for built-in kinds (named by `message.kind.<id>`) or when none was given. */
  title: string | null;
  subject: string;
  body: string;
  logs: LogSpec | null;
  /** Null: offered in every language. */
  language: Language | null;
  /** `built-in` or the file's path. */
  source: string;
}

export type MessageIssueCode = "no-body" | "bad-logs" | "no-frontmatter";
export interface MessageIssue {
  source: string;
  code: MessageIssueCode;
  value: string;
}

/** Reads `gave/article`, `#touch/gave/intro`, `gave`, `caught-up`…; `none` or empty is null; anything else undefined. */
export function parseLogSpec(value: string): LogSpec | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === "" || v === "none" || v === "no" || v === "false") return null;
  const tag = parseTouchTag(v.startsWith("#") ? v : `#touch/${v.replace(/^touch\//, "")}`, "touch");
  if (!tag || tag.kind === "tier") return undefined;
  if (tag.kind === "gave") {
    const named = v.split("/").pop() ?? "";
    if (named !== "gave" && !PAYLOADS.includes(named as Payload)) return undefined;
  }
  return { kind: tag.kind, payload: tag.payload };
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) {
    try {
      return String(JSON.parse(v));
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v.length >= 2 && v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  return v;
}

function slug(text: string): string {
  return text.normalize("NFKC").trim().toLowerCase().replace(/\s+/gu, "-");
}

function baseName(source: string): string {
  return source.slice(source.lastIndexOf("/") + 1).replace(/\.md$/i, "");
}

/** Reads one template file (see the module comment). Null when there is nothing to send. */
export function parseMessageTemplate(text: string, source: string): { template: MessageTemplate | null; issues: MessageIssue[] } {
  const issues: MessageIssue[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const props: Record<string, string> = {};
  let bodyLines: string[];
  const close = /^---[ \t]*$/.test(lines[0] ?? "") ? lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l)) : -1;
  if (close > 0) {
    for (const line of lines.slice(1, close)) {
      const m = /^([A-Za-z_][\w-]*)[ \t]*:(.*)$/.exec(line);
      if (m) props[(m[1] ?? "").toLowerCase()] = unquote(m[2] ?? "");
    }
    bodyLines = lines.slice(close + 1);
  } else {
    issues.push({ source, code: "no-frontmatter", value: "" });
    const first = lines.findIndex((l) => l.trim() !== "");
    props.subject = (lines[first] ?? "").replace(/^#+\s*/, "").replace(/^(?:subject|主题)\s*[:：]\s*/i, "").trim();
    bodyLines = first < 0 ? [] : lines.slice(first + 1);
  }
  const body = bodyLines.join("\n").replace(/^\s*\n/, "").trimEnd();
  if (body.trim() === "") {
    issues.push({ source, code: "no-body", value: "" });
    return { template: null, issues };
  }
  let logs: LogSpec | null = null;
  if (props.logs !== undefined) {
    const spec = parseLogSpec(props.logs);
    if (spec === undefined) issues.push({ source, code: "bad-logs", value: props.logs });
    else logs = spec;
  }
  const lang = (props.language ?? props.lang ?? "").toLowerCase();
  const language: Language | null = lang === "en" || lang.startsWith("en-") ? "en" : lang === "zh" || lang === "zh-cn" || lang.startsWith("zh-hans") ? "zh" : null;
  const id = slug(props.kind ?? "") || slug(baseName(source));
  return {
    template: {
      id,
      group: props.group?.trim() ? props.group.trim().toLowerCase() : null,
      title: props.title?.trim() ? props.title.trim() : null,
      subject: (props.subject ?? "").trim(),
      body,
      logs,
      language,
      source,
    },
    issues,
  };
}

const BUILT_IN_TEXTS: Record<Language, readonly string[]> = { en: MESSAGES_EN, zh: MESSAGES_ZH };

export function builtInTemplates(language: Language): MessageTemplate[] {
  return BUILT_IN_TEXTS[language].flatMap((text) => {
    const t = parseMessageTemplate(text, "built-in").template;
    return t ? [{ ...t, language }] : [];
  });
}

/**
 * The templates offered in a language: the built-ins in their order, a user's template with the same kind in
 * place of its built-in, then the user's new kinds (by file path). User files for another language are skipped.
 */
export function templatesFor(language: Language, files: readonly { path: string; text: string }[]): { templates: MessageTemplate[]; issues: MessageIssue[] } {
  const issues: MessageIssue[] = [];
  const templates = builtInTemplates(language);
  const extra: MessageTemplate[] = [];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parsed = parseMessageTemplate(f.text, f.path);
    issues.push(...parsed.issues);
    const t = parsed.template;
    if (!t || (t.language !== null && t.language !== language)) continue;
    const at = templates.findIndex((b) => b.id === t.id);
    if (at >= 0) {
      const builtIn = templates[at];
      templates[at] = { ...t, group: t.group ?? builtIn?.group ?? null, subject: t.subject || (builtIn?.subject ?? "") };
    } else {
      const again = extra.findIndex((e) => e.id === t.id);
      if (again >= 0) extra[again] = t;
      else extra.push(t);
    }
  }
  return { templates: [...templates, ...extra], issues };
}

/** What a message is filled from. */
export interface MessageFields {
  name: string;
  /** Defaults to the first word of the name (the whole name when it has no spaces, as Chinese names). */
  firstName?: string | null;
  interests?: readonly string[];
  howWeMet?: string | null;
  company?: string | null;
  /** The sender's name (a setting); a blank when not set. */
  myName?: string | null;
  today?: Day | null;
  /** Any other field of the person's note, by placeholder name (lower case). */
  extra?: Readonly<Record<string, string | readonly string[]>>;
}

const COMPANY_KEYS = ["company", "organization", "organisation", "org", "employer", "公司"];

function textOf(value: unknown): string | null {
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number") return String(value);
  return null;
}

/** Fields for a person, from their parsed note and its raw frontmatter (text and list properties join `extra`). */
export function messageFieldsFor(person: Person, frontmatter: Readonly<Record<string, unknown>> | null, keys: PropertyKeys, myName: string | null = null, today: Day | null = null): MessageFields {
  const fm = frontmatter ?? {};
  const extra: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(fm)) {
    const k = key.toLowerCase();
    if (!/^[^{}\s:]+$/.test(k)) continue;
    const text = textOf(value);
    if (text !== null) extra[k] = text;
    else if (Array.isArray(value)) extra[k] = value.filter((v): v is string => typeof v === "string" && v.trim() !== "");
  }
  const lower = Object.fromEntries(Object.entries(fm).map(([k, v]) => [k.toLowerCase(), v]));
  const company = COMPANY_KEYS.map((k) => textOf(lower[k])).find((v) => v !== null) ?? null;
  return {
    name: person.name,
    firstName: textOf(lower.first_name) ?? textOf(lower.firstname),
    interests: person.interests,
    howWeMet: textOf(fm[keys.howWeMet]),
    company,
    myName,
    today,
    extra,
  };
}

export interface FilledMessage {
  id: string;
  subject: string;
  body: string;
  logs: LogSpec | null;
  /** The parts in brackets left for the sender, in order, each once. */
  blanks: string[];
  /** Placeholders that named nothing known, left as typed. */
  unknown: string[];
}

const PLACEHOLDER = /\{\{\s*([^{}\s:]+)\s*\}\}/g;
const BLANK = /\[[^\]\n]+\]|【[^】\n]+】/g;

const oneLine = (s: string) => s.replace(/\s+/gu, " ").trim();

/** Fills a template for a person. Values go in as plain one-line text; missing ones as blanks. */
export function fillMessage(template: MessageTemplate, fields: MessageFields, language: Language): FilledMessage {
  const t = prepTranslator(language);
  const separator = language === "zh" ? "、" : ", ";
  const interests = (fields.interests ?? []).map(oneLine).filter((i) => i !== "");
  const firstName = oneLine(fields.firstName ?? "") || firstNameOf(fields.name);
  const known: Record<string, { value: string; blank: PrepKey }> = {
    name: { value: oneLine(fields.name), blank: "blank.name" },
    first_name: { value: firstName, blank: "blank.name" },
    interest: { value: interests[0] ?? "", blank: "blank.interest" },
    interests: { value: interests.join(separator), blank: "blank.interest" },
    how_we_met: { value: oneLine(fields.howWeMet ?? ""), blank: "blank.howWeMet" },
    company: { value: oneLine(fields.company ?? ""), blank: "blank.company" },
    my_name: { value: oneLine(fields.myName ?? ""), blank: "blank.myName" },
  };
  const extra = fields.extra ?? {};
  const blanks: string[] = [];
  const unknown: string[] = [];
  const note = (list: string[], item: string) => {
    if (!list.includes(item)) list.push(item);
  };
  const fill = (text: string): string => {
    let out = "";
    let pos = 0;
    for (const m of text.matchAll(PLACEHOLDER)) {
      const literal = text.slice(pos, m.index);
      for (const b of literal.match(BLANK) ?? []) note(blanks, b);
      out += literal;
      pos = (m.index ?? 0) + m[0].length;
      const key = (m[1] ?? "").toLowerCase();
      const own = known[key];
      let value: string | null = null;
      if (own) value = own.value === "" ? null : own.value;
      else if (key === "date") value = fields.today === null || fields.today === undefined ? null : dayToISO(fields.today);
      else if (Object.prototype.hasOwnProperty.call(extra, key)) {
        const v = extra[key];
        value = typeof v === "string" ? oneLine(v) : (v ?? []).map(oneLine).filter((i) => i !== "").join(separator);
        if (value === "") value = null;
      } else {
        note(unknown, m[0]);
        out += m[0];
        continue;
      }
      if (value === null) {
        const blank = own ? t(own.blank) : language === "zh" ? `【${key}】` : `[${key.replace(/_/g, " ")}]`;
        note(blanks, blank);
        out += blank;
      } else out += value;
    }
    const rest = text.slice(pos);
    for (const b of rest.match(BLANK) ?? []) note(blanks, b);
    return out + rest;
  };
  const subject = fill(template.subject);
  const body = fill(template.body);
  return { id: template.id, subject, body, logs: template.logs, blanks, unknown };
}
