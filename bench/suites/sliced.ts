/**
 * The full build as the plugin runs it at start-up (src/obsidian/PeopleIndexer.ts `rebuild`): a fresh index loaded
 * in slices of `LOAD_SLICE_MS` from the metadata cache (each note's metadata looked up when the load comes to it,
 * every link resolved), the thread free between slices. What matters for a frozen app is the longest slice (a
 * garbage collection that falls in a slice counts in it); the sum of the slices is the work the whole build costs.
 * The first build runs in a fresh process before any other, with code not yet optimised, as at start-up.
 *
 * On a shared machine the wall time of a slice also counts the time the process waited for a core, so each slice's
 * CPU time (of the process, from the Node entry point) is kept too, and a one-shot build is timed alongside under the
 * same load for comparison.
 */
import { indexConfig } from "../../src/index/build";
import { LOAD_SLICE_MS, PeopleIndex, type IndexedNote } from "../../src/index/PeopleIndex";
import { generateVault, type VaultSpec } from "../generate";
import { collect, keep, now, summarize, type Summary } from "../stats";
import { loadVault, type LoadedVault } from "../vault";

export interface SlicedBuild {
  /** The longest time one slice held the thread (ms, wall clock), the first slice included. */
  longest: number;
  /** The most CPU time one slice used (ms). */
  longestCpu: number;
  /** The first slice (ms), which runs as the layout becomes ready. */
  first: number;
  /** The sum of every slice (ms): the build's work. */
  total: number;
  /** The sum of the slices' CPU time (ms). */
  totalCpu: number;
  slices: number;
}

/** CPU time used by the process so far (ms), handed over by the Node entry point. */
export type CpuClock = () => number;

export interface SlicedSuiteResult {
  sliceMs: number;
  cold: SlicedBuild;
  longest: Summary;
  longestCpu: Summary;
  total: Summary;
  totalCpu: Summary;
  slices: Summary;
  /** A one-shot build (`load`) in the same process, after the sliced ones: wall and CPU time. */
  oneShot: Summary;
  oneShotCpu: Summary;
  /** Whether every sliced build came out the same as a one-shot build (people, dated notes, statuses). */
  sameAsOneShot: boolean;
}

function slicedOnce(v: LoadedVault, cpu: CpuClock): { build: SlicedBuild; index: PeopleIndex } {
  const blocks: number[] = [];
  const cpus: number[] = [];
  let t0 = now();
  let c0 = cpu();
  const index = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
  const files = v.files;
  function* notes(): Generator<IndexedNote> {
    for (const f of files) yield { path: f.path, ctime: f.ctime, meta: v.cache.get(f.path) ?? null };
  }
  const load = index.loadInSlices(notes());
  for (;;) {
    const done = load.run(LOAD_SLICE_MS);
    blocks.push(now() - t0);
    cpus.push(cpu() - c0);
    if (done) break;
    t0 = now();
    c0 = cpu();
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const build = { longest: Math.max(...blocks), longestCpu: Math.max(...cpus), first: blocks[0] ?? 0, total: sum(blocks), totalCpu: sum(cpus), slices: blocks.length };
  return { build, index };
}

function oneShot(v: LoadedVault): PeopleIndex {
  const index = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
  index.load(v.files.map((f) => ({ path: f.path, ctime: f.ctime, meta: v.cache.get(f.path) ?? null })));
  return index;
}

function fingerprint(index: PeopleIndex, v: LoadedVault): string {
  const statuses = index.statuses(v.today).map((s) => `${s.person.path}|${s.state}|${s.lastTouch?.day ?? ""}|${s.lastTouch?.origin ?? ""}|${s.lastTouch?.path ?? ""}`);
  return `${index.personCount}/${index.datedNoteCount}/${index.openTasks().length}/${statuses.sort().join("\n")}`;
}

export function runSlicedSuite(spec: VaultSpec, runs: number, cpu: CpuClock, log: (s: string) => void): SlicedSuiteResult {
  const v = loadVault(generateVault(spec));
  collect();
  const cold = slicedOnce(v, cpu);
  log(`  sliced build, first: longest slice ${cold.build.longest.toFixed(1)} ms (CPU ${cold.build.longestCpu.toFixed(1)} ms), ${cold.build.slices} slices, ${cold.build.total.toFixed(0)} ms in all`);
  const expected = fingerprint(oneShot(v), v);
  let same = fingerprint(cold.index, v) === expected;
  keep(null);
  const builds: SlicedBuild[] = [];
  for (let i = 0; i < runs + 2; i++) {
    collect();
    const { build, index } = slicedOnce(v, cpu);
    if (i >= 2) builds.push(build);
    if (i === runs + 1) same &&= fingerprint(index, v) === expected;
    keep(index.revision);
  }
  const wall: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < runs; i++) {
    collect();
    const t0 = now();
    const c0 = cpu();
    keep(oneShot(v).revision);
    wall.push(now() - t0);
    cpus.push(cpu() - c0);
  }
  const pick = (f: (b: SlicedBuild) => number) => summarize(builds.map(f));
  const result = {
    sliceMs: LOAD_SLICE_MS,
    cold: cold.build,
    longest: pick((b) => b.longest),
    longestCpu: pick((b) => b.longestCpu),
    total: pick((b) => b.total),
    totalCpu: pick((b) => b.totalCpu),
    slices: pick((b) => b.slices),
    oneShot: summarize(wall),
    oneShotCpu: summarize(cpus),
    sameAsOneShot: same,
  };
  log(`  sliced build: longest slice median ${result.longest.median.toFixed(1)} ms (max ${result.longest.max.toFixed(1)}; CPU ${result.longestCpu.median.toFixed(1)} ms), total ${result.total.median.toFixed(0)} ms (CPU ${result.totalCpu.median.toFixed(0)}); one-shot ${result.oneShot.median.toFixed(0)} ms (CPU ${result.oneShotCpu.median.toFixed(0)})${same ? "" : "; NOT the same as a one-shot build"}`);
  return result;
}
