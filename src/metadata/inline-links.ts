/** Links in inline content: `[[wikilinks]]`, `![[embeds]]`, `[text](url)`, `![alt](src)` and remark's references. */
import type { Context } from "./inline";
import { markdownTarget, wikiTarget } from "./links";
import { isWhitespaceCode, LF } from "./text";

const LPAREN = 40;
const RPAREN = 41;
const LT = 60;
const GT = 62;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const QUOTE = 34;
const APOSTROPHE = 39;

export function bracket(context: Context, pos: number, to: number, image: boolean, inLink: boolean): number {
  const open = image ? pos + 1 : pos;
  if (context.s.charCodeAt(open + 1) === LBRACKET) {
    const end = wikilink(context.s, pos, open, to, image, context.hits);
    if (end > 0) return end;
  }
  if (!image && inLink) return -1;
  const close = context.tables.closing(open);
  if (close < 0 || close >= to) return -1;
  const end = markdownLink(context, pos, open, close, to, image);
  return end > 0 ? end : reference(context, open, close, to, image);
}

/** `[[target|alias]]` on one line, not containing another `[[`. */
function wikilink(s: string, pos: number, open: number, to: number, embed: boolean, hits: Context["hits"]): number {
  let k = open + 2;
  for (; k + 1 < to; k++) {
    const c = s.charCodeAt(k);
    if (c === LF) return -1;
    if (c === RBRACKET && s.charCodeAt(k + 1) === RBRACKET) break;
    if (c === LBRACKET && s.charCodeAt(k + 1) === LBRACKET) return -1;
  }
  if (k + 1 >= to) return -1;
  const target = wikiTarget(s.slice(open + 2, k));
  if (!target) return -1;
  hits.push({ kind: embed ? "embed" : "link", start: pos, end: k + 2, link: target.link, displayText: target.displayText });
  return k + 2;
}

/** `[text](destination "title")` / `![alt](src)`, with remark's rules for brackets, spaces and titles. */
function markdownLink(context: Context, pos: number, open: number, textEnd: number, to: number, image: boolean): number {
  const s = context.s;
  if (textEnd + 1 >= to || s.charCodeAt(textEnd + 1) !== LPAREN) return -1;
  let k = textEnd + 2;
  while (k < to && isWhitespaceCode(s.charCodeAt(k))) k++;
  let urlStart = k;
  let urlEnd: number;
  if (s.charCodeAt(k) === LT) {
    urlStart = ++k;
    while (k < to && s.charCodeAt(k) !== GT) if (s.charCodeAt(k++) === LF) return -1;
    if (k >= to) return -1;
    urlEnd = k++;
  } else {
    let parens = 0;
    for (; k < to; k++) {
      const c = s.charCodeAt(k);
      if (isWhitespaceCode(c)) break;
      if (c === LPAREN) parens++;
      else if (c === RPAREN) {
        if (parens === 0) break;
        parens--;
      } else if (c === BACKSLASH) k++;
    }
    urlEnd = Math.min(k, to);
  }
  const spaceStart = k;
  while (k < to && isWhitespaceCode(s.charCodeAt(k))) k++;
  const quote = s.charCodeAt(k);
  if (k > spaceStart && (quote === QUOTE || quote === APOSTROPHE || quote === LPAREN)) {
    const close = quote === LPAREN ? RPAREN : quote;
    for (k++; k < to && s.charCodeAt(k) !== close; k++) if (s.charCodeAt(k) === BACKSLASH) k++;
    if (k >= to) return -1;
    k++;
    while (k < to && isWhitespaceCode(s.charCodeAt(k))) k++;
  }
  if (k >= to || s.charCodeAt(k) !== RPAREN) return -1;
  const end = k + 1;
  const link = markdownTarget(s.slice(urlStart, urlEnd));
  const displayText = s.slice(open + 1, textEnd);
  if (link !== null) context.hits.push({ kind: image ? "embed" : "link", start: pos, end, link, displayText });
  if (!image) context.scan(context, open + 1, textEnd, true);
  return end;
}

/** `[text]`, `[text][]`, `[text][label]`: no link for Obsidian, but remark reads its text separately. */
function reference(context: Context, open: number, textEnd: number, to: number, image: boolean): number {
  const s = context.s;
  let bracketed = false;
  for (let k = open + 1; k < textEnd && !bracketed; k++) {
    const c = s.charCodeAt(k);
    if (c === LBRACKET) bracketed = true;
    else if (c === BACKSLASH) k++;
  }
  let k = textEnd + 1;
  let full = false;
  if (s.charCodeAt(k) === LBRACKET && k < to) {
    let q = k + 1;
    for (; q < to; q++) {
      const c = s.charCodeAt(q);
      if (c === LBRACKET || c === RBRACKET) break;
      if (c === BACKSLASH) q++;
    }
    if (q < to && s.charCodeAt(q) === RBRACKET) {
      full = q > k + 1;
      k = q + 1;
    } else k++;
  } else if (textEnd === open + 1) return -1;
  if (bracketed && !full) return -1;
  if (!image) context.scan(context, open + 1, textEnd, true);
  return k;
}
