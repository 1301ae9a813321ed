import { beforeAll, describe, expect, it } from "vitest";
import { TFile } from "obsidian";
import { buildFixturePlugin } from "./fixtures/build-fixture";
import { loadPlugin, type LoadOptions } from "./load-plugin";

let mainJs = "";
beforeAll(async () => {
  mainJs = await buildFixturePlugin();
});

const files = {
  "People/Ada.md": "---\ntier: close\n---\nMet [[Bob]] at the fair.\n",
  "People/Bob.md": "Bob knows [[Ada]] and [[Nobody]].\n",
  "Daily/2024-05-01.md": "- talked to [[Ada]]\n",
  ".obsidian/app.json": "{}",
  ".hidden/secret.md": "not in the vault",
  "image.png": "not really a png",
};

const load = (opts: LoadOptions = {}) => loadPlugin({ mainJs, files, ...opts });

describe("startup", () => {
  it("runs onload before the vault scan, then layout-ready, then resolved", async () => {
    const h = await load();
    const seen = h.plugin.seen as string[];
    expect(seen[0]).toBe("onload files=0 ready=false");
    expect(seen).toContain("layout-ready files=3 creates=6"); // 3 notes + image + 2 folders
    expect(seen.some((s) => s.startsWith("no cache at startup"))).toBe(false);
    expect(h.app.workspace.layoutReady).toBe(true);
    expect(h.app.vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(["Daily/2024-05-01.md", "People/Ada.md", "People/Bob.md"]);
    expect(h.app.vault.getAbstractFileByPath(".obsidian/app.json")).toBeNull();
    expect(h.app.vault.getAbstractFileByPath(".hidden/secret.md")).toBeNull();
    expect(await h.app.vault.adapter.read(".obsidian/app.json")).toBe("{}");
    expect(h.app.metadataCache.resolvedLinks["People/Bob.md"]).toEqual({ "People/Ada.md": 1 });
    expect(h.app.metadataCache.unresolvedLinks["People/Bob.md"]).toEqual({ Nobody: 1 });
    expect(h.app.metadataCache.getCache("People/Ada.md")?.frontmatter).toEqual({ tier: "close" });
    await h.unload();
  });

  it("runs onLayoutReady callbacks at once when the layout is already ready", async () => {
    const h = await load();
    let ran = false;
    h.app.workspace.onLayoutReady(() => (ran = true));
    expect(ran).toBe(true);
    await h.unload();
  });

  it("gives the vault its folder name and the file stats from disk", async () => {
    const h = await load();
    const ada = h.app.vault.getFileByPath("People/Ada.md")!;
    expect(ada).toBeInstanceOf(TFile);
    expect(ada.basename).toBe("Ada");
    expect(ada.extension).toBe("md");
    expect(ada.parent?.path).toBe("People");
    expect(ada.stat.size).toBe(Buffer.byteLength(files["People/Ada.md"]));
    expect(ada.stat.mtime).toBeGreaterThan(0);
    expect(h.app.vault.getRoot().isRoot()).toBe(true);
    expect(h.app.vault.getName()).toBe("vault");
    await h.unload();
  });
});

describe("fixture vaults", () => {
  it("copies a fixture folder (config included) into a fresh temp vault", async () => {
    const h = await loadPlugin({ mainJs, fixture: "tests/harness/fixtures/vault" });
    expect(h.vaultDir).not.toContain("tests/harness/fixtures");
    expect(h.app.vault.getName()).toBe("vault");
    expect(h.app.vault.getMarkdownFiles().map((f) => f.path).sort()).toEqual(["People/Ada.md", "People/Charles.md"]);
    expect(JSON.parse(await h.app.vault.adapter.read(".obsidian/daily-notes.json"))).toEqual({ folder: "Daily", format: "YYYY-MM-DD" });
    expect((await h.app.vault.adapter.list(".obsidian")).folders).toEqual([".obsidian/plugins"]);
    await h.unload();
  });

  it("trashes into .trash and copies files", async () => {
    const h = await load();
    const copy = await h.app.vault.copy(h.app.vault.getFileByPath("People/Ada.md")!, "People/Ada copy.md");
    expect(await h.app.vault.read(copy)).toBe(files["People/Ada.md"]);
    await h.app.fileManager.trashFile(copy);
    expect(h.app.vault.getFileByPath("People/Ada copy.md")).toBeNull();
    expect(await h.read(".trash/Ada copy.md")).toBe(files["People/Ada.md"]);
    await h.settle();
    await h.unload();
  });

  it("settle() runs pending debounced calls instead of sleeping", async () => {
    const h = await load();
    await h.settle();
    expect(h.plugin.debouncedRuns).toBeGreaterThan(0); // a 60 s debounce, flushed
    await h.unload();
  });
});

describe("commands", () => {
  it("prefixes ids and names with the plugin's, and runs them", async () => {
    const h = await load();
    expect(h.commandIds()).toContain("network-notes:write-note");
    expect(h.commandIds()).not.toContain("network-notes:temporary");
    const app = h.app as unknown as { commands: { commands: Record<string, { name: string }> } };
    expect(app.commands.commands["network-notes:write-note"]?.name).toBe("Network Notes: Write note");
    expect(h.runCommand("network-notes:write-note")).toBe(true);
    await h.settle();
    expect(await h.read("Inbox/Log.md")).toBe("- first\n");
    expect(h.runCommand("network-notes:nope")).toBe(false);
    await h.unload();
  });

  it("returns false when checkCallback says the command cannot run", async () => {
    const h = await load();
    expect(h.runCommand("network-notes:needs-active-file")).toBe(false);
    await h.app.workspace.getLeaf().openFile(h.app.vault.getFileByPath("People/Ada.md")!);
    expect(h.runCommand("network-notes:needs-active-file")).toBe(true);
    expect(h.plugin.seen).toContain("active People/Ada.md");
    await h.unload();
  });

  it("records notices", async () => {
    const h = await load({ settings: { greeting: "hi there" } });
    h.runCommand("network-notes:say-hello");
    expect(h.notices()).toEqual(["hi there!"]);
    expect(document.querySelector(".notice-container .notice")?.textContent).toBe("hi there!");
    await h.unload();
  });
});

describe("writes and events", () => {
  it("fires modify at once, then changed and resolved a macrotask later", async () => {
    const h = await load();
    const ada = h.app.vault.getFileByPath("People/Ada.md")!;
    await h.app.vault.modify(ada, "---\ntier: far\n---\nNow alone.\n");
    const seen = h.plugin.seen as string[];
    expect(seen.at(-1)).toBe("modify People/Ada.md");
    expect(h.app.metadataCache.getFileCache(ada)?.frontmatter).toEqual({ tier: "close" }); // stale, as in the app
    await h.settle();
    expect(seen).toContain("changed People/Ada.md 29 tier");
    expect(seen.at(-1)).toBe("resolved");
    expect(h.app.metadataCache.getFileCache(ada)?.frontmatter).toEqual({ tier: "far" });
    expect(h.app.metadataCache.resolvedLinks["People/Ada.md"]).toEqual({});
    expect(await h.read("People/Ada.md")).toBe("---\ntier: far\n---\nNow alone.\n");
    await h.unload();
  });

  it("serialises writes to one file and keeps process atomic", async () => {
    const h = await load();
    const bob = h.app.vault.getFileByPath("People/Bob.md")!;
    await Promise.all([1, 2, 3, 4, 5].map((n) => h.app.vault.process(bob, (text) => `${text}${n}\n`)));
    expect(await h.read("People/Bob.md")).toBe(`${files["People/Bob.md"]}1\n2\n3\n4\n5\n`);
    await h.app.vault.append(bob, "end\n");
    expect((await h.app.vault.read(bob)).endsWith("5\nend\n")).toBe(true);
    await h.unload();
  });

  it("rejects create over an existing file or into a missing folder, and createFolder over a folder", async () => {
    const h = await load();
    await expect(h.app.vault.create("People/Ada.md", "x")).rejects.toThrow(/already exists/);
    await expect(h.app.vault.create("Nowhere/x.md", "x")).rejects.toThrow(/does not exist/);
    await expect(h.app.vault.createFolder("People")).rejects.toThrow(/already exists/);
    await h.unload();
  });

  it("renames without a changed event, and deletes with deleted(prevCache)", async () => {
    const h = await load();
    const seen = h.plugin.seen as string[];
    await h.settle();
    const before = seen.length;
    await h.app.vault.rename(h.app.vault.getFileByPath("Daily/2024-05-01.md")!, "Daily/first.md");
    await h.settle();
    expect(seen.slice(before)).toContain("rename Daily/2024-05-01.md -> Daily/first.md");
    expect(seen.slice(before).some((s) => s.startsWith("changed"))).toBe(false);
    expect(h.app.metadataCache.getCache("Daily/first.md")?.links?.[0]?.link).toBe("Ada");
    await h.remove("People/Bob.md");
    expect(seen).toContain("delete People/Bob.md");
    expect(seen).toContain("deleted People/Bob.md prev=yes");
    expect(h.app.metadataCache.resolvedLinks["People/Bob.md"]).toBeUndefined();
    await h.settle();
    await h.unload();
  });

  it("write() creates folders and files as a user would", async () => {
    const h = await load();
    await h.write("Projects/Deep/Plan.md", "plan");
    await h.write("People/Ada.md", "rewritten");
    await h.settle();
    expect(h.app.vault.getFolderByPath("Projects/Deep")).not.toBeNull();
    expect(await h.read("Projects/Deep/Plan.md")).toBe("plan");
    expect(h.plugin.changed).toEqual(expect.arrayContaining(["Projects/Deep/Plan.md", "People/Ada.md"]));
    await h.unload();
  });
});

describe("settings", () => {
  it("loads data.json, saves through the adapter, and survives a restart", async () => {
    const h = await load({ settings: { greeting: "ahoy" } });
    expect(h.plugin.settings.greeting).toBe("ahoy");
    h.plugin.settings.mode = "busy";
    await h.plugin.saveSettings();
    expect(JSON.parse(await h.read(".obsidian/plugins/network-notes/data.json"))).toMatchObject({ greeting: "ahoy", mode: "busy" });
    const h2 = await h.restart();
    expect(h2.plugin).not.toBe(h.plugin);
    expect(h2.plugin.settings).toMatchObject({ greeting: "ahoy", mode: "busy" });
    expect(h2.vaultDir).toBe(h.vaultDir);
    await h2.unload();
  });

  it("calls onExternalSettingsChange when data.json changes on disk", async () => {
    const h = await load();
    await h.write(".obsidian/plugins/network-notes/data.json", JSON.stringify({ greeting: "from sync" }));
    expect(h.plugin.seen).toContain("external settings greeting=from sync");
    await h.unload();
  });
});

describe("unload", () => {
  it("leaves no handlers, commands, views, tabs, ribbon icons or DOM registrations behind", async () => {
    const h = await load();
    await h.plugin.activateView();
    expect(h.app.workspace.getLeavesOfType("fixture-view")).toHaveLength(1);
    const ribbon = h.app.workspace.containerEl.querySelector(".side-dock-ribbon-action");
    expect(ribbon?.getAttribute("aria-label")).toBe("Open fixture view");
    const handlers = (h.app.vault as unknown as { handlerCounts__(): Record<string, number> }).handlerCounts__();
    expect(handlers.create).toBe(1);
    await h.unload();
    expect(h.commandIds()).toEqual([]);
    expect(h.app.workspace.getLeavesOfType("fixture-view")).toHaveLength(0);
    expect((h.app.vault as unknown as { handlerCounts__(): Record<string, number> }).handlerCounts__()).toEqual({});
    expect(ribbon?.isConnected).toBe(false);
    expect(h.app.workspace.containerEl.isConnected).toBe(false);
  });

  it("reports what a plugin forgot to release", async () => {
    const h = await load();
    h.app.vault.on("modify", () => undefined); // registered without registerEvent: survives unload
    await expect(h.unload()).rejects.toThrow(/1 "modify" handler\(s\) on app.vault/);
  });
});

describe("fail loudly", () => {
  it("throws, naming the member, for what the stand-in does not implement", async () => {
    const h = await load();
    const app = h.app as unknown as Record<string, unknown>;
    expect(() => app.dom).toThrow(/App\.dom is not implemented/);
    expect(() => (h.app.vault as unknown as Record<string, unknown>).getConfig).toThrow(/Vault\.getConfig/);
    expect(() => (h.app.workspace as unknown as Record<string, unknown>).splitActiveLeaf).toThrow(/Workspace\.splitActiveLeaf/);
    expect(() => (h.app.metadataCache as unknown as Record<string, unknown>).getBacklinksForFile).toThrow(/MetadataCache\.getBacklinksForFile/);
    expect(() => h.runCommand("network-notes:use-missing-api")).toThrow(/App\.dom/);
    await h.unload();
  });

  it("gives main.js a require that only knows obsidian and CodeMirror", async () => {
    const { mkdtemp, rm, writeFile } = await import("node:fs/promises");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = await mkdtemp(path.join(os.tmpdir(), "network-notes-bad-"));
    const bad = path.join(dir, "main.js");
    await writeFile(bad, 'const fs = require("fs"); module.exports = class {};');
    await expect(loadPlugin({ mainJs: bad })).rejects.toThrow(/Cannot find module 'fs'/);
    await writeFile(bad, 'const o = require("obsidian"); o.Plugin; o.NotAThing; module.exports = class {};');
    await expect(loadPlugin({ mainJs: bad })).rejects.toThrow(/obsidian\.NotAThing is not implemented/);
    await writeFile(bad, 'const { Plugin } = require("obsidian"); require("fs"); module.exports = class extends Plugin {};');
    const desktop = await loadPlugin({ mainJs: bad, desktop: true });
    expect(desktop.app.vault.getMarkdownFiles()).toEqual([]);
    await desktop.unload();
    await rm(dir, { recursive: true });
  });
});
