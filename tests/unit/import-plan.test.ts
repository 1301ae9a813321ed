/** Planning an import against the people already in a vault, and writing the chosen changes. */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { parse as parseYaml } from "yaml";
import { describe, expect, it } from "vitest";
import { emptyContact, type Contact, type ReadResult } from "../../src/import/contact";
import { importKeys } from "../../src/import/fields";
import { enrichText, importedNoteText } from "../../src/import/noteText";
import { applyChanges, planImport, workFor, type ExistingPerson, type FieldChange, type Plan } from "../../src/import/plan";
import { readContacts } from "../../src/import/read";
import { isInsideFolder } from "../../src/prep/fileName";
import { DEFAULT_SETTINGS } from "../../src/settings/schema";
import { dayFromISO } from "../../src/domain/dates";

const keys = importKeys(DEFAULT_SETTINGS.keys);
const FOLDER = "People";
const fixture = (name: string) => readContacts(readFileSync(`tests/fixtures/import/${name}`, "utf8"));

const PEOPLE: ExistingPerson[] = [
  { path: "People/Alice Chen.md", name: "Alice Chen", aliases: [], frontmatter: { tier: "meaningful" } },
  { path: "People/Carmen Ruiz.md", name: "Carmen Ruiz", aliases: [], frontmatter: { tier: "familiar", company: "Ruiz & Partners, S.L.", position: "Founder", linkedin: "https://www.linkedin.com/in/carmenruiz-example", met: "2019-02-02", how_we_met: "LinkedIn" } },
  { path: "People/王芳.md", name: "王芳", aliases: ["Wang Fang"], frontmatter: { tier: "亲密", company: "腾讯" } },
  { path: "Contacts/Jose.md", name: "Jose", aliases: [], frontmatter: { email: ["jose@example.es"] } },
];

function plan(read: ReadResult, people = PEOPLE, existing: string[] = []): Plan {
  const files = new Set(existing.map((p) => p.toLowerCase()));
  return planImport(read, people, { keys, folder: FOLDER, exists: (p) => files.has(p.toLowerCase()) });
}

describe("planImport on LinkedIn's file", () => {
  const p = plan(fixture("Connections.csv"));

  it("creates new people directly inside the folder, with safe names", () => {
    expect(p.create.map((c) => c.path).sort()).toEqual([
      "People/Ann Bob Smith.md", "People/CON_.md", "People/Evil tag.md", "People/Priya Raman.md", "People/Sam Lee.md", "People/etc passwd.md", "People/李明.md",
    ]);
    for (const c of p.create) expect(isInsideFolder("People", c.path) && !c.path.slice(7).includes("/")).toBe(true);
  });

  it("matches people by name (accents and order aside) and by email, and fills only what is empty", () => {
    const alice = p.update.find((u) => u.path === "People/Alice Chen.md");
    expect(alice?.fills.map((f) => f.key)).toEqual(["company", "position", "email", "linkedin", "met", "how_we_met"]);
    const jose = p.update.find((u) => u.path === "Contacts/Jose.md");
    expect(jose?.contact.name).toBe("José Álvarez");
    const fang = p.update.find((u) => u.path === "People/王芳.md");
    expect(fang?.differs.map((d) => [d.key, d.current, d.value])).toEqual([["company", "腾讯", "字节跳动"]]);
    expect(p.upToDate.map((u) => u.path)).toEqual(["People/Carmen Ruiz.md"]);
  });

  it("merges repeated rows for one person and holds back a same-name row with another email", () => {
    expect(p.merged).toEqual([{ line: 10, into: 9, name: "Priya Raman" }]);
    expect(p.create.find((c) => c.contact.name === "Priya Raman")?.values).toMatchObject({ email: "priya@example.org", position: "Research lead climate team" });
    expect(p.ambiguous.map((a) => [a.contact.name, a.reason, a.candidates])).toEqual([["Sam Lee", "same-name-other-email", ["line 17"]]]);
  });

  it("lists rows it cannot use with the reason", () => {
    expect(p.unreadable.map((u) => [u.line, u.reason])).toEqual([[12, "name-unusable"], [16, "no-name"]]);
  });

  it("never applies a row that matches several people", () => {
    const both: ExistingPerson[] = [...PEOPLE, { path: "People/Other Alice.md", name: "Other Alice", aliases: [], frontmatter: { email: "alice@example.com" } }];
    const q = plan(fixture("Connections.csv"), both);
    expect(q.ambiguous.find((a) => a.contact.name === "Alice Chen")).toMatchObject({ reason: "several-people", candidates: ["People/Alice Chen.md", "People/Other Alice.md"] });
    expect(workFor(q, { ids: new Set(q.ambiguous.map((a) => a.id)), overwrite: new Set() })).toEqual({ create: [], update: [] });
  });

  it("does not make a note where a file of that name already is (any case)", () => {
    const q = plan(fixture("Connections.csv"), PEOPLE, ["people/李明.md"]);
    expect(q.ambiguous.find((a) => a.contact.name === "李明")).toMatchObject({ reason: "file-taken" });
    expect(q.create.some((c) => c.contact.name === "李明")).toBe(false);
  });

  it("replaces differing values only for the fields chosen", () => {
    const all = new Set([...p.update, ...p.upToDate].map((u) => u.id));
    const keep = workFor(p, { ids: all, overwrite: new Set() });
    expect(keep.update.find((w) => w.item.path === "People/王芳.md")?.changes.map((c) => c.key)).toEqual(["position", "email", "linkedin", "met", "how_we_met"]);
    const replace = workFor(p, { ids: all, overwrite: new Set(["company"]) });
    expect(replace.update.find((w) => w.item.path === "People/王芳.md")?.changes.map((c) => c.key)).toContain("company");
  });
});

