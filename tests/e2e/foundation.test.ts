/**
 * The built main.js, loaded into the stand-in over a copy of the basic fixture vault: it indexes the vault
 * once the layout is ready, stays current through edits, renames and deletes, and reports every broken note.
 */
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { standInApp, type Harness } from "../harness/load-plugin";
import { freezeClock, start } from "./support";

let h: Harness | undefined;

beforeEach(() => freezeClock());
afterEach(async () => {
  await h?.unload();
  h = undefined;
  vi.useRealTimers();
});

const dueNames = (api: { digest(): { due: { name: string }[] } }) => api.digest().due.map((d) => d.name);

describe("the built bundle", () => {
  it("requires nothing but obsidian, so it runs on mobile", async () => {
    const code = readFileSync("main.js", "utf8");
    const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(["obsidian"]);
    const s = await start({ mobile: true });
    h = s.h;
    expect(s.api.ready()).toBe(true);
  });

  it("registers its commands with stable ids", async () => {
    const s = await start();
    h = s.h;
    const ids = h.commandIds().filter((id) => id.startsWith("network-notes:"));
    expect(ids).toEqual(expect.arrayContaining(["network-notes:rebuild-index", "network-notes:show-due-today", "network-notes:show-problems"]));
    for (const id of ids) expect(id).toMatch(/^network-notes:[a-z]+(-[a-z]+)*$/);
  });
});

describe("indexing the fixture vault", () => {
  it("finds people by folder, tag and marker, and skips templates", async () => {
    const s = await start();
    h = s.h;
    const paths = s.api.people().map((p) => p.path).sort();
    expect(paths).toContain("Contacts/Mia Torres.md");
    expect(paths).toContain("Notes/Nora Field.md");
    expect(paths).toContain("People/王芳.md");
    expect(paths).not.toContain("Templates/Person.md");
    expect(paths).toHaveLength(15);
  });

  it("knows who is due, in order, and why", async () => {
    const s = await start();
    h = s.h;
    const digest = s.api.digest();
    expect(digest.due.map((d) => [d.name, d.lastTouch, d.lastTouchOrigin])).toEqual([
      ["Alice Chen", "2026-11-01", "property"],
      ["Dev Patel", "2026-08-01", "property"],
      ["王芳", "2026-10-20", "property"],
    ]);
    const status = (name: string) => s.api.statuses().find((x) => x.person.name === name)!;
    expect(status("Carmen Ruiz").lastTouch).toMatchObject({ origin: "dated-note", path: "Daily/2026-11-25.md" });
    expect(status("Bob Okafor").lastTouch).toMatchObject({ origin: "dated-note", path: "Daily/2026-11-20.md" });
    expect(status("Erin Walsh").lastTouch).toMatchObject({ origin: "own-note" });
    expect(status("Mia Torres").lastTouch).toMatchObject({ origin: "dated-note", path: "Meetings/2026-11-10 Kickoff.md" });
    expect(status("Nora Field").lastTouch).toMatchObject({ origin: "created", estimate: true });
    expect(status("Frank Moreau").state).toBe("untracked");
  });

  it("names every deliberately broken note, with the key and a fix", async () => {
    const s = await start();
    h = s.h;
    const problems = s.api.problems();
    expect(problems.map((p) => `${p.path} ${p.key ?? "-"} ${p.code}`).sort()).toEqual([
      "People/Grace Kim.md tier tier-unknown",
      "People/Hugo Lind.md last_touch date-unreadable",
      "People/Iris Novak.md - yaml-unreadable",
      "People/Jon Berg.md commitments list-expected",
      "People/Kim Osei.md last_touch date-in-future",
      "People/Leo Rossi.md cadence cadence-unreadable",
    ]);
    expect(problems.find((p) => p.code === "tier-unknown")).toMatchObject({ value: "bestie", message: "“bestie” is not a tier." });
    expect(problems.every((p) => p.fix.length > 10)).toBe(true);
  });

  it("lists open commitments both ways, overdue first", async () => {
    const s = await start();
    h = s.h;
    expect(s.api.digest().commitments.map((c) => [c.name, c.direction, c.text, c.due, c.overdue])).toEqual([
      ["Alice Chen", "mine", "Send the book list", "2026-11-20", true],
      ["Alice Chen", "theirs", "Share her deck", "2026-12-05", false],
      ["Alice Chen", "mine", "Intro to Sam", null, false],
      ["Jon Berg", "mine", "call back about the flat", null, false],
    ]);
  });
});

