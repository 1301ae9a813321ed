/**
 * Paths built from user input, through the built plugin: New person with hostile names never writes outside the
 * people folder (checked on disk, around the vault too), and hostile folders in the settings file or typed in the
 * settings tab are refused with a message, never used.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Harness, LoadOptions } from "../harness/load-plugin";
import { standInApp } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { cleanUp, freezeClock, start } from "./support";
import { clickButton, field, modal, modalOpen, type } from "./modalDom";

let h: Harness | undefined;
let api: NetworkNotesApi;

beforeEach(() => freezeClock());
afterEach(async () => {
  await cleanUp(h);
  h = undefined;
});

async function begin(options: LoadOptions = {}): Promise<void> {
  const s = await start(options);
  h = s.h;
  api = s.api;
}

/** Every file under `dir` on disk, relative to it, with `/` separators. */
function filesOnDisk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}

const lastNotice = () => h!.notices().at(-1) ?? "";

async function newPerson(name: string): Promise<void> {
  expect(h!.runCommand("network-notes:new-person")).toBe(true);
  type(field(".network-notes-new-name"), name);
  clickButton("Create");
  for (let i = 0; i < 200 && (modalOpen() || h!.notices().length === 0); i++) {
    await h!.settle();
    if (modalOpen()) break; // the form refused the name and stays open
    await new Promise((r) => setTimeout(r, 5));
  }
  await h!.settle();
}

describe("New person with hostile names", () => {
  it("writes only directly inside the people folder, whatever the name", async () => {
    await begin();
    const around = path.dirname(h!.vaultDir); // the temporary folder that holds the vault
    const before = new Set(filesOnDisk(around));
    const long = `${"Ω".repeat(150)}/../${"x".repeat(300)}`;
    const names = ["../../etc/passwd", "..\\x", "/abs", "C:\\x", ".obsidian/plugins/x", "CON", "nul", long, "..", "\\\\server\\share\\y", "a\u0000b", "\u202Eevil"];
    for (const name of names) {
      await newPerson(name);
      if (modalOpen()) modal().querySelector<HTMLElement>(".modal-close-button")?.click();
    }
    const added = filesOnDisk(around).filter((f) => !before.has(f));
    const vault = path.basename(h!.vaultDir);
    expect(added.length).toBeGreaterThanOrEqual(names.length - 2); // ".." leaves nothing: refused in the form
    for (const file of added) expect(file).toMatch(new RegExp(`^${vault}/People/[^/]+\\.md$`));
    const inVault = added.map((f) => f.slice(vault.length + 1));
    expect(inVault).toEqual(expect.arrayContaining(["People/etc passwd.md", "People/x.md", "People/abs.md", "People/C x.md", "People/obsidian plugins x.md", "People/CON_.md", "People/nul_.md", "People/a b.md", "People/evil.md"]));
    for (const file of inVault) expect(Buffer.byteLength(path.basename(file))).toBeLessThanOrEqual(255);
    // The config folder holds only what was there (the plugin's manifest and nothing it made).
    expect(added.some((f) => f.includes("/.obsidian/"))).toBe(false);
  });

  it("refuses a name with nothing usable in it, says so, and makes nothing", async () => {
    await begin();
    const before = filesOnDisk(h!.vaultDir);
    for (const name of ["", "   ", "..", "///", "[[]]"]) {
      expect(h!.runCommand("network-notes:new-person")).toBe(true);
      type(field(".network-notes-new-name"), name);
      clickButton("Create");
      await h!.settle();
      await new Promise((r) => setTimeout(r, 20));
      await h!.settle();
      // Blank: the form says so and stays open. Nothing left once made safe: the notice says so.
      if (modalOpen()) {
        expect(modal().querySelector(".setting-item-error")?.textContent, JSON.stringify(name)).toBe("Type a name first.");
        modal().querySelector<HTMLElement>(".modal-close-button")?.click();
      } else expect(lastNotice(), JSON.stringify(name)).toBe("Type a name first.");
    }
    expect(filesOnDisk(h!.vaultDir)).toEqual(before);
  });
});

