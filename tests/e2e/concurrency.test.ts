/**
 * Scripted interleavings of the plugin's writes with a person's own edits, renames and deletes of the same note,
 * through the built main.js. The stand-in's interleave hook (`vault.interleave__`, see
 * tests/harness/obsidian/README.md) lets a step land exactly between the plugin's read and its writes. In every
 * case nothing is lost: the person's edit and the plugin's change both end up in the note, or the plugin refuses
 * with a message and changes nothing.
 */
import { TFile } from "obsidian";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Harness } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import type { VaultOp } from "../harness/obsidian/vault";
import { clickButton, field, type } from "./modalDom";
import { cleanUp, freezeClock, start } from "./support";

let h: Harness | undefined;
let api: NetworkNotesApi;

const ALICE = "People/Alice Chen.md";
const RENAMED = "People/Alice C.md";
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const TODAY = day("2026-11-26");
const touch = (note: string) => ({ day: TODAY, kind: "met" as const, payload: null, note });

interface HookVault {
  interleave__: ((op: VaultOp, file: TFile) => void | Promise<void>) | null;
}
const vault = () => h!.app.vault as unknown as HookVault;

/** Runs `step` once, the first time `op` is asked for on `path`, before that request starts. */
function once(op: VaultOp, path: string, step: () => Promise<void>): { fired: () => boolean } {
  let fired = false;
  vault().interleave__ = async (asked, file) => {
    if (fired || asked !== op || file.path !== path) return;
    fired = true;
    await step();
  };
  return { fired: () => fired };
}

/** A person's own edit, as the editor saves it: the whole text through vault.modify. */
async function userEdit(path: string, edit: (text: string) => string): Promise<void> {
  const file = h!.app.vault.getFileByPath(path)!;
  await h!.app.vault.modify(file, edit(await h!.read(path)));
}

function properties(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return (m ? parseYaml(m[1]!, { schema: "core" }) : {}) as Record<string, unknown>;
}

beforeEach(async () => {
  freezeClock();
  const s = await start();
  h = s.h;
  api = s.api;
});
afterEach(async () => {
  if (h) vault().interleave__ = null;
  await cleanUp(h);
  h = undefined;
});

