/**
 * The CLI's cache of what it found in each note, so that a second run over the same vault reads and parses only
 * the notes that changed. One file per vault folder in the user's cache folder (never in the vault), written whole
 * after a run that found anything new. A note's record holds good while the note's modification time and size are
 * the ones it was read with; the whole file holds good only for the same code (the built CLI), the same settings
 * and the same daily-note settings, since what the index takes from a note depends on them.
 *
 * A record keeps what the index takes from a note (`ScannedNote`), the metadata of people (read again on every
 * run, as the index reads people), and the text of open-task lines (what the digest shows of them).
 */
import { Buffer } from "node:buffer";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, rmSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize, serialize } from "node:v8";
import type { CachedMetadata, FrontMatterCache } from "obsidian";
import type { ScannedNote } from "../index/PeopleIndex";
import { decodeMeta, encodeMeta, MetaReader, MetaWriter } from "./metaCodec";

/** Changes whenever the records' form changes. */
const FORMAT = "network-notes-note-cache 3";

export interface FileStamp {
  mtime: number;
  size: number;
  /** Creation time (ms; the modification time where the system keeps none). */
  ctime: number;
}

export interface CachedNote {
  mtime: number;
  size: number;
  scanned: ScannedNote;
  /** The metadata of a person's note; null for other notes. */
  meta: CachedMetadata | null;
  openTasks: Map<number, string> | null;
}

/** The user's cache folder for this tool (XDG on Linux, the usual places on macOS and Windows). */
export function defaultCacheDir(): string {
  const env = process.env;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, "network-notes");
  if (process.platform === "darwin") return path.join(homedir(), "Library", "Caches", "network-notes");
  if (process.platform === "win32" && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, "network-notes", "Cache");
  return path.join(homedir(), ".cache", "network-notes");
}

/** The cache file for a vault folder: named by a hash of the folder's absolute path. */
export function cacheFileFor(cacheDir: string, vaultRoot: string): string {
  const id = createHash("sha256").update(path.resolve(vaultRoot)).digest("hex").slice(0, 24);
  return path.join(cacheDir, `vault-${id}.bin`);
}

/** Names the code that writes a cache: the built module's size and time (run from source, as the tests do: one fixed name). */
export function cacheCodeOf(moduleUrl: string | undefined): string {
  if (moduleUrl === undefined || !moduleUrl.startsWith("file:")) return `${FORMAT} source`;
  const stamp = stampOf(fileURLToPath(moduleUrl));
  return stamp === null ? `${FORMAT} unknown ${Math.random()}` : `${FORMAT} ${stamp.size} ${stamp.mtime}`;
}

/** A note file's stamp, or null when it cannot be stat-ed. */
export function stampOf(file: string): FileStamp | null {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat) return null;
  return { mtime: stat.mtimeMs, size: stat.size, ctime: stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs };
}

/*
 * The file: a little-endian u32 length and a JSON header (format, key, paths, the distinct link texts), then per
 * note its modification time and size (Float64Array), then per note its kind or day, its number of refs and its
 * refs (Int32Array: a link text's number in the header, or -1 - line for an open task's line), its number of kept
 * open-task lines and each line's number (their texts in the header), then people's metadata: the record number of
 * each person (Int32Array), their metadata encoded by ./metaCodec.ts (Int32Array; its strings in the header) and
 * their frontmatter (v8 serialised; a third of the time v8 takes for the whole metadata). Columns, so that reading a
 * hundred thousand records back is a few typed arrays and one small JSON text, not a hundred thousand objects.
 */

interface Header {
  format: string;
  key: string;
  paths: string[];
  texts: string[];
  /** The kept open-task lines' texts, in order. */
  lines: string[];
  /** The strings of people's encoded metadata. */
  metaStrings: string[];
}

/** The kind column: a person, a note without a day, or the day itself. */
const PERSON = -2147483648;
const NO_DAY = -2147483647;

/**
 * A cache file's records as they were read: the columns themselves, each record decoded only when asked for, so
 * that loading a hundred thousand records makes no object per record.
 */
export class NoteTable {
  /** Where each record starts in `ints`, and its first kept line in `lines`. */
  private readonly starts: Int32Array;
  private readonly lineStarts: Int32Array;
  private rows: Map<string, number> | null = null;
  private next = 0;

  constructor(
    private readonly paths: readonly string[],
    private readonly texts: readonly string[],
    private readonly lines: readonly string[],
    private readonly stamps: Float64Array,
    private readonly ints: Int32Array,
    private readonly metas: ReadonlyMap<number, CachedMetadata>,
  ) {
    const n = paths.length;
    this.starts = new Int32Array(n);
    this.lineStarts = new Int32Array(n);
    let k = 0;
    let line = 0;
    for (let i = 0; i < n; i++) {
      this.starts[i] = k;
      this.lineStarts[i] = line;
      const kind = ints[k] as number;
      const count = ints[k + 1] as number;
      k += 2 + (kind === PERSON ? 0 : count);
      const kept = ints[k] as number;
      if (!(kind === PERSON ? count === 0 : count >= 0) || !(kept >= 0)) throw new Error("bad record");
      k += 1 + kept;
      line += kept;
    }
    if (k !== ints.length || line !== lines.length) throw new Error("bad records");
    for (const i of metas.keys()) if (!(i >= 0 && i < n) || ints[this.starts[i] as number] !== PERSON) throw new Error("bad person");
  }

  get size(): number {
    return this.paths.length;
  }

