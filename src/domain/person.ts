/**
 * A person, read once from their note's path and metadata. Every value is normalised here so the rest of the
 * code never looks at raw frontmatter; anything unusable becomes a Problem and a safe default, never an error.
 */
import type { CachedMetadata } from "obsidian";
import type { NetworkNotesSettings } from "../settings/schema";
import { parseCadenceDays } from "./cadence";
import { parseCommitmentText, type Commitment, type CommitmentDirection } from "./commitments";
import type { DailyNoteMatcher } from "./datedNotes";
import { dayFromTimestamp, parseBirthday, parseDay, type Birthday, type Day } from "./dates";
import { showValue, type Problem } from "./problems";
import { parseTier, type Tier } from "./tiers";
import { openTaskLines } from "./tasks";
import { touchLinks } from "./touches";
import { parseTouchTag, type Payload, type TouchKind } from "./touchLog";

type TouchLink = ReturnType<typeof touchLinks>[number];

/** One line of the touch log, read back from the note's metadata. */
export interface LogEntry {
  day: Day;
  kind: TouchKind;
  payload: Payload | null;
  line: number;
}

export interface Person {
  path: string;
  name: string;
  aliases: string[];
  /** Null: a person who is not tracked. */
  tier: Tier | null;
  /** A per-person override of the tier's cadence, in days. */
  cadenceOverride: number | null;
  lastTouchField: Day | null;
  /** Days named by dated headings and daily-note links in the person's own note. */
  ownEntries: Day[];
  /** Typed touches from the log (lines with a `#touch/…` tag and a date link). */
  log: LogEntry[];
  tierSince: Day | null;
  /** Lines of open tasks in the person's own note: things promised to them. */
  ownOpenTasks: number[];
  commitments: Commitment[];
  expecting: Commitment[];
  snoozeUntil: Day | null;
  paused: boolean;
  tierGoal: Tier | null;
  birthday: Birthday | null;
  interests: string[];
  met: Day | null;
  created: Day;
  problems: Problem[];
}

export interface PersonContext {
  settings: NetworkNotesSettings;
  daily: DailyNoteMatcher;
}

/** Lines that carry a touch tag and a date link (not in an open task or a quote): the touch log. */
function logEntries(meta: CachedMetadata, ctx: PersonContext, links: () => TouchLink[]): LogEntry[] {
  const prefix = ctx.settings.log.tagPrefix;
  const tagsByLine = new Map<number, ReturnType<typeof parseTouchTag>>();
  for (const t of meta.tags ?? []) {
    const parsed = parseTouchTag(t.tag, prefix);
    if (parsed) tagsByLine.set(t.position.start.line, parsed);
  }
  if (tagsByLine.size === 0) return [];
  const out: LogEntry[] = [];
  for (const link of links()) {
    const tag = tagsByLine.get(link.line);
    if (!tag) continue;
    const day = ctx.daily.dayOfLinkpath(link.linkpath);
    if (day === null) continue;
    out.push({ day, kind: tag.kind, payload: tag.payload, line: link.line });
    tagsByLine.delete(link.line);
  }
  return out.sort((a, b) => a.day - b.day || a.line - b.line);
}

const DATE_AT_START = /^(\d{4}-\d{2}-\d{2})\b/;

function basename(path: string): string {
  const file = path.slice(path.lastIndexOf("/") + 1);
  return file.endsWith(".md") ? file.slice(0, -3) : file;
}

/** A list of text such as `interests`: a comma-separated line reads too; anything else is a problem, not a silent drop. */
function readTextList(path: string, key: string, value: unknown, problems: Problem[]): string[] {
  if (value === undefined || value === null || value === "") return [];
  if (typeof value === "number") return [String(value)];
  if (!Array.isArray(value) && typeof value !== "string") {
    problems.push({ path, key, value: showValue(value), code: "list-unreadable" });
    return [];
  }
  if (Array.isArray(value)) {
    for (const item of value) {
      if (item !== null && typeof item === "object") problems.push({ path, key, value: showValue(item), code: "item-not-text" });
    }
    return textList(value.map((v: unknown) => (typeof v === "number" ? String(v) : v)));
  }
  return textList(value);
}

/** Characters that mean something else inside [[ ]], so a link cannot reach a note whose name has them. */
const UNLINKABLE = /[#|^[\]]/;

function textList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
  if (typeof value === "string" && value.trim() !== "") return value.split(",").map((v) => v.trim()).filter((v) => v !== "");
  return [];
}

function readCommitments(path: string, key: string, value: unknown, direction: CommitmentDirection, problems: Problem[]): Commitment[] {
  if (value === undefined || value === null || value === "") return [];
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === "string" || typeof value === "number") {
    problems.push({ path, key, value: showValue(value), code: "list-expected" });
    items = [value];
  } else {
    problems.push({ path, key, value: showValue(value), code: "list-unreadable" });
    items = [];
  }
  const out: Commitment[] = [];
  for (const item of items) {
    if (item === null || item === undefined || item === "") continue;
    if (typeof item !== "string" && typeof item !== "number") {
      problems.push({ path, key, value: showValue(item), code: "item-not-text" });
      continue;
    }
    const raw = String(item);
    const parsed = parseCommitmentText(raw);
    if (parsed.dueUnreadable !== null) problems.push({ path, key, value: raw, code: "due-unreadable" });
    out.push({ text: parsed.text, due: parsed.due, created: parsed.created, raw, direction, source: { path, key } });
  }
  return out;
}