describe("re-importing", () => {
  /** Applies a plan to a list of people the way the plugin would (new people get the imported values). */
  function applied(p: Plan, people: ExistingPerson[]): ExistingPerson[] {
    const out = people.map((x) => ({ ...x, frontmatter: { ...(x.frontmatter ?? {}) } }));
    const work = workFor(p, { ids: new Set([...p.create, ...p.update, ...p.upToDate].map((i) => i.id)), overwrite: new Set() });
    for (const { item, changes } of work.update) applyChanges(out.find((x) => x.path === item.path)!.frontmatter, changes, new Set());
    for (const c of work.create) {
      const fm: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(c.values)) fm[keys[field as keyof typeof keys]] = value;
      const name = c.path.slice(c.path.lastIndexOf("/") + 1, -3);
      out.push({ path: c.path, name, aliases: name === c.contact.name ? [] : [c.contact.name], frontmatter: fm });
    }
    return out;
  }

  for (const file of ["Connections.csv", "google.vcf", "icloud.vcf", "android.vcf", "contacts-4.0.vcf"]) {
    it(`plans nothing new the second time: ${file}`, () => {
      const read = fixture(file);
      const after = applied(plan(read), PEOPLE);
      const again = plan(read, after, after.map((x) => x.path));
      expect(again.create).toEqual([]);
      expect(again.update).toEqual([]);
    });
  }

  it("plans nothing new the second time for any set of contacts (property)", () => {
    const name = fc.stringMatching(/^[A-Za-zÀ-ÿ王芳李明]{1,6}( [A-Za-z王]{1,5})?$/);
    const contact = fc.record({ name, email: fc.option(fc.stringMatching(/^[a-z]{1,4}@x\.example$/)), company: fc.option(fc.stringMatching(/^[A-Za-z]{1,6}$/)) });
    fc.assert(fc.property(fc.array(contact, { maxLength: 12 }), (rows) => {
      const contacts: Contact[] = rows.map((r, i) => ({ ...emptyContact("linkedin", i + 2, r.name), emails: r.email ? [r.email] : [], company: r.company }));
      const read: ReadResult = { format: "linkedin", contacts, unreadable: [] };
      const after = applied(plan(read, []), []);
      const again = plan(read, after, after.map((x) => x.path));
      expect(again.create).toEqual([]);
      expect(again.update).toEqual([]);
    }));
  });
});

