/**
 * Inline content: finds wikilinks, embeds, Markdown links and images, and tags, skipping what hides them
 * (code spans, math, HTML and comments, autolinks and bare URLs, backslash escapes). It follows remark's
 * inline tokenizer loop where that decides the outcome: a `#` starts a tag only after white space or right
 * where a previous construct ended (so `\[#tag` is a tag but `a#tag` and `[#tag` are not), and a failed
 * construct is read as text from its first character on.
 */
import { bracket } from "./inline-links";
import { angle, urlLiteral } from "./inline-urls";
import { isDigit, isWhitespaceCode, LF } from "./text";

export interface InlineHit {
  kind: "link" | "embed" | "tag";
  /** Indices in the scanned string. */
  start: number;
  end: number;
  /** The link target, or the tag with its `#`. */
  link: string;
  displayText: string;
}

const BANG = 33;
const HASH = 35;
const DOLLAR = 36;
const STAR = 42;
const LT = 60;
const EQUALS = 61;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const UNDERSCORE = 95;
const BACKTICK = 96;
const TILDE = 126;

/** Characters that end a tag (Obsidian's set: white space, ASCII punctuation but `-_/`, two Unicode blocks). */
const TAG_STOP = new Uint8Array(128);
for (const ch of "!\"#$%&'()*+,.:;<=>?@[\\]^`{|}~") TAG_STOP[ch.charCodeAt(0)] = 1;

function endsTag(code: number): boolean {
  if (code < 128) return TAG_STOP[code] === 1 || isWhitespaceCode(code);
  return (code >= 0x2000 && code <= 0x206f) || (code >= 0x2e00 && code <= 0x2e7f) || isWhitespaceCode(code);
}

function isAsciiPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/**
 * Per-string lookup tables, built on first use so that no construct rescans the text: for each `[` its
 * matching `]` (remark's bracket depth rule; escaped brackets do not count), and the backtick runs by length.
 */
class Tables {
  private readonly s: string;
  private brackets: Map<number, number> | null = null;
  private runs: Map<number, number[]> | null = null;

  constructor(s: string) {
    this.s = s;
  }

  /** The `]` closing the `[` at `open`, or -1. */
  closing(open: number): number {
    if (!this.brackets) {
      const s = this.s;
      const match = new Map<number, number>();
      const stack: number[] = [];
      for (let k = 0; k < s.length; k++) {
        const c = s.charCodeAt(k);
        if (c === BACKSLASH) k++;
        else if (c === LBRACKET) stack.push(k);
        else if (c === RBRACKET && stack.length > 0) match.set(stack.pop() as number, k);
      }
      this.brackets = match;
    }
    return this.brackets.get(open) ?? -1;
  }

  /** Start of the first maximal backtick run of exactly `length` at or after `from`, or -1. */
  run(length: number, from: number): number {
    if (!this.runs) {
      const s = this.s;
      const runs = new Map<number, number[]>();
      for (let k = 0; k < s.length; ) {
        if (s.charCodeAt(k) !== BACKTICK) {
          k++;
          continue;
        }
        const start = k;
        while (k < s.length && s.charCodeAt(k) === BACKTICK) k++;
        const list = runs.get(k - start);
        if (list) list.push(start);
        else runs.set(k - start, [start]);
      }
      this.runs = runs;
    }
    const list = this.runs.get(length);
    if (!list) return -1;
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) < from) lo = mid + 1;
      else hi = mid;
    }
    return lo < list.length ? (list[lo] as number) : -1;
  }
}

export interface Context {
  s: string;
  tables: Tables;
  hits: InlineHit[];
  /** Reads a sub-range (a link's text) with the same tables. */
  scan: (context: Context, from: number, to: number, inLink: boolean) => void;
}

export function scanInline(text: string): InlineHit[] {
  const context: Context = { s: text, tables: new Tables(text), hits: [], scan };
  scan(context, 0, text.length, false);
  return context.hits;
}

