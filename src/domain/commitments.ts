/**
 * Commitments: what I promised someone (`commitments`) and what they promised me (`expecting`). Each item is a
 * plain string so the Properties panel keeps it editable; a due date rides along as the Tasks plugin writes it
 * (`📅 2026-12-01`) or as a bare ISO date.
 */
import { dayFromISO, type Day } from "./dates";

export type CommitmentDirection = "mine" | "theirs";

export interface Commitment {
  text: string;
  due: Day | null;
  /** When it was made (the Tasks plugin's `➕ YYYY-MM-DD`), when known. */
  created: Day | null;
  /** The item exactly as written, to find it again when completing it. */
  raw: string;
  direction: CommitmentDirection;
  /** Where it lives: the frontmatter key, or a task line in a note. */
  source: { path: string; key: string } | { path: string; line: number };
}

const TASKS_DUE = /\s*📅\s*(\S+)/u;
const TASKS_CREATED = /\s*➕\s*(\d{4}-\d{2}-\d{2})/u;
const ISO_IN_TEXT = /(?:^|\s)\(?(?:due:?\s*)?(\d{4}-\d{2}-\d{2})\)?(?=\s|$)/i;

export interface ParsedItem { text: string; due: Day | null; created: Day | null; dueUnreadable: string | null }

/** Splits one commitment string into its words, its due date and the day it was made. */
export function parseCommitmentText(input: string): ParsedItem {
  const createdMatch = TASKS_CREATED.exec(input);
  const created = createdMatch ? dayFromISO(createdMatch[1] ?? "") : null;
  const raw = createdMatch ? input.replace(TASKS_CREATED, "") : input;
  return { ...dueOf(raw), created };
}

function dueOf(raw: string): Omit<ParsedItem, "created"> {
  const tasks = TASKS_DUE.exec(raw);
  if (tasks) {
    const due = dayFromISO(tasks[1] ?? "");
    const text = raw.replace(TASKS_DUE, "").trim();
    return { text, due, dueUnreadable: due === null ? (tasks[1] ?? "") : null };
  }
  const iso = ISO_IN_TEXT.exec(raw);
  if (iso) {
    const due = dayFromISO(iso[1] ?? "");
    if (due !== null) return { text: raw.replace(iso[0], " ").replace(/\s+/g, " ").trim(), due, dueUnreadable: null };
    return { text: raw.trim(), due: null, dueUnreadable: iso[1] ?? "" };
  }
  return { text: raw.trim(), due: null, dueUnreadable: null };
}