describe("writing", () => {
  const change = (key: string, value: string | string[]): FieldChange => ({ field: (Object.entries(keys).find(([, k]) => k === key)?.[0] ?? key) as FieldChange["field"], key, value, current: null });

  it("fills empty values and replaces others only when asked", () => {
    const fm: Record<string, unknown> = { company: "Old", position: "", tier: "familiar" };
    expect(applyChanges(fm, [change("company", "New"), change("position", "Lead")], new Set())).toBe(1);
    expect(fm).toEqual({ company: "Old", position: "Lead", tier: "familiar" });
    expect(applyChanges(fm, [change("company", "New")], new Set(["company"]))).toBe(1);
    expect(fm.company).toBe("New");
  });

  const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(null));
  const keyName = fc.oneof(fc.stringMatching(/^[a-z][a-z_]{0,8}$/), fc.constantFrom("company", "position", "email", "birthday", "met"));

  it("an enrichment keeps every other property and the body exactly (property)", () => {
    fc.assert(fc.property(fc.dictionary(keyName, value, { maxKeys: 6 }), fc.string(), fc.subarray(["company", "position", "email", "birthday", "met"]), fc.boolean(), (props, body, fields, overwrite) => {
      const yaml = Object.entries(props).map(([k, v]) => `${k}: ${JSON.stringify(v)}`).join("\n");
      const text = `---\n${yaml}${yaml === "" ? "" : "\n"}---\n${body}`;
      const changes = fields.map((f) => change(f, f === "birthday" ? "11-26" : f === "met" ? "2024-11-26" : `${f} value`));
      const result = enrichText(text, props, changes, overwrite ? new Set(changes.map((c) => c.field)) : new Set(), parseYaml);
      const end = result.text.indexOf("\n---\n", 3) + 5;
      expect(result.text.slice(end)).toBe(body);
      const after = parseYaml(result.text.slice(4, end - 5) || "{}") as Record<string, unknown>;
      for (const [k, v] of Object.entries(props)) if (!fields.includes(k)) expect(after[k]).toEqual(v);
      for (const c of changes) {
        const had = props[c.key];
        const emptyBefore = had === undefined || had === null || had === "" || (Array.isArray(had) && had.every((x) => x === ""));
        if (emptyBefore || overwrite) expect(String(after[c.key])).toBe(c.value);
        else expect(after[c.key]).toEqual(had);
      }
      // Obsidian's writer path: the same changes on the object keep every other key.
      const fm = structuredClone(props) as Record<string, unknown>;
      applyChanges(fm, changes, new Set());
      for (const [k, v] of Object.entries(props)) if (!fields.includes(k)) expect(fm[k]).toEqual(v);
    }), { numRuns: Number(process.env.FC_RUNS ?? 200) });
  });

  it("makes new notes from the person template, untracked unless a tier is chosen", () => {
    const p = plan(fixture("icloud.vcf"), []);
    const frank = p.create.find((c) => c.contact.name === "Frank Moreau")!;
    const ctx = { keys: DEFAULT_SETTINGS.keys, logHeading: "Log", language: "en" as const, today: dayFromISO("2026-11-26")! };
    const text = importedNoteText(frank, null, keys, ctx, null, parseYaml);
    const fm = parseYaml(text.split("---\n")[1]!) as Record<string, unknown>;
    expect(fm).toMatchObject({ tier: null, company: "Atelier Moreau", position: "Architect", email: "frank@atelier.example", birthday: "11-26", linkedin: "https://www.linkedin.com/in/frank-moreau-example", website: "https://atelier-moreau.example" });
    expect(text.trimEnd().endsWith("Knows everyone in the Lyon design scene and likes to introduce people to one another.")).toBe(true);
    const tiered = parseYaml(importedNoteText(frank, "familiar", keys, ctx, "---\ntier: {{tier}}\n---\n# {{name}}\n", parseYaml).split("---\n")[1]!) as Record<string, unknown>;
    expect(tiered).toMatchObject({ tier: "familiar", company: "Atelier Moreau" });
  });
});
