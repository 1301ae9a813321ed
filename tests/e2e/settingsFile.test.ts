/**
 * data.json that is corrupt, of the wrong shape or from an earlier version: the built plugin loads with the
 * defaults for what it cannot use, says what was reset, and writes nothing until a setting changes; then the
 * user's file is first copied aside (data.json.bak) so it is never silently lost.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { standInApp, type Harness } from "../harness/load-plugin";
import { Plugin } from "../harness/obsidian/index";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { freezeClock, start } from "./support";

const DATA = ".obsidian/plugins/network-notes/data.json";
let h: Harness | undefined;

beforeEach(() => freezeClock());
afterEach(async () => {
  await h?.unload();
  h = undefined;
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const bytes = (file: string) => readFileSync(path.join(h?.vaultDir ?? "", file));
const exists = (file: string) => existsSync(path.join(h?.vaultDir ?? "", file));
const settingsOf = (x: Harness) => (x.plugin as { settings: { people: { folders: string[] }; routine: { picksPerDay: number }; cadenceDays: Record<string, number | null> } }).settings;

/** Loads the basic vault with `text` as data.json, counting every saveData call. */
async function load(text: string | null): Promise<{ api: NetworkNotesApi; saves: () => number }> {
  const save = vi.spyOn(Plugin.prototype, "saveData");
  const s = await start(text === null ? {} : { files: { [DATA]: text } });
  h = s.h;
  return { api: s.api, saves: () => save.mock.calls.length };
}

async function changeASetting(x: Harness): Promise<void> {
  const tab = standInApp(x.app).setting.openTabById("network-notes");
  await tab.setControlValue("routine.picksPerDay", "3");
  await x.settle();
}

describe("a settings file that is not JSON", () => {
  const broken = '{"routine": {"picksPerDay": 2,, <<<<<<< HEAD\n';

  it("loads with the defaults, says so, and leaves the file alone", async () => {
    const { api, saves } = await load(broken);
    expect(api.ready()).toBe(true);
    expect(api.people()).toHaveLength(15);
    expect(settingsOf(h!).routine.picksPerDay).toBe(5);
    expect(h!.notices()).toEqual([expect.stringContaining("the settings file (data.json) is not valid JSON, so the default settings are in use")]);
    await h!.settle();
    expect(saves()).toBe(0);
    expect(bytes(DATA).toString("utf8")).toBe(broken);
    expect(exists(`${DATA}.bak`)).toBe(false);
  });

  it("keeps a copy of the broken file before the first save, and only one", async () => {
    const { saves } = await load(broken);
    await changeASetting(h!);
    expect(saves()).toBe(1);
    expect(bytes(`${DATA}.bak`).toString("utf8")).toBe(broken);
    expect(JSON.parse(bytes(DATA).toString("utf8"))).toMatchObject({ version: 1, routine: { picksPerDay: 3 } });
    const tab = standInApp(h!.app).setting.openTabById("network-notes");
    await tab.setControlValue("routine.picksPerDay", "4");
    await h!.settle();
    expect(exists(`${DATA}.2.bak`)).toBe(false);
    expect(bytes(`${DATA}.bak`).toString("utf8")).toBe(broken);
  });

  it("never overwrites an older copy: the next one gets its own name", async () => {
    const { saves } = await load(broken);
    await h!.write(`${DATA}.bak`, "an older copy");
    await changeASetting(h!);
    expect(saves()).toBe(1);
    expect(bytes(`${DATA}.bak`).toString("utf8")).toBe("an older copy");
    expect(bytes(`${DATA}.2.bak`).toString("utf8")).toBe(broken);
  });

  it("does not stop the plugin when the file breaks while it runs", async () => {
    const { api } = await load(JSON.stringify({ version: 1, routine: { picksPerDay: 2 } }));
    expect(settingsOf(h!).routine.picksPerDay).toBe(2);
    await h!.write(DATA, "{ not json");
    await h!.settle();
    expect(settingsOf(h!).routine.picksPerDay).toBe(5);
    expect(api.people()).toHaveLength(15);
    expect(bytes(DATA).toString("utf8")).toBe("{ not json");
  });
});

