/**
 * parseMetadata on the note shapes this product meets (person notes, daily notes), plus properties that
 * must hold for any text: it never throws, and every position's offset agrees with its line and column.
 * Conformance with the real app is tested separately, against Obsidian's own snapshots.
 */
import fc from "fast-check";
import type { CachedMetadata, Loc, Pos } from "obsidian";
import { describe, expect, it } from "vitest";
import { parseMetadata } from "../../src/metadata/parse";

/** Line/column of an offset, counted independently of the parser (`\r\n`, `\r` and `\n` end lines). */
function locOf(text: string, offset: number): Loc {
  let line = 0;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start, offset };
}

/** The position of the `nth` occurrence of `needle` in `text`. */
function span(text: string, needle: string, nth = 0): Pos {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" #${nth} not in text`);
  }
  return { start: locOf(text, at), end: locOf(text, at + needle.length) };
}

/** From the start of `first` to the end of `last` (both searched from the start of the text). */
function between(text: string, first: string, last: string): Pos {
  return { start: span(text, first).start, end: span(text, last).end };
}

function allPositions(metadata: CachedMetadata): Pos[] {
  const found: Pos[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (record.start && record.end && typeof (record.start as Loc).offset === "number") found.push(record as unknown as Pos);
      else Object.entries(record).forEach(([key, inner]) => key !== "frontmatter" && visit(inner));
    }
  };
  visit(metadata);
  return found;
}

const PERSON = `---
tier: 2
last_touch: 2026-11-20
commitments:
  - Send the deck 📅 2026-12-01
  - "Intro to [[Carol]]"
aliases:
  - Bobby
  - Robert
tags:
  - person
  - team/platform
related: "[[Alice Smith]]"
---
# Bob

Works with [[Alice Smith|Alice]] on #project/apollo.
`;

describe("person notes", () => {
  const metadata = parseMetadata(PERSON);

  it("reads the frontmatter as Obsidian does (dates stay strings)", () => {
    expect(metadata.frontmatter).toStrictEqual({
      tier: 2,
      last_touch: "2026-11-20",
      commitments: ["Send the deck 📅 2026-12-01", "Intro to [[Carol]]"],
      aliases: ["Bobby", "Robert"],
      tags: ["person", "team/platform"],
      related: "[[Alice Smith]]",
    });
    expect(metadata.frontmatterPosition).toStrictEqual(between(PERSON, "---", "]]\"\n---"));
  });

  it("records whole-value wikilinks in frontmatterLinks, keyed by path", () => {
    expect(metadata.frontmatterLinks).toStrictEqual([
      { key: "related", link: "Alice Smith", original: "[[Alice Smith]]", displayText: "Alice Smith" },
    ]);
  });

  it("gives the frontmatter a yaml section and parses the body after it", () => {
    expect(metadata.sections?.map((section) => section.type)).toStrictEqual(["yaml", "heading", "paragraph"]);
    expect(metadata.headings).toStrictEqual([{ heading: "Bob", level: 1, position: span(PERSON, "# Bob") }]);
    expect(metadata.links).toStrictEqual([
      { link: "Alice Smith", original: "[[Alice Smith|Alice]]", displayText: "Alice", position: span(PERSON, "[[Alice Smith|Alice]]") },
    ]);
    expect(metadata.tags).toStrictEqual([{ tag: "#project/apollo", position: span(PERSON, "#project/apollo") }]);
  });

  it("keeps tags and aliases written as one string as that string", () => {
    const text = "---\ntags: friend, work\naliases: Bobby\n---\n";
    expect(parseMetadata(text).frontmatter).toStrictEqual({ tags: "friend, work", aliases: "Bobby" });
  });

  it("keys frontmatter links inside lists and mappings by their dotted path", () => {
    const text = '---\nmet:\n  - "[[Alice]]"\n  - "[[Bob|Bobby]]"\nteam:\n  lead: "[[Carol]]"\nnote: "see [[Dan]]"\n---\n';
    expect(parseMetadata(text).frontmatterLinks).toStrictEqual([
      { key: "met.0", link: "Alice", original: "[[Alice]]", displayText: "Alice" },
      { key: "met.1", link: "Bob", original: "[[Bob|Bobby]]", displayText: "Bobby" },
      { key: "team.lead", link: "Carol", original: "[[Carol]]", displayText: "Carol" },
    ]);
  });

  it("reads an unquoted [[link]] the way YAML does (a nested list), with no frontmatter link", () => {
    const metadata = parseMetadata("---\nfriend: [[Alice]]\n---\n");
    expect(metadata.frontmatter).toStrictEqual({ friend: [["Alice"]] });
    expect(metadata.frontmatterLinks).toStrictEqual([]);
  });
});

