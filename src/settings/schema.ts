/**
 * The plugin's settings: one typed object, a frozen default, and a version for migrations (see migrate.ts).
 * Pure: no runtime import of `obsidian`, so the CLI reads the same settings from the plugin's data.json.
 */
import type { Tier } from "../domain/tiers";

export const SETTINGS_VERSION = 1;

/** Which notes are person notes: any of the three rules claims a note. */
export interface PeopleRules {
  /** Folders whose notes (and subfolders' notes) are people. */
  folders: string[];
  /** Tags that mark a person, without `#`; prefix match, so `person` claims `#person/work`. */
  tags: string[];
  /** A frontmatter key and the values that mark a person, e.g. `type: person`. Empty key turns the rule off. */
  markerKey: string;
  markerValues: string[];
  /** Folders never searched for people (templates, archives). */
  excludeFolders: string[];
}

/** Frontmatter key names, so a vault with its own conventions can keep them. */
export interface PropertyKeys {
  tier: string;
  lastTouch: string;
  cadence: string;
  commitments: string;
  expecting: string;
  snoozeUntil: string;
  paused: string;
  tierGoal: string;
  tierSince: string;
  birthday: string;
  interests: string;
  met: string;
  howWeMet: string;
  /** The date of a dated note that is not a daily note (a meeting note). */
  noteDate: string;
}

/** Where daily notes live when the app's own settings cannot be read (also used by the CLI as a fallback). */
export interface DailyNotesFallback {
  folder: string;
  format: string;
}

/** The touch log written under a heading in each person's note. */
export interface LogSettings {
  /** The heading the log lives under (any level); created as `## Log` when missing. */
  heading: string;
  /** Touch kinds are tags under this prefix: `#touch/gave/intro`. */
  tagPrefix: string;
}

/** The loose-touch routine in the sidebar. */
export interface RoutineSettings {
  /** How many people today's routine picks (share, follow through, say thanks). */
  picksPerDay: number;
  /** Someone met or helpful this many days back is still a "say thanks" candidate. */
  thanksDays: number;
  /** People met in the last days with no follow-up yet. */
  newAcquaintanceDays: number;
  /** Birthdays shown this many days ahead. */
  birthdayDays: number;
}

/** The "Loose touch" section put into today's daily note. */
export interface DailySectionSettings {
  /** Add the section when today's daily note is created. */
  enabled: boolean;
  heading: string;
}

/** New person notes, conversation prep and message templates. */
export interface PrepSettings {
  /** The one-line ask shown when preparing a conversation ("I'm exploring role X in industry Y; must-haves Z"). */
  ask: string;
  /** The sender's name, for `{{my_name}}` in messages. */
  myName: string;
  /** A note to copy for each new person (a vault path); empty for the built-in note. */
  personTemplate: string;
  /** Markdown files in this folder join the question bank; empty for none. */
  questionFolder: string;
  /** Markdown files in this folder add message templates or replace built-in ones; empty for none. */
  templateFolder: string;
}

export interface NetworkNotesSettings {
  version: number;
  people: PeopleRules;
  keys: PropertyKeys;
  /** Days between touches for each tier; null means the tier is not on a cadence. */
  cadenceDays: Record<Tier, number | null>;
  /** Used when neither the Daily notes core plugin nor Periodic Notes has settings. */
  dailyNotes: DailyNotesFallback;
  log: LogSettings;
  routine: RoutineSettings;
  dailySection: DailySectionSettings;
  prep: PrepSettings;
}

export const DEFAULT_SETTINGS: Readonly<NetworkNotesSettings> = Object.freeze({
  version: SETTINGS_VERSION,
  people: Object.freeze({
    folders: ["People"],
    tags: ["person", "people"],
    markerKey: "type",
    markerValues: ["person"],
    excludeFolders: ["Templates"],
  }),
  keys: Object.freeze({
    tier: "tier",
    lastTouch: "last_touch",
    cadence: "cadence",
    commitments: "commitments",
    expecting: "expecting",
    snoozeUntil: "snooze_until",
    paused: "paused",
    tierGoal: "tier_goal",
    tierSince: "tier_since",
    birthday: "birthday",
    interests: "interests",
    met: "met",
    howWeMet: "how_we_met",
    noteDate: "date",
  }),
  cadenceDays: Object.freeze({ meaningful: 14, intimate: 30, familiar: 90, unfamiliar: null }),
  dailyNotes: Object.freeze({ folder: "", format: "YYYY-MM-DD" }),
  log: Object.freeze({ heading: "Log", tagPrefix: "touch" }),
  routine: Object.freeze({ picksPerDay: 5, thanksDays: 7, newAcquaintanceDays: 14, birthdayDays: 14 }),
  dailySection: Object.freeze({ enabled: true, heading: "Loose touch" }),
  prep: Object.freeze({ ask: "", myName: "", personTemplate: "", questionFolder: "", templateFolder: "" }),
});

/** A deep, mutable copy of the defaults. */
export function defaultSettings(): NetworkNotesSettings {
  return JSON.parse(JSON.stringify(DEFAULT_SETTINGS)) as NetworkNotesSettings;
}
