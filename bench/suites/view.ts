/**
 * The sidebar view's first paint and a redraw after one change (time and number of DOM nodes).
 *
 * The view does not exist yet (a later issue), so this reports "not built yet" rather than a number. When it
 * lands, measure it here with the harness, like the onload suite (bench/onload.mjs): `loadPlugin({ vaultDir })`,
 * `await settle()`, then time opening the view's leaf until its content is rendered (first paint) and count
 * `containerEl.querySelectorAll("*").length`; then write one daily note through the harness, `settle()` without
 * the notify debounce counted (or time only the view's render call), and time the redraw and count again.
 * Return `status: "measured"` with the figures; scripts/bench.mjs already prints and checks them against the
 * targets (first paint ≤ 5 ms with ≤ 2,000 DOM nodes, redraw ≤ 5 ms).
 */
import type { Summary } from "../stats";

export interface ViewResult {
  status: "not built yet" | "measured";
  firstPaint?: Summary;
  redraw?: Summary;
  domNodesFirstPaint?: number;
  domNodesRedraw?: number;
}

export function runViewSuite(): ViewResult {
  return { status: "not built yet" };
}
