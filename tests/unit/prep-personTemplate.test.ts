import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { dayFromISO } from "../../src/domain/dates";
import { parseTier } from "../../src/domain/tiers";
import { escapeInline, isBlockStart } from "../../src/prep/markdownText";
import {
  defaultPersonNote, firstNameOf, formFrontmatter, parseInterests, personFields, renderPersonTemplate, renderTemplate, templaterRanges,
  type PersonForm, type PersonTemplateContext,
} from "../../src/prep/personTemplate";
import { yamlFlowSequence, yamlScalar } from "../../src/prep/yamlText";
import { defaultSettings } from "../../src/settings/schema";
import { parseMetadata } from "../../src/metadata/parse";

const today = dayFromISO("2026-11-20") ?? 0;
const ctx = (over: Partial<PersonTemplateContext> = {}): PersonTemplateContext => ({
  keys: defaultSettings().keys, logHeading: "Log", language: "en", today, ...over,
});
const form: PersonForm = { name: "Ann Lee", tier: "familiar", met: "2026-11-18", howWeMet: "Climbing gym, through Sam", interests: ["climbing", "urban design"], tierGoal: "intimate" };

/** The frontmatter of a note, read by a real YAML parser (core schema, like Obsidian). */
function frontmatter(text: string): Record<string, unknown> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(text);
  if (!m) throw new Error(`no frontmatter in ${text}`);
  return (parseYaml(m[1] ?? "", { schema: "core" }) ?? {}) as Record<string, unknown>;
}
const body = (text: string) => text.replace(/^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/, "");

describe("the built-in person note", () => {
  it("has the plugin's keys as plain YAML and the four sections", () => {
    const note = defaultPersonNote(form, ctx());
    expect(note).toBe(`---
tier: familiar
met: 2026-11-18
how_we_met: Climbing gym, through Sam
interests:
  - climbing
  - urban design
tier_goal: intimate
---

## What I know

## Common ground

## Log

## Commitments
`);
  });

  it("is read back by the plugin as the same person, with no problems", async () => {
    const { readPerson } = await import("../../src/domain/person");
    const { DailyNoteMatcher } = await import("../../src/domain/datedNotes");
    const note = defaultPersonNote({ ...form, name: "王小明", howWeMet: "在上海的设计大会: 茶歇时聊起" }, ctx({ language: "zh" }));
    const p = readPerson("People/王小明.md", 0, parseMetadata(note), { settings: defaultSettings(), daily: new DailyNoteMatcher({ folder: "", format: "YYYY-MM-DD", source: "fallback" }) });
    expect(p.problems).toEqual([]);
    expect(p.tier).toBe("familiar");
    expect(p.tierGoal).toBe("intimate");
    expect(p.met).toBe(dayFromISO("2026-11-18"));
    expect(p.interests).toEqual(["climbing", "urban design"]);
    expect(note).toContain("## 我所了解的\n\n## 我们的共同点\n\n## Log\n\n## 承诺\n");
    expect(frontmatter(note).how_we_met).toBe("在上海的设计大会: 茶歇时聊起");
  });

  it("leaves empty keys for Properties to offer, and uses the configured key names and log heading", () => {
    const settings = defaultSettings();
    settings.keys.howWeMet = "origin story";
    settings.keys.tier = "closeness";
    const note = defaultPersonNote({ name: "Bo", tier: null }, ctx({ keys: settings.keys, logHeading: "## Touches", marker: { key: "type", value: "person" } }));
    const fm = frontmatter(note);
    expect(fm).toEqual({ type: "person", closeness: null, met: null, "origin story": null, interests: [], tier_goal: null });
    expect(note).toContain("\n## Touches\n");
    expect(note).not.toContain("## ## Touches");
  });

  it("keeps the typed name as an alias when the file name had to change", () => {
    const note = defaultPersonNote({ name: "Ann/Bob #1", tier: "familiar" }, ctx());
    expect(frontmatter(note).aliases).toEqual(["Ann/Bob #1"]);
    expect(frontmatter(defaultPersonNote({ name: "Ann", tier: "familiar" }, ctx())).aliases).toBeUndefined();
  });

  it("writes hostile values so YAML reads back exactly what was typed (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), fc.array(fc.string({ unit: "grapheme", maxLength: 15 }), { maxLength: 4 }), (how, interests) => {
        const f: PersonForm = { name: "X", tier: "intimate", howWeMet: how, interests };
        const fm = frontmatter(defaultPersonNote(f, ctx()));
        const oneLine = (s: string) => s.replace(/\s+/gu, " ").trim();
        expect(fm.how_we_met).toBe(oneLine(how) === "" ? null : oneLine(how));
        expect(fm.interests).toEqual(interests.map(oneLine).filter((i) => i !== ""));
      }),
      { numRuns: 300 },
    );
  });
});

