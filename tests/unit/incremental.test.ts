/**
 * The incremental index must always agree with an index built from scratch over the same notes, whatever
 * sequence of edits, creations, renames and deletions led there.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayToISO } from "../../src/domain/dates";
import { day, MemoryVault } from "./support/memoryIndex";

const NAMES = ["Ann", "Bo", "Cy", "Dee", "Eve"];
const TODAY = day("2026-11-26");

const op = fc.oneof(
  fc.record({ kind: fc.constant("person" as const), name: fc.constantFrom(...NAMES), folder: fc.constantFrom("People", "Notes"), tier: fc.constantFrom("familiar", "meaningful", "bestie", ""), touch: fc.integer({ min: 0, max: 60 }), tagged: fc.boolean() }),
  fc.record({ kind: fc.constant("daily" as const), d: fc.integer({ min: 1, max: 25 }), links: fc.array(fc.constantFrom(...NAMES, "Zed"), { maxLength: 3 }), open: fc.boolean() }),
  fc.record({ kind: fc.constant("meeting" as const), n: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 25 }), who: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant("rename" as const), from: fc.constantFrom(...NAMES), to: fc.constantFrom(...NAMES) }),
  fc.record({ kind: fc.constant("delete" as const), name: fc.constantFrom(...NAMES), d: fc.integer({ min: 1, max: 25 }), daily: fc.boolean() }),
);

function comparable(v: MemoryVault) {
  return v.index
    .statuses(TODAY)
    .map((s) => [s.person.path, s.state, s.lastTouch ? `${dayToISO(s.lastTouch.day)} ${s.lastTouch.origin} ${s.lastTouch.path}` : "-", s.daysOver].join(" | "))
    .sort();
}

function pathOf(v: MemoryVault, name: string): string | undefined {
  return [...v.files.keys()].find((p) => p.endsWith(`/${name}.md`) && !p.startsWith("Daily/"));
}

describe("incremental index", () => {
  it("agrees with a fresh build after any sequence of changes", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const v = new MemoryVault({ "People/Ann.md": "---\ntier: familiar\n---\n", "Daily/2026-11-01.md": "[[Ann]] [[Bo]]" });
        for (const o of ops) {
          if (o.kind === "person") {
            const existing = pathOf(v, o.name);
            const fm = [o.tier ? `tier: ${o.tier}` : "", o.touch ? `last_touch: ${dayToISO(TODAY - o.touch)}` : "", o.tagged ? "tags: [person]" : ""].filter(Boolean).join("\n");
            v.write(existing ?? `${o.folder}/${o.name}.md`, `---\n${fm}\n---\n`);
          } else if (o.kind === "daily") {
            const text = o.links.map((l) => (o.open ? `- [ ] call [[${l}]]` : `- saw [[${l}]]`)).join("\n");
            v.write(`Daily/2026-11-${String(o.d).padStart(2, "0")}.md`, text);
          } else if (o.kind === "meeting") {
            v.write(`Meetings/M${o.n}.md`, `---\ndate: 2026-11-${String(o.d).padStart(2, "0")}\n---\nWith [[${o.who}]]`);
          } else if (o.kind === "rename") {
            const from = pathOf(v, o.from);
            const target = `People/${o.to}.md`;
            if (from && !v.files.has(target)) v.rename(from, target);
          } else {
            const path = o.daily ? `Daily/2026-11-${String(o.d).padStart(2, "0")}.md` : pathOf(v, o.name);
            if (path && v.files.has(path)) v.remove(path);
          }
          // Query in between too, so cached statuses are exercised.
          v.index.statuses(TODAY);
        }
        const fresh = new MemoryVault(Object.fromEntries(v.files));
        expect(comparable(v)).toEqual(comparable(fresh));
      }),
      { numRuns: 300 },
    );
  });
});
