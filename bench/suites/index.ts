/**
 * The index benchmarks, in memory over a generated vault: heap, full build, incremental updates (and the first query
 * after each), and ranking the due list. Metadata is parsed before anything is timed, as Obsidian's cache is filled
 * (and a changed note re-parsed) before the plugin hears of it.
 */
import type { CachedMetadata } from "obsidian";
import { parseMetadata } from "../../src/metadata/parse";
import type { PeopleIndex } from "../../src/index/PeopleIndex";
import { buildDigest, rankDue } from "../../src/report/digest";
import { PersonClassifier } from "../../src/domain/classify";
import { translator } from "../../src/i18n";
import { dayToISO } from "../../src/domain/dates";
import { generateVault, type VaultSpec } from "../generate";
import { collect, keep, measure, measureSteps, now, summarize, type Summary } from "../stats";
import { buildIndex, loadVault, noteOf, type LoadedVault } from "../vault";

export interface IndexSuiteOptions {
  spec: VaultSpec;
  /** Timed full builds (after 3 warm-up builds). */
  buildRuns: number;
  /** Timed repetitions of each incremental operation (after warm-up). */
  reps: number;
  heapRuns: number;
  /** Time budget per operation (ms): see MeasureOptions.budgetMs. */
  budgetMs: number;
  /** `process.memoryUsage().heapUsed`, handed over by the Node entry point. */
  heapUsed: () => number;
}

export interface StepPair {
  /** The index call itself: what the plugin's event handler runs. */
  update: Summary;
  /** The first `index.statuses(today)` after it: when the index is current for a reader. */
  query: Summary;
}

export interface IndexSuiteResult {
  spec: Required<VaultSpec>;
  vault: {
    files: number;
    markdown: number;
    megabytes: number;
    generateMs: number;
    parseMs: number;
    parseUsPerNote: number;
    resolverMs: number;
    /** Heap in use with the vault's texts, metadata and resolver loaded (what the index runs among). */
    heapWithMetadataMB: number;
    people: number;
    tracked: number;
    datedNotes: number;
    touches: number;
    due: number;
    problems: number;
    commitments: number;
    probes: Record<string, string>;
  };
  /** Bytes per index, best of `runs` (each the average over `copies` indexes held at once). */
  heap: { bytesAfterLoad: number; bytesWithStatuses: number; runs: number[]; copies: number };
  build: Summary;
  /** Fetching every note's metadata and counting its links; the same with a map lookup per link (`visitMetadata`). */
  floor: { visit: Summary; visitLinks: Summary };
  /** The first build in the process, before any warm-up. */
  buildCold: number;
  incremental: Record<string, StepPair>;
  ranking: { cold: Summary; warm: Summary; digestWarm: Summary; dueCount: number };
  /** `index.openTasks()` for everyone and for one person (null when the index has no such query). */
  openTasks: { all: Summary; onePerson: Summary; count: number } | null;
}

/**
 * What any index built from the metadata cache must at least do: fetch every note's metadata and go over its links
 * (and, with `lookUp`, look each link's text up in a map, as anything that groups links by target must). No
 * classification, no dates, no resolution: a floor, not an index.
 */
function visitMetadata(v: LoadedVault, lookUp: boolean): number {
  const seen = new Map<string, number>();
  let n = 0;
  for (const f of v.files) {
    const links = v.cache.get(f.path)?.links;
    if (!links) continue;
    if (!lookUp) n += links.length;
    else for (const l of links) if (seen.get(l.link) === undefined) seen.set(l.link, n++);
  }
  return n;
}

/** A copy of a note's text with a frontmatter key set (added, or its value replaced). */
function withFrontmatter(text: string, key: string, value: string): string {
  const line = new RegExp(`^${key}:.*$`, "m");
  if (text.startsWith("---\n")) {
    const end = text.indexOf("\n---", 4);
    const head = text.slice(0, end);
    if (line.test(head)) return head.replace(line, `${key}: ${value}`) + text.slice(end);
    return `---\n${key}: ${value}\n${text.slice(4)}`;
  }
  return `---\n${key}: ${value}\n---\n${text}`;
}