const DAILY = `# 2026-11-20

## 2026-11-20

- Met [[Person]] and [[Person|Pat]]
- [ ] Ask [[Folder/Person#Heading]] about [x](Person.md)
- [x] Sent ![[Person]]
  - nested [[Deep]]
    - deeper

> Quote [[Quoted]]

> [!note] Call [[Callout]]
> - [ ] task in callout [[InCallout]]

\`\`\`js
[[Fenced]]
\`\`\`

    [[Indented]]

Inline \`[[Code]]\` and \\[[Escaped]] and <!-- [[Hidden]] --> and [ext](https://example.com/#frag).
`;

describe("daily notes", () => {
  const metadata = parseMetadata(DAILY);

  it("finds wikilinks with alias and subpath, and Markdown links, with their positions", () => {
    const link = (needle: string, link: string, displayText: string) => ({ link, original: needle, displayText, position: span(DAILY, needle) });
    expect(metadata.links).toStrictEqual([
      link("[[Person]]", "Person", "Person"),
      link("[[Person|Pat]]", "Person", "Pat"),
      link("[[Folder/Person#Heading]]", "Folder/Person#Heading", "Folder/Person > Heading"),
      link("[x](Person.md)", "Person.md", "x"),
      link("[[Deep]]", "Deep", "Deep"),
      link("[[Quoted]]", "Quoted", "Quoted"),
      link("[[Callout]]", "Callout", "Callout"),
      link("[[InCallout]]", "InCallout", "InCallout"),
    ]);
    expect(metadata.embeds).toStrictEqual([{ link: "Person", original: "![[Person]]", displayText: "Person", position: span(DAILY, "![[Person]]") }]);
  });

  it("ignores links in code (fenced, indented, inline), escaped or in HTML comments, and external URLs", () => {
    const targets = (metadata.links ?? []).map((link) => link.link);
    for (const hidden of ["Fenced", "Indented", "Code", "Escaped", "Hidden"]) expect(targets).not.toContain(hidden);
    expect(targets.some((target) => target.includes("example.com"))).toBe(false);
    expect(metadata.tags).toBeUndefined();
  });

  it("reads headings like ## 2026-11-20 as headings, not tags", () => {
    expect(metadata.headings).toStrictEqual([
      { heading: "2026-11-20", level: 1, position: span(DAILY, "# 2026-11-20") },
      { heading: "2026-11-20", level: 2, position: span(DAILY, "## 2026-11-20") },
    ]);
  });

  it("records list items with task state and parents (root items point at minus the list's first line)", () => {
    expect(metadata.listItems).toStrictEqual([
      { parent: -4, position: between(DAILY, "- Met", "[[Person|Pat]]") },
      { parent: -4, task: " ", position: between(DAILY, "- [ ] Ask", "(Person.md)") },
      { parent: -4, task: "x", position: between(DAILY, "- [x] Sent", "![[Person]]") },
      { parent: 6, position: { start: locOf(DAILY, DAILY.indexOf("  - nested") + 2), end: span(DAILY, "[[Deep]]").end } },
      { parent: 7, position: { start: locOf(DAILY, DAILY.indexOf("    - deeper") + 4), end: span(DAILY, "deeper").end } },
      { parent: -13, task: " ", position: { start: locOf(DAILY, DAILY.indexOf("- [ ] task in")), end: span(DAILY, "[[InCallout]]").end } },
    ]);
  });

  it("divides the note into sections, telling callouts from plain quotes", () => {
    expect(metadata.sections?.map((section) => section.type)).toStrictEqual([
      "heading",
      "heading",
      "list",
      "blockquote",
      "callout",
      "code",
      "code",
      "paragraph",
    ]);
    expect(metadata.sections?.[2]?.position).toStrictEqual(between(DAILY, "- Met", "deeper"));
  });
});

