/**
 * What can be wrong with a person note, as data. The words (what is wrong, how to fix it) come from the
 * message catalogue, so the same problem reads well in English and Chinese, in the plugin and in the CLI.
 */
export type ProblemCode =
  | "yaml-unreadable"
  | "tier-unknown"
  | "tier-goal-unknown"
  | "date-unreadable"
  | "date-in-future"
  | "cadence-unreadable"
  | "list-expected"
  | "list-unreadable"
  | "item-not-text"
  | "due-unreadable"
  | "birthday-unreadable"
  | "flag-not-boolean"
  | "name-unlinkable"
  | "name-shared";

export interface Problem {
  path: string;
  /** The frontmatter key at fault, or null for the note as a whole. */
  key: string | null;
  /** The offending value, shortened for display. */
  value: string;
  code: ProblemCode;
}

/** A short, safe rendering of any frontmatter value for messages. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === "string") text = value;
  else if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean") text = String(value);
  else {
    try {
      text = JSON.stringify(value) ?? typeof value;
    } catch {
      text = typeof value;
    }
  }
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
