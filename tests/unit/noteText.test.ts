import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { appendToSection } from "../../src/domain/noteText";
import { formatLogLine, parseTouchTag } from "../../src/domain/touchLog";

const LINE = "- [[2026-11-26]] #touch/met Coffee";

describe("appendToSection", () => {
  it("adds the line after the last line of the section, before the next heading", () => {
    const text = "---\ntier: familiar\n---\n# Ann\n\n## Log\n- [[2026-11-20]] #touch/asked x\n\n## Other\ntext\n";
    expect(appendToSection(text, "Log", LINE)).toBe("---\ntier: familiar\n---\n# Ann\n\n## Log\n- [[2026-11-20]] #touch/asked x\n" + LINE + "\n\n## Other\ntext\n");
  });

  it("adds a section at the end when there is none, keeping CRLF", () => {
    expect(appendToSection("---\r\na: 1\r\n---\r\nHello\r\n", "Log", LINE)).toBe(`---\r\na: 1\r\n---\r\nHello\r\n\r\n## Log\r\n\r\n${LINE}\r\n`);
    expect(appendToSection("Hello", "Log", LINE)).toBe(`Hello\n\n## Log\n\n${LINE}\n`);
    expect(appendToSection("---\na: 1\n---\n", "Log", LINE)).toBe(`---\na: 1\n---\n## Log\n\n${LINE}\n`);
    expect(appendToSection("", "Log", LINE)).toBe(`## Log\n\n${LINE}\n`);
  });

  it("finds the heading at any level and in any case, and keeps deeper subsections inside", () => {
    const text = "### log\n- a\n#### detail\n- b\n### Next\n";
    expect(appendToSection(text, "Log", LINE)).toBe(`### log\n- a\n#### detail\n- b\n${LINE}\n### Next\n`);
  });

  it("does not take a heading inside a code block for the log, nor end the section at one", () => {
    const fenced = "```\n## Log\nfoo\n## Other\n```\ntext\n";
    expect(appendToSection(fenced, "Log", LINE)).toBe(`${fenced}\n## Log\n\n${LINE}\n`);
    const log = "## Log\n- a\n~~~\n# not a heading\n~~~\n## Next\n";
    expect(appendToSection(log, "Log", LINE)).toBe(`## Log\n- a\n~~~\n# not a heading\n~~~\n${LINE}\n## Next\n`);
  });

  it("closes a code block left open at the end first, so the log line is not code", () => {
    expect(appendToSection("text\n~~~", "Log", LINE)).toBe(`text\n~~~\n~~~\n\n## Log\n\n${LINE}\n`);
    expect(appendToSection("## Log\n- a\n````js\nx\n", "Log", LINE)).toBe("## Log\n- a\n````js\nx\n````\n" + LINE + "\n");
  });

  it("reads fences as Obsidian does: a fence with an info string does not close a block", () => {
    // "```md" cannot close the block opened by "```": the block is still open at the end and is closed first.
    expect(appendToSection("```\n```md", "Log", LINE)).toBe(`\`\`\`\n\`\`\`md\n\`\`\`\n\n## Log\n\n${LINE}\n`);
    // "``` `x`" is not a fence at all (a backtick in the info string), so nothing is open.
    expect(appendToSection("``` `x`\ntext\n", "Log", LINE)).toBe(`\`\`\` \`x\`\ntext\n\n## Log\n\n${LINE}\n`);
  });

  it("puts a blank line after an empty heading", () => {
    expect(appendToSection("## Log\n## Next\n", "Log", LINE)).toBe(`## Log\n\n${LINE}\n## Next\n`);
  });

  it("never loses or changes a byte of what was there", () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom("a", " ", "\n", "\r\n", "#", "## Log", "-", "---", "\uFEFF") , maxLength: 60 }), (text) => {
      const out = appendToSection(text, "Log", LINE);
      // What was there stays, in order and whole: the output is the input with text inserted at one place.
      const lineAt = out.indexOf(LINE);
      if (lineAt < 0) return false;
      for (let cut = 0; cut <= text.length; cut++) {
        const head = text.slice(0, cut);
        const tail = text.slice(cut);
        if (out.startsWith(head) && out.endsWith(tail) && out.length >= text.length && lineAt >= head.length - 0) return true;
      }
      return false;
    }));
  });
});

describe("log lines", () => {
  it("format and read back their kind", () => {
    expect(formatLogLine("2026-11-26", "gave", "intro", "Introduced her\nto Sam", "touch")).toBe("- [[2026-11-26]] #touch/gave/intro Introduced her to Sam");
    expect(formatLogLine("2026-11-26", "asked", "intro", "", "touch")).toBe("- [[2026-11-26]] #touch/asked");
    expect(parseTouchTag("#touch/gave/intro", "touch")).toEqual({ kind: "gave", payload: "intro" });
    expect(parseTouchTag("#Touch/Gave", "touch")).toEqual({ kind: "gave", payload: "other" });
    expect(parseTouchTag("#touch/caught-up", "touch")).toEqual({ kind: "caught-up", payload: null });
    expect(parseTouchTag("#touchy/gave", "touch")).toBeNull();
    expect(parseTouchTag("#touch/hugged", "touch")).toBeNull();
  });
});
