/**
 * Conformance with the real Obsidian app: every snapshot in ../shared/obsidian-metadata (a note's text and the
 * `CachedMetadata` Obsidian computed for it, plus the vault's resolved/unresolved links) is parsed again here
 * and compared field by field. The folder is someone else's data and is read in place; when it is absent (a
 * fresh clone) this whole file is skipped and says so. See the folder's README.md.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";
import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { parseMetadata } from "../../src/metadata/parse";
import { getLinkpath, LinkResolver } from "../../src/metadata/resolve";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const SHARED = resolve(repoRoot, "../shared/obsidian-metadata");
const present = existsSync(join(SHARED, "README.md"));
if (!present) {
  console.warn(`[metadata conformance] NOT RUN: ${SHARED} is absent, so nothing was compared with Obsidian's own metadata.`);
}

const FIELDS = [
  "frontmatter",
  "frontmatterPosition",
  "frontmatterLinks",
  "links",
  "embeds",
  "tags",
  "headings",
  "sections",
  "listItems",
  "blocks",
] as const;
type Field = (typeof FIELDS)[number];

/**
 * Fields where our output is known to differ from Obsidian's, with the reason. Each entry must still differ
 * (the test fails when a listed difference disappears) and no other field may differ.
 */
const KNOWN_DIFFERENCES: Record<string, Partial<Record<Field, string>>> = {};

interface Snapshot {
  filePath: string;
  fileContents: string;
  cachedMetadata: CachedMetadata;
  resolveLinkToPath: Record<string, string | null>;
}

function snapshots(): Array<[string, Snapshot]> {
  if (!present) return [];
  return readdirSync(SHARED)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => [name, JSON.parse(readFileSync(join(SHARED, name), "utf8")) as Snapshot]);
}

function linkCounts(path: string): Record<string, Record<string, number>> {
  return JSON.parse(readFileSync(join(SHARED, "metadataCache", path), "utf8")) as Record<string, Record<string, number>>;
}

describe.skipIf(!present)("conformance with Obsidian's metadata snapshots (../shared/obsidian-metadata)", () => {
  const all = snapshots();

  it("finds the snapshots, and every field they hold is one this test compares", () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    for (const [, snapshot] of all) for (const key of Object.keys(snapshot.cachedMetadata)) expect(FIELDS).toContain(key);
  });

  it("lists only known differences that name real snapshot files", () => {
    const names = new Set(all.map(([name]) => name));
    for (const name of Object.keys(KNOWN_DIFFERENCES)) expect(names).toContain(name);
  });

  describe.each(all)("%s", (name, snapshot) => {
    const actual = parseMetadata(snapshot.fileContents) as Record<string, unknown>;
    const expected = snapshot.cachedMetadata as Record<string, unknown>;
    const known = KNOWN_DIFFERENCES[name] ?? {};

    it.each(FIELDS.filter((field) => !(field in known)))("%s matches", (field) => {
      expect(field in actual).toBe(field in expected);
      expect(actual[field]).toStrictEqual(expected[field]);
    });

    it.each(Object.keys(known))("%s still differs as documented", (field) => {
      expect(isDeepStrictEqual(actual[field], expected[field])).toBe(false);
    });

    it("produces no keys beyond the compared fields", () => {
      for (const key of Object.keys(actual)) expect(FIELDS).toContain(key);
    });
  });

  describe("link resolution over the snapshot vault", () => {
    const resolved = present ? linkCounts("resolvedLinks.json") : {};
    const unresolved = present ? linkCounts("unresolvedLinks.json") : {};
    // Every path the vault is known to hold: notes (keys) and link targets such as images and PDFs.
    const paths = new Set<string>(Object.keys(resolved));
    for (const targets of Object.values(resolved)) for (const path of Object.keys(targets)) paths.add(path);
    for (const [, snapshot] of all) {
      for (const path of Object.values(snapshot.resolveLinkToPath)) if (path !== null) paths.add(path);
    }
    const resolver = new LinkResolver(paths);

    it.each(all)("%s: resolvedLinks and unresolvedLinks", (_name, snapshot) => {
      const metadata = parseMetadata(snapshot.fileContents);
      const found: Record<string, number> = {};
      const missing: Record<string, number> = {};
      for (const reference of [...(metadata.links ?? []), ...(metadata.embeds ?? []), ...(metadata.frontmatterLinks ?? [])]) {
        const linkpath = getLinkpath(reference.link);
        const target = linkpath === "" ? snapshot.filePath : resolver.resolve(linkpath, snapshot.filePath);
        if (target === null) missing[linkpath] = (missing[linkpath] ?? 0) + 1;
        else found[target] = (found[target] ?? 0) + 1;
      }
      expect(found).toStrictEqual(resolved[snapshot.filePath] ?? {});
      expect(missing).toStrictEqual(unresolved[snapshot.filePath] ?? {});
    });

    it.each(all)("%s: each link resolves to the path Obsidian gave", (_name, snapshot) => {
      for (const [link, path] of Object.entries(snapshot.resolveLinkToPath)) {
        expect(resolver.resolve(getLinkpath(link), snapshot.filePath), link).toBe(path);
      }
    });
  });
});
