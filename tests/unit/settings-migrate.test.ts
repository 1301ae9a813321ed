/** The pure settings migration: every shape data.json has had, and anything else a file can hold. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { migrateSettings, repairText } from "../../src/settings/migrate";
import { translator } from "../../src/i18n";
import { defaultSettings, SETTINGS_VERSION, type NetworkNotesSettings } from "../../src/settings/schema";

/** Every field has the type and range the rest of the plugin relies on. */
function wellFormed(s: NetworkNotesSettings): boolean {
  const texts = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === "string" && x.trim() === x && x !== "");
  const text = (x: unknown, empty = false) => typeof x === "string" && x.trim() === x && (empty || x !== "");
  return s.version === SETTINGS_VERSION
    && texts(s.people.folders) && texts(s.people.tags) && texts(s.people.markerValues) && texts(s.people.excludeFolders)
    && text(s.people.markerKey, true)
    && Object.values(s.keys).every((k) => text(k))
    && Object.values(s.cadenceDays).every((d) => d === null || (Number.isInteger(d) && d > 0))
    && text(s.dailyNotes.folder, true) && text(s.dailyNotes.format)
    && text(s.log.heading) && text(s.log.tagPrefix)
    && Object.values(s.routine).every((n) => Number.isInteger(n) && n >= 0)
    && typeof s.dailySection.enabled === "boolean" && text(s.dailySection.heading)
    && Object.values(s.prep).every((p) => text(p, true));
}

