/**
 * The note a new person starts with: the built-in default, or a user's template file with placeholders.
 *
 * Placeholders are `{{name}}` (any case, spaces allowed inside the braces): `name`, `title` (the note's file
 * name), `first_name`, `date` (the day the note is made), `tier`, `tier_goal`, `met`, `how_we_met`, `interests`,
 * the same fields under the property names set in the settings (`{{origin}}` when `how_we_met` is renamed
 * `origin`), and any extra form field. Dates take a format too: `{{date:YYYY年M月D日}}`. A placeholder that
 * names nothing known is left exactly as typed. Templater commands (`<% … %>`, `<%* … %>` and their `-`/`_`
 * forms) are left untouched, placeholders inside them included, for Templater to run once the note exists.
 *
 * In the frontmatter a value is written so the YAML reads back exactly what was typed (see yamlText.ts):
 * - `key: {{x}}`: a YAML scalar, plain or double-quoted; an empty value leaves the key empty; a list becomes
 *   `[a, b]`; a date stays plain (`met: 2026-11-20`) so Properties shows it as a date.
 * - `- {{interests}}` (a list item on its own): one item per value, none when the list is empty.
 * - `key: "…{{x}}…"`: escaped for double quotes. `key: '…{{x}}…'`: quotes doubled, line breaks as spaces.
 * - `key: [… {{x}} …]`: each value a flow scalar.
 * - `key: text {{x}} text`: the whole value double-quoted when it would not read back as written.
 * In the body a value is written by markdownText.ts: no accidental tags, links, headings, lists or HTML.
 */
import type { Language } from "../i18n";
import { compileDateFormat } from "../domain/dateFormat";
import { dayFromISO, dayToISO, type Day } from "../domain/dates";
import type { Tier } from "../domain/tiers";
import type { PropertyKeys } from "../settings/schema";
import { safeFileName } from "./fileName";
import { breakTemplater, codeText, escapeInline, isBlockStart, linkTarget, oneLine } from "./markdownText";
import { prepTranslator } from "./strings";
import { yamlDateOrScalar, yamlDoubleQuoted, yamlDoubleQuotedContent, yamlFlowSequence, yamlKey, yamlPlainSafe, yamlScalar } from "./yamlText";

/** What the New person form collects. */
export interface PersonForm {
  name: string;
  tier: Tier | null;
  /** The day you met, `YYYY-MM-DD`; null or empty when not known. */
  met?: string | null;
  howWeMet?: string;
  interests?: readonly string[];
  tierGoal?: Tier | null;
  /** Any other form field, by placeholder name (lower case). */
  extra?: Readonly<Record<string, string | readonly string[]>>;
}

export interface PersonTemplateContext {
  keys: PropertyKeys;
  /** The log heading from the settings (`settings.log.heading`). */
  logHeading: string;
  language: Language;
  today: Day;
  /** The people marker to write (`type: person`) when the note is not in a people folder; null for none. */
  marker?: { key: string; value: string } | null;
  /** Tier names in the user's language for the body; frontmatter always keeps the English ids. */
  tierLabel?: (tier: Tier) => string;
}

/** A field's value: text, a list of text, or a day (`YYYY-MM-DD`). */
export type FieldValue = string | readonly string[] | { readonly day: string };
export type Fields = Readonly<Record<string, FieldValue>>;