describe("YAML scalars", () => {
  it("quotes whatever would read back as something else", () => {
    for (const v of ["yes", "No", "null", "~", "true", "123", "1e3", "0x1F", ".inf", "2026-01-01", "- a", "a: b", "a #b", "[x]", "{x}", "#tag", "*ref", "&anchor", "!tag", "|", ">", "'q", '"q', "@x", "`x", "%x", " lead", "trail ", "", "a\nb", "<% tp.file.title %>", "=", "<<"]) {
      const out = yamlScalar(v);
      expect(out.startsWith('"'), v).toBe(true);
      expect(parseYaml(`k: ${out}`, { schema: "core" }).k, v).toBe(v);
      expect(parseYaml(`k: ${out}`, { version: "1.1" }).k, v).toBe(v);
    }
    expect(yamlScalar("<% x %>")).toBe('"\\x3C% x %>"');
  });
  it("leaves ordinary text plain", () => {
    for (const v of ["Ann Lee", "王小明", "climbing", "urban design", "C#", "AT&T", "https://example.com/a_b", "Ann 👩‍💻"]) expect(yamlScalar(v)).toBe(v);
  });
  it("reads back any string, in a block or a flow sequence, in YAML 1.1 and 1.2 (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 30 }), fc.array(fc.string({ unit: "grapheme", maxLength: 10 })), (v, list) => {
        expect(parseYaml(`k: ${yamlScalar(v)}`, { schema: "core" }).k).toBe(v);
        expect(parseYaml(`k: ${yamlScalar(v)}`, { version: "1.1" }).k).toBe(v);
        expect(parseYaml(`k: ${yamlFlowSequence(list)}`, { schema: "core" }).k).toEqual(list);
      }),
      { numRuns: 500 },
    );
  });
});

