/**
 * The built plugin over a vault of awkward notes (tests/fixtures/vaults/hostile, plus a huge note generated here):
 * broken YAML, values of the wrong type, dates in every shape, odd names, shared names, CRLF and a BOM, an empty
 * note, nested daily-note folders. For each: the index keeps going and still serves the good people, the problem
 * is listed with a fix (in English and Chinese), the views draw, and not one byte of the vault changes.
 * Also: a vault with no people. The generated vault of 50,000 people is in hostile-large.test.ts.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { loadPlugin, type Harness } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { modal, modalOpen } from "./modalDom";
import { freezeClock } from "./support";
import { closeModals, openView, prepareVault, removeVaults, renderBlock, snapshotVault, statusText, vaultChanges, type VaultBytes } from "./hostileSupport";

const HOSTILE = "tests/fixtures/vaults/hostile";

afterAll(() => removeVaults());
const HUGE_LINES = 60_000;

/** A person note of a few megabytes: properties on top, then tens of thousands of lines of prose, lists and headings. */
function hugeNote(): string {
  const lines = ["---", "tier: familiar", "last_touch: 2026-05-01", "interests: [long notes]", "---", "# Huge Note"];
  for (let i = 0; i < HUGE_LINES; i++) {
    if (i % 500 === 0) lines.push(`## Part ${i / 500}`);
    lines.push(i % 3 === 0 ? `- item ${i} with **bold**, a #tag${i % 7} and \`code\`` : `Line ${i}: ${"words and more words ".repeat(4)}`);
  }
  return `${lines.join("\n")}\n`;
}

