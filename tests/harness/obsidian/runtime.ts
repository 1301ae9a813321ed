/**
 * State shared by the whole stand-in: work in flight (so tests can wait for quiet), pending debouncers,
 * errors swallowed by event dispatch (the app logs them; the harness re-throws them), language and platform.
 */

export interface NoticeRecord {
  message: string;
}

export interface DebouncerLike {
  run(): unknown;
}

class Runtime {
  language = "en";
  /** Async work started by the stand-in (disk I/O, write queues, metadata indexing, async suggestions). */
  readonly pending = new Set<Promise<unknown>>();
  /** Debouncers with a scheduled call. */
  readonly debouncers = new Set<DebouncerLike>();
  /** Errors thrown by event handlers, which `Events.trigger` catches and logs as the app does. */
  handlerErrors: unknown[] = [];
  /** Where `new Notice()` records messages; the current App installs its own list. */
  noticeLog: NoticeRecord[] = [];
  /** Live `registerDomEvent` / `registerInterval` registrations, by sequence number. */
  readonly liveRegistrations = new Map<number, string>();
  private sequence = 0;

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    // The bookkeeping branch swallows nothing: callers still get (and must handle) the rejection.
    promise.then(
      () => this.pending.delete(promise),
      () => this.pending.delete(promise),
    );
    return promise;
  }

  /** Fire-and-forget work: tracked for settle(), and a rejection is reported (settle() re-throws it). */
  background(promise: Promise<unknown>): void {
    this.track(promise).catch((error) => this.reportHandlerError(error));
  }

  nextSequence(): number {
    return ++this.sequence;
  }

  get currentSequence(): number {
    return this.sequence;
  }

  isBusy(): boolean {
    return this.pending.size > 0 || this.debouncers.size > 0;
  }

  /** Waits for tracked work, runs pending debouncers now, and repeats until nothing is left. */
  async drain(): Promise<void> {
    for (let round = 0; round < 10_000; round++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (this.pending.size > 0) {
        await Promise.allSettled([...this.pending]);
        continue;
      }
      if (this.debouncers.size > 0) {
        for (const debouncer of [...this.debouncers]) debouncer.run();
        continue;
      }
      // One more macrotask for promise chains the plugin started without awaiting.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (!this.isBusy()) return;
    }
    throw new Error("settle(): work kept arriving for 10,000 rounds (an endless write/notify loop?)");
  }

  reportHandlerError(error: unknown): void {
    this.handlerErrors.push(error);
    console.error("[obsidian stand-in] uncaught error in event handler:", error);
  }

  takeHandlerErrors(): unknown[] {
    const errors = this.handlerErrors;
    this.handlerErrors = [];
    return errors;
  }
}

export const runtime = new Runtime();