describe("user templates", () => {
  it("fills placeholders in frontmatter and body, any case, spaces allowed", () => {
    const template = "---\ntier: {{tier}}\nmet: {{met}}\nhow_we_met: {{how_we_met}}\ninterests: {{interests}}\ncreated: {{date}}\n---\n# {{ Name }}\n\nMet {{how_we_met}}. First name {{first_name}}. Into {{interests}}.\n";
    const out = renderPersonTemplate(template, form, ctx());
    expect(out).toBe("---\ntier: familiar\nmet: 2026-11-18\nhow_we_met: Climbing gym, through Sam\ninterests: [climbing, urban design]\ncreated: 2026-11-20\n---\n# Ann Lee\n\nMet Climbing gym, through Sam. First name Ann. Into climbing, urban design.\n");
  });

  it("leaves unknown placeholders and Templater commands as typed", () => {
    const template = "---\ntier: {{tier}}\ncustom: {{whatever}}\ncreated: <% tp.date.now(\"YYYY-MM-DD\") %>\n---\n{{unknown}} {{name}}\n<%* tR += `{{name}}` %>\n<%- tp.file.title -%>\n<% unclosed {{name}}";
    const out = renderPersonTemplate(template, form, ctx());
    expect(out).toBe("---\ntier: familiar\ncustom: {{whatever}}\ncreated: <% tp.date.now(\"YYYY-MM-DD\") %>\n---\n{{unknown}} Ann Lee\n<%* tR += `{{name}}` %>\n<%- tp.file.title -%>\n<% unclosed {{name}}");
    expect(templaterRanges("a <% b %> c <%* d")).toEqual([[2, 9], [12, 17]]);
  });

  it("fills extra form fields, configured key names and date formats", () => {
    const settings = defaultSettings();
    settings.keys.howWeMet = "origin";
    const out = renderPersonTemplate("{{origin}} / {{company}} / {{date:YYYY年M月D日}} / {{met:DD.MM.YYYY}} / {{name:x}}", { ...form, extra: { Company: "Acme" } }, ctx({ keys: settings.keys }));
    expect(out).toBe("Climbing gym, through Sam / Acme / 2026年11月20日 / 18.11.2026 / {{name:x}}");
  });

  it("writes tier names in the user's language in the body, ids in the frontmatter", () => {
    const out = renderPersonTemplate("---\ntier: {{tier}}\n---\n{{tier}} → {{tier_goal}}", form, ctx({ language: "zh", tierLabel: (t) => ({ familiar: "熟悉", intimate: "亲密" })[t as "familiar"] ?? t }));
    expect(out).toBe("---\ntier: familiar\n---\n熟悉 → 亲密");
    expect(parseTier("熟悉")).toBe("familiar");
  });

  it("joins lists the Chinese way in a Chinese body", () => {
    expect(renderPersonTemplate("{{interests}}", form, ctx({ language: "zh" }))).toBe("climbing、urban design");
  });

  it("handles every frontmatter shape so the YAML reads back what was typed", () => {
    const hostile: PersonForm = { name: 'Ann "A: B" #1', tier: "familiar", howWeMet: "at: the 'gym' #x\nnext line", interests: ["a, b", "[c]", "yes"] };
    const template = [
      "---",
      "name: {{name}}",
      'quoted: "Hi {{name}}!"',
      "single: 'It''s {{how_we_met}}'",
      "flow: [{{interests}}, extra]",
      "aliases: [{{name}}]",
      "mixed: Met {{how_we_met}} today",
      "interests:",
      "  - {{interests}}",
      "  - fixed",
      "empty: {{tier_goal}}",
      "list_empty:",
      "  - {{tier_goal}}",
      "---",
      "",
    ].join("\n");
    const fm = frontmatter(renderPersonTemplate(template, hostile, ctx()));
    expect(fm).toEqual({
      name: 'Ann "A: B" #1',
      quoted: 'Hi Ann "A: B" #1!',
      single: "It's at: the 'gym' #x next line",
      flow: ["a, b", "[c]", "yes", "extra"],
      aliases: ['Ann "A: B" #1'],
      mixed: "Met at: the 'gym' #x next line today",
      interests: ["a, b", "[c]", "yes", "fixed"],
      empty: null,
      list_empty: null,
    });
  });

  it("keeps CRLF line endings", () => {
    expect(renderPersonTemplate("---\r\ninterests:\r\n  - {{interests}}\r\n---\r\n{{name}}\r\n", form, ctx())).toBe("---\r\ninterests:\r\n  - climbing\r\n  - urban design\r\n---\r\nAnn Lee\r\n");
  });

  it("fills any hostile value into frontmatter so YAML reads back the same (property)", () => {
    const shapes = ["k: {{x}}", 'k: "<{{x}}>"', "k: [{{x}}]", "k: pre {{x}} post", "k:\n  - {{x}}"];
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), fc.constantFrom(...shapes.keys()), (raw, i) => {
        const v = raw.replace(/\s+/gu, " ").trim();
        const fm = frontmatter(renderTemplate(`---\n${shapes[i] ?? ""}\n---\n`, { x: raw }));
        const expected = [v === "" ? null : v, `<${v}>`, [v], v === "" ? "pre  post" : `pre ${v} post`, v === "" ? null : [v]][i];
        if (i === 2) expect(fm.k).toEqual([raw.replace(/\s+/gu, " ").trim() === "" ? "" : v]);
        else expect(fm.k).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });
});

