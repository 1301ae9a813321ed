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

const FENCE = /^[ \t]{0,3}(`{3,}|~{3,})(.*)$/;

/**
 * The code fence open after `line`, given the one open before it (null: none), as Obsidian reads fences: a
 * backtick fence's info string has no backtick, and a closing fence is the same character, at least as long,
 * with nothing but spaces after it (so "```md" inside a block is code, not its end). `fence` tells whether the
 * line opened or closed a block.
 */
export function stepFence(open: string | null, line: string): { open: string | null; fence: boolean } {
  const f = FENCE.exec(line);
  if (!f) return { open, fence: false };
  const marker = f[1] ?? "";
  const rest = f[2] ?? "";
  if (open === null) return marker[0] === "`" && rest.includes("`") ? { open, fence: false } : { open: marker, fence: true };
  if (marker[0] === open[0] && marker.length >= open.length && /^[ \t]*$/.test(rest)) return { open: null, fence: true };
  return { open, fence: false };
}

/**
 * For each line: whether it is a code fence line or inside a fenced code block (a heading there is code), and
 * the fence still open after it (null when none).
 */
function codeBlocks(lines: readonly Line[]): { code: boolean[]; open: (string | null)[] } {
  let fence: string | null = null;
  const code: boolean[] = [];
  const open: (string | null)[] = [];
  for (const line of lines) {
    const step = stepFence(fence, line.text);
    const inside = fence !== null;
    fence = step.open;
    code.push(step.fence || inside || fence !== null);
    open.push(fence);
  }
  return { code, open };
}

/**
 * Appends `line` to the section under `heading` (a heading text such as `Log`, matched case-insensitively at any
 * level, not inside a code block): after the section's last non-blank line, before the next heading of the same
 * or a higher level. When the note has no such heading, a `## heading` section is added at the end. A code block
 * left open at the end of the note is closed first (it runs to the end anyway). Nothing else in the text changes.
 */
export function appendToSection(text: string, heading: string, line: string): string {
  const eol = eolOf(text);
  const lines = linesOf(text, bodyStart(text));
  const title = heading.replace(/^#+\s*/, "").trim();
  const want = title.toLowerCase();
  const { code, open } = codeBlocks(lines);
  // A note ending inside a code block that is never closed: close it first, or the log would be code.
  const closing = (i: number) => (open[i] ? `${open[i]}${eol}` : "");
  let at = -1;
  let level = 0;
  for (let i = 0; i < lines.length; i++) {
    const m = code[i] ? null : HEADING.exec(lines[i]?.text ?? "");
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
    const fence = closing(lines.length - 1);
    const lead = (endsWithBreak || text.length === 0 ? "" : eol) + fence + (isEmpty || (endsWithBlank && fence === "") ? "" : eol);
    return `${text}${lead}## ${title}${eol}${eol}${line}${eol}`;
  }
  let last = at;
  for (let i = at + 1; i < lines.length; i++) {
    const current = lines[i];
    if (!current) break;
    const m = code[i] ? null : HEADING.exec(current.text);
    if (m && (m[1] ?? "").length <= level) break;
    if (current.text.trim() !== "") last = i;
  }
  const after = lines[last];
  if (!after) return text;
  // A blank line between a heading and its first list item reads better.
  const insert = last === at ? `${eol}${eol}${line}` : `${eol}${closing(last)}${line}`;
  return text.slice(0, after.end) + insert + text.slice(after.end);
}
