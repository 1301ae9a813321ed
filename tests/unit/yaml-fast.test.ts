/**
 * The fast frontmatter reader (src/metadata/yaml-fast.ts) must give exactly what the `yaml` package gives, or
 * step aside. Generated frontmatter, from the plain forms notes use to deliberately awkward text, is read both
 * ways: whenever the fast reader answers, its answer (values, types, key order, -0 and NaN included) equals the
 * full parser's. Other properties check that it does answer for the plain forms, so the fast path is really taken.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseYamlFully, parseYamlMapping } from "../../src/metadata/frontmatter";
import { parseSimpleYaml } from "../../src/metadata/yaml-fast";

/** A lossless, order-keeping picture of a parsed value (so `{a,b}` ≠ `{b,a}`, `-0` ≠ `0`, `NaN` = `NaN`). */
function picture(value: unknown): string {
  if (value === null) return "null";
  if (typeof value === "number") return Object.is(value, -0) ? "num:-0" : `num:${String(value)}`;
  if (typeof value === "string") return `str:${JSON.stringify(value)}`;
  if (typeof value === "boolean") return `bool:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(picture).join(",")}]`;
  if (typeof value === "object") {
    const proto = Object.getPrototypeOf(value) === Object.prototype ? "" : "proto!";
    return `${proto}{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${picture(v)}`).join(",")}}`;
  }
  return `other:${typeof value}`;
}

function full(source: string): string {
  return picture(parseYamlFully(source));
}

/** Checks one source: the fast reader either steps aside or agrees. Returns whether it answered. */
function agrees(source: string): boolean {
  const fast = parseSimpleYaml(source);
  if (fast === undefined) return false;
  expect(picture(fast), source).toBe(full(source));
  return true;
}

// ── generators ──────────────────────────────────────────────────────────────────────────────
const awkward = [
  "a", "b", "Z", "0", "1", "9", " ", " ", " ", ".", "-", "+", "_", "e", "E", "x", "o", "n", "u", "l", "t", "r", "f", "s",
  ":", "#", "'", '"', "\\", "[", "]", "{", "}", ",", "?", "!", "&", "*", "|", ">", "%", "@", "`", "~", "/",
  "\t", "\u00a0", "\u3000", "\u2028", "\ufeff", "\u0085", "\u0007", "é", "中", "📅", "\r",
];
const letters = ["a", "e", "l", "n", "o", "r", "s", "t", "u", "N", "T", "F", "_", "-", " ", "1", "2", "人", "é"];

const awkwardText = fc.string({ unit: fc.constantFrom(...awkward), maxLength: 12 });
const wordText = fc.string({ unit: fc.constantFrom(...letters), minLength: 1, maxLength: 10 });
const special = fc.constantFrom(
  "true", "True", "TRUE", "false", "FALSE", "null", "Null", "NULL", "~", "yes", "no", "on", "off", "y", "n",
  "10", "-5", "+5", "007", "0", "-0", "0o17", "0x1F", "0xg", "1.5", "1.", ".5", "1e3", "-1.5E-2", "1_000", ".inf", "-.Inf", ".nan", ".NaN",
  "2026-11-02", "2026-11-02T09:00", "12:30", "3w", "2w", "1m", "[[Ann Lee]]", "[[Ann Lee|Ann]]", "Send the deck 📅 2026-12-01",
  "urban design", "a: b", "a:b", "a #b", "a#b", "http://x.y/z", "- x", "-x", "? x", "it's", "say \"hi\"", "",
  "99999999999999999999", "1e400", "0.1000", "+.5", "- ", "-", "'", '"', "[]", "[a]", "{a: 1}", "&x", "*x", "!tag x", "|", ">",
);
const scalarText = fc.oneof({ arbitrary: special, weight: 3 }, { arbitrary: wordText, weight: 3 }, { arbitrary: awkwardText, weight: 2 });

const doubleQuoted = (s: string) => JSON.stringify(s);
const singleQuoted = (s: string) => `'${s.replace(/'/g, "''")}'`;
const written = fc.tuple(scalarText, fc.constantFrom("plain", "plain", "double", "single")).map(([s, how]) => (how === "double" ? doubleQuoted(s) : how === "single" ? singleQuoted(s) : s));

const spaces = fc.constantFrom("", " ", "  ");
const key = fc.oneof(
  { arbitrary: fc.constantFrom("tier", "last_touch", "cadence", "tags", "aliases", "type", "date", "attendees", "how we met", "tier-goal", "a.b", "类型", "null", "true", "__proto__", "constructor", "toString"), weight: 4 },
  { arbitrary: wordText, weight: 2 },
  { arbitrary: awkwardText, weight: 1 },
);

type Entry = string[];
const scalarEntry = fc.tuple(key, spaces, written, spaces).map(([k, a, v, b]): Entry => [`${k}:${v === "" ? "" : " "}${a}${v}${b}`]);
const emptyEntry = fc.tuple(key, spaces).map(([k, a]): Entry => [`${k}:${a}`]);
const flowEntry = fc
  .tuple(key, fc.array(written, { maxLength: 4 }), fc.constantFrom(", ", ",", " , "), fc.constantFrom("", " "), fc.boolean())
  .map(([k, items, sep, pad, trailing]): Entry => [`${k}: [${pad}${items.join(sep)}${trailing && items.length > 0 ? "," : ""}${pad}]`]);
