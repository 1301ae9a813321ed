/**
 * The touch log: one dated line per touch, under a log heading in the person's note, e.g.
 *
 *     - [[2026-11-26]] #touch/gave/intro Introduced her to Sam
 *
 * The date is a link to that day's daily note (it works as soon as the note exists) and the kind is a tag, so
 * the line reads naturally, Obsidian search and Dataview can query it, and the index reads it back from the
 * metadata cache alone (links and tags carry their line), without reading the note's text.
 */
export const TOUCH_KINDS = ["gave", "asked", "caught-up", "met", "followed-through", "tier"] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];

/** What was given: the value payloads of the method. */
export const PAYLOADS = ["intro", "article", "kudos", "help", "other"] as const;
export type Payload = (typeof PAYLOADS)[number];

/** The kinds a person can choose when logging; the others are written by the plugin itself. */
export const LOGGABLE_KINDS: readonly TouchKind[] = ["gave", "asked", "caught-up", "met"];

export interface TouchTag {
  kind: TouchKind;
  payload: Payload | null;
}

export function touchTag(kind: TouchKind, payload: Payload | null, prefix: string): string {
  return `#${prefix}/${kind}${kind === "gave" && payload ? `/${payload}` : ""}`;
}

/** Reads `#touch/gave/intro` (any case); null when the tag is not a touch tag under `prefix`. */
export function parseTouchTag(tag: string, prefix: string): TouchTag | null {
  const parts = tag.replace(/^#/, "").toLowerCase().split("/");
  if (parts[0] !== prefix.toLowerCase() || parts.length < 2) return null;
  const kind = TOUCH_KINDS.find((k) => k === parts[1]);
  if (!kind) return null;
  const payload = kind === "gave" ? (PAYLOADS.find((p) => p === parts[2]) ?? "other") : null;
  return { kind, payload };
}

/** Keeps a note on one line and free of characters that would turn it into markup the log cannot read back. */
export function cleanNote(note: string): string {
  return note.replace(/[\r\n]+/g, " ").replace(/\s+/g, " ").trim();
}

/** The log line for a touch. `dateLink` is the link text of the day's daily note (e.g. `2026-11-26`). */
export function formatLogLine(dateLink: string, kind: TouchKind, payload: Payload | null, note: string, prefix: string): string {
  const text = cleanNote(note);
  return `- [[${dateLink}]] ${touchTag(kind, payload, prefix)}${text === "" ? "" : ` ${text}`}`;
}
