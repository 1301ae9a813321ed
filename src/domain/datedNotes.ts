/**
 * Which notes carry a date: daily notes (as the Daily notes core plugin or Periodic Notes files them) and any note
 * with a date property, such as a meeting note. A link from a dated note to a person is a touch on that day.
 */
import { compileDateFormat, type CompiledDateFormat } from "./dateFormat";
import type { Day } from "./dates";

export type DailySource = "periodic-notes" | "daily-notes" | "fallback";

export interface DailyNoteConfig {
  folder: string;
  format: string;
  source: DailySource;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" && v.trim() !== "" ? v.trim() : undefined);

/** The `day` settings of Periodic Notes, in its calendar-set form (1.x) or its older flat form. */
function periodicDaily(data: unknown): { folder?: string; format?: string } | null {
  if (!isRecord(data)) return null;
  if (Array.isArray(data.calendarSets)) {
    const sets = data.calendarSets.filter(isRecord);
    const active = sets.find((s) => s.id === data.activeCalendarSet) ?? sets[0];
    const day = active && isRecord(active.day) ? active.day : null;
    if (day && day.enabled === true) return { folder: str(day.folder), format: str(day.format) };
    return null;
  }
  if (isRecord(data.daily) && data.daily.enabled === true) return { folder: str(data.daily.folder), format: str(data.daily.format) };
  return null;
}

/**
 * Works out where daily notes live. Precedence: Periodic Notes (when its daily notes are enabled), then the core
 * Daily notes settings, then the plugin's own fallback setting.
 */
export function resolveDailyNoteConfig(core: unknown, periodic: unknown, fallback: { folder: string; format: string }): DailyNoteConfig {
  const p = periodicDaily(periodic);
  if (p) return { folder: trimSlashes(p.folder ?? ""), format: p.format ?? "YYYY-MM-DD", source: "periodic-notes" };
  if (isRecord(core)) return { folder: trimSlashes(str(core.folder) ?? ""), format: str(core.format) ?? "YYYY-MM-DD", source: "daily-notes" };
  return { folder: trimSlashes(fallback.folder), format: fallback.format || "YYYY-MM-DD", source: "fallback" };
}

function trimSlashes(path: string): string {
  return path.replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
}

const withoutMd = (text: string): string => (text.endsWith(".md") ? text.slice(0, -3) : text);

/** Recognises daily notes by path, and links to daily notes by link text. */
export class DailyNoteMatcher {
  private readonly full: CompiledDateFormat;
  private readonly last: CompiledDateFormat | null;
  private readonly prefix: string;

  constructor(readonly config: DailyNoteConfig) {
    this.full = compileDateFormat(config.format);
    const lastSegment = config.format.split("/").pop() ?? config.format;
    const last = lastSegment === config.format ? null : compileDateFormat(lastSegment);
    this.last = last?.complete ? last : null;
    this.prefix = config.folder === "" ? "" : `${config.folder}/`;
  }

  /** The day of a daily note at `path` (a vault path ending in .md), or null when it is not one. */
  dayOfPath(path: string): Day | null {
    if (!path.endsWith(".md") || (this.prefix !== "" && !path.startsWith(this.prefix))) return null;
    const relative = path.slice(this.prefix.length, -3);
    const whole = this.full.parse(relative);
    if (whole !== null) return whole;
    // Nested folders such as YYYY/MM/YYYY-MM-DD: the file name alone names the day.
    const base = relative.slice(relative.lastIndexOf("/") + 1);
    return this.last?.parse(base) ?? (this.last === null && relative.includes("/") ? this.full.parse(base) : null);
  }

  /** The day named by a link to a daily note (`2026-11-20`, `Daily/2026-11-20`), or null. */
  dayOfLinkpath(linkpath: string): Day | null {
    const base = withoutMd(linkpath.slice(linkpath.lastIndexOf("/") + 1));
    return (this.last ?? this.full).parse(base) ?? this.full.parse(withoutMd(linkpath));
  }

  /** The link text that reaches a day's daily note by name (`2026-11-26` for `YYYY/MM/YYYY-MM-DD`). */
  linktextFor(day: Day): string {
    return (this.last ?? this.full).format(day);
  }

  /** The path today's (or any day's) daily note would have. */
  pathFor(day: Day): string {
    return `${this.prefix}${this.full.format(day)}.md`;
  }
}

/** Files under the config folder that say where daily notes live, relative to the config folder. */
export const DAILY_CONFIG_FILES = {
  core: "daily-notes.json",
  periodic: "plugins/periodic-notes/data.json",
  community: "community-plugins.json",
} as const;

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * The daily-note settings from the raw text of the config files (null: file absent). Periodic Notes counts only
 * when it is enabled in community-plugins.json, as the app would load it.
 */
export function dailyConfigFromFiles(texts: { core: string | null; periodic: string | null; community: string | null }, fallback: { folder: string; format: string }): DailyNoteConfig {
  const community = parseJson(texts.community);
  const periodicOn = Array.isArray(community) && community.includes("periodic-notes");
  return resolveDailyNoteConfig(parseJson(texts.core), periodicOn ? parseJson(texts.periodic) : null, fallback);
}