describe("a person's edit lands between the plugin's read and its write", () => {
  it("before the properties are written: both land, and undo will not take the edit away", async () => {
    const hook = once("processFrontMatter", ALICE, () => userEdit(ALICE, (t) => `${t}\nA thought I added.\n`));
    const step = await api.actions.logTouch(ALICE, touch("lunch"));
    await h!.settle();
    expect(hook.fired()).toBe(true);
    const text = await h!.read(ALICE);
    expect(text).toContain("A thought I added.");
    expect(text).toContain("- [[2026-11-26]] #touch/met lunch");
    expect(properties(text).last_touch).toBe("2026-11-26");
    // Restoring the text from before the change would drop the edit: the step is not offered for undo.
    expect(step.undoable).toBe(false);
    await expect(api.actions.undo()).rejects.toThrow("nothing-to-undo");
    expect(await h!.read(ALICE)).toBe(text);
  });

  it("between the properties and the log line: both land, and undo will not take the edit away", async () => {
    const hook = once("process", ALICE, () => userEdit(ALICE, (t) => t.replace("tier: meaningful\n", "tier: meaningful\nnickname: Al\n")));
    const step = await api.actions.completeCommitment(ALICE, "mine", "Intro to Sam", "Intro to Sam");
    await h!.settle();
    expect(hook.fired()).toBe(true);
    const text = await h!.read(ALICE);
    expect(properties(text)).toMatchObject({ nickname: "Al", commitments: ["Send the book list 📅 2026-11-20"], last_touch: "2026-11-26" });
    expect(text).toContain("#touch/followed-through Intro to Sam");
    expect(step.undoable).toBe(false);
    await expect(api.actions.undo()).rejects.toThrow("nothing-to-undo");
  });

  it("from the command: the notice confirms the touch but offers no Undo, and the undo command leaves the edit", async () => {
    await h!.app.workspace.getLeaf().openFile(h!.app.vault.getFileByPath(ALICE)!);
    expect(h!.runCommand("network-notes:log-touch")).toBe(true);
    type(field<HTMLSelectElement>(".network-notes-touch-kind"), "met", "change");
    once("processFrontMatter", ALICE, () => userEdit(ALICE, (t) => `${t}\nA thought I added.\n`));
    clickButton("Log it");
    await h!.settle();
    expect(h!.notices().at(-1)).toContain("Alice Chen");
    expect(document.querySelector(".notice .network-notes-undo")).toBeNull();
    const text = await h!.read(ALICE);
    expect(h!.runCommand("network-notes:undo")).toBe(true);
    await h!.settle();
    expect(h!.notices().at(-1)).toBe("Nothing to undo yet.");
    expect(await h!.read(ALICE)).toBe(text);
    expect(text).toContain("A thought I added.");
  });

  it("the item to complete was edited meanwhile: refused, and the edit stays", async () => {
    once("processFrontMatter", ALICE, () => userEdit(ALICE, (t) => t.replace("Intro to Sam", "Intro to Sam and Ola")));
    await expect(api.actions.completeCommitment(ALICE, "mine", "Intro to Sam", "Intro to Sam")).rejects.toThrow("commitment-changed");
    await h!.settle();
    const text = await h!.read(ALICE);
    expect(properties(text).commitments).toEqual(["Send the book list 📅 2026-11-20", "Intro to Sam and Ola"]);
    expect(text).not.toContain("#touch/followed-through");
  });

  it("with nothing in between, the same change is undone byte for byte", async () => {
    const before = await h!.read(ALICE);
    const step = await api.actions.logTouch(ALICE, touch("lunch"));
    expect(step.undoable).toBe(true);
    await api.actions.undo();
    expect(await h!.read(ALICE)).toBe(before);
  });

  it("an edit during undo makes undo refuse, and the edit stays", async () => {
    await api.actions.snooze(ALICE, day("2026-12-01"));
    once("process", ALICE, () => userEdit(ALICE, (t) => `${t}\nLate thought.\n`));
    await expect(api.actions.undo()).rejects.toThrow("changed-since");
    const text = await h!.read(ALICE);
    expect(text).toContain("Late thought.");
    expect(properties(text).snooze_until).toBe("2026-12-01");
  });
});

describe("the note is renamed while a write waits", () => {
  it("the waiting writes land on the renamed note, and undo follows it", async () => {
    const original = await h!.read(ALICE);
    const hook = once("processFrontMatter", ALICE, () => h!.rename(ALICE, RENAMED));
    // The second write queues behind the first, asked for by the old path.
    const first = api.actions.logTouch(ALICE, touch("lunch"));
    const second = api.actions.addCommitment(ALICE, "mine", "Send the slides", null);
    await Promise.all([first, second]);
    await h!.settle();
    expect(hook.fired()).toBe(true);
    expect(h!.app.vault.getFileByPath(ALICE)).toBeNull();
    await expect(h!.read(ALICE)).rejects.toThrow();
    const text = await h!.read(RENAMED);
    expect(text).toContain("- [[2026-11-26]] #touch/met lunch");
    expect(properties(text).commitments).toEqual(["Send the book list 📅 2026-11-20", "Intro to Sam", "Send the slides ➕ 2026-11-26"]);
    expect((await api.actions.undo()).path).toBe(RENAMED);
    await api.actions.undo();
    expect(await h!.read(RENAMED)).toBe(original);
  });

  it("a new note created at the old path is not written to", async () => {
    const hook = once("processFrontMatter", ALICE, async () => {
      await h!.rename(ALICE, RENAMED);
      await h!.write(ALICE, "Someone else entirely.\n");
    });
    await api.actions.snooze(ALICE, day("2026-12-01"));
    await h!.settle();
    expect(hook.fired()).toBe(true);
    expect(await h!.read(ALICE)).toBe("Someone else entirely.\n");
    expect(properties(await h!.read(RENAMED)).snooze_until).toBe("2026-12-01");
  });
});

