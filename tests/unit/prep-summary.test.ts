import { describe, expect, it } from "vitest";
import { DailyNoteMatcher } from "../../src/domain/datedNotes";
import { dayFromISO } from "../../src/domain/dates";
import { lastTouchOf } from "../../src/domain/due";
import { readPerson } from "../../src/domain/person";
import { parseMetadata } from "../../src/metadata/parse";
import { defaultPersonNote } from "../../src/prep/personTemplate";
import { noteSections, prepSummary, sectionItems } from "../../src/prep/prepSummary";
import { defaultSettings } from "../../src/settings/schema";

const day = (iso: string) => dayFromISO(iso) ?? 0;
const today = day("2026-11-20");
const ctx = { settings: defaultSettings(), daily: new DailyNoteMatcher({ folder: "", format: "YYYY-MM-DD", source: "fallback" }) };
const person = (text: string, path = "People/Ann Lee.md") => readPerson(path, Date.UTC(2026, 0, 1), parseMetadata(text), ctx);

const ANN = `---
tier: intimate
tier_goal: meaningful
tier_since: 2026-06-01
met: 2025-09-14
how_we_met: Bristol design meetup
interests: [climbing, urban design]
aliases: [Annie]
commitments:
  - Send the reading list 📅 2026-11-25
  - Introduce her to Sam
  - Share the slides 📅 2026-11-10 ➕ 2026-11-01
expecting:
  - Her notes from the workshop 📅 2026-11-20
---
## What I know
- Leads the transit team at Acme
- [ ] Ask about the Lisbon project

## Common ground
- Both climb at the Foundry
- Grew up by the sea

### Details
- nested heading stays in the section

## Log
- [[2026-10-01]] #touch/gave/article The bike-lane study
- [[2026-10-20]] #touch/asked A referral
- [[2026-11-02]] #touch/asked Feedback on my deck
- [[2026-11-05]] #touch/tier familiar → intimate
- [[2026-11-15]] #touch/caught-up Coffee
- [[2026-12-01]] #touch/met A future day does not count
`;

