/**
 * Small SVG pictures drawn with theme colours (the classes are coloured in styles.css with Obsidian's variables):
 * people per tier, touches per week, and one person's last twelve months.
 */
import type { Tier } from "../../domain/tiers";

type TierKey = Tier | "untracked";

const TIER_ORDER: TierKey[] = ["meaningful", "intimate", "familiar", "unfamiliar", "untracked"];

function svg(parent: HTMLElement, width: number, height: number, label: string, cls: string): SVGSVGElement {
  const el = parent.createSvg("svg", {
    cls,
    attr: { viewBox: `0 0 ${width} ${height}`, width: "100%", height: String(height), role: "img", "aria-label": label, preserveAspectRatio: "none" },
  });
  el.createSvg("title").textContent = label;
  return el;
}

/** One bar split by tier, closest first; each part titled with its count. */
export function tierBar(parent: HTMLElement, counts: Record<TierKey, number>, names: Record<TierKey, string>, label: string): void {
  const total = TIER_ORDER.reduce((sum, k) => sum + counts[k], 0);
  const el = svg(parent, 100, 10, label, "network-notes-tier-bar");
  if (total === 0) return;
  let x = 0;
  for (const key of TIER_ORDER) {
    const n = counts[key];
    if (n === 0) continue;
    const w = (n / total) * 100;
    const rect = el.createSvg("rect", { cls: `network-notes-tier-${key}`, attr: { x: x.toFixed(3), y: "0", width: w.toFixed(3), height: "10" } });
    rect.createSvg("title").textContent = `${names[key]}: ${n}`;
    x += w;
  }
}

/** Bars, oldest first; `titles` gives each bar's tooltip. The last bar (now) is marked. */
export function bars(parent: HTMLElement, values: readonly number[], label: string, titles: (i: number) => string, cls: string): void {
  const height = 32;
  const gap = 1;
  const width = values.length * 6;
  const el = svg(parent, width, height, label, cls);
  const max = Math.max(1, ...values);
  values.forEach((v, i) => {
    const h = v === 0 ? 1 : Math.max(2, (v / max) * height);
    const rect = el.createSvg("rect", {
      cls: v === 0 ? "network-notes-bar is-empty" : i === values.length - 1 ? "network-notes-bar is-now" : "network-notes-bar",
      attr: { x: String(i * 6), y: (height - h).toFixed(2), width: String(6 - gap), height: h.toFixed(2), rx: "1" },
    });
    rect.createSvg("title").textContent = titles(i);
  });
}
