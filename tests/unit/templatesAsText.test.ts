/**
 * Message templates, person templates and question files from the vault are text: placeholders are filled by
 * plain substitution in one pass, so a value that itself looks like a placeholder, a Templater command, a
 * JavaScript template literal or markup comes out as written and is never filled again or run. Rendering runs
 * with eval and Function trapped, so a renderer that turned text into code would fail here.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { dayFromISO } from "../../src/domain/dates";
import { fillMessage, parseMessageTemplate, type MessageFields } from "../../src/prep/messages";
import { renderPersonTemplate, type PersonTemplateContext } from "../../src/prep/personTemplate";
import { bankFor } from "../../src/prep/questions";
import { defaultSettings } from "../../src/settings/schema";

const HOSTILE = ["{{my_name}}", "{{date}}", "{{name}}", "<% tp.system.prompt() %>", "${globalThis.__nnEval=1}", "<img src=x onerror=alert(1)>", "`${1+1}`", "{{ constructor.constructor('return 1')() }}"];

const g = globalThis as Record<string, unknown>;
let saved: { eval: unknown; Function: unknown };
const evaluated: string[] = [];

beforeEach(() => {
  saved = { eval: g.eval, Function: g.Function };
  evaluated.length = 0;
  g.eval = (s: unknown) => {
    evaluated.push(`eval ${String(s)}`);
    throw new Error("eval is not allowed");
  };
  g.Function = new Proxy(Function, {
    apply: (_t, _this, args: unknown[]) => {
      evaluated.push(`Function ${args.join(",")}`);
      throw new Error("Function is not allowed");
    },
    construct: (_t, args: unknown[]) => {
      evaluated.push(`new Function ${args.join(",")}`);
      throw new Error("Function is not allowed");
    },
  });
});

afterEach(() => {
  g.eval = saved.eval;
  g.Function = saved.Function;
  expect(evaluated).toEqual([]);
  expect(g.__nnEval).toBeUndefined();
});

describe("message templates", () => {
  const { template } = parseMessageTemplate("---\nsubject: For {{name}}\n---\nHi {{first_name}}, about {{company}} and {{interests}} — {{my_name}}, {{date}}.\n", "Templates/Messages/Hello.md");

  it("fill each placeholder once: values that look like placeholders or code stay as written", () => {
    if (!template) throw new Error("the template did not parse");
    for (const value of HOSTILE) {
      const fields: MessageFields = { name: `Ann ${value}`, firstName: value, company: value, interests: [value], myName: "Sam", today: dayFromISO("2026-11-20") };
      const filled = fillMessage(template, fields, "en");
      expect(filled.subject).toBe(`For Ann ${value}`);
      expect(filled.body).toBe(`Hi ${value}, about ${value} and ${value} — Sam, 2026-11-20.`);
    }
  });

  it("never fill or run what a value brings (property)", () => {
    if (!template) throw new Error("the template did not parse");
    const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 4 }).map((a) => a.join(" ").replace(/\s+/gu, " ").trim()), (value) => {
        fc.pre(value !== "");
        const filled = fillMessage(template, { name: "Bo", company: value, myName: "Sam" }, "en");
        expect(filled.body).toContain(`about ${value} and`);
      }),
      { numRuns: 300 },
    );
  });
});

describe("person templates", () => {
  const settings = defaultSettings();
  const ctx: PersonTemplateContext = { keys: settings.keys, logHeading: "Log", language: "en", today: dayFromISO("2026-11-26")!, marker: null };

  it("keep the user's own Templater commands and code as text, and do not fill placeholders a value brings", () => {
    const template = "---\ntier: {{tier}}\nhow_we_met: \"{{how_we_met}}\"\n---\n# {{name}}\n<% tp.file.title %> ${x} {{date}}\n";
    for (const value of HOSTILE) {
      const out = renderPersonTemplate(template, { name: "Ann", tier: "familiar", howWeMet: value }, ctx);
      expect(out).toContain("<% tp.file.title %> ${x} 2026-11-26");
      // The value went in once, as text: nothing inside it was filled.
      const how = /how_we_met: (.*)/.exec(out)?.[1] ?? "";
      // A Templater command typed into the form is broken up (YAML's `\x3C` is `<`), so Templater, which runs
      // after the note is made, does not run it; everything else is as typed.
      expect(how).toBe(value.startsWith("<%") ? `"${value.replace("<%", "\\x3C%")}"` : `"${value}"`);
      expect(how).not.toContain("Ann");
    }
  });
});

describe("question files", () => {
  it("are read as text: markup and code in a question stay as written", () => {
    const text = "---\nlanguage: en\n---\n## Work\n- What is ${globalThis.__nnEval=1} to you?\n- <img src=x onerror=alert(1)> {{name}}?\n";
    const { bank } = bankFor("en", [{ path: "Questions/Mine.md", text }]);
    const texts = JSON.stringify(bank);
    expect(texts).toContain("What is ${globalThis.__nnEval=1} to you?");
    expect(texts).toContain("<img src=x onerror=alert(1)> {{name}}?");
  });
});
