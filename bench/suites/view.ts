/**
 * The routine model the sidebar view draws from, in process (no DOM, no stand-in start-up): the plugin's own
 * `Routine` over an index built from the generated vault, with a local-storage stand-in for today's plan.
 *
 * - first: the first model of the day (today's picks chosen, every row worked out, the lists sorted);
 * - after an edit: one daily note edited (a link added or removed, alternating), then the model for the new
 *   revision timed (what a redraw pays before touching the DOM);
 * - warm: the model again with nothing changed (a cache hit).
 *
 * The DOM side of the view is measured through the built plugin by bench/view.mjs (happy-dom) and, in a real
 * browser, by `npm run screenshots -- --measure-view`.
 */
import type { App, CachedMetadata } from "obsidian";
import { parseMetadata } from "../../src/metadata/parse";
import { Routine } from "../../src/obsidian/Routine";
import { defaultSettings } from "../../src/settings/schema";
import { generateVault, type VaultSpec } from "../generate";
import { keep, measure, now, type Summary } from "../stats";
import { buildIndex, loadVault, noteOf } from "../vault";

export interface RoutineResult {
  people: number;
  due: number;
  followUps: number;
  first: number;
  afterEdit: Summary;
  warm: Summary;
}

export function runRoutineSuite(spec: VaultSpec, reps: number, budgetMs: number): RoutineResult {
  const vault = generateVault(spec);
  const v = loadVault(vault);
  const index = buildIndex(v);
  const storage = new Map<string, unknown>();
  const app = { loadLocalStorage: (k: string) => storage.get(k) ?? null, saveLocalStorage: (k: string, d: unknown) => storage.set(k, d) } as unknown as App;
  const settings = defaultSettings();
  const routine = new Routine(app, () => index, () => settings, () => v.today);

  const t = now();
  const model = routine.model();
  const first = now() - t;

  const daily = vault.dailyNotes[vault.dailyNotes.length - 1] ?? "";
  const text = vault.files.get(daily) ?? "";
  const someone = model.due[0]?.name ?? "Nobody";
  const metas: CachedMetadata[] = [parseMetadata(text), parseMetadata(`${text}\n- Coffee with [[${someone}]]\n`)];
  const afterEdit = measure(() => keep(routine.model()), { warmup: 5, runs: reps, budgetMs, minRuns: 10, setup: (i) => index.update(noteOf(v, daily, metas[(i + 1) % 2])) });
  const warm = measure(() => keep(routine.model()), { warmup: 5, runs: reps, budgetMs, minRuns: 10 });
  return { people: model.people, due: model.due.length, followUps: model.followUps.length, first, afterEdit, warm };
}
