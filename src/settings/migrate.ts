/**
 * Turns whatever is in data.json (nothing, an old version, a hand-edited or corrupt file) into valid settings.
 * Pure and total: unknown keys are dropped, values of the wrong type fall back to the default, and the caller is
 * told what happened so it can say so once and save only when something really changed.
 */
import { TIERS } from "../domain/tiers";
import { compileDateFormat } from "../domain/dateFormat";
import { vaultPathOrNull } from "../domain/vaultPath";
import { translator, type Translate } from "../i18n";
import { defaultSettings, SETTINGS_VERSION, type NetworkNotesSettings, type PropertyKeys, type RoutineSettings } from "./schema";

/** One thing in the stored settings that could not be used, and what was done instead. */
export type Repair =
  | { kind: "list" | "text" | "flag" | "path" | "cadence" | "dailyFormat"; setting: string }
  | { kind: "number"; setting: string; min: number; max: number }
  | { kind: "folder"; setting: string; value: string }
  | { kind: "notObject" }
  | { kind: "newer"; version: number };

export interface MigrationResult {
  settings: NetworkNotesSettings;
  /** True when the stored data differs from `settings` (an old version, a repaired value, a first run). */
  changed: boolean;
  /** What was repaired (empty on a clean load); `repairText` says it in the user's language. */
  repairs: Repair[];
  /** The same in English. */
  repaired: string[];
}

/** A repair in words: the setting's name as it is written in data.json, the rest in the language of `t`. */
export function repairText(repair: Repair, t: Translate): string {
  const vars: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(repair)) if (key !== "kind") vars[key === "setting" ? "name" : key] = value;
  return t(`settings.repair.${repair.kind}`, vars);
}

/** Every repair in one line, for a notice. */
export function repairList(repairs: readonly Repair[], t: Translate): string {
  return repairs.map((r) => repairText(r, t)).join(t("settings.repair.separator"));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function stringList(value: unknown, fallback: string[], name: string, repaired: Repair[]): string[] {
  if (value === undefined) return fallback;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map((v) => v.trim()).filter((v) => v !== "");
  if (typeof value === "string") return value.split(",").map((v) => v.trim()).filter((v) => v !== "");
  repaired.push({ kind: "list", setting: name });
  return fallback;
}

/**
 * Text, trimmed and passed through `tidy` (which strips what the plugin adds itself, such as a heading's `#`).
 * Tidying is repeated until nothing changes, so a migrated file reads back unchanged: `## #Log` and `Log` agree.
 */
function text(value: unknown, fallback: string, name: string, repaired: Repair[], allowEmpty = false, tidy?: (v: string) => string): string {
  if (value === undefined) return fallback;
  if (typeof value === "string") {
    let result = value.trim();
    for (let before = ""; tidy && before !== result; ) {
      before = result;
      result = tidy(result).trim();
    }
    if (allowEmpty || result !== "") return result;
  }
  repaired.push({ kind: "text", setting: name });
  return fallback;
}

export const ROUTINE_LIMITS: Record<keyof RoutineSettings, [number, number]> = {
  picksPerDay: [0, 20],
  thanksDays: [0, 60],
  newAcquaintanceDays: [0, 365],
  birthdayDays: [0, 366],
};

function wholeNumber(value: unknown, fallback: number, [min, max]: [number, number], name: string, repaired: Repair[]): number {
  if (value === undefined) return fallback;
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n === 0 ? 0 : n; // JSON "-0" reads as 0
  repaired.push({ kind: "number", setting: name, min, max });
  return fallback;
}

function flag(value: unknown, fallback: boolean, name: string, repaired: Repair[]): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  repaired.push({ kind: "flag", setting: name });
  return fallback;
}

/**
 * A vault path typed by hand, in its plain form (see domain/vaultPath.ts). A path that climbs (`..`), is absolute
 * on the computer (`C:\\`), points into a hidden folder (`.obsidian`) or uses characters no file system takes is
 * not usable: null.
 */
export function vaultPath(value: string): string | null {
  return vaultPathOrNull(value);
}

function pathSetting(value: unknown, fallback: string, name: string, repaired: Repair[]): string {
  const raw = text(value, fallback, name, repaired, true);
  const path = vaultPath(raw);
  if (path !== null) return path;
  repaired.push({ kind: "path", setting: name });
  return fallback;
}

/**
 * A list of folders: each in its plain form; one that is not usable is left out, and that is said. When every
 * folder given is unusable, the default list is used rather than none (which would change what counts as a person).
 */
function folderList(value: unknown, fallback: string[], name: string, repaired: Repair[]): string[] {
  const out: string[] = [];
  const given = stringList(value, fallback, name, repaired);
  let refused = 0;
  for (const raw of given) {
    const path = vaultPath(raw);
    if (path === null) {
      refused++;
      repaired.push({ kind: "folder", setting: name, value: raw });
    } else if (path !== "" && !out.includes(path)) out.push(path);
  }
  return refused > 0 && refused === given.length ? [...fallback] : out;
}

/**
 * A daily-note format whose dates make a usable path: nested formats (`YYYY/MM/YYYY-MM-DD`) are fine, one whose
 * literal text climbs out of the folder (`[../]YYYY`) or into a hidden one is not.
 */
