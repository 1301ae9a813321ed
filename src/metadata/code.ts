/**
 * Code-like leaf blocks (see blocks.ts for the conventions): indented and fenced code, `$$` math, and
 * Obsidian's `%%` comments. They start at their line view's start, indentation included.
 */
import type { Tokenizer } from "./blocks";
import { type LineView, isSpaceOrTab, SPACE, TAB } from "./text";

const BACKTICK = 96;
const TILDE = 126;
const DOLLAR = 36;
const PERCENT = 37;

function skipSpaceOrTab(text: string, k: number, end: number): number {
  while (k < end && isSpaceOrTab(text.charCodeAt(k))) k++;
  return k;
}

/** Four spaces or a tab, then at least one more character (remark keeps `"    "`-only lines as blank). */
function codeLine(text: string, line: LineView): boolean {
  if (line.e - line.s >= 5 && text.startsWith("    ", line.s)) return true;
  return line.e - line.s >= 2 && text.charCodeAt(line.s) === TAB;
}

export const indentedCode: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  if (!codeLine(text, v[i] as LineView)) return -1;
  if (!out) return i + 1;
  let last = i;
  for (let j = i + 1; j < v.length; j++) {
    const line = v[j] as LineView;
    if (codeLine(text, line)) last = j;
    else if (!p.doc.blank(line.s, line.e)) break;
  }
  out.push({ type: "code", start: (v[i] as LineView).s, end: (v[last] as LineView).e });
  return last + 1;
};

/** Fenced code (three or more backticks or tildes) and `$$` math share one shape. */
function fenced(kind: "code" | "math"): Tokenizer {
  return (p, v, i, out) => {
    const text = p.doc.text;
    const line = v[i] as LineView;
    let k = skipSpaceOrTab(text, line.s, line.e);
    const marker = text.charCodeAt(k);
    if (kind === "code" ? marker !== BACKTICK && marker !== TILDE : marker !== DOLLAR) return -1;
    const fenceStart = k;
    while (k < line.e && text.charCodeAt(k) === marker) k++;
    const count = k - fenceStart;
    if (count < (kind === "code" ? 3 : 2)) return -1;
    k = skipSpaceOrTab(text, k, line.e);
    if (kind === "math" && k < line.e) return -1;
    if (marker === BACKTICK) for (let q = k; q < line.e; q++) if (text.charCodeAt(q) === BACKTICK) return -1;
    if (!out) return i + 1;
    for (let j = i + 1; j < v.length; j++) {
      const closing = v[j] as LineView;
      let q = closing.s;
      while (q < closing.e && text.charCodeAt(q) === SPACE) q++;
      if (q - closing.s >= 4) continue;
      const run = q;
      while (q < closing.e && text.charCodeAt(q) === marker) q++;
      if (q - run < count) continue;
      if (skipSpaceOrTab(text, q, closing.e) < closing.e) continue;
      out.push({ type: kind, start: line.s, end: closing.e });
      return j + 1;
    }
    out.push({ type: kind, start: line.s, end: (v[v.length - 1] as LineView).e });
    return v.length;
  };
}

export const fencedCode = fenced("code");
export const math = fenced("math");

/** Obsidian's `%%` comment: from `%%` to the next `%%` (or to the end); a text after it starts a new block. */
export const comment: Tokenizer = (p, v, i, out) => {
  const text = p.doc.text;
  const line = v[i] as LineView;
  const k = skipSpaceOrTab(text, line.s, line.e);
  if (k + 2 > line.e || text.charCodeAt(k) !== PERCENT || text.charCodeAt(k + 1) !== PERCENT) return -1;
  if (!out) return i + 1;
  // Obsidian still reads the inside of a comment for tags and links (but not as blocks).
  const inside = (last: number, end: number): number[] => {
    const inline: number[] = [k + 2, i === last ? end : line.e];
    for (let m = i + 1; m <= last; m++) {
      const current = v[m] as LineView;
      inline.push(current.s, m === last ? end : current.e);
    }
    return inline;
  };
  let from = k + 2;
  let j = i;
  for (;;) {
    const close = text.indexOf("%%", from);
    if (close < 0) break;
    while (j < v.length && (v[j] as LineView).e < close + 2) j++;
    if (j >= v.length) break;
    const current = v[j] as LineView;
    if (close < current.s) {
      from = close + 1;
      continue;
    }
    out.push({ type: "comment", start: line.s, end: close + 2, inline: inside(j, close) });
    if (close + 2 < current.e) {
      v[j] = { n: current.n, s: close + 2, e: current.e };
      return j;
    }
    return j + 1;
  }
  const last = v[v.length - 1] as LineView;
  out.push({ type: "comment", start: line.s, end: last.e, inline: inside(v.length - 1, last.e) });
  return v.length;
};
