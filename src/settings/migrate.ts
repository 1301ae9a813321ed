/**
 * Turns whatever is in data.json (nothing, an old version, a hand-edited or corrupt file) into valid settings.
 * Pure and total: unknown keys are dropped, values of the wrong type fall back to the default, and the caller is
 * told what happened so it can say so once and save only when something really changed.
 */
import { TIERS } from "../domain/tiers";
import { compileDateFormat } from "../domain/dateFormat";
import { vaultPathOrNull } from "../domain/vaultPath";
import { defaultSettings, SETTINGS_VERSION, type NetworkNotesSettings, type PropertyKeys, type RoutineSettings } from "./schema";

export interface MigrationResult {
  settings: NetworkNotesSettings;
  /** True when the stored data differs from `settings` (an old version, a repaired value, a first run). */
  changed: boolean;
  /** Human-readable notes on what was repaired (empty on a clean load). */
  repaired: string[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function stringList(value: unknown, fallback: string[], name: string, repaired: string[]): string[] {
  if (value === undefined) return fallback;
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map((v) => v.trim()).filter((v) => v !== "");
  if (typeof value === "string") return value.split(",").map((v) => v.trim()).filter((v) => v !== "");
  repaired.push(`${name} was not a list of text; using the default`);
  return fallback;
}

/**
 * Text, trimmed and passed through `tidy` (which strips what the plugin adds itself, such as a heading's `#`).
 * Tidying is repeated until nothing changes, so a migrated file reads back unchanged: `## #Log` and `Log` agree.
 */
function text(value: unknown, fallback: string, name: string, repaired: string[], allowEmpty = false, tidy?: (v: string) => string): string {
  if (value === undefined) return fallback;
  if (typeof value === "string") {
    let result = value.trim();
    for (let before = ""; tidy && before !== result; ) {
      before = result;
      result = tidy(result).trim();
    }
    if (allowEmpty || result !== "") return result;
  }
  repaired.push(`${name} was not usable text; using the default`);
  return fallback;
}

export const ROUTINE_LIMITS: Record<keyof RoutineSettings, [number, number]> = {
  picksPerDay: [0, 20],
  thanksDays: [0, 60],
  newAcquaintanceDays: [0, 365],
  birthdayDays: [0, 366],
};

function wholeNumber(value: unknown, fallback: number, [min, max]: [number, number], name: string, repaired: string[]): number {
  if (value === undefined) return fallback;
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n === 0 ? 0 : n; // JSON "-0" reads as 0
  repaired.push(`${name} was not a whole number from ${min} to ${max}; using the default`);
  return fallback;
}

function flag(value: unknown, fallback: boolean, name: string, repaired: string[]): boolean {
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  repaired.push(`${name} was not true or false; using the default`);
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

function pathSetting(value: unknown, fallback: string, name: string, repaired: string[]): string {
  const raw = text(value, fallback, name, repaired, true);
  const path = vaultPath(raw);
  if (path !== null) return path;
  repaired.push(`${name} pointed outside the vault or into a hidden folder; using the default`);
  return fallback;
}

/**
 * A list of folders: each in its plain form; one that is not usable is left out, and that is said. When every
 * folder given is unusable, the default list is used rather than none (which would change what counts as a person).
 */
function folderList(value: unknown, fallback: string[], name: string, repaired: string[]): string[] {
  const out: string[] = [];
  const given = stringList(value, fallback, name, repaired);
  let refused = 0;
  for (const raw of given) {
    const path = vaultPath(raw);
    if (path === null) {
      refused++;
      repaired.push(`${name}: “${raw}” pointed outside the vault or into a hidden folder; left out`);
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
  const repaired: string[] = [];
  if (stored === null || stored === undefined) return { settings, changed: false, repaired };
  if (!isRecord(stored)) {
    repaired.push("the settings file was not an object; using the defaults");
    return { settings, changed: true, repaired };
  }
  const version = typeof stored.version === "number" ? stored.version : 0;
  if (version > SETTINGS_VERSION) repaired.push(`the settings come from a newer version (${version}); unknown parts are ignored`);
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
    else repaired.push(`cadenceDays.${tier} was not a whole number of days; using the default`);
  }

  const daily = isRecord(raw.dailyNotes) ? raw.dailyNotes : {};
  const dailyFormat = text(daily.format, settings.dailyNotes.format, "dailyNotes.format", repaired);
  if (!dailyFormatUsable(dailyFormat)) repaired.push("dailyNotes.format would make a path outside the folder; using the default");
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
  return { settings, changed, repaired };
}
