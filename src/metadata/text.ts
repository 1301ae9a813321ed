/**
 * Lines and positions. The parser never copies the note's text line by line: a "line view" is a window
 * `[s, e)` on the whole text (its end excludes the line break), and nested containers (quotes, list items)
 * see the same line through a narrower window whose start skips their markers and indentation. Positions
 * are absolute offsets, turned into Obsidian's `{line, col, offset}` only when the result is assembled.
 */
import type { Loc, Pos } from "obsidian";

export interface LineView {
  /** 0-based line number in the note. */
  n: number;
  /** Absolute offset where this view of the line starts. */
  s: number;
  /** Absolute offset where the line's content ends (before `\r\n`, `\n` or `\r`). */
  e: number;
}

/** Deeper quotes and lists than this are read as paragraphs (keeps the recursion far from the stack limit). */
export const MAX_NESTING = 64;

export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;

export function isSpaceOrTab(code: number): boolean {
  return code === SPACE || code === TAB;
}

/** JavaScript's `\s`, by code unit (what remark's `trim` and `is-whitespace-character` use). */
const WHITESPACE = /\s/;
export function isWhitespaceCode(code: number): boolean {
  if (code === SPACE || (code >= 9 && code <= 13)) return true;
  if (code < 128) return false;
  return WHITESPACE.test(String.fromCharCode(code));
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export class Doc {
  readonly text: string;
  /** Offset of the first character of every line (a leading BOM belongs to line 0). */
  readonly lineStarts: number[] = [];
  /** One view per line; line 0's view starts after a BOM. */
  readonly views: LineView[] = [];

  constructor(text: string) {
    this.text = text;
    const length = text.length;
    let start = 0;
    let line = 0;
    if (text.indexOf("\r") < 0) {
      // The common case: only `\n` line breaks, found natively.
      for (;;) {
        const end = text.indexOf("\n", start);
        this.lineStarts.push(start);
        this.views.push({ n: line++, s: start, e: end < 0 ? length : end });
        if (end < 0) break;
        start = end + 1;
      }
    } else {
      let i = 0;
      for (;;) {
        while (i < length) {
          const code = text.charCodeAt(i);
          if (code === LF || code === CR) break;
          i++;
        }
        this.lineStarts.push(start);
        this.views.push({ n: line, s: start, e: i });
        if (i >= length) break;
        if (text.charCodeAt(i) === CR && i + 1 < length && text.charCodeAt(i + 1) === LF) i++;
        i++;
        start = i;
        line++;
      }
    }
    const first = this.views[0];
    if (first && length > 0 && text.charCodeAt(0) === 0xfeff) this.views[0] = { n: 0, s: 1, e: first.e };
  }

  /** Whether `[s, e)` holds only spaces and tabs. */
  blank(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (!isSpaceOrTab(this.text.charCodeAt(i))) return false;
    return true;
  }

  /** Whether `[s, e)` holds only `\s` characters (remark's `trim(x) === ''`). */
  whitespace(s: number, e: number): boolean {
    for (let i = s; i < e; i++) if (!isWhitespaceCode(this.text.charCodeAt(i))) return false;
    return true;
  }

  loc(offset: number): Loc {
    const starts = this.lineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, col: offset - (starts[lo] ?? 0), offset };
  }

  pos(start: number, end: number): Pos {
    return { start: this.loc(start), end: this.loc(end) };
  }
}