/**
 * Three tracked people in People/ whose numbers of dated touches are at the median among tracked people with any
 * (deterministic): typical subjects for the incremental operations.
 */
function typicalPeople(index: PeopleIndex): string[] {
  const rows: [number, string][] = [];
  for (const person of index.allPeople()) {
    if (person.tier === null || person.paused || person.problems.length > 0) continue;
    if (!person.path.startsWith("People/") || person.path.split("/").length !== 2) continue;
    const n = index.datedTouches(person.path).length;
    if (n > 0) rows.push([n, person.path]);
  }
  rows.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : 1));
  const mid = Math.floor(rows.length / 2);
  return rows.slice(mid, mid + 3).map((r) => r[1]);
}

/**
 * Heap added by one index: after `load`, and after the first query (which caches every status). Small indexes are
 * built several times over and held together, so GC noise does not swamp them. In a function of its own so nothing
 * in the caller's frame keeps the indexes alive between runs.
 */
function heapOnce(v: LoadedVault, heapUsed: () => number, copies: number): [number, number] {
  collect();
  const before = heapUsed();
  const indexes: PeopleIndex[] = [];
  for (let i = 0; i < copies; i++) indexes.push(buildIndex(v));
  collect();
  const afterLoad = (heapUsed() - before) / copies;
  for (const index of indexes) index.statuses(v.today);
  collect();
  const withStatuses = (heapUsed() - before) / copies;
  keep(indexes.length);
  return [afterLoad, withStatuses];
}