describe("a vault of awkward notes", () => {
  let h: Harness;
  let api: NetworkNotesApi;
  let before: VaultBytes;
  let vaultDir: string;

  beforeAll(async () => {
    freezeClock();
    vaultDir = prepareVault(HOSTILE, { "People/Huge/Huge Note.md": hugeNote() });
    before = snapshotVault(vaultDir);
    h = await loadPlugin({ vaultDir });
    await h.settle();
    api = (h.plugin as { api: NetworkNotesApi }).api;
  });

  afterAll(async () => {
    await h.unload();
    vi.useRealTimers();
  });

  const status = (file: string) => {
    const found = api.statuses().find((s) => s.person.path === file);
    if (!found) throw new Error(`${file} is not a person`);
    return found;
  };
  const problemsOf = (file: string) => api.problems().filter((p) => p.path === file).map((p) => `${p.key ?? "-"} ${p.code}`).sort();

  it("finishes the index and still serves the good people, in order", () => {
    expect(api.ready()).toBe(true);
    expect(api.digest().due.map((d) => d.name)).toEqual(["Cleo Park", "Huge Note", "Crlf Note", "Bom Note", "Ana Souza"]);
    expect(status("People/Good/Ben Ito.md").lastTouch).toMatchObject({ origin: "dated-note", path: "Journal/2026/11/2026-11-24.md" });
    // A commitment written as one line of text, or one good item in a broken list, is still kept.
    expect(api.digest().commitments.map((c) => [c.name, c.text, c.overdue])).toEqual([
      ["Ana Souza", "Send the climbing guide", true], ["Strings Everywhere", "Call back about the flat", false], ["Wrong Types", "fine", false],
    ]);
  });

  it("lists every problem with the key, the value, a message and a fix", () => {
    const all = api.problems();
    expect(all.map((p) => `${p.path} ${p.key ?? "-"} ${p.code}`).sort()).toEqual([
      "People/Dates/Birthday Bad.md birthday birthday-unreadable",
      "People/Dates/Date Ambiguous.md last_touch date-unreadable",
      "People/Dates/Date Far Future.md last_touch date-in-future",
      "People/Dates/Date Impossible.md last_touch date-unreadable",
      "People/Dates/Date Wikilink.md last_touch date-unreadable",
      "People/Family/Sam Lee.md - name-shared",
      "People/Hostile/Broken Yaml.md - yaml-unreadable",
      "People/Hostile/Strings Everywhere.md cadence cadence-unreadable",
      "People/Hostile/Strings Everywhere.md commitments list-expected",
      "People/Hostile/Strings Everywhere.md last_touch date-unreadable",
      "People/Hostile/Strings Everywhere.md paused flag-not-boolean",
      "People/Hostile/Unknown Tier.md tier tier-unknown",
      "People/Hostile/Unknown Tier.md tier_goal tier-goal-unknown",
      "People/Hostile/Wrong Types.md birthday birthday-unreadable",
      "People/Hostile/Wrong Types.md cadence cadence-unreadable",
      "People/Hostile/Wrong Types.md commitments list-unreadable",
      "People/Hostile/Wrong Types.md expecting item-not-text",
      "People/Hostile/Wrong Types.md expecting item-not-text",
      "People/Hostile/Wrong Types.md interests list-unreadable",
      "People/Hostile/Wrong Types.md last_touch date-unreadable",
      "People/Hostile/Wrong Types.md met date-unreadable",
      "People/Hostile/Wrong Types.md paused flag-not-boolean",
      "People/Hostile/Wrong Types.md tier tier-unknown",
      "People/Hostile/Wrong Types.md tier_goal tier-goal-unknown",
      "People/Names/C# Dev.md - name-unlinkable",
      "People/Names/Pipe | Name.md - name-unlinkable",
      "People/Names/[[Bracket]].md - name-unlinkable",
      "People/Work/Sam Lee.md - name-shared",
    ]);
    for (const p of all) {
      expect(p.message.length, p.code).toBeGreaterThan(15);
      expect(p.fix.length, p.code).toBeGreaterThan(15);
      expect(p.message).not.toMatch(/undefined|\{value\}|object Object/);
    }
    expect(all.find((p) => p.code === "date-unreadable" && p.path.endsWith("Date Ambiguous.md"))).toMatchObject({
      value: "11/12/2026", message: "“11/12/2026” cannot be read as a date.", fix: "Write the date as YYYY-MM-DD, for example 2026-11-20.",
    });
    expect(all.find((p) => p.path === "People/Work/Sam Lee.md")?.message).toContain("People/Family/Sam Lee.md");
  });

  it("reads every date shape people type to the right day, and never guesses", () => {
    for (const name of ["Date Slash", "Date Words", "Date Time", "Date Yaml"]) {
      expect(status(`People/Dates/${name}.md`).lastTouch, name).toMatchObject({ origin: "property", day: 20777 }); // 2026-11-20
    }
    for (const name of ["Date Ambiguous", "Date Impossible", "Date Wikilink", "Date Empty"]) {
      expect(status(`People/Dates/${name}.md`).lastTouch, name).toMatchObject({ origin: "created", estimate: true });
    }
    expect(status("People/Dates/Date Far Future.md").state).toBe("snoozed");
    expect(problemsOf("People/Dates/Date Empty.md")).toEqual([]);
    const yaml = api.people().find((p) => p.path === "People/Dates/Date Yaml.md");
    expect(yaml?.met).toBe(20775); // 2026-11-18 09:30:00
  });

  it("reads CRLF line endings, a byte order mark, an empty note and a huge note", () => {
    expect(status("People/Encoding/Crlf Note.md").lastTouch).toMatchObject({ origin: "own-note", day: 20606 }); // [[2026-06-02]]
    expect(status("People/Encoding/Bom Note.md").lastTouch).toMatchObject({ origin: "property", day: 20607 });
    // A daily note with a BOM and CRLF still counts as a touch.
    expect(status("People/Names/שרה.md").lastTouch).toMatchObject({ origin: "dated-note", path: "Journal/2026/11/2026-11-25.md" });
    expect(status("People/Encoding/Empty.md").state).toBe("untracked");
    expect(problemsOf("People/Encoding/Empty.md")).toEqual([]);
    expect(status("People/Huge/Huge Note.md")).toMatchObject({ state: "due", lastTouch: { origin: "property" } });
    expect(api.people().find((p) => p.name === "Huge Note")?.interests).toEqual(["long notes"]);
  });

  it("handles names in any script, hidden notes, names links cannot reach, and shared names", () => {
    for (const name of ["王小明", "Zoë 🌻", "مريم"]) {
      expect(status(`People/Names/${name}.md`).lastTouch, name).toMatchObject({ origin: "dated-note", path: "Journal/2026/11/2026-11-24.md" });
    }
    // Obsidian does not show a note whose name starts with a dot, so neither does the plugin.
    expect(api.people().map((p) => p.path)).not.toContain("People/Names/.Hidden Person.md");
    for (const file of ["C# Dev", "Pipe | Name", "[[Bracket]]"]) {
      expect(problemsOf(`People/Names/${file}.md`)).toEqual(["- name-unlinkable"]);
      expect(status(`People/Names/${file}.md`).state).toBe("not-due"); // still tracked from its own properties
    }
    expect(problemsOf("People/Work/Sam Lee.md")).toEqual(["- name-shared"]);
    expect(api.people().filter((p) => p.name === "Sam Lee")).toHaveLength(2);
  });

  it("reads a person note inside the daily-notes folder as a person, not a day", () => {
    expect(status("Journal/People/Rae Quinn.md")).toMatchObject({ state: "not-due", lastTouch: { origin: "property", day: 20759 } });
    expect(problemsOf("Journal/People/Rae Quinn.md")).toEqual([]);
  });

  it("draws the view, the status bar, the digest and problems windows and the code block", async () => {
    const view = await openView(h);
    expect(view.querySelector('[data-section="due"] .network-notes-section-header')?.textContent).toContain("5");
    expect(view.querySelector(".network-notes-problems-link")?.textContent).toBe(`${new Set(api.problems().map((p) => p.path)).size} notes need a look`);
    expect(view.querySelector('[data-section="birthdays"]')?.textContent).toContain("Birthday No Year");
    expect(statusText(h)).toBe("5 due");

    expect(h.runCommand("network-notes:show-problems")).toBe(true);
    await h.settle();
    const items = [...modal().querySelectorAll(".network-notes-problem")];
    expect(items).toHaveLength(api.problems().length);
    for (const item of items) expect(item.querySelector(".network-notes-problem-fix")?.textContent?.length).toBeGreaterThan(15);
    closeModals();

    expect(h.runCommand("network-notes:show-due-today")).toBe(true);
    await h.settle();
    expect(modal().textContent).toContain("Cleo Park");
    closeModals();

    const block = renderBlock("show: today, due, follow-ups\n");
    expect([...block.el.querySelectorAll(".network-notes-block-title")].map((e) => e.textContent)).toEqual(["Today", "Due for a touch", "Follow-ups"]);
    expect(block.el.querySelectorAll(".network-notes-block-error")).toHaveLength(0);
    block.child.unload();
  });

  it("changes no byte of the vault and creates nothing", async () => {
    await h.settle();
    expect(vaultChanges(before, snapshotVault(vaultDir))).toEqual([]);
  });
});

