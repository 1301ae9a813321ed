import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSection, inSection, upsertSection, type SectionItem } from "../../src/domain/dailySection";

const items = (...names: string[]): SectionItem[] => names.map((n) => ({ linktext: n, line: `- [ ] Share something with [[${n}]]` }));

describe("upsertSection", () => {
  it("creates the section at the end, separated by one blank line", () => {
    expect(upsertSection("", "Loose touch", items("Ann"))).toBe("## Loose touch\n- [ ] Share something with [[Ann]]\n");
    expect(upsertSection("note", "Loose touch", items("Ann"))).toBe("note\n\n## Loose touch\n- [ ] Share something with [[Ann]]\n");
    expect(upsertSection("note\n\n", "Loose touch", items("Ann"))).toBe("note\n\n## Loose touch\n- [ ] Share something with [[Ann]]\n");
  });

  it("adds only people the section does not link yet, after its last line, before the next heading", () => {
    const text = "## Loose touch\n- [x] Share something with [[ann|Ann]] done\n\n## Later\nrest\n";
    expect(upsertSection(text, "loose touch", items("Ann", "Bo"))).toBe(
      "## Loose touch\n- [x] Share something with [[ann|Ann]] done\n- [ ] Share something with [[Bo]]\n\n## Later\nrest\n",
    );
  });

  it("ignores a heading inside a code block, and a deeper heading stays inside the section", () => {
    const text = "```\n## Loose touch\n```\n## Loose touch\n### notes\n- [[Ann]]\n# Next\n";
    expect(findSection(text.split("\n"), "Loose touch")).toEqual({ start: 3, level: 2, end: 6 });
    expect(inSection(text.split("\n"), "Loose touch", 5)).toBe(true);
    expect(inSection(text.split("\n"), "Loose touch", 1)).toBe(false);
    expect(upsertSection(text, "Loose touch", items("Ann"))).toBe(text);
  });

  it("puts new items before a subheading of the user's, and finds a heading written with trailing #s", () => {
    const text = "## Loose touch\n- [ ] Share something with [[Ann]]\n\n### My notes\nmet at the fair\n";
    expect(upsertSection(text, "Loose touch", items("Ann", "Bo"))).toBe(
      "## Loose touch\n- [ ] Share something with [[Ann]]\n- [ ] Share something with [[Bo]]\n\n### My notes\nmet at the fair\n",
    );
    const hashes = "## Loose touch ##\n- [ ] Share something with [[Ann]]\n";
    expect(upsertSection(hashes, "Loose touch ##", items("Ann"))).toBe(hashes);
    expect(upsertSection(hashes, "Loose touch", items("Ann"))).toBe(hashes);
  });

  it("keeps each line's own ending in a note that mixes LF and CRLF", () => {
    const text = "# A\r\n## Loose touch\r\n- [ ] x [[B]]\nline\n\n## Other\r\n";
    const items = [{ linktext: "C", line: "- [ ] [[C]]" }];
    expect(upsertSection(text, "Loose touch", items)).toBe("# A\r\n## Loose touch\r\n- [ ] x [[B]]\nline\n- [ ] [[C]]\n\n## Other\r\n");
  });

  it("adds nothing to a note that ends inside an unclosed code block (it would be code there)", () => {
    expect(upsertSection("```\nlet x = 1\n", "Loose touch", items("Ann"))).toBe("```\nlet x = 1\n");
    expect(upsertSection("```\nx\n```\n", "Loose touch", items("Ann"))).toBe("```\nx\n```\n\n## Loose touch\n- [ ] Share something with [[Ann]]\n");
  });

  it("is idempotent and never changes what is outside the section (property)", () => {
    const line = fc.oneof(
      fc.constantFrom("## Loose touch", "## Other", "# Top", "```", "- [ ] task [[Ann]]", "- [x] done [[Bo]]", "", "text"),
      fc.string({ maxLength: 12 }).map((s) => s.replace(/[\r\n]/g, "")),
    );
    fc.assert(
      fc.property(fc.array(line, { maxLength: 14 }), fc.subarray(["Ann", "Bo", "Cy", "王芳"]), fc.boolean(), (lines, people, crlf) => {
        const eol = crlf ? "\r\n" : "\n";
        const text = lines.join(eol);
        const once = upsertSection(text, "Loose touch", items(...people));
        expect(upsertSection(once, "Loose touch", items(...people))).toBe(once);
        // Every original line survives, in order.
        const out = once.split(/\r?\n/);
        let at = 0;
        for (const l of text.split(/\r?\n/)) {
          while (at < out.length && out[at] !== l) at++;
          expect(at).toBeLessThan(out.length);
          at++;
        }
        // The note's line endings are kept: a CRLF note gets no bare LF.
        if (crlf && text.includes("\r\n")) expect(/(^|[^\r])\n/.test(once)).toBe(false);
      }),
    );
  });
});
