/**
 * The CLI hands parsed notes from its parse workers to the main thread in a compact form (src/cli/metaCodec.ts).
 * Decoding must give back exactly what the parser made: the same values, keys in the same order, for the real
 * app's snapshots, the fixture vault and a generated vault.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate";
import { decodeMeta, encodeMeta, MetaReader, MetaWriter } from "../../src/cli/metaCodec";
import { parseMetadata } from "../../src/metadata/parse";

/** Values and key order, lossless (`-0`, `NaN`, `undefined` and prototypes included). */
function picture(value: unknown): string {
  if (value === undefined) return "undefined";
  if (value === null) return "null";
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value !== "object") return `${typeof value}:${String(value)}`;
  if (Array.isArray(value)) return `[${value.map(picture).join(",")}]`;
  const proto = Object.getPrototypeOf(value) === Object.prototype ? "" : "!proto";
  return `${proto}{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}:${picture(v)}`).join(",")}}`;
}

function texts(): Map<string, string> {
  const out = new Map<string, string>();
  const shared = path.resolve("../shared/obsidian-metadata");
  if (existsSync(shared)) {
    for (const name of readdirSync(shared).filter((n) => n.endsWith(".json"))) {
      const snapshot = JSON.parse(readFileSync(path.join(shared, name), "utf8")) as { fileContents?: string };
      if (typeof snapshot.fileContents === "string") out.set(`shared/${name}`, snapshot.fileContents);
    }
  }
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".md")) out.set(full, readFileSync(full, "utf8"));
    }
  };
  walk("tests/fixtures/vaults");
  for (const [p, text] of generateVault({ people: 120, datedNotes: 600 }).files) out.set(`generated/${p}`, text);
  // Awkward corners: no text, a lone frontmatter, CRLF, a BOM, block ids, embeds, tags, tables.
  out.set("edge/empty", "");
  out.set("edge/yaml-only", "---\na: 1\n---");
  out.set("edge/crlf", "---\r\ntags: [x]\r\n---\r\n# H\r\n- [ ] task [[A]] ^id1\r\n");
  out.set("edge/bom", "\ufeff# Title\n> quote [[B]]\n\n| a | [[C]] |\n| - | - |\n| ![[D]] | #tag |\n\npara ^blk\n");
  out.set("edge/yaml-odd", "---\nx: -0\ny: .nan\nz: [1, 2.50, ~]\nn:\n  deep: {a: [b]}\n---\ntext");
  return out;
}

describe("CLI metadata codec", () => {
  it("round-trips every note's metadata exactly, batched as the workers send it", () => {
    const all = [...texts()];
    expect(all.length).toBeGreaterThan(700);
    const metas = all.map(([, text]) => parseMetadata(text));
    for (let start = 0; start < metas.length; start += 64) {
      const writer = new MetaWriter();
      const slice = metas.slice(start, start + 64);
      for (const meta of slice) encodeMeta(writer, meta);
      const batch = writer.take();
      // What crosses the thread boundary: a structured clone of the batch.
      const reader = new MetaReader(structuredClone(batch));
      slice.forEach((meta, k) => {
        expect(picture(decodeMeta(reader)), all[start + k]?.[0]).toBe(picture(meta));
      });
    }
  });

  it("refuses metadata fields it does not know, rather than dropping them", () => {
    const meta = { ...parseMetadata("# x"), footnotes: [] } as CachedMetadata;
    expect(() => encodeMeta(new MetaWriter(), meta)).toThrow(/footnotes/);
  });
});
