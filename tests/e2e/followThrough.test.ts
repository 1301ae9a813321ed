/**
 * Follow-through through the built plugin: every action writes only what it means to, reads back through the
 * index, and undoes byte for byte.
 */
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Harness } from "../harness/load-plugin";
import { freezeClock, start } from "./support";
import type { NetworkNotesApi } from "../../src/obsidian/api";

let h: Harness | undefined;
let api: NetworkNotesApi;

const ALICE = "People/Alice Chen.md";
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
// Read frontmatter as Obsidian does: YAML 1.2 core schema, dates stay text.
const fm = async (path: string) =>
  matter(await h!.read(path), { engines: { yaml: (s: string) => parseYaml(s, { schema: "core" }) as object } }).data as Record<string, unknown>;

beforeEach(async () => {
  freezeClock();
  const s = await start();
  h = s.h;
  api = s.api;
});
afterEach(async () => {
  await h?.unload();
  h = undefined;
  vi.useRealTimers();
});

describe("logging a touch", () => {
  it("writes a dated line under the log heading, reads it back, and moves last_touch forward", async () => {
    await h!.write("Daily/2026-11-26.md", "A day.\n");
    await h!.settle();
    const before = await h!.read(ALICE);
    await api.actions.logTouch(ALICE, { day: day("2026-11-26"), kind: "gave", payload: "intro", note: "Introduced her to Sam" });
    await h!.settle();
    const after = await h!.read(ALICE);
    expect(after).toContain("## Log\n\n- [[2026-11-26]] #touch/gave/intro Introduced her to Sam\n");
    expect((await fm(ALICE)).last_touch).toBe("2026-11-26");
    // Everything else in the note is as it was.
    expect(after.slice(after.indexOf("# Alice Chen"), after.indexOf("## Log"))).toBe(before.slice(before.indexOf("# Alice Chen")) + "\n");
    const { commitments, expecting, interests } = await fm(ALICE);
    expect({ commitments, expecting, interests }).toEqual({
      commitments: ["Send the book list 📅 2026-11-20", "Intro to Sam"], expecting: ["Share her deck 📅 2026-12-05"], interests: ["climbing", "urban design"],
    });
    const alice = api.people().find((p) => p.path === ALICE)!;
    expect(alice.log).toEqual([expect.objectContaining({ kind: "gave", payload: "intro", day: day("2026-11-26") })]);
    expect(api.digest().due.map((d) => d.name)).not.toContain("Alice Chen");
  });

  it("logs every kind and reads each back", async () => {
    const kinds = [["gave", "kudos"], ["asked", null], ["caught-up", null], ["met", null]] as const;
    for (const [i, [kind, payload]] of kinds.entries()) {
      await api.actions.logTouch("People/Bob Okafor.md", { day: day(`2026-11-2${i}`), kind, payload, note: `${kind} note` });
    }
    await h!.settle();
    const bob = api.people().find((p) => p.name === "Bob Okafor")!;
    expect(bob.log.map((e) => [e.kind, e.payload])).toEqual([["gave", "kudos"], ["asked", null], ["caught-up", null], ["met", null]]);
    expect(await h!.read("People/Bob Okafor.md")).toContain("- [[2026-11-20]] #touch/gave/kudos gave note\n- [[2026-11-21]] #touch/asked asked note\n");
  });

  it("never moves last_touch back, and leaves an unreadable one alone", async () => {
    await api.actions.logTouch(ALICE, { day: day("2026-10-01"), kind: "caught-up", payload: null, note: "old call" });
    await h!.settle();
    expect((await fm(ALICE)).last_touch).toBe("2026-11-01");
    await api.actions.logTouch("People/Hugo Lind.md", { day: day("2026-11-25"), kind: "met", payload: null, note: "" });
    await h!.settle();
    expect((await fm("People/Hugo Lind.md")).last_touch).toBe("sometime in spring");
    expect(api.statuses().find((s) => s.person.name === "Hugo Lind")?.lastTouch).toMatchObject({ origin: "own-note" });
  });
});