  /**
   * The record of a path, or -1. Paths are looked up in the order they were written (the vault's order) by
   * walking along; only a path out of that order builds a map of them all.
   */
  row(path: string): number {
    const at = this.next;
    if (at < this.paths.length && this.paths[at] === path) {
      this.next = at + 1;
      return at;
    }
    if (this.rows === null) {
      this.rows = new Map();
      for (let i = 0; i < this.paths.length; i++) this.rows.set(this.paths[i] as string, i);
    }
    const row = this.rows.get(path);
    if (row === undefined) return -1;
    this.next = row + 1;
    return row;
  }

  mtime(row: number): number {
    return this.stamps[2 * row] as number;
  }

  fileSize(row: number): number {
    return this.stamps[2 * row + 1] as number;
  }

  record(row: number): CachedNote {
    const ints = this.ints;
    let k = this.starts[row] as number;
    const kind = ints[k++] as number;
    const count = ints[k++] as number;
    let scanned: ScannedNote;
    if (kind === PERSON) scanned = { person: true };
    else {
      const refs: (string | number)[] = new Array<string | number>(count);
      for (let r = 0; r < count; r++) {
        const ref = ints[k++] as number;
        refs[r] = ref >= 0 ? (this.texts[ref] as string) : -1 - ref;
      }
      scanned = { person: false, day: kind === NO_DAY ? null : kind, refs };
    }
    const kept = ints[k++] as number;
    let openTasks: Map<number, string> | null = null;
    if (kept > 0) {
      openTasks = new Map();
      let line = this.lineStarts[row] as number;
      for (let t = 0; t < kept; t++) openTasks.set(ints[k++] as number, this.lines[line++] as string);
    }
    return { mtime: this.mtime(row), size: this.fileSize(row), scanned, meta: this.metas.get(row) ?? null, openTasks };
  }
}

/** The records of a cache file written with this `key`; null when there is none, it is unreadable or for other settings or code. */
export function loadNoteCache(file: string, key: string): NoteTable | null {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return null;
  }
  try {
    let at = 0;
    const section = (): Buffer => {
      const length = data.readUInt32LE(at);
      const out = data.subarray(at + 4, at + 4 + length);
      if (out.length !== length) throw new Error("cut short");
      at += 4 + length;
      return out;
    };
    const header = JSON.parse(section().toString("utf8")) as Partial<Header>;
    if (header.format !== FORMAT || header.key !== key || !Array.isArray(header.paths) || !Array.isArray(header.texts) || !Array.isArray(header.lines) || !Array.isArray(header.metaStrings)) return null;
    const copy = (bytes: Buffer) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    const stamps = new Float64Array(copy(section()));
    const ints = new Int32Array(copy(section()));
    if (stamps.length !== 2 * header.paths.length) return null;
    const people = new Int32Array(copy(section()));
    const metaInts = new Int32Array(copy(section()));
    const frontmatter = deserialize(section()) as unknown;
    if (!Array.isArray(frontmatter)) return null;
    const reader = new MetaReader({ ints: metaInts, strings: header.metaStrings, frontmatter: frontmatter as FrontMatterCache[] });
    const metas = new Map<number, CachedMetadata>();
    for (const row of people) metas.set(row, decodeMeta(reader));
    if (!reader.finished()) return null;
    return new NoteTable(header.paths, header.texts, header.lines, stamps, ints, metas);
  } catch {
    return null;
  }
}

/** Writes the records (whole, through a temporary file, so a reader never sees half a file). Returns whether it could. */
export function saveNoteCache(file: string, key: string, notes: Iterable<[string, CachedNote]>, count: number): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const paths: string[] = [];
    const texts: string[] = [];
    const textIds = new Map<string, number>();
    const stamps = new Float64Array(2 * count);
    const ints: number[] = [];
    const lines: string[] = [];
    const people: number[] = [];
    const metas = new MetaWriter();
    for (const [p, note] of notes) {
      const i = paths.length;
      paths.push(p);
      stamps[2 * i] = note.mtime;
      stamps[2 * i + 1] = note.size;
      const scanned = note.scanned;
      if (scanned.person) ints.push(PERSON, 0);
      else {
        ints.push(scanned.day === null ? NO_DAY : scanned.day, scanned.refs.length);
        for (const ref of scanned.refs) {
          if (typeof ref === "number") ints.push(-1 - ref);
          else {
            let id = textIds.get(ref);
            if (id === undefined) {
              id = texts.length;
              texts.push(ref);
              textIds.set(ref, id);
            }
            ints.push(id);
          }
        }
      }
      ints.push(note.openTasks?.size ?? 0);
      for (const [line, text] of note.openTasks ?? []) {
        ints.push(line);
        lines.push(text);
      }
      if (note.meta !== null) {
        people.push(i);
        encodeMeta(metas, note.meta);
      }
    }
    if (paths.length !== count) throw new Error("miscounted");
    const encoded = metas.take();
    const header: Header = { format: FORMAT, key, paths, texts, lines, metaStrings: encoded.strings };
    const sized = (bytes: Uint8Array) => {
      const length = Buffer.alloc(4);
      length.writeUInt32LE(bytes.length);
      return [length, bytes];
    };
    const body = [
      ...sized(Buffer.from(JSON.stringify(header), "utf8")),
      ...sized(new Uint8Array(stamps.buffer)),
      ...sized(new Uint8Array(Int32Array.from(ints).buffer)),
      ...sized(new Uint8Array(Int32Array.from(people).buffer)),
      ...sized(new Uint8Array(encoded.ints.buffer)),
      ...sized(serialize(encoded.frontmatter)),
    ];
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temporary, Buffer.concat(body));
    renameSync(temporary, file);
    return true;
  } catch {
    rmSync(temporary, { force: true });
    return false;
  }
}