/** Characters where an inline construct may start; everything else is plain text. */
const SPECIAL = new Uint8Array(128);
for (const ch of "\\`$<[!#hHw") SPECIAL[ch.charCodeAt(0)] = 1;

function scan(context: Context, from: number, to: number, inLink: boolean): void {
  const s = context.s;
  let pos = from;
  let run = from;
  while (pos < to) {
    const c = s.charCodeAt(pos);
    if (c < 128 && SPECIAL[c] === 0) {
      pos++;
      continue;
    }
    let end = -1;
    if (c === BACKSLASH) {
      const next = pos + 1 < to ? s.charCodeAt(pos + 1) : -1;
      if (next === LF || isAsciiPunctuation(next)) end = pos + 2;
    } else if (c === BACKTICK) {
      end = codeSpan(context, pos, to);
      if (end < 0) {
        pos++;
        continue;
      }
    } else if (c === DOLLAR) end = inlineMath(s, pos, to);
    else if (c === LT) end = angle(s, pos, to, inLink);
    else if (c === LBRACKET || (c === BANG && s.charCodeAt(pos + 1) === LBRACKET)) end = bracket(context, pos, to, c === BANG, inLink);
    else if (c === HASH) {
      if (tagMayStart(s, pos, run, from)) end = tag(s, pos, to, context.hits);
    } else if (c === 104 || c === 72 ? (s.charCodeAt(pos + 1) | 32) === 116 && !inLink : c === 119 && s.charCodeAt(pos + 1) === 119 && !inLink) {
      // Only `http`/`https` (any case) and `www.` can start a bare URL: the second letter says whether to look.
      end = urlLiteral(s, pos, to);
    }
    if (end > pos) {
      pos = end;
      run = end;
    } else pos++;
  }
}

/** A code span closes on a backtick run of exactly the opening length. */
function codeSpan(context: Context, pos: number, to: number): number {
  const s = context.s;
  let k = pos;
  while (k < to && s.charCodeAt(k) === BACKTICK) k++;
  const close = context.tables.run(k - pos, k);
  return close >= 0 && close + k - pos <= to ? close + k - pos : -1;
}

/** `$x$` (no space just inside, no digit right after) and `$$x$$`. */
function inlineMath(s: string, pos: number, to: number): number {
  if (s.charCodeAt(pos + 1) === DOLLAR) {
    const close = s.indexOf("$$", pos + 2);
    return close > pos + 2 && close + 2 <= to ? close + 2 : -1;
  }
  if (pos + 1 >= to || isWhitespaceCode(s.charCodeAt(pos + 1))) return -1;
  for (let k = pos + 1; k < to; k++) {
    const c = s.charCodeAt(k);
    if (c === BACKSLASH) k++;
    else if (c === DOLLAR) return !isWhitespaceCode(s.charCodeAt(k - 1)) && !isDigit(s.charCodeAt(k + 1)) ? k + 1 : -1;
  }
  return -1;
}

/** Where remark would try its tag tokenizer: after white space, where a construct ended, or inside emphasis. */
function tagMayStart(s: string, pos: number, run: number, from: number): boolean {
  if (pos === run) return true;
  const previous = s.charCodeAt(pos - 1);
  if (isWhitespaceCode(previous)) return true;
  if (previous !== STAR && previous !== UNDERSCORE && previous !== TILDE && previous !== EQUALS) return false;
  let r = pos - 1;
  while (r > from && s.charCodeAt(r - 1) === previous) r--;
  return r <= run || isWhitespaceCode(s.charCodeAt(r - 1));
}

/** `#` then tag characters, at least one of them not a digit. */
function tag(s: string, pos: number, to: number, hits: InlineHit[]): number {
  let k = pos + 1;
  let word = false;
  for (; k < to; k++) {
    const c = s.charCodeAt(k);
    if (endsTag(c)) break;
    if (!isDigit(c)) word = true;
  }
  if (!word) return -1;
  const value = s.slice(pos, k);
  hits.push({ kind: "tag", start: pos, end: k, link: value, displayText: value });
  return k;
}

