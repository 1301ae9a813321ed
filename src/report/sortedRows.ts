/**
 * A sorted list of rows derived from the index's status list, kept up to date instead of sorted again. The index
 * hands out a new status array after a change, with the same status objects for everyone who did not change; so
 * the rows of the statuses that left are found and taken out, and the rows of the new ones put in, by binary
 * search. `rowsOf` must give the same row objects for the same status (the callers cache them per status). A full
 * sort happens only the first time, when the day changes, or when many people changed at once.
 */
import type { PersonStatus } from "../domain/due";

const FULL_SORT_ABOVE = 256;

export class SortedRows<T> {
  private last: readonly PersonStatus[] | null = null;
  private sorted: T[] = [];

  constructor(
    /** The rows one status contributes (the same array for the same status is fine). */
    private readonly rowsOf: (s: PersonStatus) => readonly T[],
    private readonly compare: (a: T, b: T) => number,
  ) {}

  get(statuses: readonly PersonStatus[]): T[] {
    if (statuses === this.last) return this.sorted;
    const previous = this.last;
    this.last = statuses;
    const change = previous ? changes(previous, statuses) : null;
    if (!change || change.removed.size + change.added.length > FULL_SORT_ABOVE) return this.fullSort(statuses);
    const kept = this.sorted.slice();
    for (const s of change.removed) {
      for (const row of this.rowsOf(s)) {
        const at = this.find(kept, row);
        if (at < 0) return this.fullSort(statuses); // not where it should be: start again
        kept.splice(at, 1);
      }
    }
    for (const s of change.added) for (const row of this.rowsOf(s)) kept.splice(this.insertionPoint(kept, row), 0, row);
    this.sorted = kept;
    return kept;
  }

  private fullSort(statuses: readonly PersonStatus[]): T[] {
    const all: T[] = [];
    for (const s of statuses) for (const row of this.rowsOf(s)) all.push(row);
    this.sorted = all.sort(this.compare);
    return this.sorted;
  }

  /** Where this very row is in the list (by binary search, then among its equals), or -1. */
  private find(list: readonly T[], row: T): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(list[mid] as T, row) < 0) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && this.compare(list[i] as T, row) === 0; i++) if (list[i] === row) return i;
    return -1;
  }

  private insertionPoint(list: readonly T[], row: T): number {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.compare(list[mid] as T, row) <= 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The statuses that left and the ones that came, comparing two status arrays by identity, slot by slot. */
function changes(before: readonly PersonStatus[], after: readonly PersonStatus[]): { removed: Set<PersonStatus>; added: PersonStatus[] } | null {
  const gone = new Set<PersonStatus>();
  const came = new Set<PersonStatus>();
  const n = Math.max(before.length, after.length);
  for (let i = 0; i < n; i++) {
    const a = before[i];
    const b = after[i];
    if (a === b) continue;
    if (a) gone.add(a);
    if (b) came.add(b);
    if (gone.size + came.size > FULL_SORT_ABOVE * 2) return null; // many changes: sort again
  }
  // A status that only moved to another slot is in both: neither left nor came.
  for (const s of came) {
    if (gone.has(s)) {
      gone.delete(s);
      came.delete(s);
    }
  }
  return { removed: gone, added: [...came] };
}
