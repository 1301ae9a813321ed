/**
 * data.json in and out. Loading never throws: a file that is not JSON (the app's loadData throws on it) or that
 * holds values the plugin cannot use gives the defaults for those parts, and the caller says so once. Nothing is
 * written on load. The user's own file is never silently lost: the first save after such a load first copies the
 * file beside it (`data.json.bak`, or `data.json.2.bak` and so on when that name is taken).
 */
import { normalizePath, type Plugin } from "obsidian";
import { migrateSettings, type Repair } from "../settings/migrate";
import { defaultSettings, SETTINGS_VERSION, type NetworkNotesSettings } from "../settings/schema";

export interface LoadedSettings {
  settings: NetworkNotesSettings;
  /** What was reset to the default, for the notice (empty on a clean load). */
  repairs: Repair[];
  /** data.json exists but is not valid JSON. */
  unreadable: boolean;
}

export class SettingsStore {
  /** Set when the file on disk holds something a save would drop; cleared once it has been copied aside. */
  private keepCopy = false;

  constructor(private readonly plugin: Plugin) {}

  async load(): Promise<LoadedSettings> {
    let stored: unknown;
    try {
      stored = await this.plugin.loadData();
    } catch {
      this.keepCopy = true;
      return { settings: defaultSettings(), repairs: [], unreadable: true };
    }
    const { settings, repairs } = migrateSettings(stored);
    const oldShape = typeof stored === "object" && stored !== null && (stored as { version?: unknown }).version !== SETTINGS_VERSION;
    this.keepCopy = repairs.length > 0 || oldShape;
    return { settings, repairs, unreadable: false };
  }

  async save(settings: NetworkNotesSettings): Promise<void> {
    if (this.keepCopy) {
      await this.copyAside();
      this.keepCopy = false;
    }
    await this.plugin.saveData(settings);
  }

  private async copyAside(): Promise<void> {
    const adapter = this.plugin.app.vault.adapter;
    const dir = this.plugin.manifest.dir ?? `${this.plugin.app.vault.configDir}/plugins/${this.plugin.manifest.id}`;
    const data = normalizePath(`${dir}/data.json`);
    if (!(await adapter.exists(data))) return;
    let target = `${data}.bak`;
    for (let n = 2; await adapter.exists(target); n++) target = normalizePath(`${dir}/data.json.${n}.bak`);
    await adapter.copy(data, target);
  }
}