describe("staying current", () => {
  it("an edit to a daily note updates the people it links, and listeners hear once", async () => {
    // Today's daily note would also get the loose-touch section (tests/e2e/daily.test.ts): off here.
    const s = await start({ settings: { dailySection: { enabled: false } } });
    h = s.h;
    const heard: number[] = [];
    s.api.onChange((rev) => heard.push(rev));
    const before = s.api.revision;
    await h.write("Daily/2026-11-26.md", "Coffee with [[Dev Patel]].\n- [ ] ask [[王芳]] about the hike\n");
    await h.write("Notes/scratch.md", "nothing to see");
    await h.settle();
    expect(dueNames(s.api)).toEqual(["Alice Chen", "王芳"]);
    expect(s.api.revision).toBe(before + 1);
    expect(heard).toEqual([before + 1]);
  });

  it("a person note edit is read again; fixing a problem clears it", async () => {
    const s = await start();
    h = s.h;
    await h.write("People/Grace Kim.md", "---\ntier: familiar\n---\n");
    await h.settle();
    expect(s.api.problems().map((p) => p.path)).not.toContain("People/Grace Kim.md");
    expect(s.api.people().find((p) => p.name === "Grace Kim")?.tier).toBe("familiar");
  });

  it("a renamed person keeps their history, and links are updated", async () => {
    const s = await start();
    h = s.h;
    await h.app.vault.createFolder("People/Friends");
    await h.rename("People/Bob Okafor.md", "People/Friends/Bob O.md");
    await h.settle();
    const bob = s.api.statuses().find((x) => x.person.path === "People/Friends/Bob O.md");
    expect(bob?.lastTouch).toMatchObject({ day: expect.any(Number), origin: "dated-note", path: "Daily/2026-11-20.md" });
    expect(await h.read("Daily/2026-11-20.md")).toContain("[[Bob O]]");
    expect(s.api.people().map((p) => p.path)).not.toContain("People/Bob Okafor.md");
  });

  it("a deleted daily note takes its touches with it", async () => {
    const s = await start();
    h = s.h;
    await h.remove("Daily/2026-11-20.md");
    await h.settle();
    expect(s.api.statuses().find((x) => x.person.name === "Bob Okafor")?.lastTouch?.origin).toBe("created");
  });

  it("a new person note picks up the touches already linking it", async () => {
    const s = await start();
    h = s.h;
    await h.write("People/Ola Smith.md", "---\ntier: familiar\n---\n");
    await h.settle();
    const ola = s.api.statuses().find((x) => x.person.name === "Ola Smith");
    expect(ola?.lastTouch).toMatchObject({ origin: "dated-note", path: "Daily/2026-11-24.md" });
  });

  it("onload only registers; indexing starts at layout ready and reads no note text", async () => {
    let atOnload: { ready: boolean; people: number; reads: string[] } | null = null;
    const s = await start({
      settings: { dailySection: { enabled: false } }, // adding the section to today's new note reads it
      afterOnload: (plugin, app) => {
        const api = (plugin as unknown as { api: { ready(): boolean; people(): unknown[] } }).api;
        atOnload = { ready: api.ready(), people: api.people().length, reads: [...(app.vault as unknown as { readLog__: string[] }).readLog__] };
      },
    });
    h = s.h;
    // onload starts reading the plugin's own data.json (without waiting for it) and reads no note.
    expect(atOnload).toMatchObject({ ready: false, people: 0 });
    expect(atOnload!.reads.every((p) => p === ".obsidian/plugins/network-notes/data.json")).toBe(true);
    const vault = h.app.vault as unknown as { readLog__: string[] };
    expect(vault.readLog__).toContain(".obsidian/plugins/network-notes/data.json");
    expect(s.api.people().length).toBe(15);
    expect(vault.readLog__.filter((p) => p.endsWith(".md"))).toEqual([]);
    expect(vault.readLog__.every((p) => p.startsWith(".obsidian/"))).toBe(true);
    await h.write("Daily/2026-11-26.md", "Met [[Alice Chen]]");
    await h.settle();
    expect(vault.readLog__.filter((p) => p.endsWith(".md"))).toEqual([]);
  });
});

