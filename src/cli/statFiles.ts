/**
 * The stamps (modification time, size, creation time) of many files, for checking them against the note cache:
 * on this thread, or on a worker thread that stats them while this thread loads the cache and lists the links.
 * A stat is a system call and an object per file; a hundred thousand of them take a good part of a second.
 */
import { statSync } from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";

/** Three numbers per file: modification time, size and creation time (ms); NaN for a file that cannot be stat-ed. */
export type Stamps = Float64Array;

/** Stats on this thread. */
export function statFiles(root: string, paths: readonly string[]): Stamps {
  const out = new Float64Array(3 * paths.length);
  for (let i = 0; i < paths.length; i++) stampInto(out, i, statSync(path.join(root, paths[i] as string), { throwIfNoEntry: false }));
  return out;
}

function stampInto(out: Float64Array, i: number, stat: { mtimeMs: number; size: number; birthtimeMs: number } | undefined): void {
  if (stat === undefined) out.fill(Number.NaN, 3 * i, 3 * i + 3);
  else {
    out[3 * i] = stat.mtimeMs;
    out[3 * i + 1] = stat.size;
    out[3 * i + 2] = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
  }
}

/** The worker: the same loop as `statFiles`, writing into shared memory, then 1 (done) or 2 (failed) at `state[0]`. */
const WORKER = `
const { workerData } = require("node:worker_threads");
const { root, paths, out, state } = workerData;
try {
  const { statSync } = require("node:fs");
  const path = require("node:path");
  for (let i = 0; i < paths.length; i++) {
    const stat = statSync(path.join(root, paths[i]), { throwIfNoEntry: false });
    if (stat === undefined) out.fill(NaN, 3 * i, 3 * i + 3);
    else {
      out[3 * i] = stat.mtimeMs;
      out[3 * i + 1] = stat.size;
      out[3 * i + 2] = stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
    }
  }
  Atomics.store(state, 0, 1);
} catch {
  Atomics.store(state, 0, 2);
}
Atomics.notify(state, 0);`;

/** How long to wait for the worker before statting here instead. */
const STALL_MS = 60_000;

export interface PendingStamps {
  /** Waits for the stamps (or stats here, should the worker fail). */
  take(): Stamps;
  /** Stops the worker when its answer is not needed after all. */
  cancel(): void;
}

/** Starts statting `paths` on a worker thread. */
export function statInWorker(root: string, paths: readonly string[]): PendingStamps {
  const out = new Float64Array(new SharedArrayBuffer(8 * 3 * paths.length));
  const state = new Int32Array(new SharedArrayBuffer(4));
  let thread: Worker | null = null;
  try {
    thread = new Worker(WORKER, { eval: true, workerData: { root, paths, out, state } });
    thread.unref();
  } catch {
    Atomics.store(state, 0, 2);
  }
  const stop = () => {
    if (thread !== null) void thread.terminate();
    thread = null;
  };
  return {
    take() {
      const deadline = Date.now() + STALL_MS;
      while (Atomics.load(state, 0) === 0 && Date.now() < deadline) Atomics.wait(state, 0, 0, 1000);
      const done = Atomics.load(state, 0) === 1;
      stop();
      return done ? out : statFiles(root, paths);
    },
    cancel: stop,
  };
}
