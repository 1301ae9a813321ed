/**
 * Reading and parsing a vault's notes for the CLI, one note at a time in the order given, either on this thread
 * or on worker threads that read and parse while this thread builds the index.
 *
 * Workers take chunks of notes in turn (chunk k goes to worker k mod n) and send each chunk back encoded
 * (./metaCodec.ts). The index takes notes from a synchronous iterator, so this thread waits for the next chunk
 * with `Atomics.wait` and takes it with `receiveMessageOnPort`: no event loop turn is needed, and the notes
 * arrive in exactly the order of the paths, as they do without workers.
 */
import { Buffer } from "node:buffer";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import type { CachedMetadata } from "obsidian";
import { parseMetadata } from "../metadata/parse";
import { decodeMeta, encodeMeta, MetaReader, MetaWriter, type EncodedBatch } from "./metaCodec";
import type { FileStamp } from "./noteCache";

export interface ParsedNote {
  path: string;
  meta: CachedMetadata;
  /** The text of each open task line (`- [ ] …`), by line number: what the digest shows of open tasks. */
  openTasks: Map<number, string> | null;
  /** The file's modification time, size and creation time, as it was read. */
  stamp: FileStamp;
}

/** Notes per message from a worker. */
const CHUNK = 256;
/** How many chunks a worker may run ahead of the main thread (bounds the memory of chunks waiting to be taken). */
const AHEAD = 24;
/** How long to wait without news from a worker before giving up on it. */
const STALL_MS = 120_000;

/**
 * A file's text (UTF-8) and stamp, or null when it cannot be read. Opened, stat-ed and read by hand: as many calls
 * as `readFileSync` makes, and the stat comes with them.
 */
