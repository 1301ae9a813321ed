/**
 * Containers: block quotes (callouts) and lists. Their content is handed back to the block parser as
 * narrower line views: `> ` stripped for quotes; for list items, the bullet (and a task checkbox) on the
 * first line and remark's computed indentation on the others.
 */
import type { Block, Tokenizer } from "./blocks";
import { thematicBreak } from "./leaves";
import { type LineView, isDigit, isSpaceOrTab, MAX_NESTING, SPACE, TAB } from "./text";

const GT = 62;
const STAR = 42;
const PLUS = 43;
const DASH = 45;
const DOT = 46;
const RPAREN = 41;
const LBRACKET = 91;
const RBRACKET = 93;
const ONE = 49;

const CALLOUT = /[ \t]*\[![^\]\r\n]+\]/y;

export const blockquote: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const first = v[i] as LineView;
  let k = first.s;
  while (k < first.e && isSpaceOrTab(text.charCodeAt(k))) k++;
  if (k >= first.e || text.charCodeAt(k) !== GT) return -1;
  if (!out) return i + 1;
  if (p.depth > MAX_NESTING) return -1;
  const content: LineView[] = [];
  let j = i;
  for (; j < v.length; j++) {
    const line = v[j] as LineView;
    let q = line.s;
    while (q < line.e && isSpaceOrTab(text.charCodeAt(q))) q++;
    if (q < line.e && text.charCodeAt(q) === GT) {
      q++;
      if (q < line.e && text.charCodeAt(q) === SPACE) q++;
      content.push({ n: line.n, s: q, e: line.e });
      continue;
    }
    // A lazy line continues the quote unless it is blank or starts a block that interrupts it.
    if (p.doc.whitespace(line.s, line.e) || p.interrupts("blockquote", v, j)) break;
    content.push(line);
  }
  const head = content[0] as LineView;
  CALLOUT.lastIndex = head.s;
  const callout = CALLOUT.test(text) && CALLOUT.lastIndex <= head.e;
  const children = p.parse(content, p.inList, true);
  out.push({ type: "blockquote", start: first.s, end: (v[j - 1] as LineView).e, children, callout });
  return j;
};

interface Marker {
  /** The bullet character, or `.` / `)` for an ordered list. */
  kind: number;
  /** Offset just after the marker. */
  end: number;
}

function readMarker(text: string, k: number, e: number): Marker | null {
  const code = text.charCodeAt(k);
  if (k >= e) return null;
  if (code === STAR || code === PLUS || code === DASH) return { kind: code, end: k + 1 };
  let q = k;
  while (q < e && isDigit(text.charCodeAt(q))) q++;
  if (q === k || q >= e) return null;
  const delimiter = text.charCodeAt(q);
  return delimiter === DOT || delimiter === RPAREN ? { kind: delimiter, end: q + 1 } : null;
}

function columns(text: string, from: number, to: number, start: number): number {
  let size = start;
  for (let k = from; k < to; k++) size = text.charCodeAt(k) === TAB ? size + 4 - (size % 4) : size + 1;
  return size;
}

interface PendingItem {
  lines: LineView[];
  /** Columns up to the item's content (remark's `item.indent`). */
  indent: number;
  /** Set when blank lines separate this item from the next: remark then ends the item on the first one. */
  trail: LineView | null;
}

/** remark's list: items are split by marker lines; indented, lazy and blank lines attach to the current one. */
export const list: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const first = v[i] as LineView;
  let k = first.s;
  while (k < first.e && isSpaceOrTab(text.charCodeAt(k))) k++;
  const start = readMarker(text, k, first.e);
  if (!start) return -1;
  // An ordered list interrupts a paragraph only when it starts at 1.
  const ordered = start.kind === DOT || start.kind === RPAREN;
  if (!out && ordered && !(start.end - k === 2 && text.charCodeAt(k) === ONE)) return -1;
  if (start.end < first.e && !isSpaceOrTab(text.charCodeAt(start.end))) return -1;
  if (!out) return i + 1;
  if (p.depth > MAX_NESTING) return -1;

  const items: PendingItem[] = [];
  let item: PendingItem | null = null;
  let blanks: LineView[] = [];
  let last = i;
  let empty = false;
  let j = i;
  for (; j < v.length; j++) {
    const line = v[j] as LineView;
    let q = line.s;
    while (q < line.e && isSpaceOrTab(text.charCodeAt(q))) q++;
    let size = columns(text, line.s, q, 0);
    let indented = item !== null && size >= item.indent;
    let marker: Marker | null = null;
    if (!indented) {
      marker = readMarker(text, q, line.e);
      if (marker) {
        size += marker.end - q;
        let r = marker.end;
        const next = r < line.e ? text.charCodeAt(r) : -1;
        if (next === TAB) size = columns(text, r, r + 1, size);
        else if (next === SPACE) {
          while (r < line.e && r < marker.end + 4 && text.charCodeAt(r) === SPACE) r++;
          size += r - marker.end;
          if (r === marker.end + 4 && r < line.e && text.charCodeAt(r) === SPACE) size -= 3;
        } else if (next !== -1) marker = null;
      }
    }
    if (marker) {
      if (marker.kind !== start.kind) break;
      if ((marker.kind === STAR || marker.kind === DASH) && thematicBreak(p, v, j, null) >= 0) break;
    } else if (item) indented = size >= item.indent || size > 4;
    const wasEmpty = empty;
    empty = !marker && p.doc.whitespace(line.s, line.e);
    if (indented && item) {
      item.lines.push(...blanks, line);
      blanks = [];
      last = j;
    } else if (marker) {
      if (item && blanks.length > 0) {
        const blank = blanks[0] as LineView;
        item.trail = { n: blank.n, s: blank.s, e: blank.s };
      }
      item = { lines: [line], indent: size, trail: null };
      items.push(item);
      blanks = [];
      last = j;
    } else if (empty) blanks.push(line);
    else {
      if (wasEmpty || !item || p.interrupts("list", v, j)) break;
      item.lines.push(...blanks, line);
      blanks = [];
      last = j;
    }
  }
  if (items.length === 0) return -1;
  const children = items.map((pending) => listItem(p, pending));
  out.push({ type: "list", start: first.s, end: (v[last] as LineView).e, children });
  return last + 1;
};

