/**
 * How many notes carry each name, compactly: a 32-bit hash of each note's lower-case file name, in a sorted typed
 * array filled once by a bulk load, plus a small map of changes since. Four bytes a note, and counting a name at
 * load time allocates nothing for ASCII names.
 *
 * Counts are by hash, so two names that hash alike count together: a count can be too high, never too low. The
 * index only asks "does any other note carry this name?", and a false "yes" only costs a resolver call per note.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 16777619;

function hashLower(lower: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < lower.length; i++) h = Math.imul(h ^ lower.charCodeAt(i), FNV_PRIME);
  return h | 0;
}

/** The hash of `text.slice(start, end).toLowerCase()`, without building that string when it is ASCII. */
export function nameHash(text: string, start = 0, end = text.length): number {
  let h = FNV_OFFSET;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    else if (c >= 128) return hashLower(text.slice(start, end).toLowerCase());
    h = Math.imul(h ^ c, FNV_PRIME);
  }
  return h | 0;
}

/** The hash of a note's name (its file name without `.md`, lower-case), as `nameHash(nameKey(path))`. */
export function pathNameHash(path: string): number {
  return nameHash(path, path.lastIndexOf("/") + 1, path.endsWith(".md") ? path.length - 3 : path.length);
}

export class NameCounts {
  private sorted = new Int32Array(0);
  private changes = new Map<number, number>();
  private loading: number[] | null = null;

  /** Starts a bulk load: `addLoading` for each note, then `endLoad`. */
  beginLoad(): void {
    this.loading = [];
  }

  addLoading(hash: number): void {
    this.loading?.push(hash);
  }

  endLoad(): void {
    if (this.loading === null) return;
    const all = new Int32Array(this.sorted.length + this.loading.length);
    all.set(this.sorted);
    all.set(this.loading, this.sorted.length);
    this.loading = null;
    all.sort();
    this.sorted = all;
  }

  clear(): void {
    this.sorted = new Int32Array(0);
    this.changes.clear();
    this.loading = null;
  }

  add(hash: number, delta: 1 | -1): void {
    const value = (this.changes.get(hash) ?? 0) + delta;
    if (value === 0) this.changes.delete(hash);
    else this.changes.set(hash, value);
    if (this.changes.size > 4096) this.compact();
  }

  count(hash: number): number {
    return this.countSorted(hash) + (this.changes.get(hash) ?? 0);
  }

  private countSorted(hash: number): number {
    const a = this.sorted;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((a[mid] as number) < hash) lo = mid + 1;
      else hi = mid;
    }
    let n = 0;
    while (lo + n < a.length && a[lo + n] === hash) n++;
    return n;
  }

  /** Folds the changes into the sorted array (every few thousand changes, so the map stays small). */
  private compact(): void {
    const out: number[] = [];
    const a = this.sorted;
    for (let i = 0; i < a.length; ) {
      const hash = a[i] as number;
      let n = 0;
      while (i < a.length && a[i] === hash) {
        n++;
        i++;
      }
      n += this.changes.get(hash) ?? 0;
      this.changes.delete(hash);
      for (let k = 0; k < n; k++) out.push(hash);
    }
    for (const [hash, n] of this.changes) for (let k = 0; k < n; k++) out.push(hash);
    this.changes.clear();
    this.sorted = Int32Array.from(out).sort();
  }
}