describe("the note is deleted while a write waits", () => {
  it("every waiting write is refused as note-gone, nothing is recreated, nothing is left unhandled", async () => {
    once("processFrontMatter", ALICE, () => h!.remove(ALICE));
    const results = await Promise.allSettled([
      api.actions.logTouch(ALICE, touch("lunch")),
      api.actions.addCommitment(ALICE, "mine", "Send the slides", null),
      api.actions.editNote("daily-section", ALICE, (t) => `${t}\nmore\n`),
    ]);
    expect(results.map((r) => (r.status === "rejected" ? (r.reason as Error).message : "written"))).toEqual(["note-gone", "note-gone", "note-gone"]);
    await h!.settle(); // throws if any handler or background work failed
    expect(h!.app.vault.getFileByPath(ALICE)).toBeNull();
    await expect(h!.read(ALICE)).rejects.toThrow();
  });

  it("deleted between the properties and the log line: refused as note-gone, not recreated", async () => {
    once("process", ALICE, () => h!.remove(ALICE));
    await expect(api.actions.logTouch(ALICE, touch("lunch"))).rejects.toThrow("note-gone");
    await h!.settle();
    await expect(h!.read(ALICE)).rejects.toThrow();
  });

  it("from the command: a notice says so, and nothing is recreated", async () => {
    await h!.app.workspace.getLeaf().openFile(h!.app.vault.getFileByPath(ALICE)!);
    expect(h!.runCommand("network-notes:log-touch")).toBe(true);
    type(field<HTMLSelectElement>(".network-notes-touch-kind"), "met", "change");
    once("read", ALICE, () => h!.remove(ALICE));
    clickButton("Log it");
    await h!.settle();
    expect(h!.notices().at(-1)).toBe("That note is no longer in the vault, so nothing was changed.");
    await expect(h!.read(ALICE)).rejects.toThrow();
  });

  it("undo of a change to a deleted note is refused as note-gone, and the next undo reaches the change before", async () => {
    const BOB = "People/Bob Okafor.md";
    const bob = await h!.read(BOB);
    await api.actions.snooze(BOB, day("2026-12-01"));
    await api.actions.snooze(ALICE, day("2026-12-01"));
    await h!.remove(ALICE);
    await expect(api.actions.undo()).rejects.toThrow("note-gone");
    await expect(h!.read(ALICE)).rejects.toThrow();
    await api.actions.undo();
    expect(await h!.read(BOB)).toBe(bob);
  });
});

describe("two plugin writes race on one note", () => {
  it("all land, one after the other, and undo steps back through them in order", async () => {
    const original = await h!.read(ALICE);
    let inFlight = 0;
    let most = 0;
    vault().interleave__ = async (op, file) => {
      if (file.path !== ALICE || op === "read") return;
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
    };
    await Promise.all([
      api.actions.logTouch(ALICE, touch("first")),
      api.actions.addCommitment(ALICE, "theirs", "Her reading list", null),
      api.actions.logTouch(ALICE, { day: day("2026-11-20"), kind: "gave", payload: "article", note: "older" }),
      api.actions.snooze(ALICE, day("2026-12-03")),
      api.actions.setTier(ALICE, "familiar"),
    ]);
    await h!.settle();
    // The writer waits for each change before the next starts: never two writes of this note asked for at once.
    expect(most).toBe(1);
    const text = await h!.read(ALICE);
    expect(properties(text)).toMatchObject({
      last_touch: "2026-11-26", snooze_until: "2026-12-03", tier: "familiar", tier_since: "2026-11-26",
      expecting: ["Share her deck 📅 2026-12-05", "Her reading list ➕ 2026-11-26"],
    });
    const log = text.slice(text.indexOf("## Log"));
    expect(log.split("\n").filter((l) => l.startsWith("- "))).toEqual([
      "- [[2026-11-26]] #touch/met first",
      "- [[2026-11-20]] #touch/gave/article older",
      "- [[2026-11-26]] #touch/tier meaningful → familiar",
    ]);
    for (let i = 0; i < 5; i++) await api.actions.undo();
    expect(await h!.read(ALICE)).toBe(original);
  });
});
