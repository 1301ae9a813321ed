/**
 * The follow-through commands, through the built main.js: each is driven through its modal the way a person
 * would, and what lands on disk (or in the notice) is checked.
 */
import { TFile } from "obsidian";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { zh } from "../../src/i18n/zh";
import type { Harness } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { cleanUp, freezeClock, start } from "./support";
import { modal, modalOpen, type, field, clickButton, suggestions } from "./modalDom";

let h: Harness | undefined;

beforeEach(() => freezeClock());
afterEach(async () => {
  await cleanUp(h);
  h = undefined;
});

const ALICE = "People/Alice Chen.md";
const BOB = "People/Bob Okafor.md";
const ID = (command: string) => `network-notes:${command}`;

const PEOPLE = {
  // Only asks lately: the give-first suggestion shows.
  "People/Quinn Asker.md": "---\ntier: familiar\ninterests: [jazz, cycling]\n---\n## Log\n- [[2026-11-20]] #touch/asked x\n- [[2026-11-24]] #touch/asked y\n",
  // A recent give: balanced.
  "People/Rae Giver.md": "---\ntier: familiar\n---\n## Log\n- [[2026-11-20]] #touch/asked a\n- [[2026-11-24]] #touch/gave/article b\n",
  // Found by alias in the picker.
  "People/Wen Li.md": "---\ntier: intimate\naliases: [Lily]\n---\n",
};

async function begin(language?: string): Promise<{ h: Harness; api: NetworkNotesApi }> {
  const s = await start({ files: PEOPLE, language });
  h = s.h;
  return s;
}

async function openNote(path: string): Promise<void> {
  const file = h!.app.vault.getFileByPath(path);
  if (!(file instanceof TFile)) throw new Error(`no note ${path}`);
  await h!.app.workspace.getLeaf().openFile(file);
}

function choose(text: string, query?: string): void {
  const item = suggestions(query).find((el) => el.textContent?.includes(text));
  if (!item) throw new Error(`no suggestion "${text}" among ${suggestions().map((s) => s.textContent).join(" | ")}`);
  item.click();
}

const lastNotice = () => h!.notices().at(-1) ?? "";
const undoButton = () => document.querySelector<HTMLButtonElement>(".notice .network-notes-undo");

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  return (m ? parseYaml(m[1]!) : {}) as Record<string, unknown>;
}

async function logTouch(kind: string, payload: string | null, note: string): Promise<void> {
  expect(h!.runCommand(ID("log-touch"))).toBe(true);
  type(field<HTMLSelectElement>(".network-notes-touch-kind"), kind, "change");
  if (payload) type(field<HTMLSelectElement>(".network-notes-touch-payload"), payload, "change");
  type(field(".network-notes-touch-note"), note);
  clickButton("Log it");
  await h!.settle();
}

describe("the command palette", () => {
  it("has every follow-through action, with stable ids, sentence-case names and no hotkeys", async () => {
    await begin();
    const commands = (h!.app as unknown as { commands: { commands: Record<string, { name: string; hotkeys?: unknown }> } }).commands.commands;
    const names = Object.fromEntries(Object.entries(commands).filter(([id]) => id.startsWith("network-notes:")).map(([id, c]) => [id.slice(14), c.name.slice(15)]));
    expect(names).toMatchObject({
      "log-touch": "Log a touch…",
      "before-you-ask": "I'm about to ask…",
      "add-commitment-mine": "Add a commitment I made…",
      "add-commitment-theirs": "Add a commitment they made…",
      "complete-commitment": "Complete a commitment…",
      "list-open-commitments": "List open commitments",
      "set-tier": "Set tier…",
      "move-tier-up": "Move up a tier",
      "move-tier-down": "Move down a tier",
      "set-tier-goal": "Set goal tier…",
      snooze: "Snooze…",
      pause: "Pause tracking",
      resume: "Resume tracking",
      undo: "Undo the last change",
    });
    for (const [id, command] of Object.entries(commands)) if (id.startsWith("network-notes:")) expect(command.hotkeys, id).toBeUndefined();
  });

  it("names its commands in Chinese when Obsidian is in Chinese", async () => {
    await begin("zh");
    const commands = (h!.app as unknown as { commands: { commands: Record<string, { name: string }> } }).commands.commands;
    expect(commands[ID("log-touch")]?.name).toBe("Network Notes: 记录一次联系…");
    expect(commands[ID("undo")]?.name).toBe("Network Notes: 撤销上一次修改");
  });

  it("keeps the English and Chinese catalogues in step", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });
});

