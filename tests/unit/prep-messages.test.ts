import { describe, expect, it } from "vitest";
import { DailyNoteMatcher } from "../../src/domain/datedNotes";
import { dayFromISO } from "../../src/domain/dates";
import { readPerson } from "../../src/domain/person";
import { PAYLOADS } from "../../src/domain/touchLog";
import { parseMetadata } from "../../src/metadata/parse";
import {
  BUILT_IN_MESSAGE_KINDS, MESSAGE_GROUPS, builtInTemplates, fillMessage, messageFieldsFor, parseLogSpec, parseMessageTemplate, templatesFor,
  type MessageFields,
} from "../../src/prep/messages";
import { prepEn } from "../../src/prep/strings.en";
import { prepZh } from "../../src/prep/strings.zh";
import { defaultSettings } from "../../src/settings/schema";

const full: MessageFields = {
  name: "Ann Lee", interests: ["urban design", "climbing"], howWeMet: "at the Bristol design meetup", company: "Acme", myName: "Sam", today: dayFromISO("2026-11-20"),
};
const chinese: MessageFields = { name: "王小明", interests: ["城市设计"], howWeMet: "去年在上海的设计大会上", company: "某某科技", myName: "李雷" };
const BLANK = /\[[^\]\n]+\]|【[^】\n]+】/g;
const languages = ["en", "zh"] as const;

describe("the built-in message templates", () => {
  for (const language of languages) {
    const templates = builtInTemplates(language);

    it(`${language}: one of each kind, in order, each logging a real touch`, () => {
      expect(templates.map((t) => t.id)).toEqual([...BUILT_IN_MESSAGE_KINDS]);
      for (const t of templates) {
        expect(MESSAGE_GROUPS).toContain(t.group);
        expect(t.logs, t.id).not.toBeNull();
        expect(t.language).toBe(language);
        if (t.logs?.kind === "gave") expect(PAYLOADS).toContain(t.logs.payload);
      }
      const logs = Object.fromEntries(templates.map((t) => [t.id, t.logs]));
      expect(logs.intro).toEqual({ kind: "gave", payload: "intro" });
      expect(logs.article).toEqual({ kind: "gave", payload: "article" });
      expect(logs.kudos).toEqual({ kind: "gave", payload: "kudos" });
      expect(logs["fyi-conference"]).toEqual({ kind: "caught-up", payload: null });
      expect(templates.filter((t) => t.group === "fyi")).toHaveLength(5);
    });

    it(`${language}: every template fills with no placeholder left, only its own bracketed blanks`, () => {
      for (const t of templates) {
        const filled = fillMessage(t, language === "en" ? full : chinese, language);
        const text = `${filled.subject}\n${filled.body}`;
        expect(text, t.id).not.toMatch(/\{\{|\}\}/);
        expect(filled.unknown, t.id).toEqual([]);
        // Every blank in the result is one the template wrote itself, and it is reported.
        const own = new Set(`${t.subject}\n${t.body}`.match(BLANK) ?? []);
        const left = text.match(BLANK) ?? [];
        for (const b of left) expect(own.has(b), `${t.id}: ${b}`).toBe(true);
        expect(filled.blanks.sort(), t.id).toEqual([...new Set(left)].sort());
        expect(filled.blanks.length, `${t.id} leaves something to personalise`).toBeGreaterThan(0);
      }
    });

    it(`${language}: missing fields become clear blanks, never empty gaps`, () => {
      for (const t of templates) {
        const filled = fillMessage(t, { name: language === "en" ? "Bo" : "小红" }, language);
        const text = `${filled.subject}\n${filled.body}`;
        expect(text, t.id).not.toMatch(/\{\{|\}\}/);
        expect(text, t.id).not.toMatch(/ ,| \.|\(\)|（）|  /);
        const blankKeys = { company: "blank.company", interest: "blank.interest", how_we_met: "blank.howWeMet", my_name: "blank.myName" } as const;
        for (const [field, key] of Object.entries(blankKeys)) {
          if (!`${t.subject}${t.body}`.includes(`{{${field}}}`)) continue;
          const blank = (language === "en" ? prepEn : prepZh)[key];
          expect(text, t.id).toContain(blank);
          expect(filled.blanks, t.id).toContain(blank);
        }
      }
    });

    it(`${language}: a subject that hints at the content and a sign-off that asks for nothing`, () => {
      for (const t of templates) {
        expect(t.subject.length, t.id).toBeGreaterThan(8);
        expect(t.subject.length, t.id).toBeLessThanOrEqual(70);
        expect(t.subject, t.id).not.toMatch(/^(?:hi|hello|hey|你好|您好)\b/i);
        const paragraphs = t.body.split(/\n\s*\n/);
        const signOff = paragraphs.at(-1) ?? "";
        expect(signOff, t.id).not.toMatch(/[?？]/);
        expect(signOff, t.id).toContain("{{my_name}}");
        expect(t.body.toLowerCase(), t.id).not.toMatch(/let me know|get back to me|can you|could you|please reply|请回复|麻烦你|务必/);
      }
    });
  }

  it("English and Chinese differ in wording, not just in script", () => {
    const en = builtInTemplates("en");
    const zh = builtInTemplates("zh");
    for (let i = 0; i < en.length; i++) {
      expect(zh[i]?.body).toMatch(/[\u4e00-\u9fff]/u);
      expect(en[i]?.body).not.toMatch(/[\u4e00-\u9fff]/u);
      expect(zh[i]?.logs).toEqual(en[i]?.logs);
      expect(zh[i]?.group).toEqual(en[i]?.group);
    }
  });

  it("greets Chinese names in full and English names by first name", () => {
    const zh = builtInTemplates("zh")[0];
    const en = builtInTemplates("en")[0];
    if (!zh || !en) throw new Error("no templates");
    expect(fillMessage(zh, chinese, "zh").body.startsWith("王小明，你好！")).toBe(true);
    expect(fillMessage(en, full, "en").body.startsWith("Hi Ann,")).toBe(true);
    expect(fillMessage(en, { ...full, firstName: "Annie" }, "en").body.startsWith("Hi Annie,")).toBe(true);
  });
});