describe("commands and settings", () => {
  it("shows the problems list, each problem linking its note", async () => {
    const s = await start();
    h = s.h;
    expect(h.runCommand("network-notes:show-problems")).toBe(true);
    const items = document.querySelectorAll(".modal .network-notes-problem");
    expect(items).toHaveLength(6);
    const grace = [...items].find((el) => el.textContent?.includes("Grace Kim"));
    expect(grace?.querySelector(".network-notes-problem-fix")?.textContent).toContain("unfamiliar, familiar, intimate, meaningful");
  });

  it("shows who is due today", async () => {
    const s = await start();
    h = s.h;
    h.runCommand("network-notes:show-due-today");
    await h.settle();
    const text = document.querySelector(".modal .network-notes-digest")?.textContent ?? "";
    expect(text).toContain("Due for a touch (3)");
    expect(text).toContain("Alice Chen");
  });

  it("changing where people live re-indexes and is saved", async () => {
    const s = await start();
    h = s.h;
    const plugin = h.plugin as { settings: { people: { folders: string[] } } };
    const tab = standInApp(h.app).setting.openTabById("network-notes");
    const before = s.api.revision;
    // Typing "People, Notes" calls setControlValue as the text grows; the vault is re-read once, when typing pauses.
    for (const typed of ["People,", "People, No", "People, Notes"]) await tab.setControlValue("people.folders", typed);
    expect(s.api.revision).toBe(before);
    await h.settle();
    // One rebuild: reconfigure and load each move the revision once.
    expect(s.api.revision).toBe(before + 2);
    expect(plugin.settings.people.folders).toEqual(["People", "Notes"]);
    const saved = JSON.parse(await h.read(".obsidian/plugins/network-notes/data.json")) as { people: { folders: string[] } };
    expect(saved.people.folders).toEqual(["People", "Notes"]);
    const h2 = await h.restart();
    h = h2;
    await h.settle();
    expect((h.plugin as typeof plugin).settings.people.folders).toEqual(["People", "Notes"]);
  });

  it("every setting is found by the settings search, in English and in Chinese", async () => {
    const s = await start();
    h = s.h;
    const setting = standInApp(h.app).setting;
    expect(setting.search("people folders").map((hit) => hit.name)).toContain("People folders");
    expect(setting.search("cadence").map((hit) => hit.name)).toContain("Meaningful: days between touches");
    expect(setting.search("daily note format").map((hit) => hit.name)).toContain("Fallback daily note format");
    await h.unload();
    const zh = await start({ language: "zh" });
    h = zh.h;
    expect(standInApp(h.app).setting.search("人物文件夹").map((hit) => hit.name)).toContain("人物文件夹");
  });

  it("says where it looked when it finds nobody", async () => {
    const s = await start({ settings: { version: 1, people: { folders: ["Nobody"], tags: [], markerKey: "", markerValues: [] } } });
    h = s.h;
    expect(s.api.people()).toHaveLength(0);
    h.runCommand("network-notes:rebuild-index");
    await h.settle();
    expect(h.notices().join("\n")).toContain("found no person notes. Looked in folders: Nobody; for tags: none; for the property: none.");
  });

  it("loads a corrupt settings file with the defaults and a notice, saving nothing", async () => {
    const s = await start({ files: { ".obsidian/plugins/network-notes/data.json": '{"version":1,"people":{"folders":42}}' } });
    h = s.h;
    expect(h.notices().join("\n")).toContain("people.folders was not a list of text");
    expect(s.api.people().length).toBe(15);
    expect(await h.read(".obsidian/plugins/network-notes/data.json")).toBe('{"version":1,"people":{"folders":42}}');
  });
});
