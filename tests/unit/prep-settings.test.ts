import { describe, expect, it } from "vitest";
import { migrateSettings, vaultPath } from "../../src/settings/migrate";
import { defaultSettings } from "../../src/settings/schema";

describe("prep settings", () => {
  it("default to nothing set: the built-in template, no folders, no ask", () => {
    expect(defaultSettings().prep).toEqual({ ask: "", myName: "", personTemplate: "", questionFolder: "", templateFolder: "" });
    expect(migrateSettings({ version: 1 }).settings.prep).toEqual(defaultSettings().prep);
  });

  it("keep what was typed, tidied", () => {
    const { settings, repaired } = migrateSettings({
      version: 1,
      prep: { ask: "  Exploring   product roles\nin climate  ", myName: " Sam ", personTemplate: "/Templates\\Person.md ", questionFolder: "Prep/ Questions /", templateFolder: "./Messages" },
    });
    expect(repaired).toEqual([]);
    expect(settings.prep).toEqual({ ask: "Exploring product roles in climate", myName: "Sam", personTemplate: "Templates/Person.md", questionFolder: "Prep/Questions", templateFolder: "Messages" });
  });

  it("refuse paths that climb out of the vault or into hidden folders, and values that are not text", () => {
    const { settings, repaired } = migrateSettings({ version: 1, prep: { personTemplate: "../secrets.md", questionFolder: ".obsidian/plugins", templateFolder: 42, ask: ["a"] } });
    expect(settings.prep).toEqual(defaultSettings().prep);
    expect(repaired).toHaveLength(4);
  });

  it("read vault paths the way the settings tab does", () => {
    expect(vaultPath("")).toBe("");
    expect(vaultPath(" a / b ")).toBe("a/b");
    expect(vaultPath("a/../b")).toBeNull();
    expect(vaultPath(".trash")).toBeNull();
  });
});
