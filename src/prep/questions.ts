/**
 * The question bank: curiosity questions for a conversation, grouped and tagged with the tiers they fit.
 *
 * A question file is plain Markdown, so the built-in bank (bank.en.ts, bank.zh.ts) and a user's files in the
 * question folder read the same way:
 *
 *     ---
 *     language: en          (optional: en or zh; without it the file joins the bank in every language)
 *     ---
 *     # Any title           (a level-1 heading is only a title)
 *
 *     ## Their work and business #familiar
 *     - What are you working on right now? #unfamiliar #familiar
 *     - What does your team own?             (no tags: the heading's tags, or every tier when it has none)
 *
 *     ## Questions about books             (a heading that is not a built-in group starts a new group)
 *     - What are you reading?
 *
 * - A `##` (or deeper) heading starts a group. When its text (tags aside) is a built-in group's id (`work`,
 *   `path`, `excited`, `help`) or its name in English or Chinese, the questions join that group.
 * - Each list item (`-`, `*`, `+`, `1.`, with or without `[ ]`) at the left margin is one question; indented
 *   lines, paragraphs and code blocks are ignored, so a file can hold notes too.
 * - Tier tags at the end of an item or a heading (`#familiar`, or the Chinese `#熟悉`, any tier name the plugin
 *   reads) say whom it fits; other tags at the end are dropped with a note.
 * - Items before any group heading join "More questions".
 * - The same question twice (case, spacing and the final question mark aside) is kept once.
 */
import { mulberry32, seedOf } from "../domain/random";
import type { Language } from "../i18n";
import { parseTier, TIERS, type Tier } from "../domain/tiers";
import { BANK_EN } from "./bank.en";
import { BANK_ZH } from "./bank.zh";
import { en } from "../i18n/en";
import { zh } from "../i18n/zh";

export const BUILT_IN_GROUPS = ["work", "path", "excited", "help"] as const;
export type BuiltInGroup = (typeof BUILT_IN_GROUPS)[number];
/** Where items before any group heading go. */
export const OTHER_GROUP = "other";

export interface Question {
  text: string;
  group: string;
  /** The tiers it fits; empty means every tier. */
  tiers: Tier[];
  /** `built-in` or the file's path. */
  source: string;
  line: number;
}

export interface QuestionGroup {
  /** A built-in id (`work`…), `other`, or `custom:<heading>` for a user's own group. */
  id: string;
  /** Null for built-in groups and `other` (the UI names them in the user's language); the heading otherwise. */
  label: string | null;
  questions: Question[];
}

export interface QuestionBank {
  groups: QuestionGroup[];
}

export type QuestionIssueCode = "no-group" | "unknown-tag" | "bad-language";
export interface QuestionIssue {
  source: string;
  line: number;
  code: QuestionIssueCode;
  value: string;
}

export interface ParsedQuestionFile {
  bank: QuestionBank;
  /** The language the file is for, or null for every language. */
  language: Language | null;
  issues: QuestionIssue[];
}

/** The comparison form of a question: case, spacing, width and a final question mark do not count. */
export function questionKey(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim().replace(/[?？。.!！\s]+$/u, "");
}

const GROUP_NAMES = new Map<string, BuiltInGroup | typeof OTHER_GROUP>();
for (const id of BUILT_IN_GROUPS) {
  GROUP_NAMES.set(id, id);
  GROUP_NAMES.set(questionKey(en[`questions.group.${id}`]), id);
  GROUP_NAMES.set(questionKey(zh[`questions.group.${id}`]), id);
}
GROUP_NAMES.set(OTHER_GROUP, OTHER_GROUP);
GROUP_NAMES.set(questionKey(en["questions.group.other"]), OTHER_GROUP);
GROUP_NAMES.set(questionKey(zh["questions.group.other"]), OTHER_GROUP);