describe("migrateSettings", () => {
  it("gives the defaults for a first run, quietly and without asking to save", () => {
    for (const stored of [null, undefined]) expect(migrateSettings(stored)).toEqual({ settings: defaultSettings(), changed: false, repairs: [], repaired: [] });
  });

  it("reads a current, complete file as it is", () => {
    const stored = defaultSettings();
    stored.routine.picksPerDay = 3;
    expect(migrateSettings(JSON.parse(JSON.stringify(stored)))).toEqual({ settings: stored, changed: false, repairs: [], repaired: [] });
  });

  it("gives the defaults for a file that is not an object, and says so", () => {
    for (const stored of [[1, 2], "text", 42, true]) {
      const result = migrateSettings(stored);
      expect(result.settings).toEqual(defaultSettings());
      expect(result.repaired).toEqual(["the settings file was not an object; using the defaults"]);
    }
  });

  it("upgrades version 0: one people folder and no version", () => {
    const result = migrateSettings({ peopleFolder: "Contacts", cadenceDays: { familiar: 60, unfamiliar: null }, keys: { tier: "level" } });
    expect(result.settings.people.folders).toEqual(["Contacts"]);
    expect(result.settings.cadenceDays).toEqual({ meaningful: 14, intimate: 30, familiar: 60, unfamiliar: null });
    expect(result.settings.keys.tier).toBe("level");
    expect(result.settings.version).toBe(SETTINGS_VERSION);
    expect(result).toMatchObject({ changed: true, repaired: [] });
    // A v0 file that already had the newer people block keeps it.
    expect(migrateSettings({ peopleFolder: "Old", people: { folders: ["New"] } }).settings.people.folders).toEqual(["New"]);
  });

  it("drops unknown keys without complaint, but asks to save", () => {
    const result = migrateSettings({ ...defaultSettings(), colour: "red", routine: { ...defaultSettings().routine, speed: 9 } });
    expect(result.settings).toEqual(defaultSettings());
    expect(result).toMatchObject({ changed: true, repaired: [] });
  });

  it("names each value of the wrong type and uses the default for it alone", () => {
    const result = migrateSettings({
      version: 1,
      people: { folders: 7, tags: "friend, #colleague", markerKey: null },
      keys: { tier: 3, lastTouch: "seen" },
      cadenceDays: { familiar: -5, intimate: "monthly", meaningful: 21 },
      routine: { picksPerDay: "lots", thanksDays: 99, birthdayDays: "30" },
      dailySection: { enabled: "yes" },
      prep: { personTemplate: "../outside.md", questionFolder: ".obsidian/x" },
    });
    expect(result.repaired).toEqual([
      "people.folders was not a list of text; using the default",
      "people.markerKey was not usable text; using the default",
      "keys.tier was not usable text; using the default",
      "cadenceDays.familiar was not a whole number of days; using the default",
      "cadenceDays.intimate was not a whole number of days; using the default",
      "routine.picksPerDay was not a whole number from 0 to 20; using the default",
      "routine.thanksDays was not a whole number from 0 to 60; using the default",
      "dailySection.enabled was not true or false; using the default",
      "prep.personTemplate pointed outside the vault or into a hidden folder; using the default",
      "prep.questionFolder pointed outside the vault or into a hidden folder; using the default",
    ]);
    const s = result.settings;
    expect(s.people).toMatchObject({ folders: ["People"], tags: ["friend", "colleague"], markerKey: "type" });
    expect(s.keys).toMatchObject({ tier: "tier", lastTouch: "seen" });
    expect(s.cadenceDays).toMatchObject({ familiar: 90, intimate: 30, meaningful: 21 });
    expect(s.routine).toMatchObject({ picksPerDay: 5, thanksDays: 7, birthdayDays: 30 });
    expect(result.changed).toBe(true);
  });

  it("says when the file comes from a newer version, and keeps what it knows", () => {
    const result = migrateSettings({ version: 99, routine: { picksPerDay: 2 } });
    expect(result.repaired).toEqual(["the settings come from a newer version (99); unknown parts are ignored"]);
    expect(result.settings.routine.picksPerDay).toBe(2);
  });

  it("tidies the # and / it adds itself in one pass, so a saved file reads back the same (found by the property below)", () => {
    const result = migrateSettings({ version: 1, people: { tags: ["##x", "#", " #y "] }, log: { tagPrefix: "##touch//" }, dailySection: { heading: "# # Loose touch" } });
    expect(result.settings.people.tags).toEqual(["x", "y"]);
    expect(result.settings.log.tagPrefix).toBe("touch");
    expect(result.settings.dailySection.heading).toBe("Loose touch");
    expect(result.repaired).toEqual([]);
    // Nothing left after the #: the default, and the notice says so (it used to keep an empty heading).
    const empty = migrateSettings({ version: 1, dailySection: { heading: "##" }, log: { tagPrefix: "#/" } });
    expect(empty.settings.dailySection.heading).toBe("Loose touch");
    expect(empty.settings.log.tagPrefix).toBe("touch");
    expect(empty.repaired).toEqual(["log.tagPrefix was not usable text; using the default", "dailySection.heading was not usable text; using the default"]);
    expect(migrateSettings({ version: 1, routine: { picksPerDay: -0 } }).settings.routine.picksPerDay).toBe(0);
  });

  it("never throws on any JSON, always gives well-formed settings, and is settled after one pass", () => {
    const tidyText = fc.constantFrom("", " ", "#", "# #", "##x", "# x", "x/", "/", "a//", " #a ", "..", ".hidden", "People", "Log", "✓ 日记");
    const value = fc.oneof(fc.jsonValue(), tidyText, fc.array(tidyText, { maxLength: 3 }));
    const section = (keys: readonly string[]) => fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: keys.length });
    const d = defaultSettings();
    const stored = fc.oneof(
      fc.jsonValue(),
      fc.record({
        version: fc.oneof(fc.constant(1), fc.constant(0), fc.jsonValue()),
        people: section(Object.keys(d.people)), keys: section(Object.keys(d.keys)), cadenceDays: section(Object.keys(d.cadenceDays)),
        dailyNotes: section(Object.keys(d.dailyNotes)), log: section(Object.keys(d.log)), routine: section(Object.keys(d.routine)),
        dailySection: section(Object.keys(d.dailySection)), prep: section(Object.keys(d.prep)), peopleFolder: value,
      }, { requiredKeys: [] }),
    );
    fc.assert(fc.property(stored, (raw) => {
      const first = migrateSettings(raw);
      expect(wellFormed(first.settings)).toBe(true);
      const again = migrateSettings(JSON.parse(JSON.stringify(first.settings)));
      expect(again).toEqual({ settings: first.settings, changed: false, repairs: [], repaired: [] });
    }), { numRuns: 400 });
  });

  it("says each repair in the user's language, naming the setting as data.json writes it", () => {
    const { repairs, repaired } = migrateSettings({ version: 1, people: { folders: ["../x"] }, routine: { picksPerDay: 99 }, cadenceDays: { familiar: -1 } });
    expect(repaired).toEqual(repairs.map((r) => repairText(r, translator("en"))));
    expect(repaired).toContain("routine.picksPerDay was not a whole number from 0 to 20; using the default");
    const zh = repairs.map((r) => repairText(r, translator("zh")));
    expect(zh).toContain("routine.picksPerDay 不是 0 到 20 之间的整数，已改用默认值");
    expect(zh).toContain("people.folders：“../x”指向仓库以外或隐藏文件夹，已略过");
    expect(zh).toContain("cadenceDays.familiar 不是整数天数，已改用默认值");
    for (const text of zh) expect(text).not.toMatch(/[{}]|default/);
  });
});
