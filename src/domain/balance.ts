/**
 * Give before you ask: from a person's touch log, when you last gave and what, how many asks since, and what
 * you gave over the last year. The balance is "all asks" when you have asked twice since you last gave, or
 * asked and never given.
 */
import type { Day } from "./dates";
import type { LogEntry } from "./person";
import { PAYLOADS, type Payload } from "./touchLog";

export interface Balance {
  lastGive: { day: Day; payload: Payload | null } | null;
  asksSinceGive: number;
  /** Gives in the 365 days up to today, by payload. */
  payloadsLastYear: Record<Payload, number>;
  allAsks: boolean;
}

export function balanceOf(log: readonly LogEntry[], today: Day): Balance {
  let lastGive: Balance["lastGive"] = null;
  let asksSinceGive = 0;
  const payloadsLastYear = Object.fromEntries(PAYLOADS.map((p) => [p, 0])) as Record<Payload, number>;
  for (const entry of log) {
    if (entry.day > today) continue;
    if (entry.kind === "gave") {
      if (lastGive === null || entry.day >= lastGive.day) {
        lastGive = { day: entry.day, payload: entry.payload };
        asksSinceGive = 0;
      }
      if (today - entry.day < 365) payloadsLastYear[entry.payload ?? "other"]++;
    } else if (entry.kind === "asked") {
      if (lastGive === null || entry.day >= lastGive.day) asksSinceGive++;
    }
  }
  return { lastGive, asksSinceGive, payloadsLastYear, allAsks: asksSinceGive >= 2 || (asksSinceGive >= 1 && lastGive === null) };
}
