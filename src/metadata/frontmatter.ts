/**
 * Frontmatter: a first line that is exactly `---` and the next line starting with `---` (remark-frontmatter's
 * rule, which Obsidian's `yaml` section follows). The YAML is read with the `yaml` package's core schema, so dates stay
 * strings as in Obsidian; a block that is empty, broken or not a mapping still makes a `yaml` section but no
 * `frontmatter`. Plain blocks (flat keys, scalars, simple lists) are read by ./yaml-fast.ts, which gives the same
 * result much faster and hands anything it is not sure of to `yaml`.
 */
import { parse } from "yaml";
import type { FrontMatterCache, FrontmatterLinkCache } from "obsidian";
import { wholeWikilink } from "./links";
import type { Doc, LineView } from "./text";
import { parseSimpleYaml } from "./yaml-fast";

export interface FrontmatterBlock {
  start: number;
  /** Just after the closing `---`. */
  end: number;
  /** The parsed mapping, or null when there is none to report. */
  data: FrontMatterCache | null;
  /** Index of the first line view left for the body. */
  bodyLine: number;
  /** Set when the closing line has text after its `---`: the body starts there, mid-line. */
  bodyView: LineView | null;
}

export function readFrontmatter(doc: Doc): FrontmatterBlock | null {
  const { text, views } = doc;
  const first = views[0];
  if (!first || views.length < 2 || first.e - first.s !== 3 || !text.startsWith("---", first.s)) return null;
  for (let k = 1; k < views.length; k++) {
    const line = views[k] as LineView;
    if (line.e - line.s < 3 || !text.startsWith("---", line.s)) continue;
    const lines: string[] = [];
    for (let m = 1; m < k; m++) {
      const inner = views[m] as LineView;
      lines.push(text.slice(inner.s, inner.e));
    }
    const end = line.s + 3;
    const rest = end < line.e ? { n: line.n, s: end, e: line.e } : null;
    return { start: first.s, end, data: parseYamlMapping(lines.join("\n")), bodyLine: rest ? k : k + 1, bodyView: rest };
  }
  return null;
}

/** The mapping in a frontmatter block: the common plain forms read directly, anything else by the `yaml` package. */
export function parseYamlMapping(source: string): FrontMatterCache | null {
  const simple = parseSimpleYaml(source);
  if (simple !== undefined) return simple;
  return parseYamlFully(source);
}

/** The `yaml` package's reading (core schema, so dates stay strings); null when it is not a mapping. */
export function parseYamlFully(source: string): FrontMatterCache | null {
  let value: unknown;
  try {
    value = parse(source, { schema: "core", uniqueKeys: true, merge: true });
  } catch {
    return null;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const mapping: FrontMatterCache = value;
  return mapping;
}

/** Every string value (at any depth) that is one whole `[[wikilink]]`, keyed by its dotted path. */
export function frontmatterLinks(data: FrontMatterCache): FrontmatterLinkCache[] {
  const links: FrontmatterLinkCache[] = [];
  const visit = (value: unknown, key: string): void => {
    if (typeof value === "string") {
      const target = wholeWikilink(value);
      if (target) links.push({ key, link: target.link, original: value, displayText: target.displayText });
    } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, `${key}.${index}`));
    else if (value !== null && typeof value === "object") {
      for (const [name, item] of Object.entries(value as Record<string, unknown>)) visit(item, `${key}.${name}`);
    }
  };
  for (const [name, value] of Object.entries(data)) visit(value, name);
  return links;
}
