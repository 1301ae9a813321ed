/** LinkResolver: Obsidian's `getFirstLinkpathDest` rules over a set of vault paths (see src/metadata/resolve.ts). */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nameKey } from "../../src/index/PeopleIndex";
import { bareName, getLinkpath, LinkResolver, resolverForNames } from "../../src/metadata/resolve";

describe("getLinkpath", () => {
  it("drops a #heading or #^block subpath", () => {
    expect(getLinkpath("Person")).toBe("Person");
    expect(getLinkpath("Folder/Person#Heading#Sub")).toBe("Folder/Person");
    expect(getLinkpath("Person#^abc123")).toBe("Person");
    expect(getLinkpath("#Heading")).toBe("");
    expect(getLinkpath("pa#th/x")).toBe("pa");
  });
});

describe("LinkResolver", () => {
  const vault = () =>
    new LinkResolver([
      "Alice.md",
      "People/Bob.md",
      "People/Carol.md",
      "Archive/Carol.md",
      "People/Team/Dan.md",
      "Attachments/photo.png",
      "Attachments/Report.pdf",
      "Notes.md.md",
      "Notes.md",
      "Daily/2026-11-20.md",
      "张伟.md",
    ]);

  it("finds notes by name anywhere, case-insensitively, with .md implied", () => {
    const resolver = vault();
    expect(resolver.resolve("Bob", "Daily/2026-11-20.md")).toBe("People/Bob.md");
    expect(resolver.resolve("bob", "Daily/2026-11-20.md")).toBe("People/Bob.md");
    expect(resolver.resolve("Bob.md", "Alice.md")).toBe("People/Bob.md");
    expect(resolver.resolve("张伟", "Daily/2026-11-20.md")).toBe("张伟.md");
    expect(resolver.resolve("Nobody", "Alice.md")).toBeNull();
  });

  it("needs the extension for other files, and never implies it for them", () => {
    const resolver = vault();
    expect(resolver.resolve("photo.png", "Alice.md")).toBe("Attachments/photo.png");
    expect(resolver.resolve("report.PDF", "Alice.md")).toBe("Attachments/Report.pdf");
    expect(resolver.resolve("photo", "Alice.md")).toBeNull();
  });

  it("matches folders given in the link, from the root or as a trailing part of the path", () => {
    const resolver = vault();
    expect(resolver.resolve("People/Carol", "Alice.md")).toBe("People/Carol.md");
    expect(resolver.resolve("Archive/Carol", "People/Bob.md")).toBe("Archive/Carol.md");
    expect(resolver.resolve("Team/Dan", "Alice.md")).toBe("People/Team/Dan.md");
    expect(resolver.resolve("/People/Bob", "Daily/2026-11-20.md")).toBe("People/Bob.md");
    expect(resolver.resolve("Other/Bob", "Alice.md")).toBeNull();
  });

  it("resolves ./ and ../ against the source's folder", () => {
    const resolver = vault();
    expect(resolver.resolve("./Carol", "Archive/x.md")).toBe("Archive/Carol.md");
    expect(resolver.resolve("../People/Bob", "Daily/2026-11-20.md")).toBe("People/Bob.md");
    expect(resolver.resolve("../../Bob", "Daily/2026-11-20.md")).toBeNull();
  });

  it("prefers, among files of one name, the source's own folder, then the shortest path, then alphabetical", () => {
    const resolver = vault();
    expect(resolver.resolve("Carol", "Archive/Note.md")).toBe("Archive/Carol.md");
    expect(resolver.resolve("Carol", "People/Note.md")).toBe("People/Carol.md");
    expect(resolver.resolve("Carol", "Elsewhere.md")).toBe("People/Carol.md");
    expect(resolver.resolve("Carol", "Archive/Deeper/Note.md")).toBe("People/Carol.md");
    const lengths = new LinkResolver(["zzzz/Note.md", "a/b/Note.md"]);
    expect(lengths.resolve("Note", "x.md")).toBe("a/b/Note.md");
  });

  it("lets an exact vault path win over a same-named file beside the source", () => {
    const resolver = new LinkResolver(["Note.md", "b/Note.md", "a/b/Note.md"]);
    expect(resolver.resolve("Note", "a/b/Source.md")).toBe("Note.md");
    expect(resolver.resolve("b/Note", "a/Source.md")).toBe("b/Note.md");
    expect(resolver.resolve("b/Note", "x/Source.md")).toBe("b/Note.md");
  });

  it("tells a note named like a file name from that file", () => {
    const resolver = vault();
    expect(resolver.resolve("Notes.md", "Alice.md")).toBe("Notes.md");
    expect(resolver.resolve("Notes", "Alice.md")).toBe("Notes.md");
    expect(resolver.resolve("Notes.md.md", "Alice.md")).toBe("Notes.md.md");
  });

  it("resolves the empty linkpath (a [[#heading]] link) to the source note itself", () => {
    const resolver = vault();
    expect(resolver.resolve("", "People/Bob.md")).toBe("People/Bob.md");
    expect(resolver.resolve("", "Missing.md")).toBeNull();
  });

  it("prefers the exact case when two paths differ only in case", () => {
    const resolver = new LinkResolver(["Foo.md", "foo.md"]);
    expect(resolver.resolve("foo", "x.md")).toBe("foo.md");
    expect(resolver.resolve("Foo", "x.md")).toBe("Foo.md");
  });

  it("follows add and remove", () => {
    const resolver = vault();
    resolver.remove("People/Carol.md");
    expect(resolver.resolve("Carol", "Elsewhere.md")).toBe("Archive/Carol.md");
    resolver.remove("Archive/Carol.md");
    expect(resolver.resolve("Carol", "Elsewhere.md")).toBeNull();
    resolver.add("Carol.md");
    resolver.add("Carol.md");
    expect(resolver.resolve("Carol", "People/Bob.md")).toBe("Carol.md");
    resolver.remove("Carol.md");
    resolver.remove("Never added.md");
    expect(resolver.resolve("carol", "x.md")).toBeNull();
    expect(resolver.has("Alice.md")).toBe(true);
  });

  it("resolves by name among many same-named files, preferring the source's own folder (speed is measured in npm run bench)", () => {
    const paths: string[] = [];
    for (let i = 0; i < 20_000; i++) paths.push(`Folder ${i % 47}/Person ${i % 6_000}.md`);
    const resolver = new LinkResolver(paths);
    let found = 0;
    for (let i = 0; i < 30_000; i++) if (resolver.resolve(`Person ${(i * 7) % 7_000}`, `Folder ${i % 50}/Daily.md`) !== null) found++;
    // Names 6000-6999 do not exist: 6/7 of the lookups resolve.
    expect(found).toBe(30_000 - [...Array(30_000).keys()].filter((i) => (i * 7) % 7_000 >= 6_000).length);
    // "Person 5" exists in Folder 5, 36, 20 and 4 (i = 5, 6005, 12005, 18005): the source's own folder wins,
    // otherwise the shortest path.
    expect(resolver.resolve("Person 5", "Folder 36/Daily.md")).toBe("Folder 36/Person 5.md");
    expect(resolver.resolve("Person 5", "Folder 1/Daily.md")).toBe("Folder 4/Person 5.md");
  });

  it("remembers answers that cannot depend on the source, and forgets them when files come or go", () => {
    const resolver = new LinkResolver(["People/Ann.md", "Daily/d.md"]);
    expect(resolver.resolve("Ann", "Daily/d.md")).toBe("People/Ann.md");
    expect(resolver.resolve("Ann", "Other/x.md")).toBe("People/Ann.md");
    expect(resolver.resolve("Nobody", "Daily/d.md")).toBeNull();
    // A second Ann beside the source now wins from there, and only from there.
    resolver.add("Journal/Ann.md");
    resolver.add("Journal/d.md");
    expect(resolver.resolve("Ann", "Journal/d.md")).toBe("Journal/Ann.md");
    expect(resolver.resolve("Ann", "Other/x.md")).toBe("People/Ann.md");
    resolver.add("Nobody.md");
    expect(resolver.resolve("Nobody", "Daily/d.md")).toBe("Nobody.md");
    resolver.remove("Journal/Ann.md");
    expect(resolver.resolve("Ann", "Journal/d.md")).toBe("People/Ann.md");
    expect(resolver.resolve("Ann", "Daily/d.md")).toBe("People/Ann.md");
    resolver.add("Ann.md");
    // An exact vault path wins from everywhere.
    expect(resolver.resolve("Ann", "Daily/d.md")).toBe("Ann.md");
    expect(resolver.resolve("ann", "People/x.md")).toBe("Ann.md");
    resolver.remove("Ann.md");
    expect(resolver.resolve("ann", "People/x.md")).toBe("People/Ann.md");
    // Relative and folder links are never remembered across sources.
    resolver.add("Daily/Sub/Ann.md");
    expect(resolver.resolve("Sub/Ann", "Daily/d.md")).toBe("Daily/Sub/Ann.md");
    expect(resolver.resolve("./Ann", "Daily/Sub/x.md")).toBe("Daily/Sub/Ann.md");
    expect(resolver.resolve("./Ann", "People/x.md")).toBe("People/Ann.md");
  });
});

