/**
 * A compact, lossless form of the `CachedMetadata` that src/metadata/parse.ts makes, for handing parsed notes from
 * a parse worker to the main thread. Structured cloning or JSON of the metadata objects costs about as much as
 * parsing the notes again (a position alone is three objects); here every number goes into one Int32Array
 * (transferred, not copied), every string into one array, and the frontmatter (arbitrary YAML values) as it is.
 * Decoding builds the same objects with the same keys in the same order as the parser does.
 *
 * Only the fields the parser produces are known; `encodeMeta` throws on any other, so a new field can't be lost
 * silently (tests/cli/cli-codec.test.ts round-trips real and generated notes).
 */
import type { CachedMetadata, FrontMatterCache, Pos } from "obsidian";

export class MetaWriter {
  ints: number[] = [];
  strings: string[] = [];
  frontmatter: (FrontMatterCache | undefined)[] = [];

  int(value: number): void {
    this.ints.push(value);
  }

  string(value: string): void {
    this.strings.push(value);
  }

  /** Takes what was written so far, leaving the writer empty. */
  take(): EncodedBatch {
    const batch = { ints: Int32Array.from(this.ints), strings: this.strings, frontmatter: this.frontmatter };
    this.ints = [];
    this.strings = [];
    this.frontmatter = [];
    return batch;
  }
}

export interface EncodedBatch {
  ints: Int32Array;
  strings: string[];
  frontmatter: (FrontMatterCache | undefined)[];
}

export class MetaReader {
  private i = 0;
  private s = 0;
  private f = 0;

  constructor(private readonly batch: EncodedBatch) {}

  int(): number {
    return this.batch.ints[this.i++] as number;
  }

  string(): string {
    return this.batch.strings[this.s++] as string;
  }

  frontmatter(): FrontMatterCache | undefined {
    return this.batch.frontmatter[this.f++];
  }

  /** Whether everything was read, and no more. */
  finished(): boolean {
    return this.i === this.batch.ints.length && this.s === this.batch.strings.length && this.f === this.batch.frontmatter.length;
  }
}

const FRONTMATTER = 1;
const FRONTMATTER_POSITION = 2;
const FRONTMATTER_LINKS = 4;
const LINKS = 8;
const EMBEDS = 16;
const TAGS = 32;
const HEADINGS = 64;
const SECTIONS = 128;
const LIST_ITEMS = 256;
const BLOCKS = 512;

const FIELD_BITS: Record<string, number> = {
  frontmatter: FRONTMATTER,
  frontmatterPosition: FRONTMATTER_POSITION,
  frontmatterLinks: FRONTMATTER_LINKS,
  links: LINKS,
  embeds: EMBEDS,
  tags: TAGS,
  headings: HEADINGS,
  sections: SECTIONS,
  listItems: LIST_ITEMS,
  blocks: BLOCKS,
};

function writePos(w: MetaWriter, pos: Pos): void {
  const { start, end } = pos;
  w.ints.push(start.line, start.col, start.offset, end.line, end.col, end.offset);
}

function readPos(r: MetaReader): Pos {
  return { start: { line: r.int(), col: r.int(), offset: r.int() }, end: { line: r.int(), col: r.int(), offset: r.int() } };
}

