import { describe, expect, it } from "vitest";
import { PersonClassifier } from "../../src/domain/classify";
import { parseCommitmentText } from "../../src/domain/commitments";
import { DailyNoteMatcher } from "../../src/domain/datedNotes";
import { dayFromISO, dayToISO } from "../../src/domain/dates";
import { readPerson } from "../../src/domain/person";
import { parseMetadata } from "../../src/metadata/parse";
import { defaultSettings } from "../../src/settings/schema";

const ctx = { settings: defaultSettings(), daily: new DailyNoteMatcher({ folder: "Daily", format: "YYYY-MM-DD", source: "daily-notes" }) };
const read = (text: string, path = "People/Ann.md") => readPerson(path, Date.UTC(2026, 0, 1), parseMetadata(text), ctx);

describe("which notes are people", () => {
  const c = new PersonClassifier(defaultSettings().people);
  const is = (path: string, text = "") => c.isPerson(path, parseMetadata(text));
  it("finds people by folder, subfolder, tag prefix and marker property", () => {
    expect(is("People/Ann.md")).toBe(true);
    expect(is("People/Work/Ann.md")).toBe(true);
    expect(is("Notes/Ann.md", "---\ntags: [person/work]\n---\n")).toBe(true);
    expect(is("Notes/Ann.md", "Met today #Person")).toBe(true);
    expect(is("Notes/Ann.md", "---\ntags: personal\n---\n")).toBe(false);
    expect(is("Notes/Ann.md", "---\ntype: Person\n---\n")).toBe(true);
    expect(is("Notes/Ann.md", "---\ntype: project\n---\n")).toBe(false);
  });
  it("skips excluded folders and files that are not notes", () => {
    expect(is("Templates/Person.md", "---\ntags: [person]\n---\n")).toBe(false);
    expect(is("People/photo.png")).toBe(false);
    expect(is("Peoples/Ann.md")).toBe(false);
  });
  it("says where it looked", () => {
    expect(c.describe()).toEqual({ folders: ["People"], tags: ["#person", "#people"], marker: "type: person", excluded: ["Templates"] });
  });
});

describe("reading a person", () => {
  it("reads every field of the data contract", () => {
    const p = read(`---
tier: Intimate
last_touch: 2026-11-01
cadence: 3w
commitments:
  - Send the deck 📅 2026-12-01
  - Intro to Sam (due 2026-11-30)
  - Book tip
expecting:
  - Her notes 📅 2026-11-28
snooze_until: 2026-12-10
tier_goal: meaningful
birthday: 04-12
interests: [climbing, maps]
met: 2025-05-02
aliases: [Annie]
---
`);
    expect(p.tier).toBe("intimate");
    expect(p.cadenceOverride).toBe(21);
    expect(dayToISO(p.lastTouchField!)).toBe("2026-11-01");
    expect(p.commitments.map((c) => [c.text, c.due === null ? null : dayToISO(c.due)])).toEqual([
      ["Send the deck", "2026-12-01"], ["Intro to Sam", "2026-11-30"], ["Book tip", null],
    ]);
    expect(p.expecting[0]).toMatchObject({ text: "Her notes", direction: "theirs" });
    expect(dayToISO(p.snoozeUntil!)).toBe("2026-12-10");
    expect(p.tierGoal).toBe("meaningful");
    expect(p.birthday).toEqual({ month: 4, day: 12, year: null });
    expect(p.interests).toEqual(["climbing", "maps"]);
    expect(p.aliases).toEqual(["Annie"]);
    expect(p.problems).toEqual([]);
  });

  it("turns every unusable value into a problem and keeps going", () => {
    const p = read(`---
tier: bestie
last_touch: sometime in spring
cadence: often
commitments: call back
expecting:
  - {a: 1}
  - fine 📅 2026-13-45
birthday: someday
paused: maybe
tier_goal: 3
---
`);
    expect(p.problems.map((x) => [x.key, x.code])).toEqual([
      ["cadence", "cadence-unreadable"], ["paused", "flag-not-boolean"], ["birthday", "birthday-unreadable"], ["tier", "tier-unknown"],
      ["last_touch", "date-unreadable"], ["commitments", "list-expected"], ["expecting", "item-not-text"], ["expecting", "due-unreadable"],
      ["tier_goal", "tier-goal-unknown"],
    ]);
    expect(p.tier).toBeNull();
    expect(p.commitments.map((c) => c.text)).toEqual(["call back"]);
  });

  it("reports a properties block it cannot read", () => {
    const p = read("---\ntier: familiar\nlast_touch: \"2026-11-01\ninterests: [x\n---\nbody\n");
    expect(p.problems.map((x) => x.code)).toEqual(["yaml-unreadable"]);
  });

  it("uses the configured key names", () => {
    const settings = defaultSettings();
    settings.keys.tier = "closeness";
    const p = readPerson("People/A.md", 0, parseMetadata("---\ncloseness: familiar\ntier: bestie\n---\n"), { ...ctx, settings });
    expect(p.tier).toBe("familiar");
    expect(p.problems).toEqual([]);
  });
});

describe("commitment text", () => {
  it("takes the due date from the Tasks emoji or a bare ISO date", () => {
    expect(parseCommitmentText("Send deck 📅 2026-12-01")).toMatchObject({ text: "Send deck", dueUnreadable: null });
    expect(parseCommitmentText("Call 2026-12-01 about it").text).toBe("Call about it");
    expect(parseCommitmentText("Plain").due).toBeNull();
    expect(parseCommitmentText("Bad 📅 tomorrow").dueUnreadable).toBe("tomorrow");
  });
});

describe("task lines", () => {
  it("read the words and dates of an open task as a person sees them", async () => {
    const { readTaskLine } = await import("../../src/domain/tasks");
    expect(readTaskLine("- [ ] ask [[People/Ann Lee|Ann]] about [[Trip#Route]] ➕ 2026-11-01 📅 2026-12-01 ^abc")).toEqual({
      text: "ask Ann about Trip", due: dayFromISO("2026-12-01"), created: dayFromISO("2026-11-01"),
    });
    expect(readTaskLine("- [x] done")).toBeNull();
    expect(readTaskLine("1. [ ] numbered")).toMatchObject({ text: "numbered" });
  });
});