describe("logging a touch", () => {
  it("writes a dated line under the log heading and moves last_touch", async () => {
    const { api } = await begin();
    await openNote(ALICE);
    expect(h!.runCommand(ID("log-touch"))).toBe(true);
    expect(modal().querySelector(".modal-title")?.textContent).toBe("Log a touch with Alice Chen");
    expect(field(".network-notes-touch-date").value).toBe("2026-11-26");
    const payloadRow = () => field(".network-notes-touch-payload").closest<HTMLElement>(".setting-item")!;
    expect(payloadRow().isShown()).toBe(false);
    type(field<HTMLSelectElement>(".network-notes-touch-kind"), "gave", "change");
    expect(payloadRow().isShown()).toBe(true);
    type(field<HTMLSelectElement>(".network-notes-touch-payload"), "intro", "change");
    type(field(".network-notes-touch-note"), "Introduced her to Sam");
    clickButton("Log it");
    await h!.settle();
    const text = await h!.read(ALICE);
    expect(text).toMatch(/\n## Log\n\n?- \[\[2026-11-26\]\] #touch\/gave\/intro Introduced her to Sam\n/);
    expect(frontmatter(text).last_touch).toBe("2026-11-26");
    expect(lastNotice()).toContain("Logged for Alice Chen on 2026-11-26: Gave · An intro.");
    expect(api.balance(ALICE)?.lastGive?.payload).toBe("intro");
  });

  it("refuses a day it cannot read, or one still to come, and keeps the form open", async () => {
    await begin();
    await openNote(ALICE);
    const before = await h!.read(ALICE);
    h!.runCommand(ID("log-touch"));
    type(field(".network-notes-touch-date"), "2026-12-01");
    clickButton("Log it");
    expect(modal().querySelector(".setting-item-error")?.textContent).toBe("That day has not come yet. Pick today or earlier.");
    type(field(".network-notes-touch-date"), "2026-11-24");
    clickButton("Log it");
    await h!.settle();
    expect(modalOpen()).toBe(false);
    const after = await h!.read(ALICE);
    expect(after).not.toBe(before);
    expect(after).toContain("- [[2026-11-24]] #touch/caught-up");
    expect(frontmatter(after).last_touch).toBe("2026-11-24");
  });
  it("leaves a note with unreadable properties alone and says why", async () => {
    await begin();
    const iris = "People/Iris Novak.md";
    const before = await h!.read(iris);
    await openNote(iris);
    await logTouch("met", null, "coffee");
    expect(await h!.read(iris)).toBe(before);
    expect(lastNotice()).toBe("The properties of Iris Novak cannot be read, so nothing was changed. “Show problems in person notes” shows what to fix.");
    expect(undoButton()).toBeNull();
  });

  it("says so when the note went away while the form was open", async () => {
    await begin();
    await openNote(BOB);
    h!.runCommand(ID("log-touch"));
    await h!.remove(BOB);
    await h!.settle();
    clickButton("Log it");
    await h!.settle();
    expect(lastNotice()).toBe("That note is no longer in the vault, so nothing was changed.");
  });
});

describe("undo", () => {
  it("the Undo button in the notice restores the note byte for byte", async () => {
    await begin();
    await openNote(ALICE);
    const before = await h!.read(ALICE);
    await logTouch("met", null, "lunch");
    expect(await h!.read(ALICE)).not.toBe(before);
    expect(undoButton()?.textContent).toBe("Undo");
    undoButton()!.click();
    await h!.settle();
    expect(await h!.read(ALICE)).toBe(before);
    expect(lastNotice()).toBe("Undone in Alice Chen's note: the logged touch.");
    h!.runCommand(ID("undo"));
    await h!.settle();
    expect(lastNotice()).toBe("Nothing to undo yet.");
  });

  it("refuses kindly after a manual edit, and leaves the edit alone", async () => {
    await begin();
    await openNote(ALICE);
    await logTouch("asked", null, "a favour");
    const edited = `${await h!.read(ALICE)}\nA line I wrote myself.\n`;
    await h!.write(ALICE, edited);
    await h!.settle();
    undoButton()!.click();
    await h!.settle();
    expect(lastNotice()).toBe("The note changed since, so nothing was undone.");
    expect(await h!.read(ALICE)).toBe(edited);
  });

  it("an older notice's Undo does not undo a newer change", async () => {
    await begin();
    await openNote(ALICE);
    await logTouch("met", null, "first");
    const older = undoButton()!;
    await logTouch("met", null, "second");
    const afterBoth = await h!.read(ALICE);
    older.click();
    await h!.settle();
    expect(lastNotice()).toContain("A newer change came after that one, so nothing was undone.");
    expect(await h!.read(ALICE)).toBe(afterBoth);
    h!.runCommand(ID("undo"));
    await h!.settle();
    expect(await h!.read(ALICE)).not.toContain("second");
    expect(await h!.read(ALICE)).toContain("first");
  });
});

describe("commitments", () => {
  it("adds one of mine due in two weeks, then completes it and logs that", async () => {
    const { api } = await begin();
    await openNote(ALICE);
    h!.runCommand(ID("add-commitment-mine"));
    expect(modal().querySelector(".modal-title")?.textContent).toBe("Something you promised Alice Chen");
    type(field(".network-notes-commitment-text"), "Send the deck");
    type(field(".network-notes-commitment-due"), "2w");
    expect(modal().querySelector(".network-notes-preview")?.textContent).toBe("Due 2026-12-10.");
    clickButton("Add");
    await h!.settle();
    const mine = frontmatter(await h!.read(ALICE)).commitments as string[];
    expect(mine).toContain("Send the deck ➕ 2026-11-26 📅 2026-12-10");
    expect(lastNotice()).toContain("Added to what you promised Alice Chen: Send the deck (due 2026-12-10).");

    h!.runCommand(ID("complete-commitment"));
    expect(suggestions().map((s) => s.textContent)).toEqual(expect.arrayContaining([
      "You promised: Send the book list · was due 2026-11-20",
      "You promised: Send the deck · due 2026-12-10",
      "They promised: Share her deck · due 2026-12-05",
    ]));
    choose("Send the deck ·");
    await h!.settle();
    const text = await h!.read(ALICE);
    expect(frontmatter(text).commitments).toEqual(["Send the book list 📅 2026-11-20", "Intro to Sam"]);
    expect(text).toContain("- [[2026-11-26]] #touch/followed-through Send the deck\n");
    expect(api.digest().commitments.map((c) => c.text)).not.toContain("Send the deck");
  });

  it("reads a due date at the end of the words, for theirs too", async () => {
    await begin();
    await openNote(BOB);
    h!.runCommand(ID("add-commitment-theirs"));
    type(field(".network-notes-commitment-text"), "Share the photos 3d");
    expect(modal().querySelector(".network-notes-preview")?.textContent).toBe("Due 2026-11-29.");
    field(".network-notes-commitment-text").dispatchEvent(new KeyboardEvent("keydown", { key: "Enter" }));
    await h!.settle();
    expect(frontmatter(await h!.read(BOB)).expecting).toEqual(["Share the photos ➕ 2026-11-26 📅 2026-11-29"]);
  });

  it("says kindly when the item changed in the note meanwhile, and changes nothing", async () => {
    await begin();
    await openNote(ALICE);
    h!.runCommand(ID("complete-commitment"));
    const edited = (await h!.read(ALICE)).replace("Intro to Sam", "Intro to Sam and Kai");
    await h!.write(ALICE, edited);
    await h!.settle();
    choose("Intro to Sam");
    await h!.settle();
    expect(lastNotice()).toContain("That item changed in Alice Chen's note since it was listed, so nothing was changed.");
    expect(await h!.read(ALICE)).toBe(edited);
  });

  it("lists every open commitment, past their day first, and a row opens its note", async () => {
    await begin();
    await openNote("Projects.md");
    h!.runCommand(ID("list-open-commitments"));
    await h!.settle();
    const rows = [...modal().querySelectorAll<HTMLElement>(".network-notes-open-row")];
    expect(rows.map((r) => r.querySelector(".network-notes-open-text")?.textContent)).toEqual([
      "You promised Alice Chen: Send the book list",
      "Alice Chen promised you: Share her deck",
      "You promised Alice Chen: Intro to Sam",
      "You promised Dev Patel: Call Dev Patel about the meetup",
      "You promised Erin Walsh: 2026-11-30 send the podcast link",
      "You promised Jon Berg: call back about the flat",
    ]);
    expect(rows[0]!.classList.contains("network-notes-overdue")).toBe(true);
    expect(rows[0]!.querySelector(".network-notes-open-details")?.textContent).toBe("was due 2026-11-20");
    rows[2]!.click();
    await h!.settle();
    expect(h!.app.workspace.getActiveFile()?.path).toBe(ALICE);
  });

  it("shows how long an item has been open when it knows", async () => {
    await begin();
    await h!.write("People/Bob Okafor.md", "---\ntier: intimate\ncommitments:\n  - Lend the book ➕ 2026-11-16\n---\n");
    await h!.settle();
    h!.runCommand(ID("list-open-commitments"));
    await h!.settle();
    const bob = [...modal().querySelectorAll(".network-notes-open-row")].find((r) => r.textContent?.includes("Lend the book"));
    expect(bob?.querySelector(".network-notes-open-details")?.textContent).toBe("open 10 days");
  });
});

describe("before you ask", () => {
  it("suggests giving first when lately it has all been asks", async () => {
    await begin();
    await openNote("People/Quinn Asker.md");
    h!.runCommand(ID("before-you-ask"));
    const text = modal().textContent ?? "";
    expect(text).toContain("No give logged yet.");
    expect(text).toContain("Asks logged so far: 2.");
    expect(modal().querySelector(".network-notes-give-first")).not.toBeNull();
    expect(text).toContain("An article or link about jazz, cycling");
    expect(text.toLowerCase()).not.toContain("neglect");
  });

  it("does not when you gave recently, and shows what is open both ways", async () => {
    await begin();
    await openNote("People/Rae Giver.md");
    h!.runCommand(ID("before-you-ask"));
    expect(modal().querySelector(".network-notes-give-first")).toBeNull();
    expect(modal().textContent).toContain("Last give: An article or link, 2 days ago (2026-11-24).");
    expect(modal().textContent).toContain("Asks since then: 0.");
    modal().querySelector<HTMLElement>(".modal-close-button")!.click();
    await openNote(ALICE);
    h!.runCommand(ID("before-you-ask"));
    const items = [...modal().querySelectorAll(".network-notes-ask-open li")].map((li) => li.textContent);
    expect(items).toEqual(["You promised: Send the book list · was due 2026-11-20", "You promised: Intro to Sam", "They promised: Share her deck · due 2026-12-05"]);
  });
});

describe("tiers", () => {
  it("set, move down and move up change tier and tier_since and log each move", async () => {
    await begin();
    await openNote(BOB);
    h!.runCommand(ID("set-tier"));
    expect(suggestions().map((s) => s.textContent)).toEqual(["Unfamiliar", "Familiar", "IntimateNow", "Meaningful"]);
    choose("Meaningful");
    await h!.settle();
    let text = await h!.read(BOB);
    expect(frontmatter(text)).toMatchObject({ tier: "meaningful", tier_since: "2026-11-26" });
    expect(text).toContain("- [[2026-11-26]] #touch/tier intimate → meaningful");
    expect(lastNotice()).toContain("Bob Okafor is now Meaningful.");

    h!.runCommand(ID("move-tier-down"));
    await h!.settle();
    text = await h!.read(BOB);
    expect(frontmatter(text).tier).toBe("intimate");
    expect(text).toContain("#touch/tier meaningful → intimate");

    h!.runCommand(ID("move-tier-up"));
    await h!.settle();
    expect(frontmatter(await h!.read(BOB)).tier).toBe("meaningful");
    h!.runCommand(ID("move-tier-up"));
    await h!.settle();
    expect(lastNotice()).toBe("Bob Okafor is already at the closest tier.");
  });

  it("sets a goal tier and clears it", async () => {
    await begin();
    await openNote(BOB);
    h!.runCommand(ID("set-tier-goal"));
    expect(suggestions()).toHaveLength(5);
    choose("Meaningful");
    await h!.settle();
    expect(frontmatter(await h!.read(BOB)).tier_goal).toBe("meaningful");
    h!.runCommand(ID("set-tier-goal"));
    choose("No goal");
    await h!.settle();
    expect(frontmatter(await h!.read(BOB))).not.toHaveProperty("tier_goal");
    expect(lastNotice()).toContain("Cleared the goal tier for Bob Okafor.");
  });
});

describe("snooze and pause", () => {
  it("snooze keeps someone off the due list until the day", async () => {
    const { api } = await begin();
    expect(api.digest().due.map((d) => d.name)).toContain("Alice Chen");
    await openNote(ALICE);
    h!.runCommand(ID("snooze"));
    type(field(".network-notes-snooze-input"), "1w");
    expect(modal().querySelector(".network-notes-preview")?.textContent).toBe("Not due before 2026-12-03.");
    clickButton("Snooze");
    await h!.settle();
    expect(frontmatter(await h!.read(ALICE)).snooze_until).toBe("2026-12-03");
    expect(api.digest().due.map((d) => d.name)).not.toContain("Alice Chen");
    expect(api.digest("2026-12-02").due.map((d) => d.name)).not.toContain("Alice Chen");
    expect(api.digest("2026-12-03").due.map((d) => d.name)).toContain("Alice Chen");
  });

  it("pause and resume are each offered only when they apply", async () => {
    const { api } = await begin();
    await openNote(ALICE);
    expect(h!.runCommand(ID("resume"))).toBe(false);
    expect(h!.runCommand(ID("pause"))).toBe(true);
    await h!.settle();
    expect(frontmatter(await h!.read(ALICE)).paused).toBe(true);
    expect(api.digest().due.map((d) => d.name)).not.toContain("Alice Chen");
    expect(h!.runCommand(ID("pause"))).toBe(false);
    expect(h!.runCommand(ID("snooze"))).toBe(false);
    expect(h!.runCommand(ID("resume"))).toBe(true);
    await h!.settle();
    expect(frontmatter(await h!.read(ALICE))).not.toHaveProperty("paused");
    expect(lastNotice()).toContain("Tracking Alice Chen again.");
    expect(api.digest().due.map((d) => d.name)).toContain("Alice Chen");
  });
});

describe("with no person note open", () => {
  it("offers a picker that finds a person by alias, then carries on for them", async () => {
    await begin();
    await openNote("Projects.md");
    expect(h!.runCommand(ID("log-touch"))).toBe(true);
    expect(field(".prompt-input").placeholder).toBe("Whose note? Type a name or an alias");
    const found = suggestions("Lily");
    expect(found[0]?.textContent).toContain("Wen Li (Lily)");
    found[0]!.click();
    expect(modal().querySelector(".modal-title")?.textContent).toBe("Log a touch with Wen Li");
    clickButton("Log it");
    await h!.settle();
    expect(await h!.read("People/Wen Li.md")).toContain("- [[2026-11-26]] #touch/caught-up");
  });

  it("hides what applies to nobody, and lists only the people it applies to", async () => {
    await begin();
    await openNote("Projects.md");
    expect(h!.runCommand(ID("resume"))).toBe(false);
    expect(h!.runCommand(ID("complete-commitment"))).toBe(true);
    const names = suggestions().map((s) => s.textContent ?? "");
    expect(names).toHaveLength(2);
    expect(names[0]).toContain("Alice Chen");
    expect(names[1]).toContain("Jon Berg");
    choose("Jon Berg");
    expect(suggestions().map((s) => s.textContent)).toEqual(["You promised: call back about the flat"]);
  });

  it("works from a fresh start with no note open at all", async () => {
    await begin();
    expect(h!.app.workspace.getActiveFile()).toBeNull();
    expect(h!.runCommand(ID("move-tier-up"))).toBe(true);
    choose("Bob Okafor", "bob");
    await h!.settle();
    expect(frontmatter(await h!.read(BOB)).tier).toBe("meaningful");
  });
});

describe("in Chinese", () => {
  it("speaks gently in the reader's language", async () => {
    await begin("zh");
    await openNote("People/Quinn Asker.md");
    h!.runCommand(ID("before-you-ask"));
    expect(modal().querySelector(".modal-title")?.textContent).toBe("向 Quinn Asker 开口之前");
    expect(modal().textContent).toContain("不妨先给予");
    modal().querySelector<HTMLElement>(".modal-close-button")!.click();
    h!.runCommand(ID("pause"));
    await h!.settle();
    expect(lastNotice()).toBe("已暂停跟进 Quinn Asker，层级会保留到恢复时。撤销");
  });
});
