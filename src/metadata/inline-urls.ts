/** What hides links and tags in inline content without being one: autolinks, inline HTML and bare URLs. */
import { CLOSE_TAG, OPEN_TAG } from "./leaves";
import { isDigit, isWhitespaceCode } from "./text";

const BANG = 33;
const AMPERSAND = 38;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const COMMA = 44;
const DASH = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const SEMICOLON = 59;
const LT = 60;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const UNDERSCORE = 95;
const TILDE = 126;

function isAsciiAlpha(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

const HTML_TAG = new RegExp(
  `(?:${OPEN_TAG}|${CLOSE_TAG}|<!---->|<!--(?:-?[^>-])(?:-?[^-])*-->|<[?].*?[?]>|<![A-Za-z]+\\s+[^>]*>|<!\\[CDATA\\[[\\s\\S]*?\\]\\]>)`,
  "y",
);

/** `<scheme://...>` / `<a@b>` autolinks, then inline HTML (tags, comments, declarations). */
export function angle(s: string, pos: number, to: number, inLink: boolean): number {
  if (!inLink) {
    let k = pos + 1;
    while (k < to) {
      const c = s.charCodeAt(k);
      if (isWhitespaceCode(c) || c === GT || c === AT || (c === COLON && s.charCodeAt(k + 1) === SLASH)) break;
      k++;
    }
    const c = s.charCodeAt(k);
    if (k > pos + 1 && (c === AT || c === COLON)) {
      k += c === AT ? 1 : 2;
      const rest = k;
      while (k < to && !isWhitespaceCode(s.charCodeAt(k)) && s.charCodeAt(k) !== GT) k++;
      if (k > rest && k < to && s.charCodeAt(k) === GT) return k + 1;
    }
  }
  const next = s.charCodeAt(pos + 1);
  if (to - pos < 3 || !(isAsciiAlpha(next) || next === QUESTION || next === BANG || next === SLASH)) return -1;
  HTML_TAG.lastIndex = pos;
  const match = HTML_TAG.exec(s);
  return match && pos + match[0].length <= to ? pos + match[0].length : -1;
}

function startsWithIgnoreCase(s: string, pos: number, prefix: string): boolean {
  for (let i = 0; i < prefix.length; i++) if ((s.charCodeAt(pos + i) | 32) !== prefix.charCodeAt(i)) return false;
  return true;
}

/** GFM's bare `http://`, `https://` and `www.` URLs (remark's rules for the domain and the trailing text). */
export function urlLiteral(s: string, pos: number, to: number): number {
  let k: number;
  if (s.startsWith("www.", pos)) k = pos + 4;
  else if (startsWithIgnoreCase(s, pos, "http://")) k = pos + 7;
  else if (startsWithIgnoreCase(s, pos, "https://")) k = pos + 8;
  else return -1;
  const domainStart = k;
  const dots: number[] = [];
  let previousDot = k - 1;
  let code = -1;
  while (k < to) {
    code = s.charCodeAt(k);
    if (code === DOT) {
      if (previousDot === k - 1) break;
      dots.push(k);
      previousDot = k++;
      continue;
    }
    if (isDigit(code) || isAsciiAlpha(code) || code === DASH || code === UNDERSCORE) {
      k++;
      continue;
    }
    break;
  }
  if (code === DOT) {
    dots.pop();
    k--;
  }
  if (dots.length === 0) return -1;
  const lastTwo = dots.length < 2 ? domainStart : (dots[dots.length - 2] as number) + 1;
  if (s.slice(lastTwo, k).includes("_")) return -1;
  const pathStart = k;
  let end = k;
  while (k < to) {
    code = s.charCodeAt(k);
    if (isWhitespaceCode(code) || code === LT) break;
    k++;
    if (!(code === BANG || code === STAR || code === COMMA || code === DOT || code === COLON || code === QUESTION || code === UNDERSCORE || code === TILDE)) end = k;
  }
  k = end;
  if (s.charCodeAt(k - 1) === RPAREN) {
    let path = s.slice(pathStart, k);
    let open = 0;
    let close = 0;
    for (let i = 0; i < path.length; i++) {
      if (path.charCodeAt(i) === LPAREN) open++;
      else if (path.charCodeAt(i) === RPAREN) close++;
    }
    while (close > open) {
      k = pathStart + path.lastIndexOf(")");
      path = s.slice(pathStart, k);
      close--;
    }
  }
  if (s.charCodeAt(k - 1) === SEMICOLON) {
    k--;
    if (isAsciiAlpha(s.charCodeAt(k - 1))) {
      let e = k - 2;
      while (isAsciiAlpha(s.charCodeAt(e))) e--;
      if (s.charCodeAt(e) === AMPERSAND) k = e;
    }
  }
  return k;
}