export function runIndexSuite(options: IndexSuiteOptions, log: (s: string) => void): IndexSuiteResult {
  let t0 = now();
  const vault = generateVault(options.spec);
  const generateMs = now() - t0;
  log(`  generated ${vault.files.size} files in ${generateMs.toFixed(0)} ms`);
  const v = loadVault(vault);
  log(`  parsed ${v.files.length} notes in ${v.parseMs.toFixed(0)} ms (${((v.parseMs * 1000) / v.files.length).toFixed(1)} µs/note)`);
  const today = v.today;
  collect();
  const heapWithMetadata = options.heapUsed();

  // ── the first build in a fresh process (code not yet optimised), as at the app's start-up ──
  collect();
  t0 = now();
  keep(buildIndex(v));
  const buildCold = now() - t0;
  keep(null);
  log(`  first (cold) build ${buildCold.toFixed(1)} ms`);

  // ── heap: metadata and resolver are already held; measure what the index adds ──
  const heapAfterLoad: number[] = [];
  const heapWithStatuses: number[] = [];
  const copies = Math.max(1, Math.min(20, Math.round(100_000 / v.files.length)));
  for (let i = 0; i < options.heapRuns; i++) {
    const [afterLoad, withStatuses] = heapOnce(v, options.heapUsed, copies);
    heapAfterLoad.push(afterLoad);
    heapWithStatuses.push(withStatuses);
    collect();
  }
  const heap = { bytesAfterLoad: Math.min(...heapAfterLoad), bytesWithStatuses: Math.min(...heapWithStatuses), runs: heapWithStatuses, copies };
  log(`  heap ${(heap.bytesWithStatuses / 1048576).toFixed(1)} MB`);

  // ── full build ──
  let index: PeopleIndex = buildIndex(v);
  const build = measure(() => (index = buildIndex(v)), { warmup: 3, runs: options.buildRuns, gcEachRun: true, budgetMs: options.budgetMs * 2, minRuns: 5 });
  log(`  full build median ${build.median.toFixed(1)} ms`);
  collect();

  // ── the floor under any build from the metadata cache: visiting every note's metadata, and each of its links ──
  const visit = measure(() => visitMetadata(v, false), { warmup: 2, runs: Math.max(5, Math.min(options.buildRuns, 9)), gcEachRun: true, budgetMs: options.budgetMs, minRuns: 5 });
  const visitLinks = measure(() => visitMetadata(v, true), { warmup: 2, runs: Math.max(5, Math.min(options.buildRuns, 9)), gcEachRun: true, budgetMs: options.budgetMs, minRuns: 5 });
  log(`  visiting the metadata ${visit.median.toFixed(1)} ms, with a map lookup per link ${visitLinks.median.toFixed(1)} ms`);
  collect();

  // ── vault figures, from the index itself ──
  const statuses = index.statuses(today);
  let touches = 0;
  let commitments = 0;
  for (const s of statuses) {
    touches += index.datedTouches(s.person.path).length;
    commitments += s.person.commitments.length + s.person.expecting.length;
  }
  const dueCount = rankDue(statuses).length;

  // ── probes: which notes the incremental operations touch ──
  const [editPerson = "", renamePerson = "", deletePerson = ""] = typicalPeople(index);
  const editDaily = vault.dailyNotes[vault.dailyNotes.length - 1] ?? "";
  const deleteDaily = vault.dailyNotes[Math.floor(vault.dailyNotes.length / 2)] ?? "";
  const createName = (i: number) => vault.unresolvedNames[i % vault.unresolvedNames.length] ?? `New Person ${i}`;
  const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1, -3);
  const probes = { editDaily, editPerson, renamePerson, deleteDaily, deletePerson, createPerson: `People/${createName(0)}.md …` };

  // Each operation gets up to `reps` timed runs, within a time budget (the first query after a change is slow on
  // big vaults); at least 30 runs.
  const reps = { warmup: Math.min(20, options.reps), runs: options.reps, budgetMs: options.budgetMs, minRuns: Math.min(30, options.reps) };
  const incremental: Record<string, StepPair> = {};
  const query = () => index.statuses(today);
  // Summaries only (no raw samples), to keep latest.json small.
  const pair = (s: (Summary & { samples: number[] })[]): StepPair => ({ update: summarize(s[0]?.samples ?? []), query: summarize(s[1]?.samples ?? []) });
  const text = (p: string) => vault.files.get(p) ?? "";

  // Edit today's daily note: alternately add and remove a line that touches someone new to it.
  {
    const other = basename(deletePerson);
    const metas: CachedMetadata[] = [parseMetadata(text(editDaily)), parseMetadata(`${text(editDaily)}\n- Lunch with [[${other}]], talked about the move\n`)];
    let changed = 0;
    incremental.editDailyNote = pair(measureSteps([(_, i) => (index.update(noteOf(v, editDaily, metas[(i + 1) % 2])) ? changed++ : 0), query], reps));
    if (changed < reps.runs) log(`  warning: only ${changed} daily-note edits changed the index`);
    index.update(noteOf(v, editDaily));
  }

  // Edit a person note: alternately move last_touch to yesterday and back.
  {
    const yesterday = dayToISO(today - 1);
    const metas: CachedMetadata[] = [parseMetadata(text(editPerson)), parseMetadata(withFrontmatter(text(editPerson), v.settings.keys.lastTouch, yesterday))];
    incremental.editPersonNote = pair(measureSteps([(_, i) => index.update(noteOf(v, editPerson, metas[(i + 1) % 2])), query], reps));
    index.update(noteOf(v, editPerson));
  }

  // Rename a person note and back (the app has already moved the file and updated its resolver).
  {
    const original = renamePerson;
    const moved = `${renamePerson.slice(0, -3)} (moved).md`;
    const meta = v.cache.get(renamePerson) ?? null;
    const ctime = v.vault.ctimes.get(renamePerson) ?? 0;
    let at = original;
    const move = (from: string, to: string) => {
      v.resolver.remove(from);
      v.resolver.add(to);
      return { from, to };
    };
    incremental.renamePersonNote = pair(
      measureSteps([(m) => index.rename(m.from, { path: m.to, ctime, meta }), query], {
        ...reps,
        setup: () => move(at, at === original ? moved : original),
        teardown: (m) => {
          at = m.to;
        },
      }),
    );
    if (at !== original) {
      move(at, original);
      index.rename(at, { path: original, ctime, meta });
    }
  }

  // Delete a daily note (restored, untimed, before the next run).
  incremental.deleteDailyNote = pair(
    measureSteps([() => index.remove(deleteDaily), query], {
      ...reps,
      setup: () => v.resolver.remove(deleteDaily),
      teardown: () => {
        v.resolver.add(deleteDaily);
        index.update(noteOf(v, deleteDaily));
      },
    }),
  );

  // Delete a person note (restored, and the index brought current, untimed, before the next run).
  incremental.deletePersonNote = pair(
    measureSteps([() => index.remove(deletePerson), query], {
      ...reps,
      setup: () => v.resolver.remove(deletePerson),
      teardown: () => {
        v.resolver.add(deletePerson);
        index.update(noteOf(v, deletePerson));
        index.statuses(today);
      },
    }),
  );

  // Create a person note for someone already linked from dated notes (unresolved until now).
  {
    const personText = `---\ntier: familiar\nmet: ${dayToISO(today - 3)}\n---\n# New\n\nMet at the meetup.\n`;
    const meta = parseMetadata(personText);
    const created = (i: number) => `People/${createName(i)}.md`;
    incremental.createPersonNote = pair(
      measureSteps([(_, i) => index.update({ path: created(i), ctime: Date.now(), meta }), query], {
        ...reps,
        setup: (i) => v.resolver.add(created(i)),
        teardown: (_, i) => {
          index.remove(created(i));
          v.resolver.remove(created(i));
          index.statuses(today);
        },
      }),
    );
  }
  for (const [op, r] of Object.entries(incremental)) log(`  ${op}: update ${(r.update.median * 1000).toFixed(1)} µs, first query ${r.query.median.toFixed(2)} ms`);

  const strip = (s: Summary & { samples?: number[] }): Summary => summarize(s.samples ?? []);

  // ── ranking the due list ──
  const dailyMetas: CachedMetadata[] = [parseMetadata(text(editDaily)), parseMetadata(`${text(editDaily)}\n- Call with [[${basename(editPerson)}]]\n`)];
  const cold = measure(() => rankDue(index.statuses(today)), { ...reps, setup: (i) => index.update(noteOf(v, editDaily, dailyMetas[(i + 1) % 2])) });
  const warm = measure(() => rankDue(index.statuses(today)), reps);
  const t = translator("en");
  const lookedIn = new PersonClassifier(v.settings.people).describe();
  const digestWarm = measure(() => buildDigest(index, today, t, lookedIn), { warmup: 3, runs: Math.max(10, Math.round(options.reps / 10)), budgetMs: options.budgetMs, minRuns: 10 });
  index.update(noteOf(v, editDaily));
  log(`  rank due: cold ${cold.median.toFixed(2)} ms, warm ${warm.median.toFixed(3)} ms`);

  // Open tasks that are commitments to people (the follow-up checklist's query), when the index has it.
  const tasksApi = index as unknown as { openTasks?: (person?: string) => unknown[] };
  let openTasks: IndexSuiteResult["openTasks"] = null;
  if (typeof tasksApi.openTasks === "function") {
    const all = measure(() => tasksApi.openTasks?.(), { warmup: 2, runs: 20, budgetMs: options.budgetMs, minRuns: 5 });
    const one = measure(() => tasksApi.openTasks?.(editPerson), { warmup: 2, runs: 20, budgetMs: options.budgetMs, minRuns: 5 });
    openTasks = { all: strip(all), onePerson: strip(one), count: tasksApi.openTasks().length };
    log(`  open tasks: all ${all.median.toFixed(1)} ms, one person ${one.median.toFixed(1)} ms (${openTasks.count})`);
  }

  t0 = now();
  const problems = index.problems(today).length;
  keep(now() - t0);

  return {
    spec: vault.spec,
    vault: {
      files: vault.files.size,
      markdown: v.files.length,
      megabytes: v.bytes / 1048576,
      generateMs,
      parseMs: v.parseMs,
      parseUsPerNote: (v.parseMs * 1000) / v.files.length,
      resolverMs: v.resolverMs,
      heapWithMetadataMB: heapWithMetadata / 1048576,
      people: index.personCount,
      tracked: statuses.filter((s) => s.person.tier !== null && !s.person.paused).length,
      datedNotes: index.datedNoteCount,
      touches,
      due: dueCount,
      problems,
      commitments,
      probes,
    },
    heap,
    build: strip(build),
    floor: { visit: strip(visit), visitLinks: strip(visitLinks) },
    buildCold,
    incremental,
    ranking: { cold: strip(cold), warm: strip(warm), digestWarm: strip(digestWarm), dueCount },
    openTasks,
  };
}
