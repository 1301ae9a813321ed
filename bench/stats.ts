/** Timing and summary statistics for the benchmarks: every figure is a median with its spread. */

export interface Summary {
  /** Number of timed runs. */
  n: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
  mean: number;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[hi] ?? Number.NaN;
  return a + (b - a) * (at - lo);
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((s, x) => s + x, 0);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p10: quantile(sorted, 0.1),
    p90: quantile(sorted, 0.9),
    min: sorted[0] ?? Number.NaN,
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length === 0 ? Number.NaN : sum / sorted.length,
  };
}

export const now = (): number => performance.now();

let collector: (() => void) | null = null;

/** The entry point hands over `gc` (node --expose-gc); without it `collect` does nothing. */
export function setCollector(gc: (() => void) | null): void {
  collector = gc;
}

/** Collects garbage, when possible: between runs, never inside a timed section. */
export function collect(): void {
  if (collector) {
    collector();
    collector();
  }
}

export interface MeasureOptions<S> {
  warmup: number;
  runs: number;
  /** Untimed preparation before each run; its result is passed to the timed function. */
  setup?: (run: number) => S;
  /** Untimed clean-up after each run. */
  teardown?: (state: S, run: number) => void;
  /** Collect garbage before every run (for long runs, where one GC would dominate the spread). */
  gcEachRun?: boolean;
  /**
   * Time budget (ms, setup and teardown included): warm-up stops early once it has used a quarter of it (after at
   * least one run), timed runs once the whole is used and `minRuns` are done. Keeps the big sizes within minutes.
   */
  budgetMs?: number;
  minRuns?: number;
}

/** Whether to stop early under the time budget; `phase` is the warm-up or the timed runs. */
function overBudget(options: MeasureOptions<unknown>, started: number, timedRuns: number, inWarmup: boolean, warmupRuns: number): boolean {
  if (options.budgetMs === undefined) return false;
  const spent = now() - started;
  if (inWarmup) return warmupRuns >= 1 && spent > options.budgetMs / 4;
  return timedRuns >= (options.minRuns ?? 5) && spent > options.budgetMs;
}

/** Times `fn` (ms) `runs` times after `warmup` untimed runs; setup and teardown are outside the timing. */
export function measure<S>(fn: (state: S, run: number) => unknown, options: MeasureOptions<S>): Summary & { samples: number[] } {
  const [summary] = measureSteps([fn], options);
  return summary as Summary & { samples: number[] };
}

let kept: unknown = null;
/** Keeps a result reachable so the work that made it cannot be optimised away. */
export function keep(value: unknown): void {
  kept = value;
}
/** The last kept value (read by nobody in particular; it only has to stay reachable). */
export function lastKept(): unknown {
  return kept;
}

/**
 * Times several steps in a row (ms each), `runs` times after `warmup`: e.g. an index update and the first query
 * after it. Setup and teardown are untimed.
 */
export function measureSteps<S>(steps: ((state: S, run: number) => unknown)[], options: MeasureOptions<S>): (Summary & { samples: number[] })[] {
  const samples: number[][] = steps.map(() => []);
  let sink: unknown = null;
  let started = now();
  let warmupRuns = 0;
  let timedRuns = 0;
  for (let i = 0; ; i++) {
    const inWarmup = warmupRuns < options.warmup;
    const state = options.setup ? options.setup(i) : (undefined as S);
    if (options.gcEachRun) collect();
    for (let s = 0; s < steps.length; s++) {
      const step = steps[s];
      if (!step) continue;
      const t0 = now();
      sink = step(state, i);
      const t1 = now();
      if (!inWarmup) samples[s]?.push(t1 - t0);
    }
    options.teardown?.(state, i);
    if (inWarmup) {
      warmupRuns++;
      if (warmupRuns < options.warmup && overBudget(options as MeasureOptions<unknown>, started, 0, true, warmupRuns)) warmupRuns = options.warmup;
      if (warmupRuns >= options.warmup) started = now();
    } else {
      timedRuns++;
      if (timedRuns >= options.runs || overBudget(options as MeasureOptions<unknown>, started, timedRuns, false, warmupRuns)) break;
    }
  }
  keep(sink);
  return samples.map((xs) => ({ ...summarize(xs), samples: xs }));
}
