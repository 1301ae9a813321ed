/**
 * The project's own date code checked against luxon, an independent, well-kept date library: the plugin does
 * not bundle luxon (it would be most of main.js for two functions), so luxon serves here as the oracle.
 */
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, it } from "vitest";
import { compileDateFormat } from "../../src/domain/dateFormat";
import { addMonths, dayFromISO, dayToISO, parseDay, weekday } from "../../src/domain/dates";

const anyDay = fc.integer({ min: dayFromISO("1900-01-01")!, max: dayFromISO("2199-12-31")! });
const lux = (day: number) => DateTime.fromISO(dayToISO(day), { zone: "utc" });

describe("dates agree with luxon", () => {
  it("adding months clamps to the month's end as luxon does", () => {
    fc.assert(fc.property(anyDay, fc.integer({ min: -240, max: 240 }), (day, months) => dayToISO(addMonths(day, months)) === lux(day).plus({ months }).toISODate()));
  });

  it("weekdays match", () => {
    fc.assert(fc.property(anyDay, (day) => weekday(day) === lux(day).weekday % 7));
  });

  it("typed shapes read as luxon reads them", () => {
    const shapes = ["yyyy/M/d", "d MMM yyyy", "MMMM d, yyyy", "d.M.yyyy", "yyyyMMdd"];
    fc.assert(fc.property(anyDay, fc.constantFrom(...shapes), (day, format) => {
      const text = lux(day).setLocale("en").toFormat(format);
      return parseDay(text) === day;
    }));
  });

  it("daily-note formats print what luxon prints for the same pattern", () => {
    const pairs: [string, string][] = [["YYYY-MM-DD", "yyyy-MM-dd"], ["DD.MM.YYYY", "dd.MM.yyyy"], ["dddd, MMMM D YYYY", "cccc, MMMM d yyyy"], ["YYYY/MM/YYYY-MM-DD ddd", "yyyy/MM/yyyy-MM-dd ccc"]];
    fc.assert(fc.property(anyDay, fc.constantFrom(...pairs), (day, [moment, luxon]) => compileDateFormat(moment).format(day) === lux(day).setLocale("en").toFormat(luxon)));
  });
});
