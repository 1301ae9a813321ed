/**
 * Property tests for reading a person from whatever their properties hold: it never throws, every value it cannot
 * use becomes a problem with a message and a fix in both languages, and a date is either read as the day it names
 * or reported, never silently read as another day.
 */
import fc from "fast-check";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { DailyNoteMatcher } from "../../src/domain/datedNotes";
import { dayToParts, parseBirthday, parseDay, type Day } from "../../src/domain/dates";
import { readPerson, type Person } from "../../src/domain/person";
import { translator } from "../../src/i18n";
import { parseMetadata } from "../../src/metadata/parse";
import { describeProblem } from "../../src/report/digest";
import { defaultSettings } from "../../src/settings/schema";

const ctx = { settings: defaultSettings(), daily: new DailyNoteMatcher({ folder: "Journal", format: "YYYY/MM/YYYY-MM-DD", source: "daily-notes" }) };
const keys = ctx.settings.keys;
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Text that names `day`: its year and day of month appear as numbers, and its month as a number or a name. */
function names(text: string, day: Day): boolean {
  const { year, month, day: d } = dayToParts(day);
  const numbers = (text.match(/\d+/g) ?? []).map(Number);
  const compact = /(\d{4})(\d{2})(\d{2})/.exec(text);
  if (compact && Number(compact[1]) === year && Number(compact[2]) === month && Number(compact[3]) === d) return true;
  const monthNamed = numbers.includes(month) || text.toLowerCase().includes(MONTHS[month - 1] as string);
  return numbers.includes(year) && numbers.includes(d) && monthNamed;
}

/** Strings that look like dates, half-dates and near-misses, built from the pieces people type. */
const dateish = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 40 }).map(String),
    fc.integer({ min: 0, max: 9 }).map((n) => `0${n}`),
    fc.integer({ min: 1890, max: 2230 }).map(String),
    fc.constantFrom("-", "/", ".", " ", ", ", "T", ":", "年", "月", "日", "--", "[[", "]]", "Nov", "November", "sept", "Mai", "th", "Z", "+01:00"),
  ),
  { minLength: 1, maxLength: 8 },
).map((parts) => parts.join(""));

const scalar = fc.oneof(dateish, fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom("", " ", "true", "no", "familiar", "Intimate", "亲密", "3w", "10", "2026-11-20", "--11-20", "11-20"));
const value = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), scalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.array(fc.oneof(fc.array(scalar, { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), scalar, { maxKeys: 2 })), { maxLength: 3 }) },
);
const frontmatter = fc.dictionary(fc.constantFrom(...Object.values(keys), "aliases", "type"), value, { maxKeys: 8 });

const empty = (v: unknown) => v === undefined || v === null || v === "";
const en = translator("en");
const zh = translator("zh");

/** The keys that got a problem. */
const flagged = (p: Person) => new Set(p.problems.map((x) => x.key));

describe("reading a person from any properties", () => {
  it("never throws; every problem names a key that is there and reads in English and Chinese", () => {
    fc.assert(fc.property(frontmatter, (fm) => {
      const text = `---\n${stringify(fm)}---\n# Body\n`;
      const person = readPerson("People/Ann.md", 0, parseMetadata(text), ctx);
      for (const problem of person.problems) {
        expect(problem.key === null || problem.key in fm).toBe(true);
        for (const t of [en, zh]) {
          const { message, fix } = describeProblem(problem, t);
          expect(message.length).toBeGreaterThan(5);
          expect(fix.length).toBeGreaterThan(5);
          expect(message).not.toContain("{value}");
          expect(message).not.toMatch(/^problem\.|^fix\./);
        }
      }
    }), { numRuns: 150 });
  });

  it("uses each value or reports it: nothing is dropped in silence", () => {
    fc.assert(fc.property(frontmatter, (fm) => {
      const person = readPerson("People/Ann.md", 0, { frontmatter: fm } as never, ctx);
      const bad = flagged(person);
      const check = (key: string, used: boolean) => {
        if (!empty(fm[key])) expect(used || bad.has(key), `${key}: ${JSON.stringify(fm[key])}`).toBe(true);
      };
      check(keys.tier, person.tier !== null);
      check(keys.tierGoal, person.tierGoal !== null);
      check(keys.lastTouch, person.lastTouchField !== null);
      check(keys.snoozeUntil, person.snoozeUntil !== null);
      check(keys.met, person.met !== null);
      check(keys.tierSince, person.tierSince !== null);
      check(keys.cadence, person.cadenceOverride !== null);
      check(keys.birthday, person.birthday !== null);
      check(keys.paused, [true, false, "true", "false", "yes", "no"].includes(fm[keys.paused] as never));
      // Lists: a value that is not a list, or an item that is not text, is reported.
      for (const key of [keys.commitments, keys.expecting, keys.interests]) {
        const v = fm[key];
        if (empty(v) || Array.isArray(v) || typeof v === "number" || (key === keys.interests && typeof v === "string")) continue;
        expect(bad.has(key), `${key}: ${JSON.stringify(v)}`).toBe(true);
      }
      for (const key of [keys.commitments, keys.expecting, keys.interests]) {
        const v = fm[key];
        if (Array.isArray(v) && v.some((item) => item !== null && typeof item === "object")) expect(bad.has(key)).toBe(true);
      }
    }), { numRuns: 1000 });
  });

  it("reads a date as the day it names, or reports it; never another day", () => {
    fc.assert(fc.property(dateish, (text) => {
      const day = parseDay(text);
      if (day !== null) expect(names(text, day), `${text} → ${day}`).toBe(true);
      const person = readPerson("People/Ann.md", 0, { frontmatter: { [keys.lastTouch]: text } } as never, ctx);
      if (text.trim() !== "") expect(person.lastTouchField !== null || flagged(person).has(keys.lastTouch)).toBe(true);
    }), { numRuns: 3000 });
  });

  it("reads a birthday as the month and day it names, with or without the year", () => {
    fc.assert(fc.property(dateish, (text) => {
      const b = parseBirthday(text);
      if (b === null) return;
      const numbers = (text.match(/\d+/g) ?? []).map(Number);
      const monthNamed = numbers.includes(b.month) || text.toLowerCase().includes(MONTHS[b.month - 1] as string) || /\d{8}/.test(text);
      expect(monthNamed && (numbers.includes(b.day) || /\d{8}/.test(text)), `${text} → ${JSON.stringify(b)}`).toBe(true);
      if (b.year !== null) expect(text).toContain(String(b.year));
    }), { numRuns: 3000 });
  });

  it("reads every shape in the list to the right day", () => {
    const nov20 = parseDay("2026-11-20");
    for (const text of ["2026/11/20", "20 Nov 2026", "2026-11-20T09:00", "2026-11-20 09:00:00", "Nov 20, 2026", "2026年11月20日", "[[2026-11-20]]", "20261120", "20.11.2026", " 2026-11-20 "]) {
      expect(parseDay(text), text).toBe(nov20);
    }
    for (const text of ["11/12/2026", "2026-02-30", "Nov 2026", "20 Nov", "tomorrow", "2026-11", "20/11/2026"]) expect(parseDay(text), text).toBeNull();
    expect(parseBirthday("11-20")).toEqual({ month: 11, day: 20, year: null });
    expect(parseBirthday("--11-20")).toEqual({ month: 11, day: 20, year: null });
    expect(parseDay("9999-12-31")).not.toBeNull(); // far future: read, then reported as in the future by the index
  });
});