export function dailyFormatUsable(format: string): boolean {
  try {
    const sample = compileDateFormat(format).format(0);
    return sample.trim() !== "" && vaultPath(sample) === sample;
  } catch {
    return false;
  }
}

/** Version 0 (before versioning) kept `peopleFolder` as one string and the cadences at the top level. */
function upgradeFromV0(raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...raw };
  if (typeof raw.peopleFolder === "string" && !isRecord(raw.people)) out.people = { folders: [raw.peopleFolder] };
  delete out.peopleFolder;
  return out;
}

export function migrateSettings(stored: unknown): MigrationResult {
  const settings = defaultSettings();
  const repaired: Repair[] = [];
  if (stored === null || stored === undefined) return result(settings, false, repaired);
  if (!isRecord(stored)) {
    repaired.push({ kind: "notObject" });
    return result(settings, true, repaired);
  }
  const version = typeof stored.version === "number" ? stored.version : 0;
  if (version > SETTINGS_VERSION) repaired.push({ kind: "newer", version });
  const raw = version < 1 ? upgradeFromV0(stored) : stored;

  const people = isRecord(raw.people) ? raw.people : {};
  const d = settings.people;
  settings.people = {
    folders: folderList(people.folders, d.folders, "people.folders", repaired),
    tags: stringList(people.tags, d.tags, "people.tags", repaired).map((t) => t.replace(/^[#\s]+/, "")).filter((t) => t !== ""),
    markerKey: text(people.markerKey, d.markerKey, "people.markerKey", repaired, true),
    markerValues: stringList(people.markerValues, d.markerValues, "people.markerValues", repaired),
    excludeFolders: folderList(people.excludeFolders, d.excludeFolders, "people.excludeFolders", repaired),
  };

  const keys = isRecord(raw.keys) ? raw.keys : {};
  for (const name of Object.keys(settings.keys) as (keyof PropertyKeys)[]) {
    settings.keys[name] = text(keys[name], settings.keys[name], `keys.${name}`, repaired);
  }

  const cadence = isRecord(raw.cadenceDays) ? raw.cadenceDays : {};
  for (const tier of TIERS) {
    const v = cadence[tier];
    if (v === undefined) continue;
    if (v === null || (typeof v === "number" && Number.isInteger(v) && v > 0 && v <= 3650)) settings.cadenceDays[tier] = v;
    else repaired.push({ kind: "cadence", setting: `cadenceDays.${tier}` });
  }

  const daily = isRecord(raw.dailyNotes) ? raw.dailyNotes : {};
  const dailyFormat = text(daily.format, settings.dailyNotes.format, "dailyNotes.format", repaired);
  if (!dailyFormatUsable(dailyFormat)) repaired.push({ kind: "dailyFormat", setting: "dailyNotes.format" });
  settings.dailyNotes = {
    folder: pathSetting(daily.folder, settings.dailyNotes.folder, "dailyNotes.folder", repaired),
    format: dailyFormatUsable(dailyFormat) ? dailyFormat : settings.dailyNotes.format,
  };

  const log = isRecord(raw.log) ? raw.log : {};
  settings.log = {
    heading: text(log.heading, settings.log.heading, "log.heading", repaired),
    tagPrefix: text(log.tagPrefix, settings.log.tagPrefix, "log.tagPrefix", repaired, false, (v) => v.replace(/^#+|\/+$/g, "")),
  };

  const routine = isRecord(raw.routine) ? raw.routine : {};
  for (const name of Object.keys(settings.routine) as (keyof RoutineSettings)[]) {
    settings.routine[name] = wholeNumber(routine[name], settings.routine[name], ROUTINE_LIMITS[name], `routine.${name}`, repaired);
  }

  const section = isRecord(raw.dailySection) ? raw.dailySection : {};
  settings.dailySection = {
    enabled: flag(section.enabled, settings.dailySection.enabled, "dailySection.enabled", repaired),
    heading: text(section.heading, settings.dailySection.heading, "dailySection.heading", repaired, false, (v) => v.replace(/^#+/, "")),
  };

  const prep = isRecord(raw.prep) ? raw.prep : {};
  const p = settings.prep;
  settings.prep = {
    ask: text(prep.ask, p.ask, "prep.ask", repaired, true).replace(/\s+/gu, " "),
    myName: text(prep.myName, p.myName, "prep.myName", repaired, true).replace(/\s+/gu, " "),
    personTemplate: pathSetting(prep.personTemplate, p.personTemplate, "prep.personTemplate", repaired),
    questionFolder: pathSetting(prep.questionFolder, p.questionFolder, "prep.questionFolder", repaired),
    templateFolder: pathSetting(prep.templateFolder, p.templateFolder, "prep.templateFolder", repaired),
  };

  const changed = repaired.length > 0 || version !== SETTINGS_VERSION || JSON.stringify(settings) !== JSON.stringify(raw);
  return result(settings, changed, repaired);
}

function result(settings: NetworkNotesSettings, changed: boolean, repairs: Repair[]): MigrationResult {
  const en = translator("en");
  return { settings, changed, repairs, repaired: repairs.map((r) => repairText(r, en)) };
}