describe("before you ask", () => {
  it("counts asks since the last give, and calls a run of asks all asks", async () => {
    await h!.write(ALICE, (await h!.read(ALICE)) + "\n## Log\n- [[2026-09-01]] #touch/gave/article the paper\n- [[2026-10-01]] #touch/asked a referral\n- [[2026-11-01]] #touch/asked feedback\n");
    await h!.settle();
    expect(api.balance(ALICE)).toMatchObject({ lastGive: { day: day("2026-09-01"), payload: "article" }, asksSinceGive: 2, allAsks: true });
    await api.actions.logTouch(ALICE, { day: day("2026-11-26"), kind: "gave", payload: "help", note: "" });
    await h!.settle();
    expect(api.balance(ALICE)).toMatchObject({ asksSinceGive: 0, allAsks: false, payloadsLastYear: { article: 1, help: 1, intro: 0 } });
  });
});

describe("commitments", () => {
  it("adds both ways with due dates and completes with a log entry", async () => {
    await api.actions.addCommitment(ALICE, "mine", "Send the slides", day("2026-12-10"));
    await api.actions.addCommitment(ALICE, "theirs", "Her reading list", null);
    await h!.settle();
    expect((await fm(ALICE)).commitments).toEqual(["Send the book list 📅 2026-11-20", "Intro to Sam", "Send the slides ➕ 2026-11-26 📅 2026-12-10"]);
    expect((await fm(ALICE)).expecting).toEqual(["Share her deck 📅 2026-12-05", "Her reading list ➕ 2026-11-26"]);
    const open = api.digest().commitments.filter((c) => c.name === "Alice Chen");
    expect(open.map((c) => [c.direction, c.text, c.due, c.overdue, c.openDays])).toEqual([
      ["mine", "Send the book list", "2026-11-20", true, null],
      ["theirs", "Share her deck", "2026-12-05", false, null],
      ["mine", "Send the slides", "2026-12-10", false, 0],
      ["mine", "Intro to Sam", null, false, null],
      ["theirs", "Her reading list", null, false, 0],
    ]);
    await api.actions.completeCommitment(ALICE, "mine", "Send the book list 📅 2026-11-20", "Send the book list");
    await h!.settle();
    expect((await fm(ALICE)).commitments).toEqual(["Intro to Sam", "Send the slides ➕ 2026-11-26 📅 2026-12-10"]);
    expect(await h!.read(ALICE)).toContain("- [[2026-11-26]] #touch/followed-through Send the book list\n");
  });

  it("refuses to complete an item the user edited meanwhile, changing nothing", async () => {
    const text = (await h!.read(ALICE)).replace("Intro to Sam", "Intro to Sam and Ola");
    await h!.write(ALICE, text);
    await h!.settle();
    await expect(api.actions.completeCommitment(ALICE, "mine", "Intro to Sam", "Intro to Sam")).rejects.toThrow("commitment-changed");
    expect(await h!.read(ALICE)).toBe(text);
  });
});

