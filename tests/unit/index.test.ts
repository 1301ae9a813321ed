import { describe, expect, it } from "vitest";
import { dayToISO } from "../../src/domain/dates";
import { rankDue } from "../../src/report/digest";
import { defaultSettings } from "../../src/settings/schema";
import { day, MemoryVault } from "./support/memoryIndex";

const TODAY = day("2026-11-26");
const person = (fm: string, body = "") => `---\n${fm}\n---\n${body}`;

function lastTouch(v: MemoryVault, path: string) {
  const t = v.index.lastTouch(path, TODAY);
  return t ? { day: dayToISO(t.day), origin: t.origin, path: t.path, estimate: t.estimate } : null;
}

describe("touch attribution", () => {
  const vault = () => new MemoryVault({
    "People/Ann.md": person("tier: familiar"),
    "Daily/2026-11-20.md": "- [x] wrote to [[Ann]]\n",
    "Daily/2026-11-21.md": "- [ ] call [[Ann]]\n",
    "Daily/2026-11-22.md": "> [[Ann]] said so\n",
    "Daily/2026-11-23.md": "```\n[[Ann]]\n```\n",
    "Daily/2026-11-24.md": "![[Ann]]\n",
    "Daily/2026-11-25.md": "- [ ] plan\n    - with [[Ann]]\n",
    "Notes/Undated.md": "Coffee with [[Ann]]\n",
  });

  it("counts a checked task and nothing that is not a touch", () => {
    expect(lastTouch(vault(), "People/Ann.md")).toEqual({ day: "2026-11-20", origin: "dated-note", path: "Daily/2026-11-20.md", estimate: false });
  });

  it("counts plain mentions, headings and callouts in dated notes", () => {
    const v = vault();
    v.write("Daily/2026-11-23.md", "> [!note] Met [[Ann]] at the fair\n");
    expect(lastTouch(v, "People/Ann.md")?.day).toBe("2026-11-23");
    v.write("Daily/2026-11-24.md", "## Lunch with [[Ann]]\n");
    expect(lastTouch(v, "People/Ann.md")?.day).toBe("2026-11-24");
  });

  it("counts meeting notes by their date property, including attendees in the properties", () => {
    const v = vault();
    v.write("Meetings/Sync.md", person('date: 2026-11-25\nattendees:\n  - "[[Ann]]"'));
    expect(lastTouch(v, "People/Ann.md")).toMatchObject({ day: "2026-11-25", path: "Meetings/Sync.md" });
  });

  it("ignores touches dated in the future", () => {
    const v = vault();
    v.write("Daily/2026-12-24.md", "Dinner with [[Ann]]\n");
    expect(lastTouch(v, "People/Ann.md")?.day).toBe("2026-11-20");
  });

  it("takes the latest of the property, own-note entries, dated notes and the day you met", () => {
    const v = new MemoryVault({
      "People/Ann.md": person("tier: familiar\nlast_touch: 2026-10-01\nmet: 2026-09-01", "## 2026-10-15 walk\n- [[2026-11-02]] call\n- [ ] [[2026-11-30]] next call\n"),
      "Daily/2026-10-20.md": "[[Ann]]",
    });
    expect(lastTouch(v, "People/Ann.md")).toMatchObject({ day: "2026-11-02", origin: "own-note" });
    v.write("People/Ann.md", person("tier: familiar\nlast_touch: 2026-11-10"));
    expect(lastTouch(v, "People/Ann.md")).toMatchObject({ day: "2026-11-10", origin: "property" });
  });

  it("estimates from the note's creation when nothing is known", () => {
    const v = new MemoryVault({ "People/New.md": person("tier: familiar") });
    expect(lastTouch(v, "People/New.md")).toMatchObject({ day: "2026-01-01", origin: "created", estimate: true });
  });
});

describe("incremental updates", () => {
  const base = () => new MemoryVault({
    "People/Ann.md": person("tier: meaningful\nlast_touch: 2026-11-01"),
    "People/Bo.md": person("tier: familiar"),
    "Daily/2026-11-20.md": "Lunch with [[Bo]] and [[Cy]]\n",
    "Notes/Dee.md": "Just a note about Dee\n",
  });

  it("moves the revision only on real changes", () => {
    const v = base();
    const r = v.index.revision;
    expect(v.write("Notes/Other.md", "nothing dated here")).toBe(false);
    expect(v.write("People/Ann.md", person("tier: meaningful\nlast_touch: 2026-11-01", "more words in the body"))).toBe(false);
    expect(v.index.revision).toBe(r);
    expect(v.write("People/Ann.md", person("tier: meaningful\nlast_touch: 2026-11-02"))).toBe(true);
    expect(v.index.revision).toBe(r + 1);
  });

  it("a new person note picks up touches from links written before it existed", () => {
    const v = base();
    v.write("People/Cy.md", person("tier: familiar"));
    expect(lastTouch(v, "People/Cy.md")?.day).toBe("2026-11-20");
  });

  it("a note that becomes a person through a tag keeps the touches already linking it", () => {
    const v = base();
    v.write("Daily/2026-11-21.md", "Tea with [[Dee]]\n");
    expect(v.index.getPerson("Notes/Dee.md")).toBeUndefined();
    v.write("Notes/Dee.md", person("tier: familiar\ntags: [person]"));
    expect(lastTouch(v, "Notes/Dee.md")?.day).toBe("2026-11-21");
  });

  it("a renamed person keeps their history", () => {
    const v = base();
    v.rename("People/Bo.md", "People/Bo Li.md");
    expect(v.index.getPerson("People/Bo.md")).toBeUndefined();
    expect(lastTouch(v, "People/Bo Li.md")?.day).toBe("2026-11-20");
  });

  it("a renamed daily note moves its touches with it", () => {
    const v = base();
    v.rename("Daily/2026-11-20.md", "Daily/2026-11-21.md");
    expect(lastTouch(v, "People/Bo.md")).toMatchObject({ day: "2026-11-21", path: "Daily/2026-11-21.md" });
  });

  it("deleting a dated note removes its touches; deleting a person removes them", () => {
    const v = base();
    v.remove("Daily/2026-11-20.md");
    expect(lastTouch(v, "People/Bo.md")?.origin).toBe("created");
    v.remove("People/Bo.md");
    expect(v.index.getPerson("People/Bo.md")).toBeUndefined();
    expect(v.index.statuses(TODAY).map((s) => s.person.name)).toEqual(["Ann"]);
  });

  it("editing a link away removes the touch", () => {
    const v = base();
    v.write("Daily/2026-11-20.md", "Lunch alone\n");
    expect(lastTouch(v, "People/Bo.md")?.origin).toBe("created");
  });
});

