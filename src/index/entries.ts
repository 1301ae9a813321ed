/**
 * The index's entries (notes that are not people but matter: dated notes and notes with open tasks), stored by
 * column instead of one object per note: an entry is a number, its path and day sit in arrays, and its refs are a
 * run in one shared array. A hundred thousand entries then cost a few flat arrays, not three hundred thousand
 * small objects for the garbage collector to copy and keep.
 *
 * A run that grows moves to the end of the shared array; the room it leaves is reused by compacting once more than
 * half the shared array is left-over room.
 */
import type { Day } from "../domain/dates";

const NO_DAY = -2147483648;
const TOMBSTONE = -1;

/** FNV-1a over a path's characters. */
function pathHash(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return h | 0;
}

function grown(a: Int32Array, size: number): Int32Array {
  if (size <= a.length) return a;
  const out = new Int32Array(Math.max(size, a.length * 2));
  out.set(a);
  return out;
}

export class EntryStore<R> {
  /**
   * Path to entry, by open addressing: each slot holds id + 1 (0: empty, -1: removed), probed linearly from the
   * path's hash. About a third of what a Map of a hundred thousand paths costs.
   */
  private slots: Int32Array = new Int32Array(512);
  private used = 0;
  private live = 0;
  private hashes: Int32Array = new Int32Array(256);
  private paths: (string | null)[] = [];
  private days: Int32Array = new Int32Array(256);
  private starts: Int32Array = new Int32Array(256);
  private lengths: Int32Array = new Int32Array(256);
  /** Every entry's refs, each entry a run `[starts[id], starts[id] + lengths[id])`. */
  private pool: R[] = [];
  private readonly free: number[] = [];
  private spare = 0;

  get size(): number {
    return this.live;
  }

  id(path: string, hash = pathHash(path)): number | undefined {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at] as number;
      if (slot === 0) return undefined;
      if (slot > 0 && this.paths[slot - 1] === path) return slot - 1;
    }
  }

  path(id: number): string {
    return this.paths[id] as string;
  }

  day(id: number): Day | null {
    const day = this.days[id] as number;
    return day === NO_DAY ? null : day;
  }

  setDay(id: number, day: Day | null): void {
    this.days[id] = day === null ? NO_DAY : day;
  }

  /** Every entry, by number. */
  *ids(): IterableIterator<number> {
    for (let id = 0; id < this.paths.length; id++) if (this.paths[id] !== null) yield id;
  }

  /** The refs of an entry, as a fresh array. */
  refs(id: number): R[] {
    const start = this.starts[id] as number;
    return this.pool.slice(start, start + (this.lengths[id] as number));
  }

  /** For reading refs in place: `ref(start(id) + k)` for k below `length(id)`. */
  start(id: number): number {
    return this.starts[id] as number;
  }

  length(id: number): number {
    return this.lengths[id] as number;
  }

  ref(at: number): R {
    return this.pool[at] as R;
  }

  setRef(at: number, ref: R): void {
    this.pool[at] = ref;
  }

  add(path: string, day: Day | null, refs: readonly R[]): number {
    // A path added again replaces the entry it had (whose number is dropped).
    const hash = pathHash(path);
    const old = this.id(path, hash);
    if (old !== undefined) this.remove(old);
    if ((this.used + 1) * 10 > this.slots.length * 7) this.rehash();
    const id = this.free.pop() ?? this.paths.length;
    if (id === this.paths.length) {
      this.paths.push(path);
      this.days = grown(this.days, id + 1);
      this.starts = grown(this.starts, id + 1);
      this.lengths = grown(this.lengths, id + 1);
      this.hashes = grown(this.hashes, id + 1);
    } else this.paths[id] = path;
    this.hashes[id] = hash;
    const mask = this.slots.length - 1;
    let at = hash & mask;
    while ((this.slots[at] as number) > 0) at = (at + 1) & mask;
    if (this.slots[at] === 0) this.used++;
    this.slots[at] = id + 1;
    this.live++;
    this.setDay(id, day);
    this.starts[id] = this.pool.length;
    this.lengths[id] = refs.length;
    for (const ref of refs) this.pool.push(ref);
    return id;
  }

  setRefs(id: number, refs: readonly R[]): void {
    const length = this.lengths[id] as number;
    if (refs.length <= length) {
      const start = this.starts[id] as number;
      for (let k = 0; k < refs.length; k++) this.pool[start + k] = refs[k] as R;
      this.clearRun(start + refs.length, length - refs.length);
    } else {
      this.clearRun(this.starts[id] as number, length);
      this.starts[id] = this.pool.length;
      for (const ref of refs) this.pool.push(ref);
    }
    this.lengths[id] = refs.length;
    this.compactIfSparse();
  }

  remove(id: number): void {
    const path = this.paths[id];
    if (path === null || path === undefined) return;
    const mask = this.slots.length - 1;
    for (let at = (this.hashes[id] as number) & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at] as number;
      if (slot === 0) break;
      if (slot === id + 1) {
        this.slots[at] = TOMBSTONE;
        break;
      }
    }
    this.live--;
    this.paths[id] = null;
    this.clearRun(this.starts[id] as number, this.lengths[id] as number);
    this.lengths[id] = 0;
    this.free.push(id);
    this.compactIfSparse();
  }

  /** Gives back the room that arrays grown one push at a time keep (after a bulk load). */
  trim(): void {
    const n = this.paths.length;
    this.days = this.days.slice(0, n);
    this.hashes = this.hashes.slice(0, n);
    this.starts = this.starts.slice(0, n);
    this.lengths = this.lengths.slice(0, n);
    this.pool = this.pool.slice();
    this.paths = this.paths.slice();
  }

  clear(): void {
    this.slots = new Int32Array(512);
    this.used = 0;
    this.live = 0;
    this.hashes = new Int32Array(256);
    this.paths = [];
    this.days = new Int32Array(256);
    this.starts = new Int32Array(256);
    this.lengths = new Int32Array(256);
    this.pool = [];
    this.free.length = 0;
    this.spare = 0;
  }

  /** A table at most half full of live entries, without tombstones (it grows again past seven tenths). */
  private rehash(): void {
    let size = 512;
    while ((this.live + 1) * 2 > size) size *= 2;
    const slots = new Int32Array(size);
    const mask = size - 1;
    for (let id = 0; id < this.paths.length; id++) {
      if (this.paths[id] === null) continue;
      let at = (this.hashes[id] as number) & mask;
      while (slots[at] !== 0) at = (at + 1) & mask;
      slots[at] = id + 1;
    }
    this.slots = slots;
    this.used = this.live;
  }

  /** Left-over room keeps no references alive. */
  private clearRun(start: number, length: number): void {
    for (let k = 0; k < length; k++) this.pool[start + k] = undefined as R;
    this.spare += length;
  }

  private compactIfSparse(): void {
    if (this.spare < 1024 || this.spare * 2 < this.pool.length) return;
    const pool: R[] = [];
    for (const id of this.ids()) {
      const start = this.starts[id] as number;
      const length = this.lengths[id] as number;
      this.starts[id] = pool.length;
      for (let k = 0; k < length; k++) pool.push(this.pool[start + k] as R);
    }
    this.pool = pool;
    this.spare = 0;
  }
}
