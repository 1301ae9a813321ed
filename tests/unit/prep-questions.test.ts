import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { TIERS, type Tier } from "../../src/domain/tiers";
import { BANK_EN } from "../../src/prep/bank.en";
import { BANK_ZH } from "../../src/prep/bank.zh";
import {
  BUILT_IN_GROUPS, bankFor, builtInBank, fitsTier, mergeBanks, parseQuestionFile, questionKey, questionsFor, questionsInText, renderQuestionLines,
  type QuestionBank,
} from "../../src/prep/questions";

const all = (bank: QuestionBank) => bank.groups.flatMap((g) => g.questions);

describe("the built-in banks", () => {
  for (const [language, text] of [["en", BANK_EN], ["zh", BANK_ZH]] as const) {
    it(`${language}: four groups of 8 to 12 questions, every line read, no issues`, () => {
      const parsed = parseQuestionFile(text, "built-in");
      expect(parsed.issues).toEqual([]);
      expect(parsed.bank.groups.map((g) => g.id)).toEqual([...BUILT_IN_GROUPS]);
      for (const g of parsed.bank.groups) {
        expect(g.label).toBeNull();
        expect(g.questions.length, g.id).toBeGreaterThanOrEqual(8);
        expect(g.questions.length, g.id).toBeLessThanOrEqual(12);
      }
      const items = text.split("\n").filter((l) => l.startsWith("- "));
      expect(all(parsed.bank)).toHaveLength(items.length); // nothing dropped as a duplicate
    });

    it(`${language}: every question is tagged, lighter ones fit unfamiliar or familiar, deeper ones intimate or meaningful`, () => {
      const bank = builtInBank(language);
      for (const q of all(bank)) {
        expect(q.tiers.length, q.text).toBeGreaterThan(0);
        expect(q.text, q.text).not.toMatch(/#/);
        expect(q.text.trim()).toBe(q.text);
        expect(q.text, q.text).toMatch(language === "en" ? /\?$/ : /？$/);
      }
      for (const tier of TIERS) {
        for (const g of bank.groups) expect(g.questions.filter((q) => fitsTier(q, tier)).length, `${g.id} ${tier}`).toBeGreaterThanOrEqual(2);
      }
      // Deeper questions exist only for closer tiers: some are for intimate/meaningful and not for familiar.
      expect(all(bank).filter((q) => !q.tiers.includes("familiar") && !q.tiers.includes("unfamiliar")).length).toBeGreaterThanOrEqual(12);
    });
  }

  it("Chinese questions are written in Chinese, not left in English", () => {
    for (const q of all(builtInBank("zh"))) expect(q.text, q.text).toMatch(/[\u4e00-\u9fff]/u);
    for (const q of all(builtInBank("en"))) expect(q.text, q.text).not.toMatch(/[\u4e00-\u9fff]/u);
  });
});

describe("question files", () => {
  const file = `---
language: en
---
# My questions

Some notes that are not questions.

- Loose question before a heading
## Their work and business #familiar
- What is on your roadmap?
- What keeps you up at night? #intimate #Meaningful #work-stuff
* [ ] A task-shaped question? #亲密
   - indented three spaces still counts

      - indented too far is a continuation, ignored
1. Ordered one #unfamiliar
-    
## 书和电影 #intimate
- 最近在读什么书？
\`\`\`
- not a question, inside code
\`\`\`
## 工作与生意
- 你的团队有几个人？
## C#
- Ask about C# at the end of a question C#
`;
  const parsed = parseQuestionFile(file, "Questions/mine.md");

  it("reads groups, items, tier tags and the language", () => {
    expect(parsed.language).toBe("en");
    expect(parsed.bank.groups.map((g) => [g.id, g.label])).toEqual([
      ["other", null],
      ["work", null],
      ["custom:书和电影", "书和电影"],
      ["custom:c#", "C#"],
    ]);
    const work = parsed.bank.groups[1]?.questions ?? [];
    expect(work.map((q) => [q.text, q.tiers])).toEqual([
      ["What is on your roadmap?", ["familiar"]],
      ["What keeps you up at night?", ["intimate", "meaningful"]],
      ["A task-shaped question?", ["intimate"]],
      ["indented three spaces still counts", ["familiar"]],
      ["Ordered one", ["unfamiliar"]],
      ["你的团队有几个人？", []],
    ]);
    expect(parsed.bank.groups[2]?.questions.map((q) => [q.text, q.tiers, q.line])).toEqual([["最近在读什么书？", ["intimate"], 19]]);
    expect(parsed.bank.groups[3]?.questions[0]?.text).toBe("Ask about C# at the end of a question C#");
    expect(parsed.bank.groups[0]?.questions[0]).toMatchObject({ text: "Loose question before a heading", group: "other", tiers: [], source: "Questions/mine.md", line: 8 });
  });

  it("reports what it could not use", () => {
    expect(parsed.issues).toEqual([
      { source: "Questions/mine.md", line: 8, code: "no-group", value: "Loose question before a heading" },
      { source: "Questions/mine.md", line: 11, code: "unknown-tag", value: "#work-stuff" },
    ]);
    expect(parseQuestionFile("---\nlanguage: fr\n---\n## work\n- a", "x").issues).toEqual([{ source: "x", line: 0, code: "bad-language", value: "fr" }]);
    expect(parseQuestionFile("---\nlang: zh-Hans\n---\n", "x").language).toBe("zh");
    expect(parseQuestionFile("## work\n- a", "x").language).toBeNull();
  });

  it("never throws, whatever the text (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom("## work", "## x #familiar", "- q #intimate", "---", "```", "- ", "# t"), fc.string({ maxLength: 20 })), { maxLength: 30 }), (lines) => {
        const r = parseQuestionFile(lines.join("\n"), "f");
        for (const q of all(r.bank)) {
          expect(q.text).not.toBe("");
          expect(q.text).not.toMatch(/\n/);
        }
      }),
    );
  });

  it("joins the bank for its language; a file without a language joins every language", () => {
    const files = [
      { path: "Q/en.md", text: "---\nlanguage: en\n---\n## How you can help\n- Who should I introduce you to?" },
      { path: "Q/zh.md", text: "---\nlanguage: zh\n---\n## 我能帮上什么\n- 你最想认识谁？" },
      { path: "Q/any.md", text: "## Hobbies\n- What do you do on weekends?\n## work\n- What are you working on right now?" },
    ];
    const en = bankFor("en", files);
    const zh = bankFor("zh", files);
    const enTexts = all(en.bank).map((q) => q.text);
    const zhTexts = all(zh.bank).map((q) => q.text);
    expect(enTexts).toContain("Who should I introduce you to?");
    expect(enTexts).not.toContain("你最想认识谁？");
    expect(zhTexts).toContain("你最想认识谁？");
    expect(zhTexts).not.toContain("Who should I introduce you to?");
    expect(enTexts).toContain("What do you do on weekends?");
    expect(zhTexts).toContain("What do you do on weekends?");
    expect(en.bank.groups.find((g) => g.id === "help")?.questions.at(-1)?.source).toBe("Q/en.md");
    // The built-in "What are you working on right now?" is kept once, from the built-in bank.
    expect(enTexts.filter((t) => questionKey(t) === questionKey("What are you working on right now?"))).toHaveLength(1);
    expect(en.bank.groups.map((g) => g.id)).toEqual(["work", "path", "excited", "help", "custom:hobbies"]);
  });

  it("merges groups by id and drops repeated questions", () => {
    const a = parseQuestionFile("## work\n- One?\n- Two", "a").bank;
    const b = parseQuestionFile("## Their work and business\n- one\n- Three", "b").bank;
    expect(mergeBanks(a, b).groups.map((g) => g.questions.map((q) => q.text))).toEqual([["One?", "Two", "Three"]]);
    expect(questionKey("  What  ARE you? ")).toBe(questionKey("what are you"));
    expect(questionKey("你好吗？")).toBe(questionKey("你好吗"));
  });
});