describe("prepare to talk", () => {
  const p = person(ANN);
  const sections = noteSections(ANN);
  const summary = prepSummary({
    person: p, today, ask: "  I'm exploring product roles in climate tech; must-haves: small team, room to learn. ", howWeMet: "Bristol design meetup",
    ...sections, lastTouch: lastTouchOf(p, null, today), touchCount: 3,
  });

  it("says who they are", () => {
    expect(summary).toMatchObject({
      name: "Ann Lee", path: "People/Ann Lee.md", aliases: ["Annie"], tier: "intimate", tierGoal: "meaningful", tierSince: "2026-06-01", met: "2025-09-14",
      howWeMet: "Bristol design meetup", interests: ["climbing", "urban design"], questionTier: "intimate",
      ask: "I'm exploring product roles in climate tech; must-haves: small team, room to learn.",
    });
    expect(summary.known).toEqual(["Leads the transit team at Acme", "Ask about the Lisbon project"]);
    expect(summary.commonGround).toEqual(["Both climb at the Foundry", "Grew up by the sea", "nested heading stays in the section"]);
  });

  it("lists the last touches, newest first, without tier records or future days", () => {
    expect(summary.recentTouches).toEqual([
      { date: "2026-11-15", daysAgo: 5, kind: "caught-up", payload: null },
      { date: "2026-11-02", daysAgo: 18, kind: "asked", payload: null },
      { date: "2026-10-20", daysAgo: 31, kind: "asked", payload: null },
    ]);
    expect(summary.lastTouch).toEqual({ date: "2026-11-15", daysAgo: 5, origin: "own-note", path: "People/Ann Lee.md", estimate: false });
  });

  it("shows open commitments both ways, past due first", () => {
    expect(summary.commitments.mine.map((c) => [c.text, c.due, c.overdue, c.dueToday, c.openDays])).toEqual([
      ["Share the slides", "2026-11-10", true, false, 19],
      ["Send the reading list", "2026-11-25", false, false, null],
      ["Introduce her to Sam", null, false, false, null],
    ]);
    expect(summary.commitments.theirs).toEqual([{ text: "Her notes from the workshop", due: "2026-11-20", overdue: false, dueToday: true, openDays: null, source: { path: "People/Ann Lee.md", key: "expecting" } }]);
  });

  it("adds open tasks from other notes to what you promised", () => {
    const task = { text: "Book the climbing wall", due: day("2026-11-01"), created: null, raw: "- [ ] Book the climbing wall [[Ann Lee]] 📅 2026-11-01", direction: "mine" as const, source: { path: "Daily/2026-10-30.md", line: 4 } };
    const s = prepSummary({ person: p, today, ask: "", openTasks: [task] });
    expect(s.commitments.mine[0]).toMatchObject({ text: "Book the climbing wall", overdue: true, source: { path: "Daily/2026-10-30.md", line: 4 } });
    expect(s.commitments.mine).toHaveLength(4);
  });

  it("weighs give and ask before you ask again", () => {
    expect(summary.balance).toEqual({
      lastGive: { date: "2026-10-01", daysAgo: 50, payload: "article" },
      asksSinceGive: 2,
      allAsks: true,
      givenLastYear: [{ payload: "article", count: 1 }],
      advice: "give-first",
    });
    expect(summary.suggestedMessages).toEqual(["fyi-follow-up", "thank-you", "fyi-interest", "kudos", "article"]);
  });

  it("handles someone barely known: no tier, no log, no ask", () => {
    const bare = person("---\n---\n", "People/王小明.md");
    const s = prepSummary({ person: bare, today, ask: "   " });
    expect(s).toMatchObject({
      name: "王小明", tier: null, questionTier: "unfamiliar", ask: null, howWeMet: null, lastTouch: null, recentTouches: [], known: [], commonGround: [],
      commitments: { mine: [], theirs: [] }, balance: { lastGive: null, asksSinceGive: 0, allAsks: false, givenLastYear: [], advice: "nothing-yet" },
    });
    expect(s.suggestedMessages).toEqual(["kudos", "article", "cold-outreach"]);
  });

  it("says the balance is even after a recent give", () => {
    const even = person(`---\ntier: familiar\n---\n## Log\n- [[2026-11-01]] #touch/asked x\n- [[2026-11-10]] #touch/gave/intro y\n- [[2026-11-11]] #touch/gave/kudos z\n`);
    const s = prepSummary({ person: even, today, ask: "" });
    expect(s.balance.advice).toBe("even");
    expect(s.balance.givenLastYear).toEqual([{ payload: "intro", count: 1 }, { payload: "kudos", count: 1 }]);
    expect(s.suggestedMessages).toEqual(["article", "kudos"]);
  });
});

describe("reading sections of a note", () => {
  it("finds a section at any level, any case, until the next heading of its level or higher", () => {
    const text = "# Ann\n## common ground\n- a\n\n  - b\n#### deeper\n- c\n## Log\n- d\n```\n## What I know\n```\n## What I know\n1. e\n";
    expect(sectionItems(text, ["Common ground"])).toEqual(["a", "b", "c"]);
    expect(sectionItems(text, ["What I know"])).toEqual(["e"]);
    expect(sectionItems(text, ["Missing"])).toEqual([]);
  });
  it("reads the sections the built-in note writes, in either language", () => {
    const settings = defaultSettings();
    for (const language of ["en", "zh"] as const) {
      const note = defaultPersonNote({ name: "X", tier: "familiar" }, { keys: settings.keys, logHeading: "Log", language, today });
      const filled = note.replace(/(## [^\n]+\n)\n(## [^\n]+\n)/, "$1\n- known thing\n\n$2").replace(/(## (?:Common ground|我们的共同点)\n)/, "$1- shared thing\n");
      expect(noteSections(filled), language).toEqual({ known: ["known thing"], commonGround: ["shared thing"] });
    }
  });
});
