/**
 * When a person is due for a touch. The effective last touch is the latest of: the `last_touch` property, dated
 * entries in the person's own note, dated notes that link the person, and the day you met. Someone never touched
 * counts from the day their note was created, marked as an estimate. Days in the future never count as touches.
 * A tracked person is due once their cadence has run out: today - last touch >= cadence.
 */
import type { NetworkNotesSettings } from "../settings/schema";
import type { Day } from "./dates";
import type { Person } from "./person";

export type TouchOrigin = "property" | "own-note" | "dated-note" | "met" | "created";

export interface LastTouch {
  day: Day;
  origin: TouchOrigin;
  /** The note the touch came from (the person's own note for property, own-note, met and created). */
  path: string;
  /** True when nothing real is known and the note's creation day stands in. */
  estimate: boolean;
}

export type TrackState = "untracked" | "paused" | "snoozed" | "no-cadence" | "due" | "not-due";

export interface PersonStatus {
  person: Person;
  lastTouch: LastTouch | null;
  cadence: number | null;
  /** The first day the person is due (last touch + cadence), when on a cadence. */
  dueFrom: Day | null;
  state: TrackState;
  /** Whole days since the last touch (null when unknown). */
  daysSince: number | null;
  /** Days past the due day (0 on the day itself), when due. */
  daysOver: number;
}

export function effectiveCadence(person: Person, settings: NetworkNotesSettings): number | null {
  if (person.tier === null) return null;
  return person.cadenceOverride ?? settings.cadenceDays[person.tier];
}

/**
 * Picks the latest real touch on or before today. `latestDated` is the latest dated note linking the person on
 * or before today, when there is one.
 */
export function lastTouchOf(person: Person, latestDated: { day: Day; path: string } | null, today: Day): LastTouch {
  let best: LastTouch | null = null;
  const consider = (day: Day | null, origin: TouchOrigin, path: string) => {
    if (day === null || day > today) return;
    if (best === null || day > best.day) best = { day, origin, path, estimate: false };
  };
  consider(person.lastTouchField, "property", person.path);
  for (const day of person.ownEntries) consider(day, "own-note", person.path);
  if (latestDated) consider(latestDated.day, "dated-note", latestDated.path);
  consider(person.met, "met", person.path);
  // Never touched: count from the note's creation (a clock that runs ahead must not put it in the future).
  if (best === null) return { day: Math.min(person.created, today), origin: "created", path: person.path, estimate: true };
  return best;
}

export function statusOf(person: Person, lastTouch: LastTouch, settings: NetworkNotesSettings, today: Day): PersonStatus {
  const cadence = effectiveCadence(person, settings);
  const daysSince = lastTouch ? today - lastTouch.day : null;
  // One object literal of one shape for every person (worked out for the whole network each new day).
  const status = (state: TrackState, dueFrom: Day | null = null, daysOver = 0): PersonStatus => ({ person, lastTouch, cadence, daysSince, dueFrom, daysOver, state });
  if (person.tier === null) return status("untracked");
  if (person.paused) return status("paused");
  if (cadence === null || lastTouch === null) return status("no-cadence");
  const dueFrom = lastTouch.day + cadence;
  if (person.snoozeUntil !== null && person.snoozeUntil > today) return status("snoozed", dueFrom);
  if (today >= dueFrom) return status("due", dueFrom, today - dueFrom);
  return status("not-due", dueFrom);
}
