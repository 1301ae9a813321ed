import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { buildFixturePlugin } from "./fixtures/build-fixture";
import { loadPlugin, type Harness } from "./load-plugin";

let mainJs = "";
let h: Harness;
beforeAll(async () => {
  mainJs = await buildFixturePlugin();
});
afterEach(async () => {
  await h.unload();
});

const body = "\n# Heading\n\nText with  two spaces, a tab\there, and no final newline";

async function load(files: Record<string, string>): Promise<Harness> {
  h = await loadPlugin({ mainJs, files });
  return h;
}

describe("processFrontMatter", () => {
  it("changes the YAML, keeps dates as strings and the body byte for byte", async () => {
    await load({ "Ada.md": `---\nborn: 1815-12-10\ntags:\n  - person\n---${body}` });
    const file = h.app.vault.getFileByPath("Ada.md")!;
    let seen: unknown;
    await h.app.fileManager.processFrontMatter(file, (fm) => {
      seen = fm.born;
      fm.tier = "close";
      fm.tags.push("friend");
    });
    expect(seen).toBe("1815-12-10");
    expect(await h.read("Ada.md")).toBe(`---\nborn: 1815-12-10\ntags:\n  - person\n  - friend\ntier: close\n---${body}`);
  });

  it("adds a frontmatter block when there is none", async () => {
    await load({ "Bob.md": "Just text.\n" });
    await h.app.fileManager.processFrontMatter(h.app.vault.getFileByPath("Bob.md")!, (fm) => {
      fm.last = "2024-05-01";
    });
    expect(await h.read("Bob.md")).toBe("---\nlast: 2024-05-01\n---\nJust text.\n");
  });

  it("re-serialises the block even when the callback changes nothing, as the app does: comments and quoting go", async () => {
    // The app writes the block back with stringifyYaml whatever the callback did (forum: "processFrontMatter
    // removes string quotes, comments, types, formatting"; mokeyish/obsidian-enhancing-export#97).
    const text = "---\nname:   'Ada' # her name\nborn: 1815 # year\n---\nbody";
    await load({ "Ada.md": text });
    await h.app.fileManager.processFrontMatter(h.app.vault.getFileByPath("Ada.md")!, () => undefined);
    await h.settle();
    expect(await h.read("Ada.md")).toBe("---\nname: Ada\nborn: 1815\n---\nbody");
  });

  it("writes nothing (and fires nothing) when the block comes back the same", async () => {
    const text = "---\nname: Ada\n---\nbody";
    await load({ "Ada.md": text });
    const before = (h.plugin.seen as string[]).length;
    await h.app.fileManager.processFrontMatter(h.app.vault.getFileByPath("Ada.md")!, () => undefined);
    await h.settle();
    expect(await h.read("Ada.md")).toBe(text);
    expect((h.plugin.seen as string[]).slice(before)).toEqual([]);
  });

  it("throws YAMLParseError on broken YAML and leaves the file alone", async () => {
    const text = "---\nname: [unclosed\n---\nbody";
    await load({ "Bad.md": text });
    await expect(h.app.fileManager.processFrontMatter(h.app.vault.getFileByPath("Bad.md")!, () => undefined)).rejects.toMatchObject({
      name: "YAMLParseError",
    });
    expect(await h.read("Bad.md")).toBe(text);
    await h.settle().catch(() => undefined);
  });

  it("fires modify, then changed with the new frontmatter", async () => {
    await load({ "Ada.md": "---\ncount: 1\n---\n" });
    await h.app.workspace.getLeaf().openFile(h.app.vault.getFileByPath("Ada.md")!);
    h.runCommand("network-notes:touch-frontmatter");
    await h.settle();
    expect(await h.read("Ada.md")).toBe("---\ncount: 2\ntouched: 2024-05-01\n---\n");
    expect(h.plugin.seen).toEqual(expect.arrayContaining(["modify Ada.md", "changed Ada.md 37 count,touched"]));
  });
});

describe("renameFile", () => {
  it("moves the file and rewrites links to it in other notes", async () => {
    await load({
      "People/Old Name.md": "Me: [[Old Name]]\n",
      "A.md": "See [[Old Name]], [[Old Name|alias]] and [[Old Name#Section]]. Also [[Other]].\n",
      "B.md": "---\nfriend: x\n---\nNo link here.\n",
      "Other.md": "",
    });
    const seen = h.plugin.seen as string[];
    const start = seen.length;
    await h.rename("People/Old Name.md", "People/New Name.md");
    await h.settle();
    expect(await h.read("A.md")).toBe("See [[New Name]], [[New Name|alias]] and [[New Name#Section]]. Also [[Other]].\n");
    expect(await h.read("People/New Name.md")).toBe("Me: [[New Name]]\n");
    expect(await h.read("B.md")).toBe("---\nfriend: x\n---\nNo link here.\n");
    const events = seen.slice(start);
    expect(events[0]).toBe("rename People/Old Name.md -> People/New Name.md");
    expect(events).toEqual(expect.arrayContaining(["modify A.md", "modify People/New Name.md"]));
    expect(events.some((e) => e.startsWith("changed A.md"))).toBe(true);
    expect(events.some((e) => e.startsWith("changed B.md"))).toBe(false);
    expect(h.app.metadataCache.resolvedLinks["A.md"]).toEqual({ "People/New Name.md": 3, "Other.md": 1 });
  });

  it("generates shortest-path wikilinks", async () => {
    await load({ "Folder/Note.md": "", "Other/Note.md": "", "Unique.md": "" });
    const fm = h.app.fileManager;
    expect(fm.generateMarkdownLink(h.app.vault.getFileByPath("Unique.md")!, "Folder/Note.md")).toBe("[[Unique]]");
    // "Note" from the root resolves to Other/Note.md (the shorter path), so Folder/Note.md needs its folder.
    expect(fm.generateMarkdownLink(h.app.vault.getFileByPath("Other/Note.md")!, "x.md")).toBe("[[Note]]");
    expect(fm.generateMarkdownLink(h.app.vault.getFileByPath("Folder/Note.md")!, "x.md", "#h", "alias")).toBe("[[Folder/Note#h|alias]]");
  });
});

describe("the interleave hook (vault.interleave__)", () => {
  it("lets a write land before a request starts; the request then works on the new text", async () => {
    await load({ "Ada.md": "---\nborn: 1815\n---\nbody\n" });
    const vault = h.app.vault as unknown as { interleave__: ((op: string, file: { path: string }) => Promise<void> | void) | null };
    const seen: string[] = [];
    let done = false;
    vault.interleave__ = async (op, file) => {
      seen.push(`${op} ${file.path}`);
      if (done || op !== "processFrontMatter") return;
      done = true;
      await h.app.vault.modify(h.app.vault.getFileByPath("Ada.md")!, "---\nborn: 1815\n---\nbody\nmore\n");
    };
    await h.app.fileManager.processFrontMatter(h.app.vault.getFileByPath("Ada.md")!, (fm) => {
      fm.died = 1852;
    });
    vault.interleave__ = null;
    expect(seen).toEqual(["processFrontMatter Ada.md", "modify Ada.md"]);
    expect(await h.read("Ada.md")).toBe("---\nborn: 1815\ndied: 1852\n---\nbody\nmore\n");
  });
});