describe("values in the body make no markup by accident", () => {
  const render = (template: string, name: string) => renderTemplate(template, { name });
  it("escapes tags, links, emphasis, HTML, comments and highlights", () => {
    expect(render("Hello {{name}}", "#tag [[x]] *b* <b> %%c%% ==h== $m$ a|b ^id `c` ~s~ \\")).toBe(
      "Hello \\#tag \\[\\[x\\]\\] \\*b\\* &lt;b\\> \\%\\%c\\%\\% \\=\\=h\\=\\= \\$m\\$ a\\|b \\^id \\`c\\` \\~s\\~ \\\\",
    );
    expect(render("{{name}}", "snake_case _x_")).toBe("snake_case \\_x\\_");
    expect(render("{{name}}", "R&amp;D & co")).toBe("R\\&amp;D & co");
  });
  it("never starts a new block", () => {
    expect(render("{{name}}", "# Heading")).toBe("\\# Heading");
    expect(render("{{name}}", "- item")).toBe("\\- item");
    expect(render("- {{name}}", "1. first")).toBe("- 1\\. first");
    expect(render("> {{name}}", "+ x")).toBe("> \\+ x");
    expect(render("x {{name}}", "- not a list")).toBe("x - not a list");
    expect(render("{{name}}", "line one\n\n---\nline two")).toBe("line one --- line two");
    expect(isBlockStart("  - [ ] ")).toBe(true);
    expect(isBlockStart("text ")).toBe(false);
  });
  it("writes a link target inside [[…]] and raw text in code", () => {
    expect(render("[[{{name}}]] and [[{{name}}|alias]]", "Ann/Bob #2")).toBe("[[Ann Bob 2]] and [[Ann Bob 2|alias]]");
    expect(render("`{{name}}`", "a*b`c")).toBe("`a*bc`");
    expect(render("```\n{{name}}\n```\n{{name}}", "*x*")).toBe("```\n*x*\n```\n\\*x\\*");
  });
  it("keeps Templater from running a typed value", () => {
    const out = render("{{name}} [[{{name}}]] `{{name}}`", "<% app.vault.adapter.remove('x') %>");
    expect(templaterRanges(out)).toEqual([]);
    expect(out).not.toContain("<%");
  });
  it("reads back as plain text with no tags or links in the metadata (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 40 }), (raw) => {
        const out = renderTemplate("---\nk: {{name}}\n---\n# Notes\n\n- {{name}}\n\nMet {{name}} today.\n", { name: raw });
        const meta = parseMetadata(out);
        expect(meta.tags ?? []).toEqual([]);
        expect(meta.links ?? []).toEqual([]);
        expect(meta.embeds ?? []).toEqual([]);
        expect((meta.headings ?? []).map((h) => h.heading)).toEqual(["Notes"]);
        expect(out.split("\n")).toHaveLength(9);
        expect(templaterRanges(out)).toEqual([]);
        expect(escapeInline(raw)).not.toMatch(/\n/);
      }),
      { numRuns: 400 },
    );
  });
});

describe("form helpers", () => {
  it("splits interests on English and Chinese commas", () => {
    expect(parseInterests("climbing, urban design，摄影、 咖啡;climbing\nJazz")).toEqual(["climbing", "urban design", "摄影", "咖啡", "Jazz"]);
    expect(parseInterests(" , ,")).toEqual([]);
  });
  it("finds a first name to greet with", () => {
    expect(firstNameOf("Ann Lee")).toBe("Ann");
    expect(firstNameOf("Dr. Ann Lee")).toBe("Ann");
    expect(firstNameOf("王小明")).toBe("王小明");
    expect(firstNameOf("  ")).toBe("");
    expect(firstNameOf("Madonna")).toBe("Madonna");
  });
  it("gives the frontmatter a user template may lack", () => {
    expect(formFrontmatter({ ...form, name: "A/B" }, ctx({ marker: { key: "type", value: "person" } }))).toEqual({
      type: "person", tier: "familiar", met: "2026-11-18", how_we_met: "Climbing gym, through Sam", interests: ["climbing", "urban design"], tier_goal: "intimate", aliases: ["A/B"],
    });
    expect(formFrontmatter({ name: "A", tier: null }, ctx())).toEqual({});
    expect(personFields(form, ctx()).title).toBe("Ann Lee");
    expect(personFields({ ...form, name: "a/b" }, ctx()).title).toBe("a b");
  });
});
