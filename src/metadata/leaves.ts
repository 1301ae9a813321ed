/**
 * Leaf blocks (see blocks.ts for the conventions): headings, thematic breaks, HTML, tables, footnote and link
 * definitions (code, math and comments are in code.ts). Blocks start at their line view's start, indentation
 * included.
 */
import type { Block, Tokenizer } from "./blocks";
import { type LineView, isSpaceOrTab, SPACE, TAB } from "./text";

const HASH = 35;
const STAR = 42;
const DASH = 45;
const UNDERSCORE = 95;
const EQUALS = 61;
const PIPE = 124;
const BACKSLASH = 92;
const LT = 60;
const LBRACKET = 91;
const RBRACKET = 93;
const CARET = 94;
const COLON = 58;

function skipSpaceOrTab(text: string, k: number, end: number): number {
  while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
  return k;
}

export const atxHeading: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const line = v[i] as LineView;
  const e = line.e;
  let k = skipSpaceOrTab(text, line.s, e);
  const hashes = k;
  while (k < e && text.charCodeAt(k) === HASH) k++;
  const depth = k - hashes;
  if (depth === 0 || depth > 6) return -1;
  if (k < e && !isSpaceOrTab(text.charCodeAt(k))) return -1;
  if (!out) return i + 1;
  k = skipSpaceOrTab(text, k, e);
  // remark drops a closing run of `#` (with the white space around it), but keeps a `#` glued to the text.
  let contentStart = -1;
  let contentEnd = -1;
  let queue = -1;
  while (k < e) {
    const code = text.charCodeAt(k);
    if (code !== SPACE && code !== TAB && code !== HASH) {
      if (contentStart < 0) contentStart = queue >= 0 ? queue : k;
      contentEnd = ++k;
      queue = -1;
      continue;
    }
    const runStart = k;
    k = skipSpaceOrTab(text, k, e);
    if (contentStart >= 0 && queue < 0 && k === runStart && text.charCodeAt(k) === HASH) {
      contentEnd = ++k;
      continue;
    }
    if (queue < 0) queue = runStart;
    while (k < e && text.charCodeAt(k) === HASH) k++;
    k = skipSpaceOrTab(text, k, e);
  }
  const inline = contentStart >= 0 ? [contentStart, contentEnd] : [];
  const heading = contentStart >= 0 ? text.slice(contentStart, contentEnd) : "";
  out.push({ type: "heading", start: line.s, end: e, depth, text: heading, inline });
  return i + 1;
};

export const thematicBreak: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const line = v[i] as LineView;
  let k = skipSpaceOrTab(text, line.s, line.e);
  const marker = text.charCodeAt(k);
  if (k >= line.e || (marker !== STAR && marker !== DASH && marker !== UNDERSCORE)) return -1;
  let count = 0;
  for (; k < line.e; k++) {
    const code = text.charCodeAt(k);
    if (code === marker) count++;
    else if (code !== SPACE) return -1;
  }
  if (count < 3) return -1;
  if (out) out.push({ type: "thematicBreak", start: line.s, end: line.e });
  return i + 1;
};

/** A text line (at most three spaces in) followed by a line made only of `=` or only of `-`. */
export const setextHeading: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const line = v[i] as LineView;
  const under = v[i + 1];
  if (!under || under.e === under.s) return -1;
  const marker = text.charCodeAt(under.s);
  if (marker !== EQUALS && marker !== DASH) return -1;
  for (let k = under.s + 1; k < under.e; k++) if (text.charCodeAt(k) !== marker) return -1;
  let start = line.s;
  while (start < line.e && start - line.s < 3 && text.charCodeAt(start) === SPACE) start++;
  let end = line.e;
  while (end > start && isSpaceOrTab(text.charCodeAt(end - 1))) end--;
  if (!out) return i + 2;
  const depth = marker === EQUALS ? 1 : 2;
  out.push({ type: "heading", start: line.s, end: under.e, depth, text: text.slice(start, end), inline: [start, end] });
  return i + 2;
};

const BLOCK_TAGS =
  "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|" +
  "fieldset|figcaption|figure|footer|form|frame|frameset|h1|h2|h3|h4|h5|h6|head|header|hgroup|hr|html|iframe|legend|" +
  "li|link|main|menu|menuitem|meta|nav|noframes|ol|optgroup|option|p|param|pre|section|source|title|summary|table|" +
  "tbody|td|tfoot|th|thead|title|tr|track|ul";
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\u0000-\\u0020]+|'[^']*'|"[^"]*"))?)`;
export const OPEN_TAG = `<[A-Za-z][A-Za-z0-9\\-]*${ATTRIBUTE}*\\s*\\/?>`;
export const CLOSE_TAG = `<\\/[A-Za-z][A-Za-z0-9\\-]*\\s*>`;
/** remark's seven kinds of HTML block: opening test, closing test, whether it may interrupt a paragraph. */
const HTML_KINDS: ReadonlyArray<readonly [RegExp, RegExp, boolean]> = [
  [/^<(script|pre|style)(?=(\s|>|$))/i, /<\/(script|pre|style)>/i, true],
  [/^<!--/, /-->/, true],
  [/^<\?/, /\?>/, true],
  [/^<![A-Za-z]/, />/, true],
  [/^<!\[CDATA\[/, /\]\]>/, true],
  [new RegExp(`^</?(${BLOCK_TAGS})(?=(\\s|/?>|$))`, "i"), /^$/, true],
  [new RegExp(`^(?:${OPEN_TAG}|${CLOSE_TAG})\\s*$`), /^$/, false],
];