describe("problems in Chinese", () => {
  it("every problem has a Chinese message and fix", async () => {
    freezeClock();
    const vaultDir = prepareVault(HOSTILE, {});
    const before = snapshotVault(vaultDir);
    const h = await loadPlugin({ vaultDir, language: "zh" });
    await h.settle();
    const api = (h.plugin as { api: NetworkNotesApi }).api;
    const problems = api.problems();
    expect(problems.length).toBeGreaterThan(20);
    for (const p of problems) {
      expect(p.message, p.code).toMatch(/[\u4e00-\u9fff]/);
      expect(p.fix, p.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(new Set(problems.map((p) => p.code)).size).toBe(13);
    h.runCommand("network-notes:show-problems");
    await h.settle();
    expect(modal().querySelector(".modal-title")?.textContent).toBe("人物笔记中的问题");
    closeModals();
    await h.unload();
    expect(vaultChanges(before, snapshotVault(vaultDir))).toEqual([]);
    vi.useRealTimers();
  });
});

describe("a vault with no people", () => {
  it("shows where it looked, and every view draws its empty state", async () => {
    freezeClock();
    const vaultDir = prepareVault(null, { "Notes/Groceries.md": "milk\n", ".obsidian/daily-notes.json": "{}" });
    const before = snapshotVault(vaultDir);
    const h = await loadPlugin({ vaultDir });
    await h.settle();
    const api = (h.plugin as { api: NetworkNotesApi }).api;
    expect(api.people()).toEqual([]);
    expect(api.problems()).toEqual([]);
    const view = await openView(h);
    expect(view.textContent).toContain("No person notes yet.");
    expect(statusText(h)).toBeDefined();
    h.runCommand("network-notes:show-problems");
    await h.settle();
    expect(modal().textContent).toContain("Every person note reads cleanly.");
    closeModals();
    h.runCommand("network-notes:show-due-today");
    await h.settle();
    expect(modalOpen()).toBe(true);
    closeModals();
    const block = renderBlock("show: due\n");
    expect(block.el.textContent).not.toBe("");
    block.child.unload();
    await h.unload();
    expect(vaultChanges(before, snapshotVault(vaultDir))).toEqual([]);
    vi.useRealTimers();
  });
});


describe("any properties written to a note while the plugin runs", () => {
  const KEYS = ["tier", "last_touch", "cadence", "commitments", "expecting", "snooze_until", "paused", "tier_goal", "tier_since", "birthday", "interests", "met", "aliases", "tags"];
  const scalar = fc.oneof(
    fc.string({ maxLength: 12 }), fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
    fc.constantFrom("", "familiar", "bestie", "2026-11-20", "2026/11/20", "20 Nov 2026", "11/12/2026", "9999-12-31", "11-30", "3w", "often", "[[Cleo Park]]", "#", "|"),
  );
  const value = fc.oneof({ weight: 3, arbitrary: scalar }, { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) }, { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 4 }), scalar, { maxKeys: 2 }) });
  const note = fc.tuple(
    fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 6 }),
    fc.constantFrom("", "\r\n", "\uFEFF", "broken"),
  ).map(([fm, twist]) => {
    let text = `---\n${stringify(fm)}---\nA note written by the property test.\n`;
    if (twist === "broken") text = text.replace("---\n", "---\n: : [\n");
    else if (twist === "\r\n") text = text.replace(/\n/g, "\r\n");
    else text = twist + text;
    return text;
  });

  it("keeps the index, the problems list and the views working, and writes nothing", async () => {
    freezeClock();
    const vaultDir = prepareVault(HOSTILE, {});
    const h = await loadPlugin({ vaultDir });
    await h.settle();
    const api = (h.plugin as { api: NetworkNotesApi }).api;
    const view = await openView(h);
    const goodDue = () => api.digest().due.map((d) => d.name).filter((n) => n !== "Written");
    const expectedDue = goodDue();
    const before = snapshotVault(vaultDir);
    const written = "People/Hostile/Written.md";
    let last = "";
    await fc.assert(fc.asyncProperty(note, async (text) => {
      last = text;
      await h.write(written, text); // settle() below re-throws anything a handler threw
      await h.settle();
      expect(api.people().some((p) => p.path === written)).toBe(true);
      expect(goodDue()).toEqual(expectedDue);
      for (const p of api.problems().filter((x) => x.path === written)) {
        expect(p.message.length).toBeGreaterThan(10);
        expect(p.fix.length).toBeGreaterThan(10);
      }
      expect(view.querySelector('[data-section="due"]')).not.toBeNull();
      expect(statusText(h)).toMatch(/due|^$/);
    }), { numRuns: 40 });
    h.runCommand("network-notes:show-problems");
    await h.settle();
    expect(modal().querySelectorAll(".network-notes-problem")).toHaveLength(api.problems().length);
    closeModals();
    await h.unload();
    const after = snapshotVault(vaultDir);
    expect(vaultChanges(before, after)).toEqual([`created ${written}`]);
    expect(readFileSync(`${vaultDir}/${written}`, "utf8")).toBe(last);
    vi.useRealTimers();
  }, 120_000);
});
