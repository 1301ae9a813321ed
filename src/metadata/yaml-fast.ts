/**
 * A fast reader for the plain YAML that nearly every note's properties are written in:
 *
 *     key: plain, "double" or 'single' quoted scalar
 *     key: [flow, "list", of, scalars]
 *     key:
 *       - block list item (a scalar)
 *     key:            (nothing: null)
 *
 * It reads that subset exactly as the `yaml` package does with the core schema (so `2026-11-02` stays a string,
 * `10` is a number, `true` a boolean, `~` null), and gives up, returning `undefined`, on anything else: comments,
 * tabs, nested mappings, multi-line scalars, anchors, tags, block scalars, duplicate keys, unusual characters or
 * white space, keys that the core schema would not read as plain text. The caller then runs the full parser, so
 * the result is always the same as the `yaml` package's; tests/unit/yaml-fast*.test.ts check that on generated
 * frontmatter.
 */

/** The mapping, or `undefined` when this reader is not sure (use the full parser then). */
export function parseSimpleYaml(source: string): Record<string, unknown> | undefined {
  const length = source.length;
  const out: Record<string, unknown> = {};
  let entries = 0;
  // A key written with nothing after its colon: a block list may follow, else its value is null.
  let openKey: string | null = null;
  let openList: unknown[] | null = null;
  let listIndent = -1;
  let pos = 0;
  while (pos <= length) {
    let end = source.indexOf("\n", pos);
    if (end < 0) end = length;
    const lineStart = pos;
    pos = end + 1;
    let i = lineStart;
    while (i < end && source.charCodeAt(i) === SPACE) i++;
    if (i === end) continue;
    if (!plainCharacters(source, i, end)) return undefined;
    const indent = i - lineStart;
    const first = source.charCodeAt(i);
    if (first === DASH && (i + 1 === end || source.charCodeAt(i + 1) === SPACE)) {
      // A block list item under the open key, all items at one indentation.
      if (openKey === null || openList === null) return undefined;
      if (openList.length === 0) listIndent = indent;
      else if (indent !== listIndent) return undefined;
      let k = i + 1;
      while (k < end && source.charCodeAt(k) === SPACE) k++;
      if (k === end) return undefined;
      const item = blockScalar(source, k, end);
      if (item === NOT_SURE) return undefined;
      openList.push(item);
      continue;
    }
    if (indent > 0) return undefined;
    if (openKey !== null) {
      out[openKey] = openList !== null && openList.length > 0 ? openList : null;
      openKey = null;
      openList = null;
    }
    const colon = keyEnd(source, i, end);
    if (colon < 0) return undefined;
    const key = internKey(source.slice(i, colon));
    if (RESERVED_KEYS.has(key) || Object.prototype.hasOwnProperty.call(out, key)) return undefined;
    entries++;
    let k = colon + 1;
    while (k < end && source.charCodeAt(k) === SPACE) k++;
    if (k === end) {
      openKey = key;
      openList = [];
      out[key] = null;
      continue;
    }
    const value = source.charCodeAt(k) === LBRACKET ? flowList(source, k, end) : blockScalar(source, k, end);
    if (value === NOT_SURE) return undefined;
    out[key] = value;
  }
  if (openKey !== null) out[openKey] = openList !== null && openList.length > 0 ? openList : null;
  return entries > 0 ? out : undefined;
}

const NOT_SURE = Symbol("not sure");

/**
 * The same string object for the same key every time, so that setting it as a property does not look the text up
 * in the engine's string table again for every note (the key set of a vault is small; the cache is bounded).
 */
const KEYS = new Map<string, string>();
function internKey(key: string): string {
  const known = KEYS.get(key);
  if (known !== undefined) return known;
  if (KEYS.size < 4096) KEYS.set(key, key);
  return key;
}
type Read = unknown;

const SPACE = 32;
const DQUOTE = 34;
const HASH = 35;
const SQUOTE = 39;
const COMMA = 44;
const DASH = 45;
const COLON = 58;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;

/** Keys that the core schema reads as something other than their text. */
const RESERVED_KEYS = new Set(["null", "Null", "NULL", "true", "True", "TRUE", "false", "False", "FALSE", "__proto__"]);

/** Characters that start something other than a plain scalar (YAML's indicators), or that this reader leaves alone. */
const INDICATOR = new Uint8Array(128);
for (const ch of "-?:,[]{}#&*!|>'\"%@`") INDICATOR[ch.charCodeAt(0)] = 1;

/**
 * Only printable characters and ordinary spaces: no tabs or other control characters, no byte-order mark,
 * non-characters or line/paragraph separators, and no Unicode white space, whose handling is left to the
 * full parser.
 */
function plainCharacters(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c >= SPACE && c < 0x7f) continue;
    if (c < 0xa0) return false;
    if (c === 0xa0 || c === 0x1680 || c === 0x180e || (c >= 0x2000 && c <= 0x200f) || (c >= 0x2028 && c <= 0x202f)) return false;
    if (c === 0x205f || c === 0x3000 || c === 0xfeff || c >= 0xfffe) return false;
  }
  return true;
}

/** A key's own characters: letters, digits, `_`, `.`, `/`, `-`, single inner spaces, and anything past ASCII. */
function keyCharacter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 47 || c === DASH || c >= 0xa0;
}