describe("choosing questions", () => {
  const bank = builtInBank("en");

  it("picks only questions that fit the tier, spread across the groups", () => {
    for (const tier of TIERS) {
      const picked = questionsFor(tier, bank, 4, "seed");
      expect(picked).toHaveLength(4);
      for (const q of picked) expect(fitsTier(q, tier)).toBe(true);
      expect(new Set(picked.map((q) => q.group)).size).toBe(4);
    }
  });

  it("lighter for familiar, deeper for intimate: the two picks differ in kind", () => {
    const familiar = questionsFor("familiar", bank, 8, 1);
    const meaningful = questionsFor("meaningful", bank, 8, 1);
    expect(familiar.every((q) => q.tiers.includes("familiar"))).toBe(true);
    expect(meaningful.every((q) => q.tiers.includes("meaningful"))).toBe(true);
    expect(meaningful.some((q) => !q.tiers.includes("familiar"))).toBe(true);
  });

  it("treats no tier as unfamiliar", () => {
    for (const q of questionsFor(null, bank, 10, 7)) expect(fitsTier(q, "unfamiliar")).toBe(true);
  });

  it("repeats for a seed, varies across seeds, and keeps group order", () => {
    const a = questionsFor("intimate", bank, 6, "2026-11-20 Ann");
    expect(questionsFor("intimate", bank, 6, "2026-11-20 Ann")).toEqual(a);
    const seeds = ["a", "b", "c", "d", "e", "f"].map((s) => questionsFor("intimate", bank, 6, s).map((q) => q.text).join("|"));
    expect(new Set(seeds).size).toBeGreaterThan(3);
    const groupIndex = (id: string) => bank.groups.findIndex((g) => g.id === id);
    const indexes = a.map((q) => groupIndex(q.group));
    expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
  });

  it("excludes questions already asked, limits groups, and returns fewer when fewer fit", () => {
    const first = questionsFor("familiar", bank, 3, 5);
    const next = questionsFor("familiar", bank, 50, 5, { exclude: first.map((q) => `${q.text.toUpperCase()}  `) });
    for (const q of first) expect(next.map((n) => n.text)).not.toContain(q.text);
    const fitting = all(bank).filter((q) => fitsTier(q, "familiar")).length;
    expect(next).toHaveLength(fitting - 3);
    expect(questionsFor("familiar", bank, 20, 5, { groups: ["help"] }).every((q) => q.group === "help")).toBe(true);
    expect(questionsFor("familiar", { groups: [] }, 5, 1)).toEqual([]);
    expect(questionsFor("familiar", bank, 0, 1)).toEqual([]);
  });

  it("never repeats a question and never exceeds the count (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom<Tier | null>(null, ...TIERS), fc.integer({ min: 0, max: 60 }), fc.oneof(fc.integer(), fc.string()), fc.constantFrom<"en" | "zh">("en", "zh"), (tier, count, seed, lang) => {
        const b = builtInBank(lang);
        const picked = questionsFor(tier, b, count, seed);
        const fitting = all(b).filter((q) => fitsTier(q, tier ?? "unfamiliar")).length;
        expect(picked.length).toBe(Math.min(count, fitting));
        expect(new Set(picked.map((q) => q.text)).size).toBe(picked.length);
        if (count >= 4) expect(new Set(picked.map((q) => q.group)).size).toBe(4);
      }),
      { numRuns: 200 },
    );
  });
});