function readText(file: string): { text: string; stamp: FileStamp } | null {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    let buffer = Buffer.allocUnsafe(Math.max(stat.size, 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        const bigger = Buffer.allocUnsafe(buffer.length * 2);
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const got = readSync(fd, buffer, length, buffer.length - length, null);
      if (got === 0) break;
      length += got;
    }
    const stamp = { mtime: stat.mtimeMs, size: stat.size, ctime: stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs };
    return { text: buffer.toString("utf8", 0, length), stamp };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

/**
 * The lines of open tasks in a parsed note (list items whose checkbox holds a space), as `text.split(/\r?\n/)` would
 * give them (what `DiskVault.lines` reads).
 */
function openTaskLines(text: string, meta: CachedMetadata): Map<number, string> | null {
  let out: Map<number, string> | null = null;
  let split: string[] | null = null;
  const plain = !text.includes("\r");
  for (const item of meta.listItems ?? []) {
    if (item.task !== " ") continue;
    const line = item.position.start.line;
    out ??= new Map();
    if (plain) {
      // Only \n breaks: the item's start offset is on its line, which runs between the breaks around it.
      const offset = item.position.start.offset;
      const from = text.lastIndexOf("\n", offset - 1) + 1;
      const end = text.indexOf("\n", offset);
      out.set(line, text.slice(from, end < 0 ? text.length : end));
    } else {
      split ??= text.split(/\r?\n/);
      out.set(line, split[line] ?? "");
    }
  }
  // The headings too (as Markdown), so the digest can tell which section a task sits in (the loose-touch
  // section's tasks are reminders, not commitments).
  if (out) for (const h of meta.headings ?? []) if (!out.has(h.position.start.line)) out.set(h.position.start.line, `${"#".repeat(h.level)} ${h.heading}`);
  return out;
}

function parseOne(root: string, rel: string): ParsedNote | null {
  const read = readText(path.join(root, rel));
  if (read === null) return null;
  const meta = parseMetadata(read.text);
  return { path: rel, meta, openTasks: openTaskLines(read.text, meta), stamp: read.stamp };
}

/** Parses on this thread. */
export function* parseInThread(root: string, paths: readonly string[]): Generator<ParsedNote> {
  for (const rel of paths) {
    const note = parseOne(root, rel);
    if (note) yield note;
  }
}

// ── workers ───────────────────────────────────────────────────────────────────────────────

interface WorkerJob {
  kind: "network-notes-parse";
  root: string;
  /** This worker's notes: its chunks, one after the other. */
  paths: string[];
  port: MessagePort;
  /**
   * Two counters per worker: at `slot`, the chunks it sent (the main thread waits on it); at `workers + slot`, the
   * chunks the main thread took from it (the worker waits on it when it is `AHEAD` chunks ahead).
   */
  signal: Int32Array;
  slot: number;
  workers: number;
}

interface ChunkMessage {
  batch?: EncodedBatch;
  /** Per note of the chunk: 1 when read, 0 when the file could not be read. */
  read?: Uint8Array;
  /** Per note of the chunk: its stamp's modification time, size and creation time. */
  stamps?: Float64Array;
  error?: string;
}

/** The worker's side: read, parse and send back every chunk of its notes, then stop. */
export function runParseWorker(job: WorkerJob): void {
  const send = (message: ChunkMessage, transfer: ArrayBuffer[] = []) => {
    job.port.postMessage(message, transfer);
    Atomics.add(job.signal, job.slot, 1);
    Atomics.notify(job.signal, job.slot);
  };
  const taken = job.workers + job.slot;
  try {
    const writer = new MetaWriter();
    for (let start = 0, sent = 0; start < job.paths.length; start += CHUNK, sent++) {
      // Timed waits, so that a worker being terminated is never stuck here.
      for (let took = Atomics.load(job.signal, taken); sent - took >= AHEAD; took = Atomics.load(job.signal, taken)) Atomics.wait(job.signal, taken, took, 200);
      const chunk = job.paths.slice(start, start + CHUNK);
      const read = new Uint8Array(chunk.length);
      const stamps = new Float64Array(chunk.length * 3);
      chunk.forEach((rel, k) => {
        const note = parseOne(job.root, rel);
        if (!note) return;
        read[k] = 1;
        stamps[3 * k] = note.stamp.mtime;
        stamps[3 * k + 1] = note.stamp.size;
        stamps[3 * k + 2] = note.stamp.ctime;
        encodeMeta(writer, note.meta);
        const tasks = note.openTasks;
        writer.int(tasks ? tasks.size : 0);
        if (tasks) {
          for (const [line, text] of tasks) {
            writer.int(line);
            writer.string(text);
          }
        }
      });
      const batch = writer.take();
      send({ batch, read, stamps }, [batch.ints.buffer as ArrayBuffer, read.buffer, stamps.buffer]);
    }
  } catch (error) {
    send({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  job.port.close();
}

/** Code each worker starts with: load the CLI bundle and run its parse loop. */
const BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
import(workerData.module).then(
  (m) => m.runParseWorker(workerData.job),
  (e) => {
    workerData.job.port.postMessage({ error: String((e && e.stack) || e) });
    Atomics.add(workerData.job.signal, workerData.job.slot, 1);
    Atomics.notify(workerData.job.signal, workerData.job.slot);
  },
);`;

/**
 * Parses on `workers` threads, each loading `moduleUrl` (a built module that exports `runParseWorker`). Yields the
 * notes in the order of `paths`; throws what a worker reports.
 */
export function* parseInWorkers(root: string, paths: readonly string[], workers: number, moduleUrl: string): Generator<ParsedNote> {
  const count = Math.max(1, Math.min(workers, Math.ceil(paths.length / CHUNK)));
  const signal = new Int32Array(new SharedArrayBuffer(8 * count));
  const ports: MessagePort[] = [];
  const threads: Worker[] = [];
  try {
    for (let w = 0; w < count; w++) {
      const own: string[] = [];
      for (let start = w * CHUNK; start < paths.length; start += count * CHUNK) own.push(...paths.slice(start, start + CHUNK));
      const { port1, port2 } = new MessageChannel();
      const job: WorkerJob = { kind: "network-notes-parse", root, paths: own, port: port2, signal, slot: w, workers: count };
      const thread = new Worker(BOOTSTRAP, { eval: true, workerData: { module: moduleUrl, job }, transferList: [port2] });
      thread.unref();
      threads.push(thread);
      ports.push(port1);
    }
    for (let chunk = 0, start = 0; start < paths.length; chunk++, start += CHUNK) {
      const w = chunk % count;
      const message = nextMessage(ports[w] as MessagePort, signal, w);
      Atomics.add(signal, count + w, 1);
      Atomics.notify(signal, count + w);
      if (message.error !== undefined || !message.batch || !message.read || !message.stamps) throw new Error(`A parse worker failed: ${message.error ?? "no data"}`);
      const reader = new MetaReader(message.batch);
      for (let k = 0; k < message.read.length; k++) {
        if (message.read[k] !== 1) continue;
        const meta = decodeMeta(reader);
        const tasks = reader.int();
        let openTasks: Map<number, string> | null = null;
        if (tasks > 0) {
          openTasks = new Map();
          for (let t = 0; t < tasks; t++) openTasks.set(reader.int(), reader.string());
        }
        const stamps = message.stamps;
        const stamp = { mtime: stamps[3 * k] as number, size: stamps[3 * k + 1] as number, ctime: stamps[3 * k + 2] as number };
        yield { path: paths[start + k] as string, meta, openTasks, stamp };
      }
    }
  } finally {
    for (const port of ports) port.close();
    for (const thread of threads) void thread.terminate();
  }
}

function nextMessage(port: MessagePort, signal: Int32Array, slot: number): ChunkMessage {
  let waited = 0;
  for (;;) {
    const seen = Atomics.load(signal, slot);
    const received = receiveMessageOnPort(port);
    if (received) return received.message as ChunkMessage;
    const started = Date.now();
    Atomics.wait(signal, slot, seen, 1000);
    if (Atomics.load(signal, slot) === seen) {
      waited += Date.now() - started;
      if (waited > STALL_MS) throw new Error("A parse worker stopped answering");
    } else waited = 0;
  }
}
