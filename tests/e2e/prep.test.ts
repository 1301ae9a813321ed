/**
 * New person, conversation prep and messages through the built plugin: each driven through its command and
 * modal the way a person would, with what lands on disk, in the index, in a notice and on the clipboard checked.
 */
import { TFile } from "obsidian";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Harness, LoadOptions } from "../harness/load-plugin";
import { standInApp } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { dayFromISO } from "../../src/domain/dates";
import { BUILT_IN_MESSAGE_KINDS, fillMessage, messageFieldsFor, templatesFor } from "../../src/prep/messages";
import { bankFor, fitsTier, questionKey } from "../../src/prep/questions";
import { DEFAULT_SETTINGS } from "../../src/settings/schema";
import { cleanUp, freezeClock, start } from "./support";
import { modal, modalOpen, type, field, clickButton } from "./modalDom";

let h: Harness | undefined;
let api: NetworkNotesApi;

beforeEach(() => freezeClock());
afterEach(async () => {
  await cleanUp(h);
  h = undefined;
});

const ID = (command: string) => `network-notes:${command}`;
const PIA = "People/Pia Prep.md";

const PIA_TEXT = `---
tier: intimate
how_we_met: At the Lisbon design meetup
interests:
  - ceramics
  - jazz
company: Tidewater
commitments:
  - Send the conference notes 📅 2026-11-20
expecting:
  - Intro to her editor
---
# Pia Prep

## What I know
- Leads research at Tidewater.
- Moved from Porto last spring.

## Common ground
- We both studied architecture.

## Log
- [[2026-10-01]] #touch/gave/article the river paper
- [[2026-11-10]] #touch/asked a referral
- [[2026-11-20]] #touch/asked feedback on my deck

## Questions for 2026-11-01
- Was there someone who changed the direction of your career?
  - Her first manager.
`;

const ASKED = "Was there someone who changed the direction of your career?";

const QUESTIONS_FILE = `---
language: en
---
# My questions

## Their work and business
- Which tool could you not work without? #intimate

## Books
- What are you reading at the moment?
`;

const PREP_SETTINGS = {
  version: 1,
  prep: {
    ask: "I'm exploring product roles in climate tech; must-haves: a small team and room to learn.",
    myName: "Sam Writer",
    questionFolder: "Questions",
    templateFolder: "Templates/Messages",
  },
};

async function begin(options: LoadOptions = {}): Promise<void> {
  const s = await start({ ...options, files: { [PIA]: PIA_TEXT, "Questions/Mine.md": QUESTIONS_FILE, ...options.files } });
  h = s.h;
  api = s.api;
}

async function openNote(path: string): Promise<void> {
  const file = h!.app.vault.getFileByPath(path);
  if (!(file instanceof TFile)) throw new Error(`no note ${path}`);
  await h!.app.workspace.getLeaf().openFile(file);
}