export function encodeMeta(w: MetaWriter, meta: CachedMetadata): void {
  let bits = 0;
  for (const key of Object.keys(meta)) {
    const bit = FIELD_BITS[key];
    if (bit === undefined) throw new Error(`metadata field ${key} is unknown to the CLI's codec`);
    bits |= bit;
  }
  w.int(bits);
  if (meta.frontmatter) w.frontmatter.push(meta.frontmatter);
  if (meta.frontmatterPosition) writePos(w, meta.frontmatterPosition);
  if (meta.frontmatterLinks) {
    w.int(meta.frontmatterLinks.length);
    for (const l of meta.frontmatterLinks) {
      w.string(l.key);
      w.string(l.link);
      w.string(l.original);
      w.string(l.displayText ?? "");
    }
  }
  for (const list of [meta.links, meta.embeds]) {
    if (!list) continue;
    w.int(list.length);
    for (const l of list) {
      w.string(l.link);
      w.string(l.original);
      w.string(l.displayText ?? "");
      writePos(w, l.position);
    }
  }
  if (meta.tags) {
    w.int(meta.tags.length);
    for (const t of meta.tags) {
      w.string(t.tag);
      writePos(w, t.position);
    }
  }
  if (meta.headings) {
    w.int(meta.headings.length);
    for (const h of meta.headings) {
      w.string(h.heading);
      w.int(h.level);
      writePos(w, h.position);
    }
  }
  if (meta.sections) {
    w.int(meta.sections.length);
    for (const s of meta.sections) {
      w.string(s.type);
      writePos(w, s.position);
      w.int(s.id === undefined ? 0 : 1);
      if (s.id !== undefined) w.string(s.id);
    }
  }
  if (meta.listItems) {
    w.int(meta.listItems.length);
    for (const item of meta.listItems) {
      w.int(item.parent);
      writePos(w, item.position);
      w.int((item.task === undefined ? 0 : 1) | (item.id === undefined ? 0 : 2));
      if (item.task !== undefined) w.string(item.task);
      if (item.id !== undefined) w.string(item.id);
    }
  }
  if (meta.blocks) {
    const entries = Object.entries(meta.blocks);
    w.int(entries.length);
    for (const [key, block] of entries) {
      w.string(key);
      w.string(block.id);
      writePos(w, block.position);
    }
  }
}

export function decodeMeta(r: MetaReader): CachedMetadata {
  const bits = r.int();
  const meta: CachedMetadata = {};
  if (bits & FRONTMATTER) meta.frontmatter = r.frontmatter();
  if (bits & FRONTMATTER_POSITION) meta.frontmatterPosition = readPos(r);
  if (bits & FRONTMATTER_LINKS) {
    const n = r.int();
    meta.frontmatterLinks = [];
    for (let k = 0; k < n; k++) meta.frontmatterLinks.push({ key: r.string(), link: r.string(), original: r.string(), displayText: r.string() });
  }
  if (bits & LINKS) meta.links = readReferences(r);
  if (bits & EMBEDS) meta.embeds = readReferences(r);
  if (bits & TAGS) {
    const n = r.int();
    meta.tags = [];
    for (let k = 0; k < n; k++) meta.tags.push({ tag: r.string(), position: readPos(r) });
  }
  if (bits & HEADINGS) {
    const n = r.int();
    meta.headings = [];
    for (let k = 0; k < n; k++) meta.headings.push({ heading: r.string(), level: r.int(), position: readPos(r) });
  }
  if (bits & SECTIONS) {
    const n = r.int();
    meta.sections = [];
    for (let k = 0; k < n; k++) {
      const section: { type: string; position: Pos; id?: string } = { type: r.string(), position: readPos(r) };
      if (r.int() === 1) section.id = r.string();
      meta.sections.push(section);
    }
  }
  if (bits & LIST_ITEMS) {
    const n = r.int();
    meta.listItems = [];
    for (let k = 0; k < n; k++) {
      const item: { parent: number; position: Pos; task?: string; id?: string } = { parent: r.int(), position: readPos(r) };
      const has = r.int();
      if (has & 1) item.task = r.string();
      if (has & 2) item.id = r.string();
      meta.listItems.push(item);
    }
  }
  if (bits & BLOCKS) {
    const n = r.int();
    const blocks: NonNullable<CachedMetadata["blocks"]> = {};
    for (let k = 0; k < n; k++) {
      const key = r.string();
      blocks[key] = { id: r.string(), position: readPos(r) };
    }
    meta.blocks = blocks;
  }
  return meta;
}

function readReferences(r: MetaReader): { link: string; original: string; displayText: string; position: Pos }[] {
  const n = r.int();
  const out: { link: string; original: string; displayText: string; position: Pos }[] = [];
  for (let k = 0; k < n; k++) out.push({ link: r.string(), original: r.string(), displayText: r.string(), position: readPos(r) });
  return out;
}