describe("a settings file with values the plugin cannot use", () => {
  const odd = JSON.stringify({ version: 1, people: { folders: 7 }, routine: { picksPerDay: "lots", thanksDays: 3 }, colour: "red" }, null, 2);

  it("uses the defaults for those values, names them, keeps the rest, and writes nothing", async () => {
    const { saves } = await load(odd);
    const settings = settingsOf(h!);
    expect(settings.people.folders).toEqual(["People"]);
    expect(settings.routine).toMatchObject({ picksPerDay: 5, thanksDays: 3 });
    const notices = h!.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("people.folders was not a list of text; using the default");
    expect(notices[0]).toContain("routine.picksPerDay was not a whole number from 0 to 20; using the default");
    await h!.settle();
    expect(saves()).toBe(0);
    expect(bytes(DATA).toString("utf8")).toBe(odd);
  });

  it("keeps the hand-edited file as data.json.bak when a setting changes", async () => {
    await load(odd);
    await changeASetting(h!);
    expect(bytes(`${DATA}.bak`).toString("utf8")).toBe(odd);
    const saved = JSON.parse(bytes(DATA).toString("utf8")) as Record<string, unknown>;
    expect(saved).not.toHaveProperty("colour");
    expect(saved).toMatchObject({ routine: { picksPerDay: 3, thanksDays: 3 } });
  });

  it("speaks Chinese in the notice when Obsidian does", async () => {
    const save = vi.spyOn(Plugin.prototype, "saveData");
    h = (await start({ language: "zh", files: { [DATA]: "nope" } })).h;
    expect(h.notices()).toEqual([expect.stringContaining("设置文件（data.json）不是有效的 JSON")]);
    expect(save).not.toHaveBeenCalled();
  });

  it("names what was reset in Chinese too, keeping the settings' own names", async () => {
    h = (await start({ language: "zh", files: { [DATA]: odd } })).h;
    const notices = h.notices();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("people.folders 不是一组文字，已改用默认值；routine.picksPerDay 不是 0 到 20 之间的整数，已改用默认值");
    expect(notices[0]).not.toMatch(/using the default|[{}]/);
  });
});

describe("a settings file from an earlier version", () => {
  const v0 = JSON.stringify({ peopleFolder: "Contacts", cadenceDays: { familiar: 60 } });

  it("is read through the migration, quietly, without being rewritten", async () => {
    const { api, saves } = await load(v0);
    expect(settingsOf(h!).people.folders).toEqual(["Contacts"]);
    expect(settingsOf(h!).cadenceDays.familiar).toBe(60);
    expect(api.people().map((p) => p.path)).toContain("Contacts/Mia Torres.md");
    expect(h!.notices()).toEqual([]);
    await h!.settle();
    expect(saves()).toBe(0);
    expect(bytes(DATA).toString("utf8")).toBe(v0);
  });

  it("is saved in the new shape when a setting changes, with the old file kept", async () => {
    await load(v0);
    await changeASetting(h!);
    expect(bytes(`${DATA}.bak`).toString("utf8")).toBe(v0);
    const saved = JSON.parse(bytes(DATA).toString("utf8")) as Record<string, unknown>;
    expect(saved).toMatchObject({ version: 1, people: { folders: ["Contacts"] }, cadenceDays: { familiar: 60 } });
    expect(saved).not.toHaveProperty("peopleFolder");
  });
});

describe("no settings file, or a clean one", () => {
  it("creates nothing on load, and saves without a copy", async () => {
    const { saves } = await load(null);
    await h!.settle();
    expect(saves()).toBe(0);
    expect(exists(DATA)).toBe(false);
    expect(h!.notices()).toEqual([]);
    await changeASetting(h!);
    expect(exists(DATA)).toBe(true);
    expect(exists(`${DATA}.bak`)).toBe(false);
  });
});

describe("a save that cannot keep the copy first", () => {
  it("writes nothing over the user's file and says so", async () => {
    await load("{ broken");
    const adapter = h!.app.vault.adapter;
    vi.spyOn(adapter, "copy").mockRejectedValue(new Error("disk full"));
    await changeASetting(h!);
    expect(bytes(DATA).toString("utf8")).toBe("{ broken");
    expect(h!.notices().at(-1)).toBe("Network Notes: the settings could not be saved, so the file was left as it was: disk full");
  });
});