/** Waits (on real time: only Date is frozen) until `ready` holds; prep reads notes before its modal opens. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    await h!.settle();
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function choose(text: string, query: string): void {
  type(field(".prompt-input"), query);
  const item = [...modal().querySelectorAll<HTMLElement>(".suggestion-item")].find((el) => el.textContent?.includes(text));
  if (!item) throw new Error(`no suggestion "${text}"`);
  item.click();
}

const lastNotice = () => h!.notices().at(-1) ?? "";
const undoButton = () => [...document.querySelectorAll<HTMLButtonElement>(".notice .network-notes-undo")].at(-1) ?? null;

function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  return (m ? parseYaml(m[1]!, { schema: "core" }) : {}) as Record<string, unknown>;
}

interface Form { name: string; tier?: string; met?: string; how?: string; interests?: string; goal?: string }

async function newPerson(form: Form): Promise<void> {
  expect(h!.runCommand(ID("new-person"))).toBe(true);
  type(field(".network-notes-new-name"), form.name);
  if (form.tier !== undefined) type(field<HTMLSelectElement>(".network-notes-new-tier"), form.tier, "change");
  if (form.met !== undefined) type(field(".network-notes-new-met"), form.met);
  if (form.how !== undefined) type(field(".network-notes-new-how"), form.how);
  if (form.interests !== undefined) type(field(".network-notes-new-interests"), form.interests);
  if (form.goal !== undefined) type(field<HTMLSelectElement>(".network-notes-new-goal"), form.goal, "change");
  clickButton("Create");
  expect(modalOpen()).toBe(false);
  await until(() => h!.notices().length > 0, "a notice");
  await h!.settle();
}

describe("New person", () => {
  it("makes the note in the people folder from the built-in template, opens it, and the index reads it back", async () => {
    await begin();
    await newPerson({ name: "Nina Park", tier: "familiar", met: "2026-11-20", how: "At the Lisbon meetup", interests: "ceramics, jazz，jazz", goal: "intimate" });
    const path = "People/Nina Park.md";
    expect(lastNotice()).toBe("Made a note for Nina Park: People/Nina Park.md.Undo");
    expect(h!.app.workspace.getActiveFile()?.path).toBe(path);
    const text = await h!.read(path);
    expect(frontmatter(text)).toEqual({ tier: "familiar", met: "2026-11-20", how_we_met: "At the Lisbon meetup", interests: ["ceramics", "jazz"], tier_goal: "intimate" });
    expect(text.slice(text.indexOf("\n---\n") + 5)).toBe("\n## What I know\n\n## Common ground\n\n## Log\n\n## Commitments\n");
    const nina = api.person(path);
    expect(nina).toMatchObject({ name: "Nina Park", tier: "familiar", tierGoal: "intimate", interests: ["ceramics", "jazz"], met: dayFromISO("2026-11-20") });
    expect(nina?.problems).toEqual([]);

    // Undo takes the new note back while it is as it was made.
    undoButton()!.click();
    await until(() => !h!.app.vault.getFileByPath(path), "the note to go");
    expect(lastNotice()).toBe("The new note for Nina Park is in the trash.");
    await h!.settle();
    expect(api.person(path)).toBeUndefined();
  });

  it("never overwrites: an existing name or alias (any case) opens that note instead", async () => {
    await begin({ files: { "People/Wen Li.md": "---\ntier: intimate\naliases: [Lily]\n---\n" } });
    const before = await h!.read("People/Alice Chen.md");
    await newPerson({ name: "alice CHEN", tier: "meaningful" });
    expect(lastNotice()).toBe("Alice Chen already has a note, so it was opened instead.");
    expect(h!.app.workspace.getActiveFile()?.path).toBe("People/Alice Chen.md");
    expect(await h!.read("People/Alice Chen.md")).toBe(before);

    await newPerson({ name: "  lily " });
    expect(lastNotice()).toBe("Wen Li already has a note, so it was opened instead.");
    expect(h!.app.workspace.getActiveFile()?.path).toBe("People/Wen Li.md");

    await newPerson({ name: "wang fang" });
    expect(h!.app.workspace.getActiveFile()?.path).toBe("People/王芳.md");
    expect(h!.app.vault.getMarkdownFiles().filter((f) => /lily|wang|alice/i.test(f.path)).map((f) => f.path)).toEqual(["People/Alice Chen.md"]);
  });

  it("makes hostile names safe and keeps every note inside the people folder", async () => {
    await begin();
    const before = new Set(h!.app.vault.getFiles().map((f) => f.path));
    const cases: [string, string, string | null][] = [
      ["../x", "People/x.md", "../x"],
      ["a/b", "People/a b.md", "a/b"],
      ["CON", "People/CON_.md", "CON"],
      ["#tag", "People/tag.md", "#tag"],
      ["[[y]]", "People/y.md", "[[y]]"],
      ["../../etc/passwd", "People/etc passwd.md", "../../etc/passwd"],
      ["nul.txt", "People/nul_.txt.md", "nul.txt"],
      ["Zoë 🧗‍♀️ Park", "People/Zoë 🧗‍♀️ Park.md", null],
      ["李雷", "People/李雷.md", null],
    ];
    for (const [name, path, alias] of cases) {
      await newPerson({ name, tier: "familiar" });
      const text = await h!.read(path);
      const fm = frontmatter(text);
      expect(fm.tier, name).toBe("familiar");
      expect(fm.aliases, name).toEqual(alias === null ? undefined : [alias]);
      expect(h!.app.workspace.getActiveFile()?.path, name).toBe(path);
    }
    // `[[x]]` is safe as `x`, whose note now exists: it is opened, not replaced.
    const x = await h!.read("People/x.md");
    await newPerson({ name: "[[x]]" });
    expect(lastNotice()).toBe("x already has a note, so it was opened instead.");
    expect(await h!.read("People/x.md")).toBe(x);
    const added = h!.app.vault.getFiles().map((f) => f.path).filter((p) => !before.has(p)).sort();
    expect(added).toEqual(cases.map(([, p]) => p).sort());
    for (const p of added) expect(p).toMatch(/^People\/[^/]+\.md$/);
    await h!.settle();
    expect(api.people().filter((p) => added.includes(p.path)).map((p) => p.tier)).toEqual(added.map(() => "familiar"));
    expect(api.person("People/x.md")?.aliases).toEqual(["../x"]);
    // A name with nothing left is refused in the form.
    expect(h!.runCommand(ID("new-person"))).toBe(true);
    type(field(".network-notes-new-name"), "   ");
    clickButton("Create");
    expect(modal().querySelector(".setting-item-error")?.textContent).toBe("Type a name first.");
  });

  it("marks the note as a person when there is no people folder, and Undo leaves a note you changed alone", async () => {
    await begin({ settings: { version: 1, people: { folders: [], tags: ["person"], markerKey: "type", markerValues: ["person"] } } });
    await newPerson({ name: "Ivo Root", tier: "familiar" });
    const text = await h!.read("Ivo Root.md");
    expect(frontmatter(text)).toMatchObject({ type: "person", tier: "familiar" });
    await h!.settle();
    expect(api.person("Ivo Root.md")?.tier).toBe("familiar");
    await h!.write("Ivo Root.md", `${text}Met again.\n`);
    undoButton()!.click();
    await until(() => lastNotice() === "The note changed since, so nothing was undone.", "the refusal");
    expect(await h!.read("Ivo Root.md")).toBe(`${text}Met again.\n`);
  });

  it("uses a user template, fills its placeholders and the form's properties, and leaves Templater alone", async () => {
    const template = "---\ntier: {{tier}}\nhow_we_met: \"{{how_we_met}}\"\ncreated: <% tp.date.now() %>\n---\n# {{name}}\n\nMet on {{date:YYYY年M月D日}} as {{tier}}. <% tp.file.title %>\n";
    await begin({ files: { "Templates/New person.md": template }, settings: { version: 1, prep: { personTemplate: "Templates/New person" } } });
    await newPerson({ name: "Omar #1", tier: "intimate", how: "He said \"hi\"", interests: "kites" });
    const text = await h!.read("People/Omar 1.md");
    expect(text).toBe(
      "---\ntier: intimate\nhow_we_met: \"He said \\\"hi\\\"\"\ncreated: <% tp.date.now() %>\nmet: 2026-11-26\ninterests:\n  - kites\naliases:\n  - \"Omar #1\"\n---\n" +
        "# Omar \\#1\n\nMet on 2026年11月26日 as Intimate. <% tp.file.title %>\n",
    );
    await h!.settle();
    expect(api.person("People/Omar 1.md")).toMatchObject({ tier: "intimate", interests: ["kites"], aliases: ["Omar #1"] });
  });
});

describe("Prepare to talk with …", () => {
  it("shows who they are, touches, open items both ways, the balance, the ask and fitting questions; inserts the ticked ones", async () => {
    await begin({ settings: PREP_SETTINGS });
    await openNote(PIA);
    expect(h!.runCommand(ID("prepare-conversation"))).toBe(true);
    await until(modalOpen, "the prep modal");
    const m = modal();
    expect(m.querySelector(".modal-title")?.textContent).toBe("Prepare to talk with Pia Prep");
    const section = (id: string) => m.querySelector(`[data-section="${id}"]`)?.textContent ?? "";
    expect(section("who")).toContain("Intimate");
    expect(section("who")).toContain("At the Lisbon design meetup");
    expect(section("who")).toContain("ceramics, jazz");
    expect(section("who")).toContain("Leads research at Tidewater.");
    expect(section("who")).toContain("Moved from Porto last spring.");
    expect(section("who")).toContain("We both studied architecture.");
    expect(section("touches")).toContain("Last in touch 6 days ago");
    expect([...m.querySelectorAll(".network-notes-prep-touches li")].map((li) => li.textContent)).toEqual([
      "2026-11-20 · Asked", "2026-11-10 · Asked", "2026-10-01 · Gave · An article or link",
    ]);
    expect([...m.querySelectorAll(".network-notes-prep-mine li")].map((li) => li.textContent)).toEqual(["Send the conference notes · was due 2026-11-20"]);
    expect([...m.querySelectorAll(".network-notes-prep-theirs li")].map((li) => li.textContent)).toEqual(["Intro to her editor"]);
    expect(section("balance")).toContain("You last gave 8 weeks ago: An article or link.");
    expect(section("balance")).toContain("Asks since then: 2.");
    expect(section("balance")).toContain("It has been all asks lately. Bring something to give first.");
    expect(section("ask")).toContain("I'm exploring product roles in climate tech; must-haves: a small team and room to learn.");
    expect(m.textContent).not.toMatch(/overdue|neglect/i);

    // Questions fit the tier, come from the bank (built-in and the user's file), and the one already asked is not offered.
    const { bank } = bankFor("en", [{ path: "Questions/Mine.md", text: QUESTIONS_FILE }]);
    const fitting = new Set(bank.groups.flatMap((g) => g.questions).filter((q) => fitsTier(q, "intimate")).map((q) => q.text));
    const offered = () => [...m.querySelectorAll(".network-notes-prep-question span")].map((s) => s.textContent ?? "");
    const seen = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const now = offered();
      expect(now.length).toBe(8);
      for (const q of now) {
        expect(fitting.has(q), q).toBe(true);
        seen.add(q);
      }
      expect(now.map(questionKey)).not.toContain(questionKey(ASKED));
      const groups = [...m.querySelectorAll(".network-notes-prep-group h4")].map((g) => g.textContent);
      expect(groups.slice(0, 4)).toEqual(["Their work and business", "The path that led them here", "What excites them", "How you can help"]);
      expect(groups).toContain("Books");
      clickButton("Other questions");
    }
    expect(seen.has("What are you reading at the moment?")).toBe(true);

    const boxes = [...m.querySelectorAll<HTMLInputElement>(".network-notes-prep-question input")];
    const texts = offered();
    for (const i of [0, 3]) {
      boxes[i]!.checked = true;
      boxes[i]!.dispatchEvent(new Event("change"));
    }
    // Ticked questions stay when asking for others.
    clickButton("Other questions");
    expect(offered()).toEqual(expect.arrayContaining([texts[0], texts[3]]));
    clickButton("Add to their note");
    expect(modalOpen()).toBe(false);
    await until(() => lastNotice().startsWith("Added"), "the insert notice");
    expect(lastNotice()).toBe("Added 2 questions under “Questions for 2026-11-26”.Undo");
    const after = await h!.read(PIA);
    const [first, second] = [texts[0], texts[3]].sort((a, b) => texts.indexOf(a!) - texts.indexOf(b!));
    expect(after).toBe(`${PIA_TEXT}\n## Questions for 2026-11-26\n\n- ${first}\n  - \n- ${second}\n  - \n`);

    // The inserted questions are not offered again, and the change undoes byte for byte.
    expect(h!.runCommand(ID("prepare-conversation"))).toBe(true);
    await until(modalOpen, "the prep modal again");
    expect(offered()).not.toContain(first);
    expect(offered()).not.toContain(second);
    modal().querySelector<HTMLElement>(".modal-close-button")!.click();
    undoButton()!.click();
    await until(() => lastNotice().startsWith("Undone"), "undo");
    expect(await h!.read(PIA)).toBe(PIA_TEXT);
  });

  it("asks whose note when none is open, and can add the questions to the note you are in", async () => {
    await begin({ settings: PREP_SETTINGS });
    await openNote("Meetings/2026-11-10 Kickoff.md");
    const meeting = await h!.read("Meetings/2026-11-10 Kickoff.md");
    expect(h!.runCommand(ID("prepare-conversation"))).toBe(true);
    choose("Pia Prep", "pia");
    await until(() => modal().querySelector(".network-notes-prep") !== null, "the prep modal");
    clickButton("Add to the current note");
    expect(modal().querySelector(".network-notes-prep-hint")?.textContent).toBe("Tick the questions you would like to ask first.");
    const box = modal().querySelector<HTMLInputElement>(".network-notes-prep-question input")!;
    const text = box.parentElement?.textContent ?? "";
    box.checked = true;
    box.dispatchEvent(new Event("change"));
    clickButton("Add to the current note");
    await until(() => lastNotice().startsWith("Added"), "the insert notice");
    const eol = meeting.endsWith("\n") ? "" : "\n";
    expect(await h!.read("Meetings/2026-11-10 Kickoff.md")).toBe(`${meeting}${eol}\n## Questions for Pia Prep (2026-11-26)\n\n- ${text}\n  - \n`);
    expect(await h!.read(PIA)).toBe(PIA_TEXT);
  });

  it("opens from a row of the loose-touch view, with messages too", async () => {
    await begin({ settings: PREP_SETTINGS });
    expect(h!.runCommand(ID("open-loose-touch"))).toBe(true);
    await h!.settle();
    const view = h!.app.workspace.getLeavesOfType("network-notes-loose-touch")[0]!.view as unknown as { containerEl: HTMLElement };
    const row = [...view.containerEl.querySelectorAll<HTMLElement>("[data-section=\"due\"] .network-notes-row")].find((r) => r.textContent?.includes("Alice Chen"))!;
    row.querySelector<HTMLButtonElement>(".network-notes-more")!.click();
    const item = (text: string) => [...document.querySelectorAll<HTMLElement>(".menu .menu-item")].find((i) => i.textContent === text);
    item("Prepare to talk…")!.click();
    await until(modalOpen, "the prep modal");
    expect(modal().querySelector(".modal-title")?.textContent).toBe("Prepare to talk with Alice Chen");
    expect(modal().textContent).toContain("Runs the mobility team at a city lab.");
    modal().querySelector<HTMLElement>(".modal-close-button")!.click();
    row.querySelector<HTMLButtonElement>(".network-notes-more")!.click();
    item("Write a message…")!.click();
    await until(modalOpen, "the message modal");
    expect(modal().querySelector(".modal-title")?.textContent).toBe("A message to Alice Chen");
  });
});

describe("Write a message to …", () => {
  it("fills every built-in kind from the person's fields, copies subject and message, and logs the touch it makes", async () => {
    await begin({ settings: PREP_SETTINGS });
    await openNote(PIA);
    const pia = api.person(PIA)!;
    const fields = messageFieldsFor(pia, frontmatter(PIA_TEXT), DEFAULT_SETTINGS.keys, "Sam Writer", dayFromISO("2026-11-26"));
    const { templates } = templatesFor("en", []);
    expect(templates.map((x) => x.id)).toEqual([...BUILT_IN_MESSAGE_KINDS]);
    let expectedLog = "";
    for (const template of templates) {
      expect(h!.runCommand(ID("write-message"))).toBe(true);
      await until(modalOpen, `the message modal for ${template.id}`);
      type(field<HTMLSelectElement>(".network-notes-message-kind"), template.id, "change");
      const filled = fillMessage(template, fields, "en");
      const subject = field(".network-notes-message-subject").value;
      const body = field<HTMLTextAreaElement>(".network-notes-message-body").value;
      expect(subject, template.id).toBe(filled.subject);
      expect(body, template.id).toBe(filled.body);
      expect(body, template.id).toMatch(/^Hi Pia,/);
      expect(body, template.id).toContain("Sam Writer");
      expect(`${subject}\n${body}`, template.id).not.toContain("{{");
      expect(`${subject}\n${body}`, template.id).not.toContain("[your name]");
      if (filled.blanks.length > 0) expect(modal().querySelector(".network-notes-message-blanks")?.textContent).toBe(`Still to fill in: ${filled.blanks.join(", ")}`);
      expect(modal().textContent).toContain(`Will log: ${template.logs!.kind === "gave" ? "Gave · " : ""}`);
      // An edit goes to the clipboard as typed.
      type(field<HTMLTextAreaElement>(".network-notes-message-body"), `${body}\nP.S. edited`);
      const count = h!.notices().length;
      clickButton("Copy");
      await until(() => h!.notices().length >= count + 2, `the log notice for ${template.id}`);
      expect(lastNotice()).toMatch(/^Logged for Pia Prep on 2026-11-26: /);
      expect(await navigator.clipboard.readText()).toBe(`Subject: ${subject}\n\n${body}\nP.S. edited`);
      expect(h!.notices().at(-2)).toBe("Copied. Fill in the parts in brackets before you send it.");
      const tag = template.logs!.payload === null ? `#touch/${template.logs!.kind}` : `#touch/${template.logs!.kind}/${template.logs!.payload}`;
      expectedLog += `- [[2026-11-26]] ${tag}\n`;
    }
    const text = await h!.read(PIA);
    expect(text).toContain(`- [[2026-11-20]] #touch/asked feedback on my deck\n${expectedLog}`);
    await h!.settle();
    expect(api.person(PIA)!.log.filter((e) => e.day === dayFromISO("2026-11-26"))).toHaveLength(templates.length);
    expect(frontmatter(text).last_touch).toBe("2026-11-26");
  });

  it("copies without logging when asked, fills blanks for missing fields, and takes user templates", async () => {
    const coffee = "---\nkind: coffee\ntitle: Coffee soon?\nsubject: Coffee, {{first_name}}?\nlogs: caught-up\n---\nHi {{first_name}}, coffee near {{company}} next week?\n— {{my_name}}";
    const thanks = "---\nkind: thank-you\nlogs: gave/help\n---\nThank you, {{name}}!";
    await begin({
      settings: { ...PREP_SETTINGS, prep: { ...PREP_SETTINGS.prep, myName: "" } },
      files: { "Templates/Messages/coffee.md": coffee, "Templates/Messages/thanks.md": thanks },
    });
    await openNote("People/Bob Okafor.md");
    const bob = await h!.read("People/Bob Okafor.md");
    expect(h!.runCommand(ID("write-message"))).toBe(true);
    await until(modalOpen, "the message modal");
    const options = [...field<HTMLSelectElement>(".network-notes-message-kind").options].map((o) => o.textContent);
    expect(options).toContain("Saying thanks · A thank-you note");
    expect(options.at(-1)).toBe("Coffee soon?");
    type(field<HTMLSelectElement>(".network-notes-message-kind"), "coffee", "change");
    expect(field(".network-notes-message-subject").value).toBe("Coffee, Bob?");
    expect(field<HTMLTextAreaElement>(".network-notes-message-body").value).toBe("Hi Bob, coffee near [their company] next week?\n— [your name]");
    expect(modal().querySelector(".network-notes-message-blanks")?.textContent).toBe("Still to fill in: [their company], [your name]");
    type(field<HTMLSelectElement>(".network-notes-message-kind"), "thank-you", "change");
    expect(field<HTMLTextAreaElement>(".network-notes-message-body").value).toBe("Thank you, Bob Okafor!");
    expect(modal().textContent).toContain("Will log: Gave · Help");
    const toggle = modal().querySelector<HTMLElement>(".network-notes-message-log")!;
    toggle.click();
    clickButton("Copy");
    await until(() => lastNotice().startsWith("Copied"), "the copy notice");
    await h!.settle();
    expect(await navigator.clipboard.readText()).toBe("Subject: Thank you for [what they did]\n\nThank you, Bob Okafor!");
    expect(await h!.read("People/Bob Okafor.md")).toBe(bob);
  });

  it("inserts a message at the end of the note you are in, and logs it", async () => {
    await begin({ settings: PREP_SETTINGS });
    const path = "Meetings/2026-11-10 Kickoff.md";
    await openNote(path);
    const meeting = await h!.read(path);
    expect(h!.runCommand(ID("write-message"))).toBe(true);
    choose("Bob Okafor", "bob");
    await until(() => modal().querySelector(".network-notes-message") !== null, "the message modal");
    type(field<HTMLSelectElement>(".network-notes-message-kind"), "kudos", "change");
    const subject = field(".network-notes-message-subject").value;
    const body = field<HTMLTextAreaElement>(".network-notes-message-body").value;
    clickButton("Insert");
    await until(() => lastNotice().startsWith("Logged"), "the log notice");
    const eol = meeting.endsWith("\n") ? "\n" : "\n\n";
    expect(await h!.read(path)).toBe(`${meeting}${eol}**Subject:** ${subject}\n\n${body}\n`);
    expect(h!.notices().at(-2)).toBe("The message is at the end of 2026-11-10 Kickoff.Undo");
    expect(await h!.read("People/Bob Okafor.md")).toContain("- [[2026-11-26]] #touch/gave/kudos\n");
  });
});

describe("settings", () => {
  it("are found by the settings search, saved, and refuse paths outside the vault", async () => {
    await begin();
    const setting = standInApp(h!.app).setting;
    for (const [query, name] of [["one line", "Your ask in one line"], ["your name", "Your name"], ["person note template", "Person note template"], ["question folder", "Question folder"], ["template folder", "Template folder"]]) {
      expect(setting.search(query!).map((hit) => hit.name), query).toContain(name);
    }
    const tab = setting.openTabById("network-notes");
    await tab.setControlValue("prep.ask", "  Exploring  design roles ");
    await tab.setControlValue("prep.questionFolder", "Questions/");
    await tab.setControlValue("prep.templateFolder", "../outside");
    await h!.settle();
    const plugin = h!.plugin as { settings: { prep: Record<string, string> } };
    expect(plugin.settings.prep).toMatchObject({ ask: "Exploring design roles", questionFolder: "Questions", templateFolder: "" });
    const saved = JSON.parse(await h!.read(".obsidian/plugins/network-notes/data.json")) as { prep: Record<string, string> };
    expect(saved.prep).toEqual(plugin.settings.prep);
    expect(tab.getControlValue("prep.questionFolder")).toBe("Questions");
  });
});

describe("in Chinese", () => {
  it("names the commands, the settings and every screen in Chinese", async () => {
    await begin({ language: "zh", settings: PREP_SETTINGS });
    const commands = (h!.app as unknown as { commands: { commands: Record<string, { name: string }> } }).commands.commands;
    expect(commands[ID("new-person")]?.name).toBe("Network Notes: 新建联系人");
    expect(commands[ID("prepare-conversation")]?.name).toBe("Network Notes: 准备和某人聊聊…");
    expect(commands[ID("write-message")]?.name).toBe("Network Notes: 给某人写封信…");
    expect(standInApp(h!.app).setting.search("问题文件夹").map((hit) => hit.name)).toContain("问题文件夹");

    await openNote("People/王芳.md");
    expect(h!.runCommand(ID("prepare-conversation"))).toBe(true);
    await until(modalOpen, "the prep modal");
    expect(modal().querySelector(".modal-title")?.textContent).toBe("和王芳聊之前");
    const headings = [...modal().querySelectorAll("h3")].map((x) => x.textContent);
    expect(headings).toEqual(["这个人", "最近的联系", "还没兑现的承诺", "开口之前", "一句话说清你在找什么", "可以聊的问题"]);
    expect(modal().textContent).toContain("亲密");
    expect(modal().textContent).toContain("工作与生意");
    modal().querySelector<HTMLElement>(".modal-close-button")!.click();

    expect(h!.runCommand(ID("write-message"))).toBe(true);
    await until(modalOpen, "the message modal");
    expect(modal().querySelector(".modal-title")?.textContent).toBe("写给王芳");
    expect([...modal().querySelectorAll("button")].map((b) => b.textContent)).toContain("复制");
    expect(field<HTMLTextAreaElement>(".network-notes-message-body").value).toMatch(/[\u4e00-\u9fff]/u);
    modal().querySelector<HTMLElement>(".modal-close-button")!.click();

    expect(h!.runCommand(ID("new-person"))).toBe(true);
    expect(modal().querySelector(".modal-title")?.textContent).toBe("新建联系人");
    type(field(".network-notes-new-name"), "李雷");
    clickButton("创建");
    await until(() => h!.notices().length > 0, "a notice");
    const text = await h!.read("People/李雷.md");
    expect(text).toContain("## 我所了解的\n\n## 我们的共同点\n\n## Log\n\n## 承诺\n");
    expect(frontmatter(text).tier).toBe("unfamiliar");
    expect(lastNotice()).toBe("已为李雷新建笔记：People/李雷.md。撤销");
  });
});