const blockEntry = fc
  .tuple(key, fc.array(written, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "  ", "    ", " "), fc.constantFrom(" ", "  "), fc.boolean())
  .map(([k, items, indent, gap, blank]): Entry => [`${k}:`, ...items.map((item) => `${indent}-${gap}${item}`), ...(blank ? [""] : [])]);
const oddEntry = fc.constantFrom<Entry>(
  ["# a comment"], ["key: value # comment"], ["nested:", "  inner: 1"], ["text: |", "  block"], ["folded: >", "  block"],
  ["multi: first", "  second"], ["anchor: &a x"], ["alias: *a"], ["<<: {a: 1}"], ["..."], ["--- x"], ["%YAML 1.2"], ["? complex"],
  ["list:", "  - a", " - b"], ["list:", "- a", "  - b"], ["list:", "  - a", "    continued"], ["  indented: 1"], ["- top"], ["key:", "  -"],
  ["dup: 1"], ["tab:\tx"], ["empty:", ""], ["key:   "], ["nested: [[a]]"], ["nested: [a, [b]]"], ["map: {a: b}"], ["q: \"open"],
);
const entry = fc.oneof({ arbitrary: scalarEntry, weight: 5 }, { arbitrary: emptyEntry, weight: 1 }, { arbitrary: flowEntry, weight: 2 }, { arbitrary: blockEntry, weight: 2 }, { arbitrary: oddEntry, weight: 1 });
const source = fc.tuple(fc.array(entry, { maxLength: 6 }), fc.array(fc.nat(8), { maxLength: 2 })).map(([entries, blanks]) => {
  const lines = entries.flat();
  for (const at of blanks) lines.splice(Math.min(at, lines.length), 0, "");
  return lines.join("\n");
});

// The plain forms person, daily and meeting notes use: the fast reader must answer for all of them.
const plainKey = fc.constantFrom("tier", "last_touch", "cadence", "tags", "aliases", "type", "date", "attendees", "how_we_met", "company", "类型");
const plainItem = fc.oneof(
  fc.constantFrom("intimate", "Familiar", "亲密", "2026-11-02", "10", "3w", "true", "false", "person", "A conference in Lisbon", "Northwind Labs"),
  fc.constantFrom("Send the reading list 📅 2026-12-01", "[[Ann Lee]]", "[[Ann Lee|Ann]]").map(doubleQuoted),
);
const plainValue = fc.oneof(plainItem, fc.constant("2026-01-01T09:00"));
const plainSource = fc
  .uniqueArray(
    fc.tuple(plainKey, fc.oneof(plainValue.map((v) => ` ${v}`), fc.array(plainItem, { minLength: 1, maxLength: 3 }).map((vs) => ` [${vs.join(", ")}]`), fc.array(plainValue, { minLength: 1, maxLength: 3 }).map((vs) => vs.map((v) => `\n  - ${v}`).join("")))),
    { selector: ([k]) => k, minLength: 1, maxLength: 8 },
  )
  .map((entries) => entries.map(([k, v]) => `${k}:${v}`).join("\n"));

// ── properties ──────────────────────────────────────────────────────────────────────────────
describe("fast frontmatter reader", () => {
  it("equals the yaml package whenever it answers (generated, awkward frontmatter)", () => {
    let answered = 0;
    fc.assert(
      fc.property(source, (src) => {
        if (agrees(src)) answered++;
      }),
      { numRuns: 3000 },
    );
    // Not a vacuous pass: a good share of the generated blocks are simple enough to be answered.
    expect(answered).toBeGreaterThan(300);
  }, 60_000);

  it("answers for the plain forms notes use, with the yaml package's result", () => {
    fc.assert(
      fc.property(plainSource, (src) => {
        expect(agrees(src), src).toBe(true);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("equals the yaml package on single awkward scalars, in every position", () => {
    fc.assert(
      fc.property(scalarText, spaces, (text, pad) => {
        for (const src of [`k: ${text}${pad}`, `k: "${text}"`, `k: '${text}'`, `k: [${text}]`, `k: [a, ${text}]`, `k:\n  - ${text}`, `k:\n- ${text}${pad}`, `${text}: v`, `${text}:`]) agrees(src);
      }),
      { numRuns: 1000 },
    );
  }, 60_000);

  it("reads the usual cases directly", () => {
    const src = "tier: intimate\nlast_touch: 2026-11-02\ncadence: 10\npaused: true\nsnooze: ~\ninterests: [climbing, urban design]\ncommitments:\n  - Send the reading list 📅 2026-12-01\n  - \"[[Ann Lee]]\"\nempty:\nquote: 'it''s'";
    expect(parseSimpleYaml(src)).toEqual({
      tier: "intimate",
      last_touch: "2026-11-02",
      cadence: 10,
      paused: true,
      snooze: null,
      interests: ["climbing", "urban design"],
      commitments: ["Send the reading list 📅 2026-12-01", "[[Ann Lee]]"],
      empty: null,
      quote: "it's",
    });
    expect(picture(parseSimpleYaml(src))).toBe(full(src));
  });

  it("steps aside for what it does not read, and the full parser still runs", () => {
    for (const src of ["", "# only a comment", "a: 1\na: 2", "nested:\n  b: 1", "text: |\n  x", "tags: [a, [b]]", "k: v # c", "k: &a v", "key:\tx", "k: 'open", "- a", "tier: [familiar\nlast_touch: 2026-11-16"]) {
      expect(parseSimpleYaml(src), src).toBeUndefined();
      expect(picture(parseYamlMapping(src)), src).toBe(full(src));
    }
  });
});
