import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addMonths, dayFromISO, dayToISO, parseBirthday, parseDay } from "../../src/domain/dates";
import { parseCadenceDays } from "../../src/domain/cadence";
import { parseTier } from "../../src/domain/tiers";

const d = (iso: string) => dayFromISO(iso)!;

describe("parseDay", () => {
  it.each([
    ["2026-11-20", "2026-11-20"],
    ["2026-11-20T09:00", "2026-11-20"],
    ["2026-11-20 09:00", "2026-11-20"],
    ["2026/11/20", "2026-11-20"],
    ["20 Nov 2026", "2026-11-20"],
    ["Nov 20, 2026", "2026-11-20"],
    ["November 20, 2026", "2026-11-20"],
    ["2026年11月20日", "2026-11-20"],
    ["[[2026-11-20]]", "2026-11-20"],
    ["[[Daily/2026/11/2026-11-20|Friday]]", "2026-11-20"],
    ["  2026-02-28 ", "2026-02-28"],
  ])("reads %s", (input, expected) => {
    expect(dayToISO(parseDay(input)!)).toBe(expected);
  });

  it.each(["", "sometime in spring", "2026-02-30", "2026-13-01", "11/12/2026", "yesterday", "0000-00-00"])("refuses %s", (input) => {
    expect(parseDay(input)).toBeNull();
  });

  it("refuses values that are not text", () => {
    for (const v of [null, undefined, 42, true, ["2026-11-20"], { date: "2026-11-20" }]) expect(parseDay(v)).toBeNull();
  });

  it("reads Date objects as their calendar day", () => {
    expect(dayToISO(parseDay(new Date(Date.UTC(2026, 10, 20)))!)).toBe("2026-11-20");
  });

  it("round-trips every ISO day", () => {
    fc.assert(fc.property(fc.integer({ min: d("1900-01-01"), max: d("2200-12-31") }), (day) => parseDay(dayToISO(day)) === day));
  });

  it("never throws on arbitrary input", () => {
    fc.assert(fc.property(fc.anything(), (v) => {
      parseDay(v);
      return true;
    }));
  });
});

describe("addMonths", () => {
  it("keeps the day of month or clamps to the month's end", () => {
    expect(dayToISO(addMonths(d("2026-01-31"), 1))).toBe("2026-02-28");
    expect(dayToISO(addMonths(d("2026-11-26"), 3))).toBe("2027-02-26");
  });
});

describe("parseBirthday", () => {
  it("reads full dates and year-less ones", () => {
    expect(parseBirthday("1990-05-04")).toEqual({ month: 5, day: 4, year: 1990 });
    expect(parseBirthday("05-04")).toEqual({ month: 5, day: 4, year: null });
    expect(parseBirthday("--02-29")).toEqual({ month: 2, day: 29, year: null });
    expect(parseBirthday("13-40")).toBeNull();
  });
});

describe("parseCadenceDays", () => {
  it.each([[14, 14], ["14", 14], ["14d", 14], ["2w", 14], ["3m", 90], ["1y", 365], ["2 weeks", 14], ["3个月", 90], ["2周", 14], [" 10 ", 10]])("%s → %s days", (input, days) => {
    expect(parseCadenceDays(input)).toBe(days);
  });
  it.each(["often", "", "0", "-3", "2x", 1.5, null, true])("refuses %s", (input) => {
    expect(parseCadenceDays(input)).toBeNull();
  });
});

describe("parseTier", () => {
  it("reads the four tiers in any case and in Chinese", () => {
    expect(parseTier("Meaningful")).toBe("meaningful");
    expect(parseTier("  FAMILIAR ")).toBe("familiar");
    expect(parseTier("亲密")).toBe("intimate");
    expect(parseTier("不熟悉")).toBe("unfamiliar");
    expect(parseTier("有意义")).toBe("meaningful");
    expect(parseTier("熟悉")).toBe("familiar");
  });
  it("refuses anything else", () => {
    for (const v of ["bestie", "", 3, null, ["familiar"]]) expect(parseTier(v)).toBeNull();
  });
});
