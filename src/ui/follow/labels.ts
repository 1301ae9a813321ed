/** Words shared by the follow-through modals and notices: touch kinds, payloads, open items. */
import type { Commitment } from "../../domain/commitments";
import { dayToISO, type Day } from "../../domain/dates";
import type { Payload, TouchKind } from "../../domain/touchLog";
import type { Translate } from "../../i18n";

export function kindLabel(kind: TouchKind, t: Translate): string {
  return t(`touch.kind.${kind}`);
}

export function payloadLabel(payload: Payload, t: Translate): string {
  return t(`touch.payload.${payload}`);
}

/** "Gave · An intro", or just the kind when nothing was given. */
export function touchWhat(kind: TouchKind, payload: Payload | null, t: Translate): string {
  return kind === "gave" && payload !== null ? `${kindLabel(kind, t)} · ${payloadLabel(payload, t)}` : kindLabel(kind, t);
}

/** The note's name from its path, as Obsidian shows it. */
export function noteName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1).replace(/\.md$/, "");
}

/** The details after an open item: when it is (or was) due and how long it has been open. */
export function openDetails(due: string | null, overdue: boolean, openDays: number | null, t: Translate): string[] {
  const parts: string[] = [];
  if (due !== null) parts.push(t(overdue ? "open.wasDue" : "open.due", { date: due }));
  if (openDays !== null && openDays > 0) parts.push(t("open.days", { n: openDays }));
  return parts;
}

/** "You promised: Send the slides · due 2026-12-10 · open 3 days" for one of a person's own items. */
export function openItemText(c: Commitment, today: Day, t: Translate): string {
  const details = openDetails(c.due === null ? null : dayToISO(c.due), c.due !== null && c.due < today, c.created === null ? null : today - c.created, t);
  const text = t(c.direction === "mine" ? "open.mine" : "open.theirs", { text: c.text });
  return [text, ...details].join(" · ");
}
