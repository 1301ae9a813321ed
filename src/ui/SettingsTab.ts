/**
 * The settings tab, declared with Obsidian 1.13's setting definitions so every setting is found by the
 * settings search. Values are read and written through `getControlValue`/`setControlValue`, which map the
 * flat control keys onto the nested settings object.
 */
import { PluginSettingTab, type App, type Plugin, type SettingDefinition, type SettingDefinitionItem } from "obsidian";
import { TIERS, type Tier } from "../domain/tiers";
import type { Translate } from "../i18n";
import type { NetworkNotesSettings, PropertyKeys } from "../settings/schema";
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
    const daily = this.host.dailyConfig();
    return [
      {
        type: "group",
        heading: t("settings.people.heading"),
        items: [
          text("people.folders", t("settings.folders.name"), t("settings.folders.desc")),
          text("people.tags", t("settings.tags.name"), t("settings.tags.desc")),
          text("people.markerKey", t("settings.markerKey.name"), t("settings.markerKey.desc")),
          text("people.markerValues", t("settings.markerValues.name"), t("settings.markerValues.desc")),
          text("people.excludeFolders", t("settings.exclude.name"), t("settings.exclude.desc")),
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
          { name: t("settings.dailyFolder.name"), desc: t("settings.dailyFolder.desc"), control: { type: "folder", key: "dailyNotes.folder" } },
          text("dailyNotes.format", t("settings.dailyFormat.name"), t("settings.dailyFormat.desc")),
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
    return undefined;
  }

  override async setControlValue(key: string, value: unknown): Promise<void> {
    const s = this.host.settings();
    const textValue = typeof value === "string" ? value.trim() : "";
    if (isListKey(key)) {
      const list = textValue.split(",").map((v) => v.trim().replace(key === "people.tags" ? /^#/ : /^$/, "")).filter((v) => v !== "");
      s.people[key.slice(7) as "folders"] = list;
    } else if (key === "people.markerKey") s.people.markerKey = textValue;
    else if (key.startsWith("cadence.")) {
      const n = Number(textValue);
      s.cadenceDays[key.slice(8) as Tier] = textValue === "" || !Number.isInteger(n) || n <= 0 ? null : n;
    } else if (key.startsWith("keys.")) {
      if (textValue !== "") s.keys[key.slice(5) as keyof PropertyKeys] = textValue;
    } else if (key === "dailyNotes.folder") s.dailyNotes.folder = textValue;
    else if (key === "dailyNotes.format") s.dailyNotes.format = textValue || "YYYY-MM-DD";
    else return;
    await this.host.settingsChanged();
  }
}
