/**
 * The settings tab, declared with Obsidian 1.13's setting definitions so every setting is found by the
 * settings search. Values are read and written through `getControlValue`/`setControlValue`, which map the
 * flat control keys onto the nested settings object.
 */
import { PluginSettingTab, type App, type Plugin, type SettingDefinition, type SettingDefinitionItem } from "obsidian";
import { TIERS, type Tier } from "../domain/tiers";
import type { Translate } from "../i18n";
import type { NetworkNotesSettings, PropertyKeys, RoutineSettings } from "../settings/schema";
import { dailyFormatUsable, ROUTINE_LIMITS as ROUTINE_RANGE, vaultPath } from "../settings/migrate";
import type { DailyNoteConfig } from "../domain/datedNotes";

export interface SettingsHost {
  settings(): NetworkNotesSettings;
  t: Translate;
  dailyConfig(): DailyNoteConfig | null;
  /** Persist and re-index. */
  settingsChanged(): Promise<void>;
}

const LIST_KEYS = ["people.folders", "people.tags", "people.markerValues", "people.excludeFolders"] as const;
type ListKey = (typeof LIST_KEYS)[number];
const isListKey = (k: string): k is ListKey => (LIST_KEYS as readonly string[]).includes(k);
const FOLDER_LISTS: readonly string[] = ["people.folders", "people.excludeFolders"];
const splitList = (v: string) => v.split(",").map((p) => p.trim()).filter((p) => p !== "");
/** Every folder in a typed list is usable (inside the vault, outside hidden folders). */
const foldersUsable = (v: string) => splitList(v).every((p) => vaultPath(p) !== null);

/** The prep settings shown as controls, by their control key (`prep.<name>`). */
const PREP_TEXT = ["prep.ask", "prep.myName"] as const;
const PREP_PATHS = ["prep.personTemplate", "prep.questionFolder", "prep.templateFolder"] as const;
type PrepControl = (typeof PREP_TEXT)[number] | (typeof PREP_PATHS)[number];
const isPrepControl = (k: string): k is PrepControl => (PREP_TEXT as readonly string[]).includes(k) || (PREP_PATHS as readonly string[]).includes(k);

const KEY_NAMES: (keyof PropertyKeys)[] = [
  "tier", "lastTouch", "cadence", "commitments", "expecting", "snoozeUntil", "paused", "tierGoal", "tierSince", "birthday",
  "interests", "met", "howWeMet", "noteDate",
];

export class NetworkNotesSettingTab extends PluginSettingTab {
  constructor(app: App, plugin: Plugin, private readonly host: SettingsHost) {
    super(app, plugin);
  }

  override getSettingDefinitions(): SettingDefinitionItem[] {
    const t = this.host.t;
    const text = (key: string, name: string, desc: string): SettingDefinition => ({ name, desc, control: { type: "text", key } });
    const number = (key: string, name: string, desc: string, [min, max]: [number, number]): SettingDefinition => ({
      name, desc,
      control: { type: "text", key, validate: (v: string) => (/^\d{1,3}$/.test(v.trim()) && Number(v) >= min && Number(v) <= max ? undefined : t("settings.number.invalid", { min, max })) },
    });
    const path = (v: string) => (vaultPath(v) === null ? t("prep.settings.path.invalid") : undefined);
    const folders = (key: string, name: string, desc: string): SettingDefinition => ({
      name, desc, control: { type: "text", key, validate: (v: string) => (foldersUsable(v) ? undefined : t("settings.folders.invalid")) },
    });
    const daily = this.host.dailyConfig();
    return [
      {
        type: "group",
        heading: t("settings.people.heading"),
        items: [
          folders("people.folders", t("settings.folders.name"), t("settings.folders.desc")),
          text("people.tags", t("settings.tags.name"), t("settings.tags.desc")),
          text("people.markerKey", t("settings.markerKey.name"), t("settings.markerKey.desc")),
          text("people.markerValues", t("settings.markerValues.name"), t("settings.markerValues.desc")),
          folders("people.excludeFolders", t("settings.exclude.name"), t("settings.exclude.desc")),
        ],
      },
      {
        type: "group",
        heading: t("settings.cadence.heading"),
        items: TIERS.slice().reverse().map((tier) => ({
          name: t("settings.cadence.name", { tier: t(`tier.${tier}`) }),
          desc: t("settings.cadence.desc"),
          aliases: ["cadence", tier],
          control: { type: "text", key: `cadence.${tier}`, validate: (v: string) => (v.trim() === "" || /^\d{1,4}$/.test(v.trim()) && Number(v) > 0 ? undefined : t("fix.cadence-unreadable")) },
        })),
      },
      {
        type: "group",
        heading: t("settings.daily.heading"),
        items: [
          {
            name: t("settings.daily.heading"),
            desc: daily ? t("settings.daily.desc", { source: t(`settings.daily.source.${daily.source}`), folder: daily.folder || "/", format: daily.format }) : "",
            searchable: false,
          },
          { name: t("settings.dailyFolder.name"), desc: t("settings.dailyFolder.desc"), control: { type: "folder", key: "dailyNotes.folder", validate: path } },
          {
            name: t("settings.dailyFormat.name"), desc: t("settings.dailyFormat.desc"),
            control: { type: "text", key: "dailyNotes.format", validate: (v: string) => (v.trim() === "" || dailyFormatUsable(v.trim()) ? undefined : t("prep.settings.path.invalid")) },
          },
        ],
      },
      {
        type: "group",
        heading: t("settings.routine.heading"),
        items: [
          number("routine.picksPerDay", t("settings.picks.name"), t("settings.picks.desc"), ROUTINE_RANGE.picksPerDay),
          number("routine.thanksDays", t("settings.thanksDays.name"), t("settings.thanksDays.desc"), ROUTINE_RANGE.thanksDays),
          number("routine.newAcquaintanceDays", t("settings.newDays.name"), t("settings.newDays.desc"), ROUTINE_RANGE.newAcquaintanceDays),
          number("routine.birthdayDays", t("settings.birthdayDays.name"), t("settings.birthdayDays.desc"), ROUTINE_RANGE.birthdayDays),
          { name: t("settings.section.name"), desc: t("settings.section.desc"), control: { type: "toggle", key: "dailySection.enabled" } },
          text("dailySection.heading", t("settings.sectionHeading.name"), t("settings.sectionHeading.desc")),
        ],
      },
      {
        type: "group",
        heading: t("settings.prep.heading"),
        items: [
          { name: t("prep.settings.ask.name"), desc: t("prep.settings.ask.desc"), aliases: ["ask", "prep"], control: { type: "textarea", key: "prep.ask" } },
          { name: t("prep.settings.myName.name"), desc: t("prep.settings.myName.desc"), aliases: ["my name", "message"], control: { type: "text", key: "prep.myName" } },
          { name: t("prep.settings.personTemplate.name"), desc: t("prep.settings.personTemplate.desc"), aliases: ["template", "new person"], control: { type: "file", key: "prep.personTemplate", validate: path } },
          { name: t("prep.settings.questions.name"), desc: t("prep.settings.questions.desc"), aliases: ["questions", "prep"], control: { type: "folder", key: "prep.questionFolder", validate: path } },
          { name: t("prep.settings.templates.name"), desc: t("prep.settings.templates.desc"), aliases: ["message", "templates"], control: { type: "folder", key: "prep.templateFolder", validate: path } },
        ],
      },
      {
        type: "group",
        heading: t("settings.keys.heading"),
        items: KEY_NAMES.map((k) => {
          const what = t(`label.${k}`);
          return text(`keys.${k}`, t("settings.keys.name", { what }), t("settings.keys.desc", { what }));
        }),
      },
    ];
  }