function readDay(path: string, key: string, value: unknown, problems: Problem[]): Day | null {
  if (value === undefined || value === null || value === "") return null;
  const day = parseDay(value);
  if (day === null) problems.push({ path, key, value: showValue(value), code: "date-unreadable" });
  return day;
}

function readTier(path: string, key: string, value: unknown, problems: Problem[], code: "tier-unknown" | "tier-goal-unknown"): Tier | null {
  if (value === undefined || value === null || value === "") return null;
  const tier = parseTier(value);
  if (tier === null) problems.push({ path, key, value: showValue(value), code });
  return tier;
}

/** Whether the note has a properties block that Obsidian could not read (broken YAML). */
function yamlUnreadable(meta: CachedMetadata): boolean {
  if (meta.frontmatter) return false;
  const first = meta.sections?.[0];
  return first?.type === "yaml" && first.position.end.line - first.position.start.line > 1;
}

/** Days named in the person's own note; a log line that only records a tier change is not a touch. */
function ownDatedEntries(meta: CachedMetadata, daily: DailyNoteMatcher, log: LogEntry[], links: TouchLink[]): Day[] {
  const notTouches = new Set(log.filter((e) => e.kind === "tier").map((e) => e.line));
  const days: Day[] = [];
  for (const h of meta.headings ?? []) {
    const m = DATE_AT_START.exec(h.heading.trim());
    const day = m ? parseDay(m[1]) : daily.dayOfLinkpath(h.heading.trim());
    if (day !== null) days.push(day);
  }
  for (const link of links) {
    if (notTouches.has(link.line)) continue;
    const day = daily.dayOfLinkpath(link.linkpath);
    if (day !== null) days.push(day);
  }
  return days;
}

export function readPerson(path: string, ctime: number, meta: CachedMetadata | null, ctx: PersonContext): Person {
  const keys = ctx.settings.keys;
  const fm: Record<string, unknown> = meta?.frontmatter ?? {};
  const problems: Problem[] = [];
  if (meta && yamlUnreadable(meta)) problems.push({ path, key: null, value: "", code: "yaml-unreadable" });
  const name = basename(path);
  if (UNLINKABLE.test(name)) problems.push({ path, key: null, value: name, code: "name-unlinkable" });

  const cadenceRaw = fm[keys.cadence];
  let cadenceOverride: number | null = null;
  if (cadenceRaw !== undefined && cadenceRaw !== null && cadenceRaw !== "") {
    cadenceOverride = parseCadenceDays(cadenceRaw);
    if (cadenceOverride === null) problems.push({ path, key: keys.cadence, value: showValue(cadenceRaw), code: "cadence-unreadable" });
  }

  const pausedRaw = fm[keys.paused];
  let paused = false;
  if (pausedRaw === true || pausedRaw === "true" || pausedRaw === "yes") paused = true;
  else if (pausedRaw !== undefined && pausedRaw !== null && pausedRaw !== false && pausedRaw !== "false" && pausedRaw !== "no" && pausedRaw !== "") {
    problems.push({ path, key: keys.paused, value: showValue(pausedRaw), code: "flag-not-boolean" });
  }

  const birthdayRaw = fm[keys.birthday];
  const birthday = birthdayRaw === undefined || birthdayRaw === null || birthdayRaw === "" ? null : parseBirthday(birthdayRaw);
  if (birthday === null && birthdayRaw !== undefined && birthdayRaw !== null && birthdayRaw !== "") {
    problems.push({ path, key: keys.birthday, value: showValue(birthdayRaw), code: "birthday-unreadable" });
  }

  // The note's touch links, listed once for both the log and the dated entries.
  let links: TouchLink[] | null = null;
  const linksOf = (m: CachedMetadata) => (links ??= touchLinks(m));
  const log = meta ? logEntries(meta, ctx, () => linksOf(meta)) : [];
  return {
    path,
    name,
    aliases: textList(fm.aliases ?? fm.alias),
    tier: readTier(path, keys.tier, fm[keys.tier], problems, "tier-unknown"),
    cadenceOverride,
    lastTouchField: readDay(path, keys.lastTouch, fm[keys.lastTouch], problems),
    ownEntries: meta ? ownDatedEntries(meta, ctx.daily, log, linksOf(meta)) : [],
    log,
    ownOpenTasks: meta ? openTaskLines(meta) : [],
    tierSince: readDay(path, keys.tierSince, fm[keys.tierSince], problems),
    commitments: readCommitments(path, keys.commitments, fm[keys.commitments], "mine", problems),
    expecting: readCommitments(path, keys.expecting, fm[keys.expecting], "theirs", problems),
    snoozeUntil: readDay(path, keys.snoozeUntil, fm[keys.snoozeUntil], problems),
    paused,
    tierGoal: readTier(path, keys.tierGoal, fm[keys.tierGoal], problems, "tier-goal-unknown"),
    birthday,
    interests: readTextList(path, keys.interests, fm[keys.interests], problems),
    met: readDay(path, keys.met, fm[keys.met], problems),
    created: dayFromTimestamp(ctime),
    problems,
  };
}
