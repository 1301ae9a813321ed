/**
 * Pure text edits on a note's body: each keeps every byte it does not mean to change, including the note's line
 * endings (LF or CRLF) and a byte-order mark.
 */

function eolOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;

/** The end offset of the frontmatter block (after its closing line), or 0 when there is none. */
export function bodyStart(text: string): number {
  const m = /^(\uFEFF)?---\r?\n/.exec(text);
  if (!m) return 0;
  const close = /(^|\n)---[ \t]*(\r?\n|$)/g;
  close.lastIndex = m[0].length - 1;
  const end = close.exec(text);
  return end ? end.index + end[0].length : 0;
}

interface Line { start: number; end: number; text: string }

function linesOf(text: string, from: number): Line[] {
  const out: Line[] = [];
  let pos = from;
  while (pos <= text.length) {
    const nl = text.indexOf("\n", pos);
    const stop = nl < 0 ? text.length : nl;
    const end = stop > pos && text.charAt(stop - 1) === "\r" ? stop - 1 : stop;
    out.push({ start: pos, end, text: text.slice(pos, end) });
    if (nl < 0) break;
    pos = nl + 1;
  }
  return out;
}

/**
 * Appends `line` to the section under `heading` (a heading text such as `Log`, matched case-insensitively at any
 * level): after the section's last non-blank line, before the next heading of the same or a higher level. When
 * the note has no such heading, a `## heading` section is added at the end. Nothing else in the text changes.
 */
export function appendToSection(text: string, heading: string, line: string): string {
  const eol = eolOf(text);
  const lines = linesOf(text, bodyStart(text));
  const title = heading.replace(/^#+\s*/, "").trim();
  const want = title.toLowerCase();
  let at = -1;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = HEADING.exec(lines[i]?.text ?? "");
    if (m && (m[2] ?? "").trim().toLowerCase() === want) {
      at = i;
      level = (m[1] ?? "").length;
      break;
    }
  }
  if (at < 0) {
    // Keep every byte: only add line breaks to reach a fresh line with a blank line before the new heading.
    const endsWithBreak = /\n$/.test(text);
    const endsWithBlank = /(^|\n)[ \t]*\r?\n$/.test(text.slice(bodyStart(text) > 0 ? bodyStart(text) - 1 : 0));
    const isEmpty = text.slice(bodyStart(text)).trim() === "";
    const lead = (endsWithBreak || text.length === 0 ? "" : eol) + (isEmpty || endsWithBlank ? "" : eol);
    return `${text}${lead}## ${title}${eol}${eol}${line}${eol}`;
  }
  let last = at;
  for (let i = at + 1; i < lines.length; i++) {
    const current = lines[i];
    if (!current) break;
    const m = HEADING.exec(current.text);
    if (m && (m[1] ?? "").length <= level) break;
    if (current.text.trim() !== "") last = i;
  }
  const after = lines[last];
  if (!after) return text;
  // A blank line between a heading and its first list item reads better.
  const insert = last === at ? `${eol}${eol}${line}` : `${eol}${line}`;
  return text.slice(0, after.end) + insert + text.slice(after.end);
}
