/**
 * The incremental index must always agree with an index built from scratch over the same notes, whatever
 * sequence of edits, creations, renames and deletions led there: statuses, the dated notes that touch each person,
 * open tasks, and the counts. Names collide on purpose (two people called Ann, a project called Bo), links come
 * in every form (`[[ann]]`, `[[People/Ann]]`, `[[Ann|A]]`, `[[Ann#Log]]`, `[[./Ann]]`), and people come and go by
 * folder, tag and rename, so the inverted index from names to notes is exercised from every side.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayToISO } from "../../src/domain/dates";
import { day, MemoryVault } from "./support/memoryIndex";

const NAMES = ["Ann", "Bo", "Cy", "Dee", "Eve"];
const FOLDERS = ["People", "Notes", "People/Work", "Projects"];
const TODAY = day("2026-11-26");

const linkForm = fc.constantFrom("plain", "lower", "folder", "alias", "sub", "relative", "md");
const link = fc.record({ name: fc.constantFrom(...NAMES, "Zed"), form: linkForm });
type LinkSpec = { name: string; form: "plain" | "lower" | "folder" | "alias" | "sub" | "relative" | "md" };

function written(l: LinkSpec): string {
  switch (l.form) {
    case "lower": return `[[${l.name.toLowerCase()}]]`;
    case "folder": return `[[People/${l.name}]]`;
    case "alias": return `[[${l.name}|${l.name.slice(0, 1)}]]`;
    case "sub": return `[[${l.name}#Log]]`;
    case "relative": return `[[../People/${l.name}]]`;
    case "md": return `[[${l.name}.md]]`;
    default: return `[[${l.name}]]`;
  }
}

const op = fc.oneof(
  // A person note (or an edit of one); `tagged` decides in Notes/ and Projects/, where only the tag makes a person.
  fc.record({ kind: fc.constant("person" as const), name: fc.constantFrom(...NAMES), folder: fc.constantFrom(...FOLDERS), tier: fc.constantFrom("familiar", "meaningful", "bestie", ""), touch: fc.integer({ min: -3, max: 60 }), tagged: fc.boolean(), task: fc.option(link, { nil: undefined }) }),
  fc.record({ kind: fc.constant("daily" as const), d: fc.integer({ min: 1, max: 25 }), links: fc.array(link, { maxLength: 3 }), open: fc.boolean() }),
  fc.record({ kind: fc.constant("meeting" as const), n: fc.integer({ min: 1, max: 3 }), d: fc.integer({ min: 1, max: 25 }), who: link, task: fc.option(link, { nil: undefined }) }),
  // An undated note with open tasks (a project), possibly bearing a person's name.
  fc.record({ kind: fc.constant("project" as const), name: fc.constantFrom(...NAMES, "Plan"), tasks: fc.array(link, { maxLength: 2 }) }),
  fc.record({ kind: fc.constant("rename" as const), from: fc.nat(), toName: fc.constantFrom(...NAMES, "Plan"), toFolder: fc.constantFrom(...FOLDERS, "Daily") }),
  fc.record({ kind: fc.constant("delete" as const), which: fc.nat() }),
);

const pad = (n: number) => String(n).padStart(2, "0");

function comparable(v: MemoryVault) {
  const index = v.index;
  const statuses = index
    .statuses(TODAY)
    .map((s) => [s.person.path, s.state, s.lastTouch ? `${dayToISO(s.lastTouch.day)} ${s.lastTouch.origin} ${s.lastTouch.path}` : "-", s.daysOver].join(" | "))
    .sort();
  const touches = index
    .allPeople()
    .map((p) => `${p.path}: ${index.datedTouches(p.path).map(([path, d]) => `${path}@${dayToISO(d)}`).sort().join(", ")}`)
    .sort();
  const tasks = index.openTasks().map((t) => `${t.path}:${t.line} → ${t.person}`).sort();
  const tasksByPerson = index
    .allPeople()
    .map((p) => `${p.path}: ${index.openTasks(p.path).map((t) => `${t.path}:${t.line}`).sort().join(", ")}`)
    .sort();
  // Problems are kept between calls: a person's edit (a last touch in the future, a name now shared) must show.
  const problems = index.problems(TODAY).map((p) => `${p.path} ${p.code} ${p.value}`).sort();
  return { statuses, touches, tasks, tasksByPerson, problems, people: index.personCount, dated: index.datedNoteCount };
}

type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

function run(ops: Op[], query: boolean): MemoryVault {
  const v = new MemoryVault({ "People/Ann.md": "---\ntier: familiar\n---\n", "Daily/2026-11-01.md": "[[Ann]] [[Bo]]", "Projects/Bo.md": "- [ ] ask [[Ann]]\n" });
  const paths = () => [...v.files.keys()].sort();
  for (const o of ops) {
    if (o.kind === "person") {
      const existing = paths().find((p) => p.endsWith(`/${o.name}.md`) && p.startsWith(`${o.folder}/`) && !p.slice(o.folder.length + 1).includes("/"));
      const fm = [o.tier ? `tier: ${o.tier}` : "", o.touch ? `last_touch: ${dayToISO(TODAY - o.touch)}` : "", o.tagged ? "tags: [person]" : ""].filter(Boolean).join("\n");
      const body = o.task ? `- [ ] send ${written(o.task)} the notes\n` : "";
      v.write(existing ?? `${o.folder}/${o.name}.md`, `---\n${fm}\n---\n${body}`);
    } else if (o.kind === "daily") {
      const text = o.links.map((l) => (o.open ? `- [ ] call ${written(l)}` : `- saw ${written(l)}`)).join("\n");
      v.write(`Daily/2026-11-${pad(o.d)}.md`, text);
    } else if (o.kind === "meeting") {
      const task = o.task ? `\n- [ ] follow up with ${written(o.task)}` : "";
      v.write(`Meetings/M${o.n}.md`, `---\ndate: 2026-11-${pad(o.d)}\nattendees:\n  - "${written(o.who)}"\n---\nWith ${written(o.who)}${task}`);
    } else if (o.kind === "project") {
      v.write(`Projects/${o.name}.md`, o.tasks.map((l) => `- [ ] ask ${written(l)}`).join("\n"));
    } else if (o.kind === "rename") {
      const all = paths();
      const from = all[o.from % all.length];
      const target = o.toFolder === "Daily" ? `Daily/2026-11-${pad((o.from % 25) + 1)}.md` : `${o.toFolder}/${o.toName}.md`;
      if (from && !v.files.has(target)) v.rename(from, target);
    } else {
      const all = paths();
      const path = all[o.which % all.length];
      if (path) v.remove(path);
    }
    // Query in between too, so cached statuses and pending names are exercised.
    if (query && o.kind !== "delete") {
      v.index.statuses(TODAY);
      v.index.problems(TODAY);
    }
  }
  return v;
}

describe("incremental index", () => {
  it("agrees with a fresh build after any sequence of changes", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const v = run(ops, true);
        const fresh = new MemoryVault(Object.fromEntries(v.files));
        expect(comparable(v)).toEqual(comparable(fresh));
      }),
      {
        numRuns: 400,
        examples: [
          // Found by a random draw: three notes named Cy, so each lists the other two; that list must not depend on
          // the order the notes arrived in.
          [[
            { kind: "project", name: "Cy", tasks: [] },
            { kind: "rename", from: 908405700, toName: "Cy", toFolder: "People" },
            { kind: "person", name: "Cy", folder: "Projects", tier: "familiar", touch: 0, tagged: true, task: undefined },
            { kind: "person", name: "Cy", folder: "People/Work", tier: "familiar", touch: 0, tagged: false, task: undefined },
            { kind: "meeting", n: 1, d: 1, who: { name: "Ann", form: "plain" }, task: undefined },
          ]],
        ],
      },
    );
  }, 60_000);

  it("agrees with a fresh build when changes come without a query in between", () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
        const v = run(ops, false);
        const fresh = new MemoryVault(Object.fromEntries(v.files));
        expect(comparable(v)).toEqual(comparable(fresh));
      }),
      { numRuns: 100 },
    );
  }, 60_000);
});