export const html: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const line = v[i] as LineView;
  const k = skipSpaceOrTab(text, line.s, line.e);
  if (text.charCodeAt(k) !== LT) return -1;
  const first = text.slice(k, line.e);
  const kind = HTML_KINDS.find(([open]) => open.test(first));
  if (!kind) return -1;
  if (!out) return kind[2] ? i + 1 : -1;
  const close = kind[1];
  let last = v.length - 1;
  if (close.test(first)) last = i;
  else {
    for (let j = i + 1; j < v.length; j++) {
      const next = v[j] as LineView;
      const content = text.slice(next.s, next.e);
      if (!close.test(content)) continue;
      last = content ? j : j - 1;
      break;
    }
  }
  out.push({ type: "html", start: line.s, end: (v[last] as LineView).e });
  return last + 1;
};

/** A line has a `|` somewhere after its first character (remark's cheap table-row test). */
function tableRow(text: string, line: LineView): boolean {
  for (let k = line.s + 1; k < line.e; k++) if (text.charCodeAt(k) === PIPE) return true;
  return false;
}

function alignmentRow(text: string, line: LineView): boolean {
  let cell: "none" | "open" | "some" = "none";
  let first = true;
  let columns = 0;
  for (let k = line.s; k < line.e; k++) {
    const code = text.charCodeAt(k);
    if (code === PIPE) {
      if (cell === "none" && !first) return false;
      if (cell !== "none") columns++;
      cell = "none";
      first = false;
    } else if (code === DASH || code === COLON) cell = "some";
    else if (!isSpaceOrTab(code)) return false;
  }
  if (cell !== "none") columns++;
  return columns > 0;
}

export const table: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const header = v[i] as LineView;
  const alignment = v[i + 1];
  if (!alignment || !tableRow(text, header) || !tableRow(text, alignment) || !alignmentRow(text, alignment)) return -1;
  let last = i + 1;
  while (last + 1 < v.length && tableRow(text, v[last + 1] as LineView)) last++;
  if (!out) return i + 1;
  const cells: number[] = [];
  for (let j = i; j <= last; j++) {
    if (j === i + 1) continue;
    const line = v[j] as LineView;
    let preamble = true;
    let start = -1;
    let end = -1;
    for (let k = line.s; k <= line.e; k++) {
      const code = k < line.e ? text.charCodeAt(k) : PIPE;
      if (isSpaceOrTab(code)) continue;
      if (code === PIPE) {
        if (!preamble && start >= 0) cells.push(start, end);
        start = -1;
      } else {
        if (start < 0) start = k;
        end = k + 1;
        if (code === BACKSLASH && k !== line.e - 1) end = ++k + 1;
      }
      preamble = false;
    }
  }
  out.push({ type: "table", start: (v[i] as LineView).s, end: (v[last] as LineView).e, cells });
  return last + 1;
};

/** `[^label]: text`, continued by lines that start with a space; only outside lists and quotes. */
export const footnoteDefinition: Tokenizer = (p, v, i, out) => {
  if (p.inList || p.inBlock) return -1;
  const text = p.doc.text;
  const line = v[i] as LineView;
  const k = skipSpaceOrTab(text, line.s, line.e);
  if (text.charCodeAt(k) !== LBRACKET || text.charCodeAt(k + 1) !== CARET) return -1;
  let q = k + 2;
  while (q < line.e && text.charCodeAt(q) !== RBRACKET) q += text.charCodeAt(q) === BACKSLASH ? 2 : 1;
  if (q === k + 2 || q + 1 >= line.e || text.charCodeAt(q) !== RBRACKET || text.charCodeAt(q + 1) !== COLON) return -1;
  if (!out) return i + 1;
  const content: LineView[] = [{ n: line.n, s: skipSpaceOrTab(text, q + 2, line.e), e: line.e }];
  let last = i;
  for (let j = i + 1; j < v.length; j++) {
    const next = v[j] as LineView;
    if (next.s === next.e) continue;
    if (text.charCodeAt(next.s) !== SPACE) break;
    for (let m = last + 1; m < j; m++) content.push(v[m] as LineView);
    const strip = text.startsWith("    ", next.s) ? 4 : 0;
    content.push({ n: next.n, s: next.s + strip, e: next.e });
    last = j;
  }
  const children = p.parse(content, p.inList, true);
  out.push({ type: "footnoteDefinition", start: line.s, end: (v[last] as LineView).e, children });
  return last + 1;
};

const DEFINITION = /[ \t]*\[(?:[^\\\]]|\\.)+\]:[ \t]*(?:<[^<>[\]\n]*>|[^\s[\]]+)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?[ \t]*(?=[\r\n]|$)/y;

/** A one-line link reference definition `[label]: url "title"` (not a paragraph, so no links or tags). */
export const definition: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const line = v[i] as LineView;
  DEFINITION.lastIndex = line.s;
  const match = DEFINITION.exec(text);
  if (!match || line.s + match[0].length !== line.e) return -1;
  if (out) out.push({ type: "definition", start: line.s, end: line.e } satisfies Block);
  return i + 1;
};