describe("putting questions in a note", () => {
  const qs = questionsFor("familiar", builtInBank("en"), 2, 3);
  it("writes items to fill in later, nested or inline", () => {
    expect(renderQuestionLines(qs)).toEqual([`- ${qs[0]?.text}`, "  - ", `- ${qs[1]?.text}`, "  - "]);
    expect(renderQuestionLines(qs, { style: "inline" })).toEqual([`- ${qs[0]?.text} — `, `- ${qs[1]?.text} — `]);
    expect(renderQuestionLines(qs, { style: "inline", separator: "：" })[0]).toBe(`- ${qs[0]?.text}：`);
  });
  it("recognises questions already in a note, answered or not", () => {
    const note = ["## Questions", ...renderQuestionLines(qs.slice(0, 1)), `- ${qs[1]?.text} — they said yes`, "- [x] Something else #familiar"].join("\n");
    const found = questionsInText(note);
    expect(found.has(questionKey(qs[0]?.text ?? ""))).toBe(true);
    expect(found.has(questionKey(qs[1]?.text ?? ""))).toBe(true);
    expect(found.has(questionKey("Something else"))).toBe(true);
    const again = questionsFor("familiar", builtInBank("en"), 100, 3, { exclude: found });
    expect(again.map((q) => q.text)).not.toContain(qs[0]?.text);
  });
});