describe("due", () => {
  it("is due once the cadence has run out, ranked by how far past relative to the cadence", () => {
    const v = new MemoryVault({
      "People/Ann.md": person("tier: meaningful\nlast_touch: 2026-11-12"),
      "People/Bo.md": person("tier: meaningful\nlast_touch: 2026-11-13"),
      "People/Cy.md": person("tier: familiar\nlast_touch: 2026-07-01"),
      "People/Dee.md": person("tier: intimate\nlast_touch: 2026-10-20\nsnooze_until: 2026-12-01"),
      "People/Eve.md": person("tier: intimate\nlast_touch: 2026-10-20\npaused: true"),
      "People/Fay.md": person("tier: unfamiliar\nlast_touch: 2020-01-01"),
      "People/Gus.md": person("tier: familiar\nlast_touch: 2026-11-01\ncadence: 2w"),
    });
    const statuses = v.index.statuses(TODAY);
    const state = (n: string) => statuses.find((s) => s.person.name === n)?.state;
    expect(state("Ann")).toBe("due");
    expect(state("Bo")).toBe("not-due");
    expect(state("Dee")).toBe("snoozed");
    expect(state("Eve")).toBe("paused");
    expect(state("Fay")).toBe("no-cadence");
    expect(rankDue(statuses).map((s) => s.person.name)).toEqual(["Gus", "Cy", "Ann"]);
  });

  it("the same index answers for another day", () => {
    const settings = defaultSettings();
    const v = new MemoryVault({ "People/Ann.md": person("tier: meaningful\nlast_touch: 2026-11-12") }, settings);
    expect(v.index.statuses(day("2026-11-25"))[0]?.state).toBe("not-due");
    expect(v.index.statuses(day("2026-11-26"))[0]?.state).toBe("due");
  });
});

describe("open tasks as commitments", () => {
  it("finds open tasks in a person's note and open tasks elsewhere that link them, following renames", () => {
    const v = new MemoryVault({
      "People/Ann.md": person("tier: familiar", "- [ ] send the map 📅 2026-12-01\n- [x] done already\n"),
      "Projects/Trip.md": "- [ ] ask [[Ann]] about the route\n- [x] booked with [[Ann]]\n- [ ] pack\n",
      "Daily/2026-11-20.md": "- [ ] call [[Bo]]\n",
    });
    const refs = () => v.index.openTasks().map((r) => `${r.path}:${r.line} → ${r.person}`).sort();
    expect(refs()).toEqual(["People/Ann.md:3 → People/Ann.md", "Projects/Trip.md:0 → People/Ann.md"]);
    v.write("People/Bo.md", person("tier: familiar"));
    expect(refs()).toContain("Daily/2026-11-20.md:0 → People/Bo.md");
    v.write("Projects/Trip.md", "- [x] ask [[Ann]] about the route\n");
    expect(refs()).not.toContain("Projects/Trip.md:0 → People/Ann.md");
    v.rename("People/Bo.md", "People/Bo Li.md");
    expect(refs()).toContain("Daily/2026-11-20.md:0 → People/Bo Li.md");
  });
});

describe("deepen", () => {
  it("lists people below their goal tier, those you learned least about lately first", async () => {
    const { deepenList } = await import("../../src/report/digest");
    const v = new MemoryVault({
      "People/Ann.md": person("tier: familiar\ntier_goal: intimate", "## Log\n- [[2026-11-02]] #touch/caught-up long walk\n- [[2026-11-20]] #touch/asked a favour\n"),
      "People/Bo.md": person("tier: familiar\ntier_goal: meaningful\nlast_touch: 2026-10-01"),
      "People/Cy.md": person("tier: intimate\ntier_goal: intimate"),
      "People/Dee.md": person("tier_goal: familiar"),
    });
    expect(deepenList(v.index.statuses(TODAY), TODAY).map((e) => [e.name, e.tier, e.goal, e.lastLearned])).toEqual([
      ["Dee", null, "familiar", null],
      ["Bo", "familiar", "meaningful", "2026-10-01"],
      ["Ann", "familiar", "intimate", "2026-11-02"],
    ]);
  });
});