describe("resolverForNames (the CLI's resolver, over files that could answer a person's link)", () => {
  // Names that collide in every way a link can: case, `.md` once or twice, other extensions, folders.
  const name = fc.constantFrom("Ann", "ann", "ANN", "Ann.md", "Ann.MD", "Bo", "bo.md", "Ann.pdf", "Cy", "..", ".");
  const folder = fc.constantFrom("", "People/", "people/", "People/Work/", "Work/", "Archive/People/");
  const ext = fc.constantFrom(".md", ".md", ".md", "", ".pdf", ".MD");
  const file = fc.tuple(folder, name, ext).map(([f, n, e]) => `${f}${n}${e}`).filter((p) => bareName(p) !== "" && !p.endsWith("/"));
  const link = fc.tuple(fc.constantFrom("", "./", "../", "/", "People/", "../People/", "Work/", "people/"), name, fc.constantFrom("", ".md", ".MD", ".pdf")).map(([f, n, e]) => `${f}${n}${e}`);

  it("gives every link bearing a kept name the answer a resolver over every file gives", () => {
    fc.assert(
      fc.property(fc.uniqueArray(file, { minLength: 1, maxLength: 14 }), fc.array(link, { minLength: 1, maxLength: 12 }), fc.nat(), (files, links, pick) => {
        const full = new LinkResolver(files);
        // The people: some of the Markdown files, as the index would have them.
        const people = files.filter((p, i) => p.endsWith(".md") && (pick >> i) % 2 === 0);
        const keys = new Set(people.map((p) => nameKey(p)));
        const part = resolverForNames(files, new Set(people.map(bareName)));
        let asked = 0;
        for (const l of links) {
          // The index asks only about links whose name is a person's.
          if (!keys.has(nameKey(l))) continue;
          for (const source of [...files, "Daily/2026-11-26.md", "People/Work/x.md"]) {
            asked++;
            expect(part.resolve(l, source), `${l} from ${source} among ${files.join(", ")}`).toBe(full.resolve(l, source));
          }
        }
        return asked >= 0;
      }),
      { numRuns: 1500 },
    );
  });

  it("keeps only files carrying one of the names", () => {
    const part = resolverForNames(["People/Ann.md", "Ann.md.md", "ann.pdf", "Projects/Plan.md", "Work/ANN.MD"], new Set(["ann"]));
    expect(part.size).toBe(3);
    expect(part.has("Projects/Plan.md")).toBe(false);
    // Another extension is part of the name: [[ann.pdf]] is not a link to Ann.
    expect(part.has("ann.pdf")).toBe(false);
    expect(part.resolve("Ann", "People/x.md")).toBe("People/Ann.md");
    expect(part.resolve("Ann", "Daily/x.md")).toBe("Work/ANN.MD");
  });
});