/** The colon after a simple key starting at `from` (followed by a space or the line's end), or -1. */
function keyEnd(s: string, from: number, to: number): number {
  const first = s.charCodeAt(from);
  if (!((first >= 97 && first <= 122) || (first >= 65 && first <= 90) || first === 95 || first >= 0xa0)) return -1;
  let i = from + 1;
  for (; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === COLON) break;
    if (c === SPACE) {
      // One space between words, never before the colon.
      const next = i + 1 < to ? s.charCodeAt(i + 1) : -1;
      if (next === SPACE || next === COLON || next === -1) return -1;
      continue;
    }
    if (!keyCharacter(c)) return -1;
  }
  if (i >= to || i - from > 1000) return -1;
  return i + 1 === to || s.charCodeAt(i + 1) === SPACE ? i : -1;
}

/** A scalar that fills the rest of a line in block context (after `key: ` or `- `). */
function blockScalar(s: string, from: number, to: number): Read {
  const first = s.charCodeAt(from);
  if (first === DQUOTE || first === SQUOTE) {
    const quoted = quotedScalar(s, from, to);
    if (quoted === null || !onlySpaces(s, quoted.end, to)) return NOT_SURE;
    return quoted.value;
  }
  if (first < 128 && INDICATOR[first] === 1) return NOT_SURE;
  let end = to;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === COLON) {
      if (i + 1 === to || s.charCodeAt(i + 1) === SPACE) return NOT_SURE;
    } else if (c === HASH && s.charCodeAt(i - 1) === SPACE) return NOT_SURE;
  }
  while (end > from && s.charCodeAt(end - 1) === SPACE) end--;
  return resolvePlain(s.slice(from, end));
}

/** `[a, "b", 'c']` on one line: a list of scalars (no nesting, no trailing comma, nothing after it). */
function flowList(s: string, from: number, to: number): Read {
  const items: unknown[] = [];
  let i = from + 1;
  while (i < to && s.charCodeAt(i) === SPACE) i++;
  if (i < to && s.charCodeAt(i) === RBRACKET) return onlySpaces(s, i + 1, to) ? items : NOT_SURE;
  for (;;) {
    while (i < to && s.charCodeAt(i) === SPACE) i++;
    if (i >= to) return NOT_SURE;
    const first = s.charCodeAt(i);
    if (first === DQUOTE || first === SQUOTE) {
      const quoted = quotedScalar(s, i, to);
      if (quoted === null) return NOT_SURE;
      items.push(quoted.value);
      i = quoted.end;
      while (i < to && s.charCodeAt(i) === SPACE) i++;
    } else {
      if (first < 128 && INDICATOR[first] === 1) return NOT_SURE;
      const start = i;
      for (; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c === COMMA || c === RBRACKET) break;
        if (c === COLON || c === HASH || c === LBRACKET || c === 123 || c === 125) return NOT_SURE;
      }
      let end = i;
      while (end > start && s.charCodeAt(end - 1) === SPACE) end--;
      items.push(resolvePlain(s.slice(start, end)));
    }
    if (i >= to) return NOT_SURE;
    const c = s.charCodeAt(i);
    i++;
    if (c === RBRACKET) return onlySpaces(s, i, to) ? items : NOT_SURE;
    if (c !== COMMA) return NOT_SURE;
    while (i < to && s.charCodeAt(i) === SPACE) i++;
    if (i >= to || s.charCodeAt(i) === RBRACKET || s.charCodeAt(i) === COMMA) return NOT_SURE;
  }
}

/** A quoted scalar closed on the same line: its value and the index just after the closing quote. */
function quotedScalar(s: string, from: number, to: number): { value: string; end: number } | null {
  const quote = s.charCodeAt(from);
  if (quote === SQUOTE) {
    let value = "";
    let run = from + 1;
    for (let i = from + 1; i < to; i++) {
      if (s.charCodeAt(i) !== SQUOTE) continue;
      if (i + 1 < to && s.charCodeAt(i + 1) === SQUOTE) {
        value += s.slice(run, i + 1);
        run = i + 2;
        i++;
        continue;
      }
      return { value: value + s.slice(run, i), end: i + 1 };
    }
    return null;
  }
  let escaped = false;
  for (let i = from + 1; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === BACKSLASH) {
      escaped = true;
      i++;
    } else if (c === DQUOTE) {
      if (!escaped) return { value: s.slice(from + 1, i), end: i + 1 };
      // JSON's escapes are a subset of YAML's, with the same meaning; anything else is left to the full parser.
      try {
        const value: unknown = JSON.parse(s.slice(from, i + 1));
        return typeof value === "string" ? { value, end: i + 1 } : null;
      } catch {
        return null;
      }
    }
  }
  return null;
}

function onlySpaces(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (s.charCodeAt(i) !== SPACE) return false;
  return true;
}

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const INT_OCT = /^0o[0-7]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the core schema (the tags tried in the schema's order). */
function resolvePlain(text: string): unknown {
  const c = text.charCodeAt(0);
  // Only these first characters can make anything but a string.
  if (!(c === 126 || c === 110 || c === 78 || c === 116 || c === 84 || c === 102 || c === 70 || c === 43 || c === DASH || c === 46 || (c >= 48 && c <= 57))) return text;
  // A sign past the first character that does not follow an exponent's `e` (a date, a range) makes no number.
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if ((d === DASH || d === 43) && text.charCodeAt(i - 1) !== 101 && text.charCodeAt(i - 1) !== 69) return text;
  }
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return c === 116 || c === 84;
  if (INT_OCT.test(text)) return parseInt(text.slice(2), 8);
  if (INT.test(text)) return parseInt(text, 10);
  if (INT_HEX.test(text)) return parseInt(text.slice(2), 16);
  if (FLOAT_NAN.test(text)) return text.slice(-3).toLowerCase() === "nan" ? NaN : text.startsWith("-") ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(text) || FLOAT.test(text)) return parseFloat(text);
  return text;
}