  override getControlValue(key: string): unknown {
    const s = this.host.settings();
    if (isListKey(key)) return s.people[key.slice(7) as "folders"].join(", ");
    if (key === "people.markerKey") return s.people.markerKey;
    if (key.startsWith("cadence.")) return String(s.cadenceDays[key.slice(8) as Tier] ?? "");
    if (key.startsWith("keys.")) return s.keys[key.slice(5) as keyof PropertyKeys];
    if (key === "dailyNotes.folder") return s.dailyNotes.folder;
    if (key === "dailyNotes.format") return s.dailyNotes.format;
    if (key.startsWith("routine.")) return String(s.routine[key.slice(8) as keyof RoutineSettings]);
    if (key === "dailySection.enabled") return s.dailySection.enabled;
    if (key === "dailySection.heading") return s.dailySection.heading;
    if (isPrepControl(key)) return s.prep[key.slice(5) as keyof NetworkNotesSettings["prep"]];
    return undefined;
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    const s = this.host.settings();
    const textValue = typeof value === "string" ? value.trim() : "";
    if (isListKey(key)) {
      if (FOLDER_LISTS.includes(key)) {
        // Refused as a whole, as the message under the field says; the stored list stays as it was.
        if (!foldersUsable(textValue)) return;
        s.people[key.slice(7) as "folders"] = [...new Set(splitList(textValue).map((p) => vaultPath(p) ?? "").filter((p) => p !== ""))];
      } else {
        s.people[key.slice(7) as "tags"] = splitList(textValue).map((v) => v.replace(key === "people.tags" ? /^#/ : /^$/, "")).filter((v) => v !== "");
      }
    } else if (key === "people.markerKey") s.people.markerKey = textValue;
    else if (key.startsWith("cadence.")) {
      const n = Number(textValue);
      s.cadenceDays[key.slice(8) as Tier] = textValue === "" || !Number.isInteger(n) || n <= 0 ? null : n;
    } else if (key.startsWith("keys.")) {
      if (textValue !== "") s.keys[key.slice(5) as keyof PropertyKeys] = textValue;
    } else if (key === "dailyNotes.folder") {
      const folder = vaultPath(textValue);
      if (folder === null) return;
      s.dailyNotes.folder = folder;
    } else if (key === "dailyNotes.format") {
      if (textValue !== "" && !dailyFormatUsable(textValue)) return;
      s.dailyNotes.format = textValue || "YYYY-MM-DD";
    }
    else if (key.startsWith("routine.")) {
      const name = key.slice(8) as keyof RoutineSettings;
      const n = Number(textValue);
      const [min, max] = ROUTINE_RANGE[name];
      if (textValue === "" || !Number.isInteger(n) || n < min || n > max) return;
      s.routine[name] = n;
    } else if (key === "dailySection.enabled") s.dailySection.enabled = value === true;
    else if (key === "dailySection.heading") {
      if (textValue.replace(/^#+\s*/, "") === "") return;
      s.dailySection.heading = textValue.replace(/^#+\s*/, "");
    } else if (isPrepControl(key)) {
      const name = key.slice(5) as keyof NetworkNotesSettings["prep"];
      if ((PREP_TEXT as readonly string[]).includes(key)) s.prep[name] = textValue.replace(/\s+/gu, " ");
      else {
        const path = vaultPath(textValue);
        if (path === null) return;
        s.prep[name] = path;
      }
    } else return;
    await this.host.settingsChanged();
  }
}
