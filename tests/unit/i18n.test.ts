import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { zh } from "../../src/i18n/zh";
import { pickLanguage, translator } from "../../src/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("message catalogues", () => {
  it("have the same keys in English and Chinese, none empty", () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(zh)) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
  });

  it("pick the English word by its number: one note, two notes", () => {
    const t = translator("en");
    expect(t("view.problems", { n: 1 })).toBe("1 note needs a look");
    expect(t("view.problems", { n: 3 })).toBe("3 notes need a look");
    expect(t("import.done", { created: 1, updated: 0 })).toBe("Imported: 1 new person, 0 with added details.");
    expect(t("import.done", { created: 0, updated: 1 })).toBe("Imported: 0 new people, 1 with added details.");
    expect(t("import.undoKept", { n: 1, list: "Ann" })).toBe("1 note changed after the import and was kept: Ann");
    expect(t("view.glance.week", { n: 1, ago: 2 })).toBe("1 touch, 2 weeks ago");
    expect(translator("zh")("view.problems", { n: 1 })).not.toMatch(/[{}|]/);
  });

  it("choose words only by a number the message also shows", () => {
    const forms = (s: string) => [...s.matchAll(/\{(\w+)\|[^{}|]*\|[^{}|]*\}/g)].map((m) => m[1]);
    let seen = 0;
    for (const [key, text] of Object.entries(en)) {
      for (const name of forms(text)) {
        seen++;
        expect(placeholders(text), key).toContain(name);
      }
      // Nothing else in braces: a form with a missing bar would show to the user as written.
      expect(text.replace(/\{\w+(\|[^{}|]*\|[^{}|]*)?\}/g, ""), key).not.toMatch(/[{}]/);
    }
    expect(seen).toBeGreaterThan(10);
    for (const [key, text] of Object.entries(zh)) expect(forms(text), key).toEqual([]);
  });

  it("never use words that nag", () => {
    const all = Object.values(en).join("\n").toLowerCase();
    for (const word of ["neglect", "overdue", "failed to", "you forgot", "should have"]) expect(all).not.toContain(word);
  });

  it("hold every screen's words, prep included: one catalogue per language", () => {
    for (const prefix of ["prep.", "newPerson.", "personNote.", "questions.", "message.", "blank.", "settings.prep."]) {
      expect(Object.keys(en).some((k) => k.startsWith(prefix)), prefix).toBe(true);
    }
    expect(translator("zh")("newPerson.command")).toBe("新建联系人");
    expect(translator("en")("prep.title", { name: "Ann" })).toBe("Prepare to talk with Ann");
  });

  it("fill every message as a plain search and replace would, whatever the values", () => {
    // The reference: each placeholder replaced where it stands, a form picked by its number, unknown names kept.
    const reference = (template: string, vars: Record<string, string | number>) =>
      template.replace(/\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
        if (!(name in vars)) return whole;
        if (one === undefined || other === undefined) return String(vars[name]);
        return Number(vars[name]) === 1 ? one : other;
      });
    const values: (string | number)[] = [0, 1, 2, "1", "$&", "{n}", "a|b", "名字"];
    for (const [language, catalogue] of [["en", en], ["zh", zh]] as const) {
      const t = translator(language);
      for (const [key, template] of Object.entries(catalogue)) {
        const names = [...template.matchAll(/\{(\w+)/g)].map((m) => m[1] as string);
        for (let round = 0; round < values.length; round++) {
          // Every name but one filled (the one left out stays as written), with values that look like syntax.
          const vars: Record<string, string | number> = {};
          names.forEach((name, i) => {
            if (i !== round % Math.max(1, names.length) || round < 2) vars[name] = values[(round + i) % values.length] as string | number;
          });
          // Twice: the first call cuts the template, the second uses the cut.
          expect(t(key as keyof typeof en, vars), `${language} ${key}`).toBe(reference(template, vars));
          expect(t(key as keyof typeof en, vars)).toBe(reference(template, vars));
        }
      }
    }
  });

  it("follow Obsidian's language code, English otherwise", () => {
    expect(pickLanguage("zh")).toBe("zh");
    expect(pickLanguage("zh-TW")).toBe("en");
    expect(pickLanguage("fr")).toBe("en");
    expect(translator("zh")("digest.due.heading", { n: 2 })).toBe("该联系一下了（2）");
    expect(translator("en")("digest.due.heading", { n: 2 })).toBe("Due for a touch (2)");
  });
});
