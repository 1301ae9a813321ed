/**
 * onload does not wait for the settings file. When it is read late (here: after the layout is ready), nothing
 * that depends on the settings runs from the defaults: the index, the settings tab and any command run meanwhile
 * wait for it, and a view the app restored before then fills in once it is read.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { standInApp, type Harness } from "../harness/load-plugin";
import { Plugin } from "../harness/obsidian/index";
import { cleanUp, freezeClock, start } from "./support";

const VIEW = "network-notes-loose-touch";
/** Only the Contacts folder holds people (the defaults also count the People folder). */
const SETTINGS = { people: { folders: ["Contacts"], tags: [], markerKey: "" } };
let h: Harness | undefined;

/** Holds every loadData call until `open()` is called. */
function holdSettingsRead(): { open: () => void; calls: () => number } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const original = Plugin.prototype.loadData;
  const spy = vi.spyOn(Plugin.prototype, "loadData").mockImplementation(async function (this: Plugin) {
    await gate;
    return original.call(this) as Promise<unknown>;
  });
  return { open: () => release(), calls: () => spy.mock.calls.length };
}

beforeEach(() => freezeClock());
afterEach(async () => {
  await cleanUp(h);
  h = undefined;
  vi.restoreAllMocks();
});

describe("a settings file read after the layout is ready", () => {
  it("the index waits for it and counts people by the loaded settings", async () => {
    const held = holdSettingsRead();
    const s = await start({ settings: SETTINGS });
    h = s.h;
    expect(held.calls()).toBe(1);
    expect(s.api.ready()).toBe(false);
    expect(s.api.people()).toHaveLength(0);
    expect(standInApp(h.app).setting.pluginTabs.some((tab) => tab.id === "network-notes")).toBe(false);
    held.open();
    await h.settle();
    expect(s.api.ready()).toBe(true);
    expect(s.api.people().map((p) => p.name)).toEqual(["Mia Torres"]);
    expect(standInApp(h.app).setting.pluginTabs.some((tab) => tab.id === "network-notes")).toBe(true);
  });

  it("a command run before it is read waits for it, then runs with the loaded settings", async () => {
    const held = holdSettingsRead();
    const s = await start({ settings: SETTINGS });
    h = s.h;
    expect(h.runCommand("network-notes:rebuild-index")).toBe(true);
    await h.settle();
    expect(h.notices()).toEqual([]); // nothing ran yet
    held.open();
    await h.settle();
    expect(h.notices()).toEqual(["Network Notes: re-read 1 person and 4 dated notes."]);
    expect(s.api.people().map((p) => p.name)).toEqual(["Mia Torres"]);
  });

  it("a view the app restored before the plugin was ready fills in once it is read", async () => {
    const held = holdSettingsRead();
    const s = await start({
      settings: SETTINGS,
      afterOnload: async (_plugin, app) => {
        await app.workspace.getRightLeaf(false)?.setViewState({ type: VIEW });
      },
    });
    h = s.h;
    const view = () => (h!.app.workspace.getLeavesOfType(VIEW)[0]?.view as unknown as { containerEl: HTMLElement }).containerEl;
    expect(view().textContent).toContain("Reading");
    held.open();
    await h.settle();
    expect(view().textContent).toContain("1 person · 0 due");
  });
});
