import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { compileDateFormat } from "../../src/domain/dateFormat";
import { DailyNoteMatcher, dailyConfigFromFiles, resolveDailyNoteConfig } from "../../src/domain/datedNotes";
import { dayFromISO, dayFromParts, dayToISO } from "../../src/domain/dates";

const d = (iso: string) => dayFromISO(iso)!;

describe("compileDateFormat", () => {
  it.each([
    ["YYYY-MM-DD", "2026-11-05"],
    ["YYYY/MM/YYYY-MM-DD", "2026/11/2026-11-05"],
    ["DD.MM.YYYY", "05.11.2026"],
    ["YYYY-MM-DD dddd", "2026-11-05 Thursday"],
    ["dddd, MMMM Do YYYY", "Thursday, November 5th 2026"],
    ["YYYY年MM月DD日", "2026年11月05日"],
    ["[Journal] YYYY-MM-DD", "Journal 2026-11-05"],
    ["D MMM YY", "5 Nov 26"],
  ])("formats and parses %s", (format, text) => {
    const f = compileDateFormat(format);
    expect(f.format(d("2026-11-05"))).toBe(text);
    expect(dayToISO(f.parse(text)!)).toBe("2026-11-05");
  });

  it("is strict: the whole text must match", () => {
    const f = compileDateFormat("YYYY-MM-DD");
    expect(f.parse("2026-11-05 notes")).toBeNull();
    expect(f.parse("2026-11-31")).toBeNull();
    expect(f.parse("x2026-11-05")).toBeNull();
  });

  it("round-trips any day for common formats", () => {
    for (const format of ["YYYY-MM-DD", "YYYY/MM/YYYY-MM-DD", "DD-MM-YYYY", "MMMM D, YYYY", "YYYY-MM-DD ddd"]) {
      const f = compileDateFormat(format);
      fc.assert(fc.property(fc.integer({ min: d("1990-01-01"), max: d("2100-12-31") }), (day) => f.parse(f.format(day)) === day));
    }
  });

  it("reads fixed-width numeric formats exactly as the format's pattern does", () => {
    // The reference: the pattern the format stands for, matched as a regular expression.
    const reference = (pattern: RegExp, fields: ("Y" | "M" | "D")[], text: string) => {
      const m = pattern.exec(text);
      if (!m) return null;
      const value = (field: "Y" | "M" | "D") => Number(m[fields.lastIndexOf(field) + 1]);
      return dayFromParts(value("Y"), value("M"), value("D"));
    };
    const cases: [string, RegExp, ("Y" | "M" | "D")[]][] = [
      ["YYYY-MM-DD", /^(\d{4})-(\d{2})-(\d{2})$/, ["Y", "M", "D"]],
      ["YYYY/MM/YYYY-MM-DD", /^(\d{4})\/(\d{2})\/(\d{4})-(\d{2})-(\d{2})$/, ["Y", "M", "Y", "M", "D"]],
      ["DD.MM.YYYY", /^(\d{2})\.(\d{2})\.(\d{4})$/, ["D", "M", "Y"]],
    ];
    const chars = fc.constantFrom(..."0123456789-/.x 年");
    for (const [format, pattern, fields] of cases) {
      const f = compileDateFormat(format);
      const near = fc.integer({ min: d("1000-01-01"), max: d("9999-12-31") }).map((day) => f.format(day));
      const text = fc.oneof(near, fc.array(chars, { maxLength: 20 }).map((cs) => cs.join("")), fc.tuple(near, fc.nat(), chars).map(([t, i, c]) => t.slice(0, i % (t.length + 1)) + c + t.slice((i % (t.length + 1)) + 1)));
      fc.assert(fc.property(text, (t) => f.parse(t) === reference(pattern, fields, t)));
    }
  });

  it("knows when a format cannot name a day", () => {
    expect(compileDateFormat("YYYY-MM").complete).toBe(false);
    expect(compileDateFormat("YYYY-MM").parse("2026-11")).toBeNull();
  });
});

describe("DailyNoteMatcher", () => {
  const nested = new DailyNoteMatcher({ folder: "Daily", format: "YYYY/MM/YYYY-MM-DD", source: "daily-notes" });
  const flat = new DailyNoteMatcher({ folder: "Journal", format: "YYYY-MM-DD", source: "daily-notes" });
  const root = new DailyNoteMatcher({ folder: "", format: "YYYY-MM-DD", source: "fallback" });

  it("recognises daily notes in nested date folders", () => {
    expect(dayToISO(nested.dayOfPath("Daily/2026/11/2026-11-20.md")!)).toBe("2026-11-20");
    expect(nested.dayOfPath("Daily/2026/11/notes.md")).toBeNull();
    expect(nested.dayOfPath("Other/2026/11/2026-11-20.md")).toBeNull();
  });

  it("recognises flat daily notes, also when moved into subfolders", () => {
    expect(dayToISO(flat.dayOfPath("Journal/2026-11-20.md")!)).toBe("2026-11-20");
    expect(dayToISO(flat.dayOfPath("Journal/2026/2026-11-20.md")!)).toBe("2026-11-20");
    expect(flat.dayOfPath("Journal/2026-11-20.canvas")).toBeNull();
    expect(dayToISO(root.dayOfPath("2026-11-20.md")!)).toBe("2026-11-20");
  });

  it("reads the day from links to daily notes", () => {
    expect(dayToISO(nested.dayOfLinkpath("2026-11-20")!)).toBe("2026-11-20");
    expect(dayToISO(nested.dayOfLinkpath("Daily/2026/11/2026-11-20")!)).toBe("2026-11-20");
    expect(nested.dayOfLinkpath("Alice")).toBeNull();
  });

  it("builds the path of a day's note", () => {
    expect(nested.pathFor(d("2026-01-02"))).toBe("Daily/2026/01/2026-01-02.md");
    expect(root.pathFor(d("2026-01-02"))).toBe("2026-01-02.md");
  });
});

describe("daily-note settings", () => {
  const fallback = { folder: "Fallback", format: "DD-MM-YYYY" };
  it("prefers Periodic Notes when it is enabled and its daily notes are on", () => {
    const periodic = JSON.stringify({ calendarSets: [{ id: "a", day: { enabled: true, folder: "Journal/", format: "YYYY/YYYY-MM-DD" } }], activeCalendarSet: "a" });
    const config = dailyConfigFromFiles({ core: '{"folder":"Daily"}', periodic, community: '["periodic-notes"]' }, fallback);
    expect(config).toEqual({ folder: "Journal", format: "YYYY/YYYY-MM-DD", source: "periodic-notes" });
  });
  it("ignores Periodic Notes when the plugin is not enabled", () => {
    const periodic = JSON.stringify({ daily: { enabled: true, folder: "P", format: "YYYY" } });
    expect(dailyConfigFromFiles({ core: '{"folder":"Daily"}', periodic, community: "[]" }, fallback).source).toBe("daily-notes");
  });
  it("uses the core settings with their defaults", () => {
    expect(resolveDailyNoteConfig({}, null, fallback)).toEqual({ folder: "", format: "YYYY-MM-DD", source: "daily-notes" });
  });
  it("falls back to the plugin's own setting when nothing can be read", () => {
    expect(dailyConfigFromFiles({ core: "{not json", periodic: null, community: null }, fallback)).toEqual({ ...fallback, source: "fallback" });
  });
});
