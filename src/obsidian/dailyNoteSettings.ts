/** Reads where daily notes live from the vault's config folder, through the adapter (the Vault does not list it). */
import { normalizePath, type App } from "obsidian";
import { DAILY_CONFIG_FILES, dailyConfigFromFiles, type DailyNoteConfig } from "../domain/datedNotes";

async function readConfigText(app: App, relative: string): Promise<string | null> {
  const path = normalizePath(`${app.vault.configDir}/${relative}`);
  try {
    return (await app.vault.adapter.exists(path)) ? await app.vault.adapter.read(path) : null;
  } catch {
    return null;
  }
}

export async function readDailyNoteConfig(app: App, fallback: { folder: string; format: string }): Promise<DailyNoteConfig> {
  const [core, periodic, community] = await Promise.all([
    readConfigText(app, DAILY_CONFIG_FILES.core),
    readConfigText(app, DAILY_CONFIG_FILES.periodic),
    readConfigText(app, DAILY_CONFIG_FILES.community),
  ]);
  return dailyConfigFromFiles({ core, periodic, community }, fallback);
}