/** remark's `normalListItem`: strip the bullet, re-indent the other lines, strip a `[x] ` checkbox. */
function listItem(p: Parameters<Tokenizer>[0], pending: PendingItem): Block {
  const text = p.doc.text;
  const lines = pending.trail ? [...pending.lines, pending.trail] : pending.lines;
  const first = lines[0] as LineView;
  let k = first.s;
  while (k < first.e && isSpaceOrTab(text.charCodeAt(k))) k++;
  const leading = columns(text, first.s, k, 0);
  const marker = readMarker(text, k, first.e) as Marker;
  const markerLength = marker.end - k;
  let r = marker.end;
  while (r < first.e && text.charCodeAt(r) === SPACE) r++;
  const spaces = r - marker.end;
  let gap = spaces >= 1 ? (spaces <= 4 ? spaces : 1) : 0;
  const tab = gap === 0 && marker.end < first.e && text.charCodeAt(marker.end) === TAB;
  if (tab) gap = 1;
  const bulletLength = marker.end + gap - first.s;
  // remark gives the first nine `N.` bullets an extra column when the bullet's length is odd.
  const small = marker.kind === DOT && Number(text.slice(k, marker.end - 1)) < 10 && bulletLength % 2 === 1;
  let maxColumns = leading + markerLength + (small ? 1 : 0);
  maxColumns = tab ? maxColumns + 4 - (maxColumns % 4) : maxColumns + gap;

  // The smallest indentation over the non-blank lines (the first one counts as `max + rest`).
  let minimum = maxColumns;
  const restStart = marker.end + gap;
  if (!p.doc.whitespace(restStart, first.e)) {
    let q = restStart;
    while (q < first.e && isSpaceOrTab(text.charCodeAt(q))) q++;
    minimum = Math.min(minimum, columns(text, restStart, q, maxColumns));
  }
  for (let m = 1; m < lines.length && minimum > 0; m++) {
    const line = lines[m] as LineView;
    if (p.doc.whitespace(line.s, line.e)) continue;
    let q = line.s;
    while (q < line.e && isSpaceOrTab(text.charCodeAt(q))) q++;
    minimum = Math.min(minimum, columns(text, line.s, q, 0));
  }

  const views: LineView[] = [{ n: first.n, s: first.s + bulletLength, e: first.e }];
  for (let m = 1; m < lines.length; m++) {
    const line = lines[m] as LineView;
    let q = line.s;
    // Observed in Obsidian: a tab that straddles the indentation is removed whole.
    for (let size = 0; size < minimum && q < line.e && isSpaceOrTab(text.charCodeAt(q)); q++) size = columns(text, q, q + 1, size);
    views.push({ n: line.n, s: q, e: line.e });
  }

  const head = views[0] as LineView;
  let task: string | undefined;
  if (
    head.e - head.s >= 4 &&
    text.charCodeAt(head.s) === LBRACKET &&
    text.charCodeAt(head.s + 2) === RBRACKET &&
    isSpaceOrTab(text.charCodeAt(head.s + 3))
  ) {
    task = text.charAt(head.s + 1);
    views[0] = { n: head.n, s: head.s + 4, e: head.e };
  }
  const last = lines[lines.length - 1] as LineView;
  const node: Block = { type: "listItem", start: first.s, end: last.e, children: p.parse(views, true, true) };
  if (task !== undefined) node.task = task;
  return node;
}
