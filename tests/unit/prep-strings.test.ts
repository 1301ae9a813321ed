import { describe, expect, it } from "vitest";
import { en } from "../../src/i18n/en";
import { zh } from "../../src/i18n/zh";
import { BUILT_IN_MESSAGE_KINDS, MESSAGE_GROUPS } from "../../src/prep/messages";
import { BUILT_IN_GROUPS, OTHER_GROUP } from "../../src/prep/questions";
import { prepTranslator } from "../../src/prep/strings";
import { prepEn, type PrepKey } from "../../src/prep/strings.en";
import { prepZh } from "../../src/prep/strings.zh";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("prep catalogues", () => {
  it("have the same keys in English and Chinese, none empty", () => {
    expect(Object.keys(prepZh).sort()).toEqual(Object.keys(prepEn).sort());
    for (const [key, text] of [...Object.entries(prepEn), ...Object.entries(prepZh)]) expect(text.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    for (const key of Object.keys(prepEn) as PrepKey[]) expect(placeholders(prepZh[key]), key).toEqual(placeholders(prepEn[key]));
  });

  it("name every question group, message kind and message group", () => {
    const keys = new Set(Object.keys(prepEn));
    for (const g of [...BUILT_IN_GROUPS, OTHER_GROUP]) expect(keys.has(`questions.group.${g}`), g).toBe(true);
    for (const k of BUILT_IN_MESSAGE_KINDS) expect(keys.has(`message.kind.${k}`), k).toBe(true);
    for (const g of MESSAGE_GROUPS) expect(keys.has(`message.group.${g}`), g).toBe(true);
  });

  it("are part of the one catalogue per language, word for word", () => {
    expect(Object.keys(prepEn).length).toBeGreaterThan(50);
    for (const [key, text] of Object.entries(prepEn)) expect(en[key as keyof typeof en], key).toBe(text);
    for (const [key, text] of Object.entries(prepZh)) expect(zh[key as keyof typeof zh], key).toBe(text);
  });

  it("translate Chinese text into Chinese, not left in English", () => {
    for (const key of Object.keys(prepZh) as PrepKey[]) expect(prepZh[key], key).toMatch(/[\u4e00-\u9fff]/u);
  });

  it("blanks are bracketed so a sender can spot them", () => {
    for (const key of Object.keys(prepEn).filter((k) => k.startsWith("blank.")) as PrepKey[]) {
      expect(prepEn[key]).toMatch(/^\[[^\]]+\]$/);
      expect(prepZh[key]).toMatch(/^【[^】]+】$/);
    }
  });

  it("never use words that nag", () => {
    const all = Object.values(prepEn).join("\n").toLowerCase();
    for (const word of ["neglect", "overdue", "failed to", "you forgot", "should have"]) expect(all).not.toContain(word);
  });

  it("fill placeholders and fall back to English", () => {
    expect(prepTranslator("zh")("prep.title", { name: "王小明" })).toBe("和王小明聊之前");
    expect(prepTranslator("en")("prep.title", { name: "Ann" })).toBe("Prepare to talk with Ann");
    expect(prepTranslator("en")("prep.questions.inserted", { heading: "Questions" })).toBe("Added {n} {n|question|questions} under “Questions”.");
    expect(prepTranslator("en")("prep.questions.inserted", { n: 1, heading: "Questions" })).toBe("Added 1 question under “Questions”.");
  });
});
