import { describe, expect, it } from "vitest";
import { dayFromISO, type Day } from "../../src/domain/dates";
import { dayHash, monthlyStrip, nextBirthday } from "../../src/report/looseTouch";
import { parseBlockOptions as parseBlockOptionsFor } from "../../src/ui/RoutineBlock";

const d = (iso: string): Day => dayFromISO(iso) ?? NaN;

describe("loose-touch helpers", () => {
  it("puts a 29 February birthday on 1 March in other years, and wraps to next year", () => {
    expect(nextBirthday(2, 29, d("2026-02-10"))).toMatchObject({ day: d("2026-03-01"), inDays: 19, year: 2026 });
    expect(nextBirthday(2, 29, d("2027-12-31"))).toMatchObject({ day: d("2028-02-29"), year: 2028 });
    expect(nextBirthday(1, 5, d("2026-12-30"))).toMatchObject({ day: d("2027-01-05"), inDays: 6 });
    expect(nextBirthday(11, 26, d("2026-11-26")).inDays).toBe(0);
  });

  it("counts touches per month over twelve months, one per day, nothing from the future", () => {
    const today = d("2026-11-26");
    const strip = monthlyStrip([d("2026-11-01"), d("2026-11-01"), d("2026-11-20"), d("2025-12-31"), d("2025-11-30"), d("2026-12-01")], today);
    expect(strip).toHaveLength(12);
    expect(strip[11]).toBe(2);
    expect(strip[0]).toBe(1); // December 2025
    expect(strip.reduce((a, b) => a + b, 0)).toBe(3);
  });

  it("hashes a day and a key into [0, 1), differently for different days", () => {
    const a = dayHash("2026-11-26", "People/Ann.md");
    expect(a).toBeGreaterThanOrEqual(0);
    expect(a).toBeLessThan(1);
    expect(dayHash("2026-11-26", "People/Ann.md")).toBe(a);
    expect(dayHash("2026-11-27", "People/Ann.md")).not.toBe(a);
  });

  it("reads code block options and reports what it cannot use", () => {
    expect(parseBlockOptionsFor("show: due, follow-ups\nlimit: 3")).toEqual({ options: { show: ["due", "follow-ups"], limit: 3 }, errors: [] });
    expect(parseBlockOptionsFor("show：今天\n")).toEqual({ options: { show: ["today"], limit: 10 }, errors: [] });
    expect(parseBlockOptionsFor("limit: lots\nsize: 3").errors).toEqual(["limit: lots", "size: 3"]);
  });
});