const TRAILING_TAGS = /(?:\s+#[^\s#]+)+\s*$/u;
const ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?(.*)$/;
const HEADING = /^ {0,3}(#{1,6})[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;

/** Splits trailing tags off `text`: the tiers they name and the tags that are not tiers. */
function splitTags(text: string): { text: string; tiers: Tier[]; unknown: string[] } {
  const m = TRAILING_TAGS.exec(` ${text}`);
  if (!m) return { text: text.trim(), tiers: [], unknown: [] };
  const tiers: Tier[] = [];
  const unknown: string[] = [];
  for (const tag of m[0].trim().split(/\s+/u)) {
    const tier = parseTier(tag.replace(/^#/, ""));
    if (tier === null) unknown.push(tag);
    else if (!tiers.includes(tier)) tiers.push(tier);
  }
  return { text: ` ${text}`.slice(0, m.index).trim(), tiers: TIERS.filter((t) => tiers.includes(t)), unknown };
}

function readLanguage(frontmatter: string, source: string, issues: QuestionIssue[]): Language | null {
  const m = /^(?:language|lang)[ \t]*:[ \t]*["']?([^"'\s]*)["']?[ \t]*$/im.exec(frontmatter);
  if (!m || m[1] === "") return null;
  const value = (m[1] ?? "").toLowerCase();
  if (value === "en" || value.startsWith("en-")) return "en";
  if (value === "zh" || value === "zh-cn" || value.startsWith("zh-hans")) return "zh";
  issues.push({ source, line: 0, code: "bad-language", value: m[1] ?? "" });
  return null;
}

/** Reads one question file (see the module comment for the format). Never throws; odd lines become issues. */
export function parseQuestionFile(text: string, source: string): ParsedQuestionFile {
  const issues: QuestionIssue[] = [];
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  let start = 0;
  let language: Language | null = null;
  if (/^---[ \t]*$/.test(lines[0] ?? "")) {
    const close = lines.findIndex((l, i) => i > 0 && /^---[ \t]*$/.test(l));
    if (close > 0) {
      language = readLanguage(lines.slice(1, close).join("\n"), source, issues);
      start = close + 1;
    }
  }
  const groups: QuestionGroup[] = [];
  const byId = new Map<string, QuestionGroup>();
  const groupFor = (id: string, label: string | null) => {
    let g = byId.get(id);
    if (!g) {
      g = { id, label, questions: [] };
      byId.set(id, g);
      groups.push(g);
    }
    return g;
  };
  let current: { group: QuestionGroup; tiers: Tier[] } | null = null;
  let fence: string | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const fenceMark = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark) {
      if (fence === null) fence = fenceMark;
      else if (fenceMark.charAt(0) === fence.charAt(0) && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = HEADING.exec(line);
    if (heading) {
      if ((heading[1] ?? "").length === 1) continue;
      const { text: title, tiers } = splitTags(heading[2] ?? "");
      if (title === "") continue;
      const known = GROUP_NAMES.get(questionKey(title));
      const group = known ? groupFor(known, null) : groupFor(`custom:${questionKey(title)}`, title);
      current = { group, tiers };
      continue;
    }
    const item = ITEM.exec(line);
    if (!item) continue;
    const { text: q, tiers, unknown } = splitTags(item[1] ?? "");
    for (const tag of unknown) issues.push({ source, line: i + 1, code: "unknown-tag", value: tag });
    if (q === "") continue;
    if (current === null) {
      issues.push({ source, line: i + 1, code: "no-group", value: q });
      current = { group: groupFor(OTHER_GROUP, null), tiers: [] };
    }
    current.group.questions.push({ text: q, group: current.group.id, tiers: tiers.length > 0 ? tiers : current.tiers, source, line: i + 1 });
  }
  return { bank: dedupe({ groups: groups.filter((g) => g.questions.length > 0) }), language, issues };
}

function dedupe(bank: QuestionBank): QuestionBank {
  const seen = new Set<string>();
  const groups: QuestionGroup[] = [];
  for (const g of bank.groups) {
    const questions = g.questions.filter((q) => {
      const key = questionKey(q.text);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (questions.length > 0) groups.push({ ...g, questions });
  }
  return { groups };
}

/** Banks together: groups with the same id joined (in first-seen order), each question once (the first kept). */
export function mergeBanks(...banks: QuestionBank[]): QuestionBank {
  const byId = new Map<string, QuestionGroup>();
  for (const bank of banks) {
    for (const g of bank.groups) {
      const into = byId.get(g.id);
      if (into) into.questions.push(...g.questions);
      else byId.set(g.id, { ...g, questions: [...g.questions] });
    }
  }
  return dedupe({ groups: [...byId.values()] });
}

const BUILT_IN: Record<Language, string> = { en: BANK_EN, zh: BANK_ZH };

export function builtInBank(language: Language): QuestionBank {
  return parseQuestionFile(BUILT_IN[language], "built-in").bank;
}

/** The bank for a language: the built-in questions, then those of the user's files meant for that language. */
export function bankFor(language: Language, files: readonly { path: string; text: string }[]): { bank: QuestionBank; issues: QuestionIssue[] } {
  const issues: QuestionIssue[] = [];
  const banks = [builtInBank(language)];
  for (const f of [...files].sort((a, b) => a.path.localeCompare(b.path))) {
    const parsed = parseQuestionFile(f.text, f.path);
    issues.push(...parsed.issues);
    if (parsed.language === null || parsed.language === language) banks.push(parsed.bank);
  }
  return { bank: mergeBanks(...banks), issues };
}

/** A seeded generator, so a pick can be repeated. */
function random(seed: number | string): () => number {
  return mulberry32(seedOf(seed));
}

function shuffle<T>(items: T[], rnd: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

export function fitsTier(q: Question, tier: Tier): boolean {
  return q.tiers.length === 0 || q.tiers.includes(tier);
}

export interface PickOptions {
  /** Questions not to offer (already asked, already in the note): texts or `questionKey`s. */
  exclude?: Iterable<string>;
  /** Only these groups. */
  groups?: readonly string[];
}

/**
 * Up to `count` questions that fit `tier` (no tier: as for someone unfamiliar), spread across the groups in turn
 * so a handful covers work, path, excitement and help. The same seed gives the same pick; a new seed (the day,
 * a reshuffle) a new one. Returned in the bank's group order. Fewer come back when fewer fit.
 */
export function questionsFor(tier: Tier | null, bank: QuestionBank, count: number, seed: number | string, options: PickOptions = {}): Question[] {
  const t = tier ?? "unfamiliar";
  const rnd = random(seed);
  const excluded = new Set([...(options.exclude ?? [])].map(questionKey));
  const wanted = options.groups ? new Set(options.groups) : null;
  const pools = bank.groups
    .filter((g) => wanted === null || wanted.has(g.id))
    .map((g) => shuffle(g.questions.filter((q) => fitsTier(q, t) && !excluded.has(questionKey(q.text))), rnd))
    .filter((pool) => pool.length > 0);
  const order = shuffle(pools.map((_, i) => i), rnd);
  const picked: { q: Question; pool: number; turn: number }[] = [];
  const seen = new Set<string>();
  for (let turn = 0; picked.length < count && order.some((i) => (pools[i]?.length ?? 0) > turn); turn++) {
    for (const i of order) {
      if (picked.length >= count) break;
      const q = pools[i]?.[turn];
      if (!q || seen.has(questionKey(q.text))) continue;
      seen.add(questionKey(q.text));
      picked.push({ q, pool: i, turn });
    }
  }
  return picked.sort((a, b) => a.pool - b.pool || a.turn - b.turn).map((p) => p.q);
}

export interface RenderQuestionOptions {
  /** `nested` (default): the question, and an empty item under it for the answer. `inline`: `- Question? — `. */
  style?: "nested" | "inline";
  /** Between question and answer in the inline style; default ` — `. */
  separator?: string;
}

/** List lines for picked questions, to put under a heading and fill in later with what they said. */
export function renderQuestionLines(questions: readonly Question[], options: RenderQuestionOptions = {}): string[] {
  const style = options.style ?? "nested";
  const separator = options.separator ?? " — ";
  const out: string[] = [];
  for (const q of questions) {
    const text = q.text.replace(/\s+/gu, " ").trim();
    if (style === "inline") out.push(`- ${text}${separator}`);
    else out.push(`- ${text}`, "  - ");
  }
  return out;
}

/** The `questionKey`s of list items already in a note, to pass as `exclude`. */
export function questionsInText(text: string): Set<string> {
  const out = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const item = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[.\][ \t]+)?(.*)$/.exec(line);
    if (!item) continue;
    const inline = (item[1] ?? "").split(" — ")[0] ?? "";
    const key = questionKey(splitTags(inline).text);
    if (key !== "") out.add(key);
  }
  return out;
}