describe("tasks", () => {
  it("reads any single status character, and a checkbox only when followed by a space", () => {
    const text = "- [ ] todo\n- [x] done\n- [/] doing\n- [-] dropped\n- [ ]\n- [x]done\n";
    expect(parseMetadata(text).listItems?.map((item) => item.task)).toStrictEqual([" ", "x", "/", "-", undefined, undefined]);
  });

  it("nests what follows a checkbox when it is itself a list marker, as Obsidian does", () => {
    const text = "- [ ] 1. first\n- [ ] 2 second\n";
    expect(parseMetadata(text).listItems?.map((item) => [item.position.start.line, item.position.start.col, item.parent, item.task])).toStrictEqual([
      [0, 0, -1, " "],
      [0, 6, 0, undefined],
      [1, 0, -1, " "],
    ]);
  });

  it("keeps a task's indented continuation lines in the item, and ends parents before their children", () => {
    const text = "- [ ] task\n  more text\n  - child\n- next\n";
    const items = parseMetadata(text).listItems ?? [];
    expect(items.map((item) => [item.position.start.line, item.position.end.line, item.position.end.col, item.parent])).toStrictEqual([
      [0, 1, 11, -1],
      [2, 2, 9, 0],
      [3, 3, 6, -1],
    ]);
  });

  it("numbers root parents by their own list, in quotes too", () => {
    const text = "Intro\n\n> - [ ] a\n> - [ ] b\n\n1. one\n2. two\n";
    expect(parseMetadata(text).listItems?.map((item) => item.parent)).toStrictEqual([-2, -2, -5, -5]);
  });
});

describe("line endings, BOM, scripts", () => {
  const LF = "---\nname: 张伟\n---\n# 张伟\n\n- [ ] 见 [[张伟]] #项目 🎉\n- 📅 [[李娜|Li]]\n";

  it("handles Chinese names and tags, and emoji", () => {
    const metadata = parseMetadata(LF);
    expect(metadata.frontmatter).toStrictEqual({ name: "张伟" });
    expect(metadata.links?.map((link) => [link.link, link.displayText, link.position])).toStrictEqual([
      ["张伟", "张伟", span(LF, "[[张伟]]")],
      ["李娜", "Li", span(LF, "[[李娜|Li]]")],
    ]);
    expect(metadata.tags).toStrictEqual([{ tag: "#项目", position: span(LF, "#项目") }]);
    expect(metadata.headings?.[0]?.heading).toBe("张伟");
  });

  it("counts CRLF line breaks in offsets but not in columns", () => {
    const crlf = LF.replace(/\n/g, "\r\n");
    const a = parseMetadata(LF);
    const b = parseMetadata(crlf);
    const strip = (metadata: CachedMetadata) => JSON.parse(JSON.stringify(metadata, (key, value: unknown) => (key === "offset" ? undefined : value))) as unknown;
    expect(strip(b)).toStrictEqual(strip(a));
    expect(b.links?.[0]?.position).toStrictEqual(span(crlf, "[[张伟]]"));
  });

  it("looks past a UTF-8 byte order mark, whose offset still counts", () => {
    const text = `\ufeff${LF}`;
    const metadata = parseMetadata(text);
    expect(metadata.frontmatter).toStrictEqual({ name: "张伟" });
    expect(metadata.sections?.[0]).toStrictEqual({ type: "yaml", position: { start: locOf(text, 1), end: span(text, "张伟\n---").end } });
    expect(metadata.links?.[0]?.position).toStrictEqual(span(text, "[[张伟]]"));
  });
});

