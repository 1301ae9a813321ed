/**
 * Open tasks as commitments, as the Tasks plugin writes them: `- [ ] send Ann the deck 📅 2026-12-01`. An open task
 * in a person's own note is something you promised them; so is an open task anywhere that links them. Which
 * lines those are comes from metadata alone (list items carry their task state and position); the words and the
 * due date are read from the line itself only when the commitment is shown.
 */
import type { CachedMetadata, ListItemCache } from "obsidian";
import { parseCommitmentText } from "./commitments";
import type { Day } from "./dates";
import { stripSubpath } from "./touches";

/** Lines of open (unchecked) tasks, not nested under a quote: the task items whose state is a space. */
export function openTaskLines(meta: CachedMetadata): number[] {
  return (meta.listItems ?? []).filter((i) => i.task === " ").map((i) => i.position.start.line);
}

/** Open tasks with the link texts on their own line(s). */
export function openTaskLinks(meta: CachedMetadata): { line: number; linkpaths: string[] }[] {
  const tasks: ListItemCache[] = (meta.listItems ?? []).filter((i) => i.task === " ");
  if (tasks.length === 0 || !meta.links) return [];
  const out: { line: number; linkpaths: string[] }[] = [];
  for (const task of tasks) {
    const { start, end } = task.position;
    const linkpaths = meta.links.filter((l) => l.position.start.line >= start.line && l.position.start.line <= end.line).map((l) => stripSubpath(l.link));
    if (linkpaths.length > 0) out.push({ line: start.line, linkpaths });
  }
  return out;
}

/** The words and dates of a task line (`- [ ] words ➕ … 📅 …`); null when the line is not an open task. */
export function readTaskLine(line: string): { text: string; due: Day | null; created: Day | null } | null {
  const m = /^\s*(?:[-*+]|\d+[.)])\s+\[ \]\s+(.*)$/.exec(line);
  if (!m) return null;
  const parsed = parseCommitmentText((m[1] ?? "").replace(/\s+\^[\w-]+$/, ""));
  return { text: plainLinks(parsed.text), due: parsed.due, created: parsed.created };
}

/** `[[Ann Lee|Ann]]` reads as "Ann", `[[Ann Lee#Work]]` as "Ann Lee": the words a person sees in reading view. */
export function plainLinks(text: string): string {
  return text.replace(/!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|([^\]]*))?\]\]/g, (_all, target: string, alias: string | undefined) => alias ?? target.slice(target.lastIndexOf("/") + 1));
}
