import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { Menu, TFile } from "obsidian";
import { buildFixturePlugin } from "./fixtures/build-fixture";
import { loadPlugin, standInApp, type Harness, type LoadOptions } from "./load-plugin";

let mainJs = "";
let current: Harness | null = null;
beforeAll(async () => {
  mainJs = await buildFixturePlugin();
});
afterEach(async () => {
  await current?.unload();
  current = null;
});

const files = { "Alpha.md": "a", "Beta.md": "b", "Notes/Gamma.md": "c" };

async function load(opts: LoadOptions = {}): Promise<Harness> {
  current = await loadPlugin({ mainJs, files, ...opts });
  return current;
}

const settingsOf = (h: Harness) => standInApp(h.app).setting;
const names = (root: ParentNode) => Array.from(root.querySelectorAll(".setting-item-name")).map((el) => el.textContent);
const rowNamed = (root: ParentNode, name: string) =>
  Array.from(root.querySelectorAll<HTMLElement>(".setting-item")).find((el) => el.querySelector(".setting-item-name")?.textContent === name)!;

function type(input: HTMLInputElement | HTMLTextAreaElement, value: string, event = "input"): void {
  input.value = value;
  input.dispatchEvent(new Event(event));
}

describe("declarative settings tab", () => {
  it("renders controls, groups, lists and pages with Obsidian's classes", async () => {
    const h = await load();
    const tab = settingsOf(h).openTabById("network-notes");
    const el = tab.containerEl;
    expect(el.isConnected).toBe(true);
    expect(el.querySelector(".setting-item-heading .setting-item-name")?.textContent).toBe("Behaviour");
    expect(names(el)).toEqual(expect.arrayContaining(["Greeting", "Shout", "Mode", "Limit", "Reset", "Custom", "a", "b", "Advanced"]));
    expect(rowNamed(el, "Greeting").querySelector(".setting-item-description")?.textContent).toBe("What the hello command says.");
    expect(rowNamed(el, "Greeting").querySelector(".setting-item-control input")).not.toBeNull();
    expect(rowNamed(el, "Custom").querySelector("button")?.textContent).toBe("Custom button");
    expect(names(el)).not.toContain("Greeting (legacy)"); // display() is not used when there are definitions
    expect(rowNamed(el, "Volume").isShown()).toBe(false); // visible: () => settings.loud
  });

  it("persists a changed control through setControlValue → saveData", async () => {
    const h = await load();
    const el = settingsOf(h).openTabById("network-notes").containerEl;
    type(rowNamed(el, "Greeting").querySelector("input")!, "good day");
    (rowNamed(el, "Shout").querySelector(".checkbox-container") as HTMLElement).click();
    const select = rowNamed(el, "Mode").querySelector("select")!;
    type(select as unknown as HTMLInputElement, "busy", "change");
    type(rowNamed(el, "Limit").querySelector("input")!, "25");
    await h.settle();
    const saved = JSON.parse(await h.read(".obsidian/plugins/network-notes/data.json"));
    expect(saved).toMatchObject({ greeting: "good day", loud: true, mode: "busy", limit: 25 });
    expect(rowNamed(el, "Volume").isShown()).toBe(true); // visibility re-evaluated after the change
  });

  it("shows a validation error and does not persist a rejected value", async () => {
    const h = await load({ settings: { greeting: "hey" } });
    const el = settingsOf(h).openTabById("network-notes").containerEl;
    type(rowNamed(el, "Greeting").querySelector("input")!, "   ");
    await h.settle();
    expect(rowNamed(el, "Greeting").querySelector(".setting-item-error")?.textContent).toBe("Say something");
    expect(h.plugin.settings.greeting).toBe("hey");
  });

  it("runs actions, list add/delete and opens pages", async () => {
    const h = await load();
    const el = settingsOf(h).openTabById("network-notes").containerEl;
    rowNamed(el, "Reset").click();
    expect(h.notices()).toEqual(["Reset"]);
    (el.querySelector(".mod-add-item") as HTMLElement).click();
    await h.settle();
    expect(names(el)).toEqual(expect.arrayContaining(["a", "b", "t2"]));
    (rowNamed(el, "a").querySelector(".mod-delete") as HTMLElement).click();
    await h.settle();
    expect(h.plugin.settings.tags).toEqual(["b", "t2"]);
    rowNamed(el, "Advanced").click();
    expect(names(el)).toEqual(["Secret handshake"]);
    (el.querySelector(".setting-page-back") as HTMLElement).click();
    expect(names(el)).toContain("Greeting");
  });

  it("finds settings by name, description, alias and inside pages", async () => {
    const h = await load();
    const settings = settingsOf(h);
    settings.openTabById("network-notes");
    expect(settings.search("salutation").map((hit) => hit.name)).toEqual(["Greeting"]);
    expect(settings.search("at most").map((hit) => hit.name)).toEqual(["Limit"]);
    const deep = settings.search("handshake");
    expect(deep).toEqual([expect.objectContaining({ name: "Secret handshake", path: ["Advanced"], tabId: "network-notes" })]);
    expect(names(settings.containerEl.querySelector(".setting-search-results")!)).toEqual(["Secret handshake"]);
    type(settings.searchInputEl, "volume");
    expect(names(settings.containerEl.querySelector(".setting-search-results")!)).toEqual([]); // hidden settings are not found
    type(settings.searchInputEl, "");
    expect(settings.containerEl.querySelector(".setting-search-results")).toBeNull();
  });
});