describe("edge cases", () => {
  it("gives an empty note no keys at all", () => {
    expect(parseMetadata("")).toStrictEqual({});
    expect(parseMetadata("\n\n  \n")).toStrictEqual({});
  });

  it("gives a note that is only frontmatter its frontmatter and one section", () => {
    const text = "---\ntier: 1\n---";
    expect(parseMetadata(text)).toStrictEqual({
      frontmatter: { tier: 1 },
      frontmatterPosition: span(text, text),
      frontmatterLinks: [],
      sections: [{ type: "yaml", position: span(text, text) }],
    });
  });

  it("gives empty or broken YAML a yaml section but no frontmatter, and keeps parsing the body", () => {
    for (const yaml of ["", "foo: [unclosed", "a: 1\na: 2", "\tbad: tab", "- just\n- a list", "plain text"]) {
      const text = `---\n${yaml}\n---\nBody [[Link]]\n`.replace("---\n\n---", "---\n---");
      const metadata = parseMetadata(text);
      expect(metadata.frontmatter, yaml).toBeUndefined();
      expect(metadata.frontmatterPosition, yaml).toBeUndefined();
      expect(metadata.frontmatterLinks, yaml).toBeUndefined();
      expect(metadata.sections?.map((section) => section.type), yaml).toStrictEqual(["yaml", "paragraph"]);
      expect(metadata.links?.[0]?.link, yaml).toBe("Link");
    }
  });

  it("needs the first line to be exactly --- and a closing --- line for frontmatter", () => {
    expect(parseMetadata("---\ntier: 1\n").frontmatter).toBeUndefined();
    expect(parseMetadata(" ---\ntier: 1\n---\n").frontmatter).toBeUndefined();
    expect(parseMetadata("\n---\ntier: 1\n---\n").frontmatter).toBeUndefined();
  });

  it("decodes Markdown link destinations and skips empty and external ones", () => {
    const text = "[a](My%20Note.md) [b](<Other Note.md>) [c]() [d](https://x.com) [e](mailto:a@b.c) [f](obsidian://open)";
    expect(parseMetadata(text).links?.map((link) => [link.link, link.displayText])).toStrictEqual([
      ["My Note.md", "a"],
      ["Other Note.md", "b"],
    ]);
  });

  it("applies Obsidian's tag rules", () => {
    const text = "#tag #123 #y2024 C#sharp (#paren) #a/b-c_d #end. **#bold** \\#not #日本語 x";
    expect(parseMetadata(text).tags?.map((tag) => tag.tag)).toStrictEqual(["#tag", "#y2024", "#a/b-c_d", "#end", "#bold", "#日本語"]);
  });

  it("ends tags only at white space, ASCII punctuation and general punctuation, not at CJK punctuation", () => {
    expect(parseMetadata("#项目，下周 #项目—x").tags?.map((tag) => tag.tag)).toStrictEqual(["#项目，下周", "#项目"]);
  });

  it("reads tags and links inside %% comments but not inside HTML comments or code", () => {
    const text = "%%\nhidden [[Still]] #counted\n- [ ] not a task\n%%\n\n<!--\n[[Gone]] #gone\n-->\n\n```\n#nope [[Nope]]\n```\n";
    const metadata = parseMetadata(text);
    expect(metadata.links?.map((link) => link.link)).toStrictEqual(["Still"]);
    expect(metadata.tags?.map((tag) => tag.tag)).toStrictEqual(["#counted"]);
    expect(metadata.listItems).toBeUndefined();
    expect(metadata.sections?.map((section) => section.type)).toStrictEqual(["comment", "html", "code"]);
  });

  it("reads links in headings and table cells (with the escaped pipe Obsidian asks for)", () => {
    const text = "## Met [[Alice]]\n\n| Who | Link |\n| --- | --- |\n| Bob | [[Bob\\|Robert]] |\n";
    const metadata = parseMetadata(text);
    expect(metadata.headings?.[0]?.heading).toBe("Met [[Alice]]");
    expect(metadata.links?.map((link) => [link.link, link.displayText])).toStrictEqual([
      ["Alice", "Alice"],
      ["Bob", "Robert"],
    ]);
    expect(metadata.sections?.map((section) => section.type)).toStrictEqual(["heading", "table"]);
  });

  it("records block ids on paragraphs and list items", () => {
    const text = "Text ^para-1\n\n- item ^li-2\n";
    const metadata = parseMetadata(text);
    expect(metadata.sections?.[0]).toStrictEqual({ type: "paragraph", id: "para-1", position: span(text, "Text ^para-1") });
    expect(metadata.listItems?.[0]).toStrictEqual({ parent: -2, id: "li-2", position: span(text, "- item ^li-2") });
    expect(metadata.blocks).toStrictEqual({
      "para-1": { id: "para-1", position: span(text, "Text ^para-1") },
      "li-2": { id: "li-2", position: span(text, "- item ^li-2") },
    });
  });

  it("survives very deep nesting", () => {
    const text = `${">".repeat(5000)} deep [[Link]]\n${"  ".repeat(3000)}- item\n${"[".repeat(20000)}`;
    expect(parseMetadata(text).links?.[0]?.link).toBe("Link");
  });
});