describe("user templates", () => {
  it("parse with flat properties, quoted values and any log spec", () => {
    const { template, issues } = parseMessageTemplate(
      '---\nkind: Coffee Follow Up\nsubject: "Good to see you, {{first_name}}: [the place]"\nlogs: "#touch/gave/help"\ntitle: After coffee\nlanguage: zh-CN\ngroup: Mine\n---\n\nHi {{first_name}},\n\n[what you talked about]\n',
      "Templates/Messages/coffee.md",
    );
    expect(issues).toEqual([]);
    expect(template).toEqual({
      id: "coffee-follow-up", group: "mine", title: "After coffee", subject: "Good to see you, {{first_name}}: [the place]", body: "Hi {{first_name}},\n\n[what you talked about]",
      logs: { kind: "gave", payload: "help" }, language: "zh", source: "Templates/Messages/coffee.md",
    });
  });

  it("work without properties, and report what is wrong", () => {
    const bare = parseMessageTemplate("# Subject: Quick hello\nHi {{name}}!", "T/Quick Hello.md");
    expect(bare.template).toMatchObject({ id: "quick-hello", subject: "Quick hello", body: "Hi {{name}}!", logs: null, language: null, group: null });
    expect(bare.issues).toEqual([{ source: "T/Quick Hello.md", code: "no-frontmatter", value: "" }]);
    expect(parseMessageTemplate("---\nkind: x\n---\n  \n", "e.md")).toEqual({ template: null, issues: [{ source: "e.md", code: "no-body", value: "" }] });
    const bad = parseMessageTemplate("---\nkind: x\nlogs: gave/money\n---\nbody", "b.md");
    expect(bad.template?.logs).toBeNull();
    expect(bad.issues).toEqual([{ source: "b.md", code: "bad-logs", value: "gave/money" }]);
  });

  it("read every kind of log spec", () => {
    expect(parseLogSpec("gave/intro")).toEqual({ kind: "gave", payload: "intro" });
    expect(parseLogSpec("Gave")).toEqual({ kind: "gave", payload: "other" });
    expect(parseLogSpec("asked")).toEqual({ kind: "asked", payload: null });
    expect(parseLogSpec("caught-up")).toEqual({ kind: "caught-up", payload: null });
    expect(parseLogSpec("met")).toEqual({ kind: "met", payload: null });
    expect(parseLogSpec("followed-through")).toEqual({ kind: "followed-through", payload: null });
    expect(parseLogSpec("touch/gave/kudos")).toEqual({ kind: "gave", payload: "kudos" });
    expect(parseLogSpec("none")).toBeNull();
    expect(parseLogSpec("")).toBeNull();
    expect(parseLogSpec("tier")).toBeUndefined();
    expect(parseLogSpec("lunch")).toBeUndefined();
  });

  it("replace a built-in of the same kind, add new kinds, and respect language", () => {
    const files = [
      { path: "T/b.md", text: "---\nkind: kudos\nsubject: Loved it\n---\nMy own kudos for {{name}}" },
      { path: "T/a.md", text: "---\nkind: birthday\nsubject: Happy birthday!\nlogs: caught-up\n---\nHappy birthday, {{first_name}}!" },
      { path: "T/zh.md", text: "---\nkind: thank-you\nlanguage: zh\nsubject: 谢谢\n---\n谢谢{{name}}" },
    ];
    const en = templatesFor("en", files);
    expect(en.issues).toEqual([]);
    expect(en.templates.map((t) => t.id)).toEqual([...BUILT_IN_MESSAGE_KINDS, "birthday"]);
    const kudos = en.templates.find((t) => t.id === "kudos");
    expect(kudos).toMatchObject({ body: "My own kudos for {{name}}", source: "T/b.md", group: "payload", logs: null });
    expect(en.templates.find((t) => t.id === "thank-you")?.source).toBe("built-in");
    const zh = templatesFor("zh", files);
    expect(zh.templates.find((t) => t.id === "thank-you")?.body).toBe("谢谢{{name}}");
    expect(fillMessage(en.templates.at(-1) ?? kudos!, full, "en")).toEqual({ id: "birthday", subject: "Happy birthday!", body: "Happy birthday, Ann!", logs: { kind: "caught-up", payload: null }, blanks: [], unknown: [] });
  });

  it("fill any note property, leave unknown placeholders as typed, and keep values on one line", () => {
    const t = parseMessageTemplate("---\nkind: x\nsubject: About {{project}}\n---\n{{name}} / {{team}} / {{nope}} / {{interests}} / {{date}} / {{skills}}", "x.md").template;
    if (!t) throw new Error("no template");
    const filled = fillMessage(t, { ...full, name: "Ann\nLee", extra: { project: "Bridge  2.0", team: "", skills: ["a", "b"] } }, "en");
    expect(filled.subject).toBe("About Bridge 2.0");
    expect(filled.body).toBe("Ann Lee / [team] / {{nope}} / urban design, climbing / 2026-11-20 / a, b");
    expect(filled.unknown).toEqual(["{{nope}}"]);
    expect(filled.blanks).toEqual(["[team]"]);
    expect(fillMessage(t, { name: "王小明", interests: ["摄影", "咖啡"], extra: { team: "" } }, "zh").body).toBe("王小明 / 【team】 / {{nope}} / 摄影、咖啡 / 【date】 / {{skills}}");
  });
});

describe("fields from a person's note", () => {
  it("reads name, interests, how we met, company and other properties", () => {
    const text = "---\ntier: familiar\ninterests: [climbing, urban design]\nhow_we_met: Bristol meetup\nCompany: Acme\nfirst_name: Annie\nproject: Bridge\n---\n";
    const ctx = { settings: defaultSettings(), daily: new DailyNoteMatcher({ folder: "", format: "YYYY-MM-DD", source: "fallback" as const }) };
    const meta = parseMetadata(text);
    const person = readPerson("People/Ann Lee.md", 0, meta, ctx);
    const fields = messageFieldsFor(person, meta.frontmatter ?? null, ctx.settings.keys, "Sam");
    expect(fields).toMatchObject({ name: "Ann Lee", firstName: "Annie", interests: ["climbing", "urban design"], howWeMet: "Bristol meetup", company: "Acme", myName: "Sam" });
    expect(fields.extra?.project).toBe("Bridge");
    const none = messageFieldsFor(person, null, ctx.settings.keys);
    expect(none).toMatchObject({ firstName: null, howWeMet: null, company: null, myName: null });
  });
});