describe("views and workspace", () => {
  it("opens an ItemView in the right sidebar with header and content", async () => {
    const h = await load();
    h.runCommand("network-notes:open-view");
    await h.settle();
    const [leaf] = h.app.workspace.getLeavesOfType("fixture-view");
    expect(leaf).toBeDefined();
    const view = leaf!.view as unknown as { containerEl: HTMLElement; contentEl: HTMLElement };
    expect(view.containerEl.matches(".workspace-leaf-content[data-type=fixture-view]")).toBe(true);
    expect(view.containerEl.querySelector(":scope > .view-header")).not.toBeNull();
    expect(view.contentEl.matches(".view-content")).toBe(true);
    expect(Array.from(view.contentEl.querySelectorAll("li")).map((li) => li.textContent)).toEqual(["Alpha", "Beta", "Gamma"]);
    expect(view.containerEl.querySelector(".view-action[aria-label=Refresh]")).not.toBeNull();
    expect(view.contentEl.isShown()).toBe(true);
    expect(h.app.workspace.getActiveViewOfType(leaf!.view.constructor as never)).toBe(leaf!.view);
  });

  it("reports views in a collapsed sidebar as not shown, so they can skip redraws", async () => {
    const h = await load();
    await h.plugin.activateView();
    const [leaf] = h.app.workspace.getLeavesOfType("fixture-view");
    const view = leaf!.view as unknown as { contentEl: HTMLElement };
    h.app.workspace.rightSplit.collapse();
    expect(view.contentEl.isShown()).toBe(false);
    const redraws = h.plugin.redraws;
    await h.write("Delta.md", "d");
    await h.settle();
    expect(h.plugin.redraws).toBe(redraws);
    await h.app.workspace.revealLeaf(leaf!);
    expect(view.contentEl.isShown()).toBe(true);
    await h.write("Epsilon.md", "e");
    await h.settle();
    expect(h.plugin.redraws).toBeGreaterThan(redraws);
  });

  it("opens notes through openLinkText, fires file-open and tracks the active file", async () => {
    const h = await load();
    const opened: (string | undefined)[] = [];
    const ref = h.app.workspace.on("file-open", (file) => opened.push(file?.path));
    await h.app.workspace.openLinkText("Gamma", "Alpha.md");
    expect(h.app.workspace.getActiveFile()?.path).toBe("Notes/Gamma.md");
    await h.app.workspace.openLinkText("Brand new", "Alpha.md");
    expect(h.app.vault.getFileByPath("Brand new.md")).toBeInstanceOf(TFile);
    expect(opened).toEqual(["Notes/Gamma.md", "Brand new.md"]);
    h.app.workspace.offref(ref);
  });
});

describe("modals, suggesters and menus", () => {
  it("drives a FuzzySuggestModal: type, read suggestions, choose one", async () => {
    const h = await load();
    h.runCommand("network-notes:pick-note");
    const prompt = document.querySelector(".modal-container .prompt")!;
    const input = prompt.querySelector<HTMLInputElement>("input.prompt-input")!;
    expect(input.placeholder).toBe("Pick a note");
    expect(Array.from(prompt.querySelectorAll(".suggestion-item")).map((el) => el.textContent)).toEqual(["Alpha", "Beta", "Gamma"]);
    type(input, "gm");
    const items = Array.from(prompt.querySelectorAll<HTMLElement>(".suggestion-item"));
    expect(items.map((el) => el.textContent)).toEqual(["Gamma"]);
    items[0]!.click();
    expect(h.plugin.picked).toBe("Notes/Gamma.md");
    expect(document.querySelector(".modal-container .prompt")).toBeNull();
  });

  it("renders a Modal with title and content and closes it", async () => {
    const h = await load();
    h.runCommand("network-notes:confirm");
    const modal = document.querySelector(".modal-container .modal")!;
    expect(modal.querySelector(".modal-title")?.textContent).toBe("Are you sure?");
    const button = modal.querySelector<HTMLButtonElement>(".modal-content button.mod-cta")!;
    button.click();
    expect(h.notices()).toEqual(["Confirmed"]);
    expect(modal.isConnected).toBe(false);
  });

  it("records menu items so tests can click them", async () => {
    const h = await load();
    const menu = new Menu();
    h.app.workspace.trigger("file-menu", menu, h.app.vault.getFileByPath("Alpha.md"), "file-explorer");
    menu.showAtPosition({ x: 0, y: 0 });
    const item = Array.from(document.querySelectorAll<HTMLElement>(".menu .menu-item")).find((el) => el.textContent === "Fixture: mark")!;
    item.click();
    expect(h.plugin.seen).toContain("menu Alpha.md");
    expect(document.querySelector(".menu")).toBeNull();
  });
});

describe("platform and language", () => {
  it("switches Platform to mobile and getLanguage/moment to the chosen language", async () => {
    const h = await load({ mobile: true, language: "fr" });
    const { Platform, getLanguage, moment } = await import("obsidian");
    expect(Platform.isMobile).toBe(true);
    expect(Platform.isDesktop).toBe(false);
    expect(getLanguage()).toBe("fr");
    expect(moment.locale()).toBe("fr");
    void h;
  });

  it("defaults to desktop and English", async () => {
    await load();
    const { Platform, getLanguage, moment } = await import("obsidian");
    expect(Platform.isDesktop).toBe(true);
    expect(getLanguage()).toBe("en");
    expect(moment.locale()).toBe("en");
  });
});
