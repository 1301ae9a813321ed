/**
 * Text-to-metadata: computes, from a note's text, the same `CachedMetadata` the Obsidian app computes
 * (frontmatter, frontmatterPosition, frontmatterLinks, links, embeds, tags, headings, sections, listItems, blocks).
 * Used by the CLI and by the test stand-in for the `obsidian` module; never bundled into main.js.
 *
 * Keys Obsidian leaves out are left out (no `links: []`), except `frontmatterLinks`, which Obsidian always
 * sets along with `frontmatter`. Not computed: `footnotes`, `footnoteRefs` and `referenceLinks`.
 */
import type {
  BlockCache,
  CachedMetadata,
  EmbedCache,
  HeadingCache,
  LinkCache,
  ListItemCache,
  SectionCache,
  TagCache,
} from "obsidian";
import { type Block, BlockParser } from "./blocks";
import { frontmatterLinks, readFrontmatter } from "./frontmatter";
import { type InlineHit, scanInline } from "./inline";
import { Doc } from "./text";

/** A block id: ` ^id` at the end of a paragraph (Latin letters, digits and dashes). */
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)[ \t]*$/;
const CARET = 94;

class Collector {
  readonly links: LinkCache[] = [];
  readonly embeds: EmbedCache[] = [];
  readonly tags: TagCache[] = [];
  readonly headings: HeadingCache[] = [];
  readonly listItems: ListItemCache[] = [];
  readonly blocks: Record<string, BlockCache> = {};
  blockCount = 0;
  private readonly doc: Doc;

  constructor(doc: Doc) {
    this.doc = doc;
  }

  /** Scans inline content given as `[start, end)` pairs, joined by line breaks. */
  inline(segments: readonly number[]): void {
    if (segments.length === 0) return;
    const text = this.doc.text;
    if (segments.length === 2) {
      // One line (most paragraphs, headings and list items): offsets in it are its start plus the index.
      const first = segments[0] as number;
      for (const hit of scanInline(text.slice(first, segments[1]))) this.hit(hit, first + hit.start, first + hit.end);
      return;
    }
    const starts: number[] = [];
    const joined: number[] = [];
    const pieces: string[] = [];
    let length = 0;
    for (let k = 0; k < segments.length; k += 2) {
      const start = segments[k] as number;
      const end = segments[k + 1] as number;
      starts.push(start);
      joined.push(length);
      pieces.push(text.slice(start, end));
      length += end - start + 1;
    }
    const source = pieces.length === 1 ? (pieces[0] as string) : pieces.join("\n");
    const absolute = (index: number): number => {
      let lo = 0;
      let hi = joined.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((joined[mid] as number) <= index) lo = mid;
        else hi = mid - 1;
      }
      return (starts[lo] as number) + index - (joined[lo] as number);
    };
    for (const hit of scanInline(source)) this.hit(hit, absolute(hit.start), absolute(hit.end));
  }

  private hit(hit: InlineHit, start: number, end: number): void {
    const position = this.doc.pos(start, end);
    if (hit.kind === "tag") this.tags.push({ tag: hit.link, position });
    else {
      const reference = { link: hit.link, original: this.doc.text.slice(start, end), displayText: hit.displayText, position };
      (hit.kind === "link" ? this.links : this.embeds).push(reference);
    }
  }

  blockId(paragraph: Block | undefined): string | null {
    if (!paragraph || paragraph.type !== "paragraph" || !paragraph.inline) return null;
    const segments = paragraph.inline;
    const text = this.doc.text;
    if (segments.length === 0) return BLOCK_ID.exec(text)?.[1] ?? null;
    const start = segments[segments.length - 2] as number;
    const end = segments[segments.length - 1] as number;
    // Most lines hold no `^` at all: no slice and no regular expression for them.
    let caret = start;
    while (caret < end && text.charCodeAt(caret) !== CARET) caret++;
    if (caret >= end) return null;
    return BLOCK_ID.exec(text.slice(start, end))?.[1] ?? null;
  }

  addBlock(id: string, position: BlockCache["position"]): void {
    if (this.blocks[id]) return;
    this.blocks[id] = { id, position };
    this.blockCount++;
  }

  walk(nodes: readonly Block[], parentLine: number | null): void {
    for (const node of nodes) {
      switch (node.type) {
        case "paragraph":
        case "comment":
          this.inline(node.inline ?? []);
          break;
        case "heading":
          this.headings.push({ heading: node.text ?? "", level: node.depth ?? 1, position: this.doc.pos(node.start, node.end) });
          this.inline(node.inline ?? []);
          break;
        case "table": {
          const cells = node.cells ?? [];
          for (let k = 0; k < cells.length; k += 2) this.inline(cells.slice(k, k + 2));
          break;
        }
        case "blockquote":
        case "footnoteDefinition":
          this.walk(node.children ?? [], parentLine);
          break;
        case "list":
          this.list(node, parentLine);
          break;
        default:
          break;
      }
    }
  }

  /** Root items point at minus the list's first line (line 0 gives -1); nested ones at their parent's line. */
  private list(list: Block, parentLine: number | null): void {
    const first = this.doc.loc(list.start).line;
    const parent = parentLine ?? (first === 0 ? -1 : -first);
    for (const item of list.children ?? []) {
      const children = item.children ?? [];
      // Obsidian ends an item with nested lists at the end of what comes before the first of them.
      const nested = children.findIndex((child) => child.type === "list");
      const end = nested > 0 ? (children[nested - 1] as Block).end : item.end;
      const entry: ListItemCache = { parent, position: this.doc.pos(item.start, end) };
      if (item.task !== undefined) entry.task = item.task;
      const id = this.blockId(children[0]);
      if (id !== null) {
        entry.id = id;
        this.addBlock(id, this.doc.pos(item.start, end));
      }
      this.listItems.push(entry);
      this.walk(children, this.doc.loc(item.start).line);
    }
  }
}

