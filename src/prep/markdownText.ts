/**
 * Putting a typed value (a name, where you met, an interest) into a note's body without it turning into markup by
 * accident. What is done, and why:
 *
 * - Line breaks and runs of white space become one space: a value never starts a new line, so it cannot open a
 *   heading, a list, a quote, a table row, a code fence or a properties block.
 * - Characters that start inline markup in Obsidian are escaped with a backslash (the backslash is hidden in
 *   reading view and live preview): `\ * [ ] ` | ~ = $ % ^ > #` and `_` at the edge of a word. So `#tag` stays
 *   text and makes no tag, `[[x]]` makes no link, `%%` opens no comment, `==` no highlight, `$` no maths.
 * - `<` is written as `&lt;`: no HTML is made, and `<%` never reaches Templater as a command.
 * - `&` is escaped only where it would start an entity (`&amp;`).
 * - At the start of a block (nothing before it on the line but a list marker or `>`), a leading `-` or `+` and
 *   the `.` or `)` of a number like `1.` are escaped too, so the value does not become a nested list.
 *
 * Inside `[[…]]` the value is written as a link target instead (characters a file name cannot hold become spaces,
 * no escapes); inside a code span or a code block it is written as it is, less backticks and line breaks.
 */

const INLINE_SPECIAL = new Set(["\\", "*", "[", "]", "`", "|", "~", "=", "$", "%", "^", ">", "#"]);
const WORDISH = /[\p{L}\p{N}]/u;

/** One line of text, white space collapsed. */
export function oneLine(value: string): string {
  return value.replace(/\s+/gu, " ").trim();
}

/** `<%` broken with a zero-width space where no escape exists (code, link targets, single-quoted YAML). */
export function breakTemplater(value: string): string {
  return value.replace(/<%/g, "<\u200b%");
}

/** `value` as inline Markdown text; `atBlockStart` when nothing but list or quote markers precede it on its line. */
export function escapeInline(value: string, atBlockStart = false): string {
  const text = oneLine(value);
  const chars = Array.from(text);
  let out = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? "";
    const prev = chars[i - 1] ?? "";
    const next = chars[i + 1] ?? "";
    if (INLINE_SPECIAL.has(ch)) out += `\\${ch}`;
    else if (ch === "<") out += "&lt;";
    else if (ch === "_" && !(WORDISH.test(prev) && WORDISH.test(next))) out += "\\_";
    else if (ch === "&" && /^#?\w+;/.test(chars.slice(i + 1, i + 12).join(""))) out += "\\&";
    else out += ch;
  }
  if (atBlockStart) out = out.replace(/^[-+]/, (m) => `\\${m}`).replace(/^(\d{1,9})([.)])/, "$1\\$2");
  return out;
}

/** `value` as the target of a wiki link: one line, without the characters a note's name cannot hold. */
export function linkTarget(value: string): string {
  return oneLine(breakTemplater(value).replace(/[\\/:*?"<>|#^[\]]/g, " "));
}

/** `value` inside a code span or block: one line, no backticks. */
export function codeText(value: string): string {
  return oneLine(breakTemplater(value).replace(/`/g, ""));
}

/** Whether a value placed after `before` (the text before it on its line) starts a block. */
export function isBlockStart(before: string): boolean {
  return /^[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+\[.\])?[ \t]+[ \t>]*)*$/.test(before);
}