/** Splits typed interests on commas (`,` `，` `、`), semicolons and line breaks; trimmed, empty and repeated ones dropped. */
export function parseInterests(input: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of input.split(/[,，、;；\n]/)) {
    const item = oneLine(part);
    if (item === "" || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

/**
 * What to call someone in a greeting: the first word of a name written with spaces (skipping a title such as
 * `Dr.`), or the whole name when it has no spaces (a Chinese name is used in full).
 */
export function firstNameOf(name: string): string {
  const words = oneLine(name).split(" ").filter((w) => w !== "");
  if (words.length <= 1) return words[0] ?? "";
  const title = /^(?:dr|mr|mrs|ms|mx|prof|sir|dame)\.?$/i;
  const first = words.find((w, i) => i < words.length - 1 && !title.test(w));
  return first ?? words[0] ?? "";
}

const nonEmpty = (v: string | null | undefined): string => (v ?? "").trim();

/** The placeholder values for a person form, under their own names and under the configured property names. */
export function personFields(form: PersonForm, ctx: PersonTemplateContext): Fields {
  const name = oneLine(form.name);
  const file = safeFileName(name);
  const met = nonEmpty(form.met);
  const fields: Record<string, FieldValue> = {};
  for (const [key, value] of Object.entries(form.extra ?? {})) fields[key.toLowerCase()] = value;
  const own: Record<string, FieldValue> = {
    name,
    title: file.ok ? file.name : name,
    first_name: firstNameOf(name),
    date: { day: dayToISO(ctx.today) },
    tier: form.tier ?? "",
    tier_goal: form.tierGoal ?? "",
    met: met === "" ? "" : { day: met },
    how_we_met: oneLine(form.howWeMet ?? ""),
    interests: (form.interests ?? []).map(oneLine).filter((i) => i !== ""),
  };
  const renamed: [keyof PropertyKeys, string][] = [["tier", "tier"], ["tierGoal", "tier_goal"], ["met", "met"], ["howWeMet", "how_we_met"], ["interests", "interests"]];
  for (const [key, field] of renamed) {
    const configured = ctx.keys[key].toLowerCase();
    if (/^[^{}\s:]+$/.test(configured) && !(configured in own)) fields[configured] = own[field] ?? "";
  }
  return { ...fields, ...own };
}

/** The frontmatter values a form sets, for the keys a user template leaves out (English tier ids, ISO dates). */
export function formFrontmatter(form: PersonForm, ctx: PersonTemplateContext): Record<string, string | string[]> {
  const keys = ctx.keys;
  const out: Record<string, string | string[]> = {};
  if (ctx.marker && ctx.marker.key !== "") out[ctx.marker.key] = ctx.marker.value;
  if (form.tier) out[keys.tier] = form.tier;
  const met = nonEmpty(form.met);
  if (met !== "") out[keys.met] = met;
  const how = oneLine(form.howWeMet ?? "");
  if (how !== "") out[keys.howWeMet] = how;
  const interests = (form.interests ?? []).map(oneLine).filter((i) => i !== "");
  if (interests.length > 0) out[keys.interests] = interests;
  if (form.tierGoal) out[keys.tierGoal] = form.tierGoal;
  const name = oneLine(form.name);
  const file = safeFileName(name);
  if (file.ok && file.name !== name) out.aliases = [name];
  return out;
}

/** The built-in person note: every plugin property (empty ones too, so Properties offers them) and four sections. */
export function defaultPersonNote(form: PersonForm, ctx: PersonTemplateContext): string {
  const t = prepTranslator(ctx.language);
  const keys = ctx.keys;
  const lines = ["---"];
  const put = (key: string, value: string) => lines.push(value === "" ? `${yamlKey(key)}:` : `${yamlKey(key)}: ${value}`);
  if (ctx.marker && ctx.marker.key !== "") put(ctx.marker.key, yamlScalar(ctx.marker.value));
  const fm = formFrontmatter(form, ctx);
  const aliases = fm.aliases;
  if (Array.isArray(aliases)) lines.push("aliases:", ...aliases.map((a) => `  - ${yamlScalar(a)}`));
  put(keys.tier, form.tier ?? "");
  put(keys.met, yamlDateOrScalar(nonEmpty(form.met)).replace(/^""$/, ""));
  const how = oneLine(form.howWeMet ?? "");
  put(keys.howWeMet, how === "" ? "" : yamlScalar(how));
  const interests = fm[keys.interests];
  if (Array.isArray(interests)) lines.push(`${yamlKey(keys.interests)}:`, ...interests.map((i) => `  - ${yamlScalar(i)}`));
  else put(keys.interests, "[]");
  put(keys.tierGoal, form.tierGoal ?? "");
  lines.push("---", "");
  const log = oneLine(ctx.logHeading.replace(/^#+/, "")) || "Log";
  for (const heading of [t("personNote.known"), t("personNote.common"), log, t("personNote.commitments")]) lines.push(`## ${heading}`, "");
  return lines.join("\n");
}

/** Where Templater commands are: `<%` to the next `%>` (to the end when never closed). */
export function templaterRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf("<%", from);
    if (start < 0) return out;
    const close = text.indexOf("%>", start + 2);
    const end = close < 0 ? text.length : close + 2;
    out.push([start, end]);
    from = end;
  }
}

/** The end of the frontmatter block (after its closing line), or 0. */
function frontmatterEnd(text: string): number {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = /^---[ \t]*(?:\r?\n|$)/gm;
  close.lastIndex = open[0].length;
  const m = close.exec(text);
  return m ? m.index + m[0].length : 0;
}

const PLACEHOLDER = /\{\{\s*([^{}\s:]+)\s*(?::([^{}]*))?\}\}/g;

interface Slot { start: number; end: number; value: FieldValue; format: string | null }

export interface RenderOptions {
  /** How lists read in the body. */
  listSeparator?: string;
  /** Shows a value in the body (tier names in the user's language); frontmatter keeps the raw value. */
  bodyValue?: (field: string, value: string) => string;
}

function asText(value: FieldValue, format: string | null, separator: string): string {
  if (typeof value === "string") return value;
  if ("day" in value) {
    if (format === null || format.trim() === "") return value.day;
    const day = dayFromISO(value.day);
    return day === null ? value.day : compileDateFormat(format.trim()).format(day);
  }
  return value.join(separator);
}

function slotsOf(line: string, offset: number, fields: Fields, blocked: [number, number][]): Slot[] {
  const out: Slot[] = [];
  for (const m of line.matchAll(PLACEHOLDER)) {
    const start = (m.index ?? 0);
    const at = offset + start;
    if (blocked.some(([a, b]) => at < b && at + m[0].length > a)) continue;
    const key = (m[1] ?? "").toLowerCase();
    if (!Object.prototype.hasOwnProperty.call(fields, key)) continue;
    const value = fields[key];
    if (value === undefined) continue;
    const format = m[2] ?? null;
    if (format !== null && (typeof value === "string" || !("day" in value))) continue; // a format on a non-date: leave it
    out.push({ start, end: start + m[0].length, value, format });
  }
  return out;
}

function splice(line: string, slots: Slot[], render: (slot: Slot) => string): string {
  let out = "";
  let pos = 0;
  for (const s of slots) {
    out += line.slice(pos, s.start) + render(s);
    pos = s.end;
  }
  return out + line.slice(pos);
}

const FM_LINE = /^([ \t]*)(-[ \t]+)?([^\s"'{[\]#:|>-][^:]*?:[ \t]+|[^\s"'{[\]#:|>-][^:]*?:$)?(.*?)([ \t]*)$/;

/** One frontmatter line with its placeholders filled so the YAML reads back what was typed; null drops the line. */
function frontmatterLine(line: string, slots: Slot[], hasTemplater: boolean): string | null {
  const m = FM_LINE.exec(line);
  const indent = m?.[1] ?? "";
  const dash = m?.[2] ?? "";
  const key = m?.[3] ?? "";
  const rest = m?.[4] ?? line;
  const restStart = m ? indent.length + dash.length + key.length : 0;
  const inRest = slots.every((s) => s.start >= restStart);
  const local = slots.map((s) => ({ ...s, start: s.start - restStart, end: s.end - restStart }));
  // Frontmatter values stay on one line (as Properties shows them); list items each on their own.
  const text = (s: Slot) => oneLine(asText(s.value, s.format, ", "));
  const itemsOf = (v: readonly string[]) => v.map(oneLine);
  const only = local.length === 1 && local[0]?.start === 0 && local[0]?.end === rest.length ? local[0] : null;
  if (!m || !inRest) return splice(line, slots, (s) => breakTemplater(oneLine(text(s))));
  const head = indent + dash + key;
  if (key === "" && dash === "") return splice(line, slots, (s) => breakTemplater(oneLine(text(s)))); // a continuation line

  if (only) {
    const v = only.value;
    if (Array.isArray(v)) {
      const items = itemsOf(v as readonly string[]).filter((i) => i !== "");
      if (dash !== "" && key === "") return items.length === 0 ? null : items.map((i) => `${indent}- ${yamlScalar(i)}`).join("\n");
      return `${head}${yamlFlowSequence(items)}`;
    }
    const value = text(only);
    if (value === "") return dash !== "" && key === "" ? null : head.trimEnd();
    const isDay = typeof v !== "string" && "day" in v && only.format === null;
    return head + (isDay ? yamlDateOrScalar(value) : yamlScalar(value));
  }
  if (rest.length >= 2 && rest.startsWith('"') && rest.endsWith('"')) {
    return head + splice(rest, local, (s) => yamlDoubleQuotedContent(text(s)));
  }
  if (rest.length >= 2 && rest.startsWith("'") && rest.endsWith("'")) {
    return head + splice(rest, local, (s) => breakTemplater(text(s)).replace(/'/g, "''"));
  }
  if (rest.startsWith("[") && rest.endsWith("]")) {
    return head + splice(rest, local, (s) => (Array.isArray(s.value) ? itemsOf(s.value as readonly string[]).map((i) => yamlScalar(i, true)).join(", ") : yamlScalar(text(s), true)));
  }
  const filled = splice(rest, local, (s) => breakTemplater(text(s)));
  if (hasTemplater || yamlPlainSafe(filled)) return head + filled;
  return head + yamlDoubleQuoted(filled);
}

/** One body line with its placeholders filled as plain text (see markdownText.ts). */
function bodyLine(line: string, slots: Slot[], inFence: boolean, separator: string, show: (field: string, value: string) => string): string {
  return splice(line, slots, (s) => {
    const value = asText(s.value, s.format, separator);
    if (inFence) return codeText(value);
    const before = line.slice(0, s.start);
    if (before.lastIndexOf("[[") > before.lastIndexOf("]]")) return linkTarget(value);
    if ((before.match(/`/g) ?? []).length % 2 === 1) return codeText(value);
    return escapeInline(show(fieldOf(line, s), value), isBlockStart(before));
  });
}

function fieldOf(line: string, s: Slot): string {
  return (/\{\{\s*([^{}\s:]+)/.exec(line.slice(s.start, s.end))?.[1] ?? "").toLowerCase();
}

/** Fills the placeholders of `template` with `fields` (see the module comment for where and how). */
export function renderTemplate(template: string, fields: Fields, options: RenderOptions = {}): string {
  const separator = options.listSeparator ?? ", ";
  const show = options.bodyValue ?? ((_field: string, value: string) => value);
  const blocked = templaterRanges(template);
  const fmEnd = frontmatterEnd(template);
  const out: string[] = [];
  let offset = 0;
  let fence: string | null = null;
  for (const raw of template.split("\n")) {
    const cr = raw.endsWith("\r") ? "\r" : "";
    const line = cr ? raw.slice(0, -1) : raw;
    const slots = slotsOf(line, offset, fields, blocked);
    const inFrontmatter = offset < fmEnd;
    const lineHasTemplater = blocked.some(([a, b]) => a < offset + line.length && b > offset);
    if (inFrontmatter) {
      const rendered = slots.length === 0 ? line : frontmatterLine(line, slots, lineHasTemplater);
      if (rendered !== null) out.push(rendered.split("\n").join(`${cr}\n`) + cr);
    } else {
      const fenceMark = /^[ \t]{0,3}(`{3,}|~{3,})/.exec(line)?.[1] ?? null;
      const insideFence = fence !== null;
      if (fenceMark !== null && !lineHasTemplater) {
        if (fence === null) fence = fenceMark;
        else if (fenceMark.startsWith(fence.charAt(0)) && fenceMark.length >= fence.length) fence = null;
      }
      out.push((slots.length === 0 ? line : bodyLine(line, slots, insideFence || fenceMark !== null, separator, show)) + cr);
    }
    offset += raw.length + 1;
  }
  return out.join("\n");
}

/** Fills a user's person template from the form. */
export function renderPersonTemplate(template: string, form: PersonForm, ctx: PersonTemplateContext): string {
  const label = ctx.tierLabel;
  return renderTemplate(template, personFields(form, ctx), {
    listSeparator: ctx.language === "zh" ? "、" : ", ",
    bodyValue: (field, value) => {
      const isTier = field === "tier" || field === "tier_goal" || field === ctx.keys.tier.toLowerCase() || field === ctx.keys.tierGoal.toLowerCase();
      return isTier && label && value !== "" ? label(value as Tier) : value;
    },
  });
}