export function parseMetadata(text: string): CachedMetadata {
  const doc = new Doc(text);
  const collector = new Collector(doc);
  const sections: SectionCache[] = [];
  const metadata: CachedMetadata = {};
  const views = doc.views.slice();
  let from = 0;
  const frontmatter = readFrontmatter(doc);
  if (frontmatter) {
    sections.push({ type: "yaml", position: doc.pos(frontmatter.start, frontmatter.end) });
    if (frontmatter.data) {
      metadata.frontmatter = frontmatter.data;
      metadata.frontmatterPosition = doc.pos(frontmatter.start, frontmatter.end);
      metadata.frontmatterLinks = frontmatterLinks(frontmatter.data);
    }
    from = frontmatter.bodyLine;
    if (frontmatter.bodyView) views[from] = frontmatter.bodyView;
  }
  const blocks = new BlockParser(doc).parse(views, false, false, from);
  for (const node of blocks) {
    const section: SectionCache = { type: node.type === "blockquote" && node.callout ? "callout" : node.type, position: doc.pos(node.start, node.end) };
    const id = collector.blockId(node);
    if (id !== null) {
      section.id = id;
      collector.addBlock(id, doc.pos(node.start, node.end));
    }
    sections.push(section);
  }
  collector.walk(blocks, null);
  if (collector.links.length > 0) metadata.links = collector.links;
  if (collector.embeds.length > 0) metadata.embeds = collector.embeds;
  if (collector.tags.length > 0) metadata.tags = collector.tags;
  if (collector.headings.length > 0) metadata.headings = collector.headings;
  if (sections.length > 0) metadata.sections = sections;
  if (collector.listItems.length > 0) metadata.listItems = collector.listItems;
  if (collector.blockCount > 0) metadata.blocks = collector.blocks;
  return metadata;
}
