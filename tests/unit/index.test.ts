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

describe("the link scan", () => {
  it("finds the same touch links and open-task links as the domain's own readers", async () => {
    const fc = (await import("fast-check")).default;
    const { scanLinks } = await import("../../src/index/scan");
    const { touchLinkpaths } = await import("../../src/domain/touches");
    const { openTaskLinks } = await import("../../src/domain/tasks");
    const { parseMetadata } = await import("../../src/metadata/parse");
    const links = ["[[Ann]]", "[[Bo#Log]]", "[[Cy|C]]", "[[#Top]]", "[[People/Dee]]", "![[Eve]]", "`[[Code]]`"];
    const line = fc.tuple(
      fc.constantFrom("", "- ", "  - ", "    - ", "- [ ] ", "- [x] ", "- [-] ", "    - [ ] ", "> ", "> - [ ] ", "## ", "1. [ ] "),
      fc.array(fc.constantFrom(...links), { maxLength: 2 }),
    ).map(([lead, ls]) => `${lead}text ${ls.join(" and ")}`);
    const note = fc.tuple(fc.boolean(), fc.array(line, { maxLength: 8 })).map(([fm, lines]) => `${fm ? '---\ndate: 2026-11-20\nwith: "[[Fay]]"\n---\n' : ""}${lines.join("\n")}\n`);
    fc.assert(
      fc.property(note, (text) => {
        const meta = parseMetadata(text);
        const touches: string[] = [];
        const tasks: { line: number; linkpaths: string[] }[] = [];
        scanLinks(meta, true, { touch: (l) => touches.push(l), task: (n) => tasks.push({ line: n, linkpaths: [] }), taskLink: (l) => tasks[tasks.length - 1]?.linkpaths.push(l) });
        expect(touches).toEqual(touchLinkpaths(meta).filter((l) => l !== ""));
        const expected = openTaskLinks(meta).map((t) => ({ line: t.line, linkpaths: t.linkpaths.filter((l) => l !== "") })).filter((t) => t.linkpaths.length > 0);
        expect(tasks).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

describe("the inverted index from names to notes", () => {
  /** A vault where many dated notes link people, projects and names nobody has a note for yet. */
  const busy = () => {
    const files: Record<string, string> = {
      "People/Ann.md": person("tier: familiar"),
      "People/Bo.md": person("tier: familiar"),
      "Projects/Plan.md": "# Plan\n",
    };
    for (let d = 1; d <= 20; d++) files[`Daily/2026-10-${String(d).padStart(2, "0")}.md`] = `Met [[Ann]] and [[Bo]] about [[Plan]]${d % 5 === 0 ? " and [[Cy]]" : ""}.\n`;
    return new MemoryVault(files);
  };
  const names = (v: MemoryVault) => [...new Set(v.resolved.map((r) => r.split(" ← ")[0]))].sort();

  it("resolves a link by a name only one note carries once for the whole vault", () => {
    const v = busy();
    // Ann and Bo: once each, though twenty notes link them; Plan and Cy are nobody's names, never resolved.
    expect(v.resolved.length).toBe(2);
    expect(names(v)).toEqual(["Ann", "Bo"]);
    expect(lastTouch(v, "People/Ann.md")?.day).toBe("2026-10-20");
  });

  it("creating a person looks only at the notes that mention the name", () => {
    const v = busy();
    v.resolved.length = 0;
    v.write("People/Cy.md", person("tier: familiar"));
    expect(v.index.datedTouches("People/Cy.md").map(([p]) => p).sort()).toEqual(["Daily/2026-10-05.md", "Daily/2026-10-10.md", "Daily/2026-10-15.md", "Daily/2026-10-20.md"]);
    expect(names(v)).toEqual(["Cy"]);
    expect(v.resolved.length).toBe(1);
  });

  it("a same-named note makes the name resolve note by note, and only for the notes that mention it", () => {
    const files: Record<string, string> = { "Pe/Ann.md": person("tier: familiar\ntags: [person]"), "Projects/Plan.md": "# Plan\n" };
    for (let d = 1; d <= 10; d++) files[`Daily/2026-10-${String(d).padStart(2, "0")}.md`] = `Met [[Ann]] about [[Plan]].\n`;
    files["Meetings/Sync.md"] = person("date: 2026-11-02", "With [[Ann]]");
    const v = new MemoryVault(files);
    expect(v.index.datedTouches("Pe/Ann.md")).toHaveLength(11);
    v.resolved.length = 0;
    v.write("Daily/Ann.md", "Not the person, a page about the name.\n");
    // The app prefers the note in the linking note's own folder: daily notes now reach the page, the meeting still
    // reaches the person (the shortest path of the rest).
    expect(v.index.datedTouches("Pe/Ann.md").map(([p]) => p)).toEqual(["Meetings/Sync.md"]);
    expect(names(v)).toEqual(["Ann"]);
    expect(v.resolved.length).toBe(11);
    v.resolved.length = 0;
    v.remove("Daily/Ann.md");
    expect(v.index.datedTouches("Pe/Ann.md")).toHaveLength(11);
    expect(v.resolved).toEqual(["Ann ← Daily/2026-10-01.md"]);
  });

  it("renaming a person looks only at the notes that mention the old or the new name", () => {
    const v = busy();
    v.resolved.length = 0;
    // The app moves the file first (the resolver follows), then tells the index; links are not updated here.
    v.resolver.remove("People/Bo.md");
    v.resolver.add("People/Cy.md");
    v.index.rename("People/Bo.md", { path: "People/Cy.md", ctime: 0, meta: null });
    // Links by the old name reach nobody now; links by the new name reach the person.
    expect(v.index.datedTouches("People/Cy.md")).toHaveLength(4);
    expect(v.index.statuses(TODAY).map((s) => s.person.path).sort()).toEqual(["People/Ann.md", "People/Cy.md"]);
    expect(v.resolved.every((r) => r.startsWith("Bo ") || r.startsWith("Cy "))).toBe(true);
    expect(v.resolved.length).toBeLessThanOrEqual(2);
  });

  it("moving a person to another folder keeps every link by name", () => {
    const v = busy();
    v.rename("People/Ann.md", "People/Friends/Ann.md");
    expect(v.index.datedTouches("People/Friends/Ann.md")).toHaveLength(20);
    expect(v.index.getPerson("People/Ann.md")).toBeUndefined();
  });

  it("links that differ in case, folder, alias or subpath reach the same person", () => {
    const v = new MemoryVault({
      "People/Work/Ann Lee.md": person("tier: familiar"),
      "Daily/2026-11-01.md": "[[ann lee]]\n",
      "Daily/2026-11-02.md": "[[Work/Ann Lee]]\n",
      "Daily/2026-11-03.md": "[[Ann Lee|Ann]]\n",
      "Daily/2026-11-04.md": "[[ANN LEE#Kids]]\n",
      "Daily/2026-11-05.md": "[[Home/Ann Lee]]\n",
    });
    expect(v.index.datedTouches("People/Work/Ann Lee.md").map(([p]) => p).sort()).toEqual(["Daily/2026-11-01.md", "Daily/2026-11-02.md", "Daily/2026-11-03.md", "Daily/2026-11-04.md"]);
  });

  it("two people with one name: each link lands where the app would send it", () => {
    const v = new MemoryVault({
      "People/Ann.md": person("tier: familiar"),
      "Meetings/Ann.md": person("tier: familiar\ntags: [person]"),
      "Meetings/Sync.md": person("date: 2026-11-02", "With [[Ann]]"),
      "Daily/2026-11-03.md": "[[Ann]]\n",
    });
    expect(v.index.datedTouches("Meetings/Ann.md").map(([p]) => p)).toEqual(["Meetings/Sync.md"]);
    expect(v.index.datedTouches("People/Ann.md").map(([p]) => p)).toEqual(["Daily/2026-11-03.md"]);
    v.remove("Meetings/Ann.md");
    expect(v.index.datedTouches("People/Ann.md").map(([p]) => p).sort()).toEqual(["Daily/2026-11-03.md", "Meetings/Sync.md"]);
  });

  it("open tasks for one person are the open tasks for everyone that name them", () => {
    const v = new MemoryVault({
      "People/Ann.md": person("tier: familiar", "- [ ] lend the book\n"),
      "People/Bo.md": person("tier: familiar"),
      "Projects/Trip.md": "- [ ] ask [[Ann]] and [[Bo]] and [[ann]]\n- [ ] book [[Bo]]\n",
      "Meetings/Sync.md": person("date: 2026-11-02", "- [ ] send [[Ann]] the notes\n"),
    });
    const all = v.index.openTasks();
    for (const p of ["People/Ann.md", "People/Bo.md"]) expect(v.index.openTasks(p)).toEqual(all.filter((t) => t.person === p));
    expect(all.map((t) => `${t.path}:${t.line} → ${t.person}`)).toEqual([
      "People/Ann.md:3 → People/Ann.md",
      "Projects/Trip.md:0 → People/Ann.md",
      "Projects/Trip.md:0 → People/Bo.md",
      "Projects/Trip.md:1 → People/Bo.md",
      "Meetings/Sync.md:3 → People/Ann.md",
    ]);
  });
});

describe("the entry store", () => {
  it("keeps every entry's path, day and refs through adds, growing and shrinking runs, removals and compaction", async () => {
    const fc = (await import("fast-check")).default;
    const { EntryStore } = await import("../../src/index/entries");
    const step = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), path: fc.integer({ min: 0, max: 40 }), day: fc.option(fc.integer({ min: 0, max: 30000 }), { nil: null }), n: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant("set" as const), path: fc.integer({ min: 0, max: 40 }), n: fc.integer({ min: 0, max: 300 }) }),
      fc.record({ kind: fc.constant("remove" as const), path: fc.integer({ min: 0, max: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const store = new EntryStore<string>();
        const model = new Map<string, { day: number | null; refs: string[] }>();
        let serial = 0;
        const refs = (n: number) => Array.from({ length: n }, () => `r${serial++}`);
        for (const s of steps) {
          const path = `n${s.path}.md`;
          const id = store.id(path);
          if (s.kind === "add" && id === undefined) {
            const r = refs(s.n);
            store.add(path, s.day, r);
            model.set(path, { day: s.day, refs: r });
          } else if (s.kind === "set" && id !== undefined) {
            const r = refs(s.n);
            store.setRefs(id, r);
            (model.get(path) as { refs: string[] }).refs = r;
          } else if (s.kind === "remove" && id !== undefined) {
            store.remove(id);
            model.delete(path);
          }
        }
        expect(store.size).toBe(model.size);
        for (const [path, m] of model) {
          const id = store.id(path) as number;
          expect([store.path(id), store.day(id), store.refs(id)]).toEqual([path, m.day, m.refs]);
        }
        expect([...store.ids()].map((id) => store.path(id)).sort()).toEqual([...model.keys()].sort());
      }),
      { numRuns: 200 },
    );
  });

  it("an index edited many times over agrees with a fresh build", () => {
    const files: Record<string, string> = { "People/Ann.md": person("tier: familiar"), "People/Bo.md": person("tier: familiar") };
    for (let d = 1; d <= 28; d++) files[`Daily/2026-10-${String(d).padStart(2, "0")}.md`] = "[[Ann]]\n";
    const v = new MemoryVault(files);
    for (let round = 0; round < 60; round++) {
      for (let d = 1; d <= 28; d++) {
        const links = Array.from({ length: (round * 7 + d) % 13 }, (_, k) => `[[${k % 3 === 0 ? "Bo" : `Topic ${k}`}]]`);
        v.write(`Daily/2026-10-${String(d).padStart(2, "0")}.md`, `${links.join(" ")}\n- [ ] ask [[${round % 2 ? "Ann" : "Bo"}]]\n`);
      }
    }
    const fresh = new MemoryVault(Object.fromEntries(v.files));
    const view = (m: MemoryVault) => ({
      touches: ["People/Ann.md", "People/Bo.md"].map((p) => m.index.datedTouches(p).map(([path]) => path).sort()),
      tasks: m.index.openTasks().map((t) => `${t.path}:${t.line} → ${t.person}`).sort(),
    });
    expect(view(v)).toEqual(view(fresh));
  });
});

describe("the entry store's path table", () => {
  it("finds every path through growth, removals and re-adds", async () => {
    const { EntryStore } = await import("../../src/index/entries");
    const store = new EntryStore<number>();
    const live = new Set<string>();
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
    for (let i = 0; i < 20000; i++) {
      const path = `Daily/${next() % 3000}.md`;
      const id = store.id(path);
      expect(id !== undefined).toBe(live.has(path));
      if (id === undefined) {
        store.add(path, i, [i]);
        live.add(path);
      } else if (next() % 3 === 0) {
        store.remove(id);
        live.delete(path);
      } else store.setRefs(id, [i, i]);
    }
    expect(store.size).toBe(live.size);
    for (const path of live) expect(store.path(store.id(path) as number)).toBe(path);
    expect([...store.ids()].length).toBe(live.size);
  });
});