describe("tiers, snooze and pause", () => {
  it("moves up and down the ladder, keeping tier_since and a history in the log", async () => {
    await api.actions.moveTier("People/Bob Okafor.md", 1);
    await h!.settle();
    expect(await fm("People/Bob Okafor.md")).toMatchObject({ tier: "meaningful", tier_since: "2026-11-26" });
    await expect(api.actions.moveTier("People/Bob Okafor.md", 1)).rejects.toThrow("tier-top");
    await api.actions.moveTier("People/Bob Okafor.md", -1);
    await h!.settle();
    const text = await h!.read("People/Bob Okafor.md");
    expect(text).toContain("- [[2026-11-26]] #touch/tier intimate → meaningful\n- [[2026-11-26]] #touch/tier meaningful → intimate\n");
    // A tier move is not a touch.
    expect(api.statuses().find((s) => s.person.name === "Bob Okafor")?.lastTouch?.day).toBe(day("2026-11-20"));
    expect(api.people().find((p) => p.name === "Bob Okafor")?.log.map((e) => e.kind)).toEqual(["tier", "tier"]);
  });

  it("snooze hides someone until the day, then they are due again", async () => {
    await api.actions.snooze(ALICE, day("2026-11-29"));
    await h!.settle();
    expect((await fm(ALICE)).snooze_until).toBe("2026-11-29");
    expect(api.digest("2026-11-28").due.map((d) => d.name)).not.toContain("Alice Chen");
    expect(api.digest("2026-11-29").due.map((d) => d.name)).toContain("Alice Chen");
  });

  it("pause stops tracking without losing the tier; resume brings it back", async () => {
    await api.actions.setPaused(ALICE, true);
    await h!.settle();
    expect(await fm(ALICE)).toMatchObject({ paused: true, tier: "meaningful" });
    expect(api.digest().due.map((d) => d.name)).not.toContain("Alice Chen");
    await api.actions.setPaused(ALICE, false);
    await h!.settle();
    expect((await fm(ALICE)).paused).toBeUndefined();
    expect(api.digest().due.map((d) => d.name)).toContain("Alice Chen");
  });
});

describe("undo", () => {
  it("restores the note byte for byte, one step at a time", async () => {
    const original = await h!.read(ALICE);
    await api.actions.logTouch(ALICE, { day: day("2026-11-26"), kind: "met", payload: null, note: "x" });
    const afterLog = await h!.read(ALICE);
    await api.actions.addCommitment(ALICE, "mine", "Y", null);
    await api.actions.undo();
    expect(await h!.read(ALICE)).toBe(afterLog);
    await api.actions.undo();
    expect(await h!.read(ALICE)).toBe(original);
    await expect(api.actions.undo()).rejects.toThrow("nothing-to-undo");
  });

  it("refuses when the note changed since, and changes nothing", async () => {
    await api.actions.snooze(ALICE, day("2026-12-01"));
    const edited = (await h!.read(ALICE)) + "\nA thought I added.\n";
    await h!.write(ALICE, edited);
    await expect(api.actions.undo()).rejects.toThrow("changed-since");
    expect(await h!.read(ALICE)).toBe(edited);
  });

  it("a write to a note deleted meanwhile fails with a reason and recreates nothing", async () => {
    await h!.remove("People/Jon Berg.md");
    await expect(api.actions.logTouch("People/Jon Berg.md", { day: day("2026-11-26"), kind: "met", payload: null, note: "" })).rejects.toThrow("note-gone");
    await expect(h!.read("People/Jon Berg.md")).rejects.toThrow();
  });
});

describe("open tasks as commitments", () => {
  it("the full digest includes open tasks in a person's note and tasks elsewhere that link them", async () => {
    await h!.write("Projects/Meetup.md", "- [ ] send [[Alice Chen|Alice]] the venue 📅 2026-11-24\n- [x] book the room with [[Alice Chen]]\n");
    await h!.settle();
    const reads = (h!.app.vault as unknown as { readLog__: string[] }).readLog__.length;
    const all = (await api.fullDigest()).commitments.map((c) => [c.name, c.text, c.due, c.overdue, c.task?.path ?? "property"]);
    expect(all).toEqual(expect.arrayContaining([
      ["Alice Chen", "send Alice the venue", "2026-11-24", true, "Projects/Meetup.md"],
      ["Dev Patel", "Call Dev Patel about the meetup", null, false, "Daily/2026-11-25.md"],
      ["Erin Walsh", "2026-11-30 send the podcast link", null, false, "People/Erin Walsh.md"],
    ]));
    expect(all.filter((c) => c[0] === "Alice Chen").map((c) => c[1])).not.toContain("book the room with Alice Chen");
    // Only the notes holding such tasks were read, and only now, to show them.
    const read = (h!.app.vault as unknown as { readLog__: string[] }).readLog__.slice(reads).sort();
    expect(read).toEqual(["Daily/2026-11-25.md", "People/Erin Walsh.md", "Projects/Meetup.md"]);
  });
});
