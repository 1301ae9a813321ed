/**
 * Block structure, the way Obsidian's metadata parser sees it. That parser descends from remark-parse 8
 * (the pre-micromark remark, in its CommonMark mode) plus Obsidian's own constructs, and its quirks show in
 * the positions it reports: every block starts where its container's content starts (indentation included),
 * a list item's content is re-indented by remark's rules (`1. ` counts as four columns), a task checkbox is
 * stripped before the item's content is parsed (so `- [ ] 1. x` nests a list), and so on. This module
 * reproduces that behaviour from the observed snapshots and remark 8's documented rules; it is not a general
 * CommonMark parser and does not try to be one.
 *
 * Each tokenizer looks at line `i` of a list of line views and either returns -1 (not this construct) or the
 * index of the first line it did not consume, after pushing its node to `out`. With `out === null` it only
 * answers whether the construct starts there (remark's "silent" mode, used to decide interruptions).
 */
import { blockquote, list } from "./containers";
import { comment, fencedCode, indentedCode, math } from "./code";
import { atxHeading, definition, footnoteDefinition, html, setextHeading, table, thematicBreak } from "./leaves";
import { type Doc, type LineView, isSpaceOrTab, SPACE, TAB } from "./text";

export type BlockType =
  | "paragraph"
  | "heading"
  | "code"
  | "math"
  | "comment"
  | "html"
  | "thematicBreak"
  | "table"
  | "blockquote"
  | "list"
  | "listItem"
  | "footnoteDefinition"
  | "definition";

export interface Block {
  type: BlockType;
  /** Absolute offsets of the block's first character and of the position just after its last one. */
  start: number;
  end: number;
  children?: Block[];
  /** Inline content as `[start, end)` pairs, one pair per line (paragraphs, headings). */
  inline?: number[];
  /** Table cells, one `[start, end)` pair per non-empty cell; each cell is inline content of its own. */
  cells?: number[];
  /** Heading level and raw text. */
  depth?: number;
  text?: string;
  /** List item checkbox character. */
  task?: string;
  /** A blockquote whose first line is `[!type]`. */
  callout?: boolean;
}

export type Tokenizer = (p: BlockParser, v: LineView[], i: number, out: Block[] | null) => number;

export class BlockParser {
  readonly doc: Doc;
  /** Inside a list item / inside any container (remark's `inList` / `inBlock`). */
  inList = false;
  inBlock = false;
  /** How many containers deep the current content is; past MAX_NESTING, containers are read as text. */
  depth = 0;

  constructor(doc: Doc) {
    this.doc = doc;
  }

  parse(v: LineView[], inList: boolean, inBlock: boolean, from = 0): Block[] {
    const savedList = this.inList;
    const savedBlock = this.inBlock;
    this.inList = inList;
    this.inBlock = inBlock;
    this.depth++;
    const out: Block[] = [];
    let i = from;
    while (i < v.length) {
      const line = v[i] as LineView;
      if (this.doc.blank(line.s, line.e)) {
        i++;
        continue;
      }
      let next = -1;
      for (const tokenizer of this.plain(line) ? PLAIN_ORDER : BLOCK_ORDER) {
        next = tokenizer(this, v, i, out);
        if (next >= 0) break;
      }
      i = next >= 0 ? next : i + 1;
    }
    this.inList = savedList;
    this.inBlock = savedBlock;
    this.depth--;
    return out;
  }

  /** Whether the line's first character after spaces and tabs cannot start a block marker (none counts as such). */
  plain(line: LineView): boolean {
    const text = this.doc.text;
    let k = line.s;
    while (k < line.e && isSpaceOrTab(text.charCodeAt(k))) k++;
    if (k >= line.e) return true;
    const code = text.charCodeAt(k);
    return code >= 128 || MARKER_START[code] === 0;
  }

  /** Whether line `i` starts a block that ends the paragraph, list or quote being read. */
  interrupts(kind: "paragraph" | "list" | "blockquote", v: LineView[], i: number): boolean {
    if (this.plain(v[i] as LineView)) {
      // Of the interrupting blocks, only indented code and a setext heading can start with plain text.
      if (kind !== "blockquote") return false;
      return indentedCode(this, v, i, null) >= 0 || setextHeading(this, v, i, null) >= 0;
    }
    const set = kind === "paragraph" ? PARAGRAPH_INTERRUPTS : kind === "list" ? LIST_INTERRUPTS : BLOCKQUOTE_INTERRUPTS;
    for (const tokenizer of set) if (tokenizer(this, v, i, null) >= 0) return true;
    return false;
  }
}

/**
 * The characters a block's marker can start with, after the spaces and tabs that open the line: fences
 * (`` ` `` `~` `$`), comments (`%`), quotes (`>`), headings (`#`), breaks and bullets (`*` `-` `_` `+`), ordered
 * bullets (digits), HTML (`<`), footnote and link definitions (`[`). A line starting with any other character can
 * only be indented code, the text of a setext heading, a table's header, or a paragraph.
 */
const MARKER_START = new Uint8Array(128);
for (const ch of "`~$%>#*-_+0123456789<[") MARKER_START[ch.charCodeAt(0)] = 1;

/** A paragraph runs until a blank line or a line that starts an interrupting block. */
export const paragraph: Tokenizer = (p, v, i, out) => {
  const doc = p.doc;
  const text = doc.text;
  let j = i;
  while (j + 1 < v.length) {
    const next = v[j + 1] as LineView;
    if (next.s === next.e) break;
    // CommonMark mode: a line indented by four columns continues the paragraph, whatever it holds.
    let k = next.s;
    let size = 0;
    while (k < next.e) {
      const code = text.charCodeAt(k);
      if (code === TAB) {
        size = 4;
        break;
      }
      if (code !== SPACE) break;
      size++;
      k++;
    }
    if (size >= 4 && k < next.e) {
      j++;
      continue;
    }
    if (p.interrupts("paragraph", v, j + 1)) break;
    // A whitespace-only line ends the paragraph, unless it is the very last line (remark keeps it).
    if (doc.whitespace(next.s, next.e) && j + 2 < v.length) break;
    j++;
  }
  if (!out) return i + 1;
  const inline: number[] = [];
  for (let k = i; k <= j; k++) {
    const line = v[k] as LineView;
    inline.push(line.s, line.e);
  }
  out.push({ type: "paragraph", start: (v[i] as LineView).s, end: (v[j] as LineView).e, inline });
  return j + 1;
};

/** remark's block tokenizers in precedence order, with Obsidian's math and `%%` comments added. */
const BLOCK_ORDER: readonly Tokenizer[] = [
  indentedCode,
  fencedCode,
  math,
  comment,
  blockquote,
  atxHeading,
  thematicBreak,
  list,
  setextHeading,
  html,
  footnoteDefinition,
  definition,
  table,
  paragraph,
];

/** `BLOCK_ORDER` less the tokenizers that need a marker (see `MARKER_START`), in the same order. */
const PLAIN_ORDER: readonly Tokenizer[] = [indentedCode, setextHeading, table, paragraph];

const PARAGRAPH_INTERRUPTS: readonly Tokenizer[] = [math, thematicBreak, list, atxHeading, fencedCode, blockquote, html, comment];
const LIST_INTERRUPTS: readonly Tokenizer[] = [math, atxHeading, fencedCode, thematicBreak, comment];
const BLOCKQUOTE_INTERRUPTS: readonly Tokenizer[] = [
  math,
  indentedCode,
  fencedCode,
  atxHeading,
  setextHeading,
  thematicBreak,
  html,
  list,
  comment,
];