describe("properties", () => {
  const markdownish = fc
    .array(
      fc.oneof(
        fc.constantFrom(
          "\n", "\r\n", "\r", "  ", "\t", "- ", "* ", "1. ", "1) ", "> ", ">", "[!note] ", "- [ ] ", "- [x] ", "#", "# ", "## ",
          "---", "***", "```", "~~~", "$$", "$", "%%", "<!--", "-->", "<div>", "|", "| --- |", "[[", "]]", "[", "]", "(", ")",
          "![[", "|", "\\", "`", "^id", "[^1]: ", "    ", "\ufeff", "张伟", "🎉", "a", "word", "#tag", "http://x.com/#a",
        ),
        fc.string({ maxLength: 6 }),
      ),
      { maxLength: 60 },
    )
    .map((parts) => parts.join(""));

  it("never throws, on Markdown-like and on arbitrary text", () => {
    fc.assert(fc.property(fc.oneof(markdownish, fc.string({ unit: "binary", maxLength: 200 })), (text) => {
      parseMetadata(text);
    }), { numRuns: 2000 });
  });

  it("gives every position an offset that agrees with its line and column, inside the text", () => {
    fc.assert(fc.property(markdownish, (text) => {
      for (const position of allPositions(parseMetadata(text))) {
        for (const loc of [position.start, position.end]) {
          expect(loc.offset).toBeGreaterThanOrEqual(0);
          expect(loc.offset).toBeLessThanOrEqual(text.length);
          expect(loc).toStrictEqual(locOf(text, loc.offset));
        }
        expect(position.start.offset).toBeLessThanOrEqual(position.end.offset);
      }
    }), { numRuns: 1000 });
  });

  it("quotes each link's and tag's own source text", () => {
    fc.assert(fc.property(markdownish, (text) => {
      const metadata = parseMetadata(text);
      for (const link of [...(metadata.links ?? []), ...(metadata.embeds ?? [])]) {
        expect(text.slice(link.position.start.offset, link.position.end.offset)).toBe(link.original);
      }
      for (const tag of metadata.tags ?? []) expect(text.slice(tag.position.start.offset, tag.position.end.offset)).toBe(tag.tag);
    }), { numRuns: 1000 });
  });
});