describe("hostile folders in the settings", () => {
  it("are left out on load, with a notice, and New person still writes inside the vault", async () => {
    await begin({
      settings: {
        version: 1,
        people: { folders: ["../outside", ".obsidian/plugins", "People"], excludeFolders: ["C:\\Windows"] },
        prep: { personTemplate: "../../secret.md", questionFolder: ".obsidian" },
        dailyNotes: { folder: "../Daily", format: "[../]YYYY-MM-DD" },
      },
    });
    const notice = h!.notices().find((n) => n.startsWith("Network Notes: some settings could not be read")) ?? "";
    expect(notice).toContain("“../outside” pointed outside the vault");
    expect(notice).toContain("“.obsidian/plugins” pointed outside the vault");
    expect(notice).toContain("prep.personTemplate");
    expect(notice).toContain("dailyNotes.format");
    const plugin = h!.plugin as { settings: { people: { folders: string[]; excludeFolders: string[] }; prep: Record<string, string>; dailyNotes: Record<string, string> } };
    expect(plugin.settings.people.folders).toEqual(["People"]);
    expect(plugin.settings.people.excludeFolders).toEqual(["Templates"]);
    expect(plugin.settings.prep).toMatchObject({ personTemplate: "", questionFolder: "" });
    expect(plugin.settings.dailyNotes).toEqual({ folder: "", format: "YYYY-MM-DD" });
    expect(api.people().length).toBeGreaterThan(0);
    await newPerson("Nia Safe");
    expect(lastNotice()).toContain("People/Nia Safe.md");
  });

  it("are refused in the settings tab with a message, and the stored value stays", async () => {
    await begin();
    const tab = standInApp(h!.app).setting.openTabById("network-notes");
    const input = (name: string): HTMLInputElement => {
      const item = [...tab.containerEl.querySelectorAll<HTMLElement>(".setting-item")].find((el) => el.querySelector(".setting-item-name")?.textContent === name);
      const el = item?.querySelector<HTMLInputElement>("input[type=text], input:not([type])");
      if (!item || !el) throw new Error(`no text setting "${name}"`);
      return el;
    };
    const error = (name: string) => input(name).closest(".setting-item")?.querySelector(".setting-item-error")?.textContent ?? "";
    const cases: [string, string, string][] = [
      ["People folders", "People, ../outside", "Use folders inside the vault, outside hidden folders, separated by commas."],
      ["Folders to skip", ".obsidian", "Use folders inside the vault, outside hidden folders, separated by commas."],
      ["Fallback daily notes folder", "C:\\Daily", "Use a path inside the vault, outside hidden folders."],
      ["Fallback daily note format", "[../]YYYY-MM-DD", "Use a path inside the vault, outside hidden folders."],
      ["Question folder", "../../q", "Use a path inside the vault, outside hidden folders."],
    ];
    const dataFile = ".obsidian/plugins/network-notes/data.json";
    const saved = async () => JSON.parse(await h!.read(dataFile).catch(() => "{}")) as Record<string, unknown>;
    const before = await saved();
    for (const [name, value, message] of cases) {
      type(input(name), value);
      await h!.settle();
      expect(error(name), name).toBe(message);
    }
    // Straight through the tab's API too (as the app's settings search would write): nothing is stored.
    await tab.setControlValue("people.folders", "../../x");
    await tab.setControlValue("dailyNotes.folder", "..");
    await h!.settle();
    expect(await saved()).toEqual(before);
    const plugin = h!.plugin as { settings: { people: { folders: string[] }; dailyNotes: { folder: string } } };
    expect(plugin.settings.people.folders).toEqual(["People"]);

    // A usable value is stored in Obsidian's normal form.
    type(input("People folders"), " People\\Work/ , Contacts ");
    await h!.settle();
    expect(error("People folders")).toBe("");
    expect(plugin.settings.people.folders).toEqual(["People/Work", "Contacts"]);
    standInApp(h!.app).setting.close();
  });
});
