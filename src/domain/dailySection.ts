/**
 * The "Loose touch" section of a daily note: today's picks and due follow-ups as unchecked tasks that link each
 * person. Putting it in is add-only and idempotent: the section is found by its heading; an item whose person is
 * already linked anywhere in the section is not added again; nothing the user wrote (ticked items, their own
 * lines, everything outside the section) is changed. New lines take the line ending of the line before them;
 * every existing line keeps its own.
 */
import { stepFence } from "./noteText";

export interface SectionItem {
  /** The link text used in the item (`Alice Chen`, `People/Alice Chen`); compared without case. */
  linktext: string;
  /** The whole line, e.g. `- [ ] Share something with [[Alice Chen]]`. */
  line: string;
}

const HEADING = /^(#{1,6})[ \t]+(.*?)[ \t#]*$/;
const WIKILINK = /\[\[([^\]|#^]*)(?:[#^][^\]|]*)?(?:\|[^\]]*)?\]\]/g;

function normaliseTarget(target: string): string {
  return target.trim().replace(/\.md$/i, "").toLocaleLowerCase();
}

/** Where the section with this heading starts and ends (end exclusive), or null. Headings in code are ignored. */
export function findSection(lines: readonly string[], heading: string): { start: number; end: number; level: number } | null {
  // As the heading pattern reads a heading: without trailing #s and spaces.
  const wanted = heading.trim().replace(/[ \t#]+$/, "").toLocaleLowerCase();
  let fence: string | null = null;
  let found: { start: number; level: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    const inside = fence !== null;
    const step = stepFence(fence, line);
    fence = step.open;
    if (step.fence || inside) continue;
    const h = HEADING.exec(line);
    if (!h) continue;
    const level = (h[1] ?? "").length;
    if (found) {
      if (level <= found.level) return { ...found, end: i };
      continue;
    }
    if ((h[2] ?? "").trim().toLocaleLowerCase() === wanted) found = { start: i, level };
  }
  return found ? { ...found, end: lines.length } : null;
}

/** True when line `at` is inside a code block that opened after line `from`. */
function inFence(lines: readonly string[], from: number, at: number): boolean {
  return endsInCode(lines.slice(from, at));
}

/** True when the section already lists someone (a link): a heading alone, as a template may leave it, does not count. */
export function sectionHasItems(lines: readonly string[], heading: string): boolean {
  const section = findSection(lines, heading);
  return section !== null && lines.slice(section.start + 1, section.end).some((l) => l.includes("[["));
}

/** True when the note ends inside a code block that is never closed: anything added at the end would be code. */
export function endsInCode(lines: readonly string[]): boolean {
  let fence: string | null = null;
  for (const line of lines) {
    fence = stepFence(fence, line).open;
  }
  return fence !== null;
}

/** The link targets (lower case, no subpath) on the given lines. */
function linkedTargets(lines: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const line of lines) for (const m of line.matchAll(WIKILINK)) out.add(normaliseTarget(m[1] ?? ""));
  return out;
}

/** True when a line of the note sits inside the section with this heading. */
export function inSection(lines: readonly string[], heading: string, line: number): boolean {
  const section = findSection(lines, heading);
  return section !== null && line > section.start && line < section.end;
}

/**
 * Returns the note with the section in place: created at the end when missing, otherwise extended with the items
 * whose person it does not link yet (after its last non-blank line). The text comes back identical when there
 * is nothing to add, or when the note ends inside an unclosed code block (the section would be code there).
 */
export function upsertSection(text: string, heading: string, items: readonly SectionItem[]): string {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = text.split(/\r?\n/);
  const section = findSection(lines, heading);
  if (section === null) {
    if (items.length === 0 || endsInCode(lines)) return text;
    const block = [`## ${heading.trim()}`, ...items.map((i) => i.line)].join(eol);
    if (text.trim() === "") return text + block + eol;
    const ending = text.endsWith(eol) ? "" : eol;
    const gap = /(\r?\n){2}$/.test(text + ending) ? "" : eol;
    return text + ending + gap + block + eol;
  }
  const present = linkedTargets(lines.slice(section.start + 1, section.end));
  const fresh: string[] = [];
  for (const item of items) {
    const key = normaliseTarget(item.linktext);
    if (present.has(key)) continue;
    present.add(key);
    fresh.push(item.line);
  }
  if (fresh.length === 0) return text;
  // After the section's own lines: before a subheading of the user's, if it has one.
  let at = section.end;
  for (let i = section.start + 1; i < section.end; i++) {
    if (HEADING.test(lines[i] ?? "") && !inFence(lines, section.start, i)) {
      at = i;
      break;
    }
  }
  while (at > section.start + 1 && (lines[at - 1] ?? "").trim() === "") at--;
  // Insert by offset, so every existing line keeps its own ending (a note may mix LF and CRLF).
  const starts = lineStarts(text);
  if (at >= lines.length) return text + eol + fresh.join(eol);
  const prev = at - 1;
  const ending = prev >= 0 ? text.slice((starts[prev] ?? 0) + (lines[prev] ?? "").length, starts[at]) : eol;
  const offset = starts[at] ?? text.length;
  return text.slice(0, offset) + fresh.map((line) => line + (ending || eol)).join("") + text.slice(offset);
}

/** The offset where each line starts (one per element of `text.split(/\r?\n/)`). */
function lineStarts(text: string): number[] {
  const starts = [0];
  const eol = /\r?\n/g;
  for (let m = eol.exec(text); m !== null; m = eol.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}
