/**
 * Lengths of time as people write them: `14`, `14d`, `2w`, `3m`, `1y` (and `2 weeks`, `3 months`, `2周`, `3个月`).
 * Months count as 30 days and years as 365 for cadences, which only need to be roughly right.
 */
export interface Span { amount: number; unit: "d" | "w" | "m" | "y" }

const UNIT_WORDS: Record<string, Span["unit"]> = {
  d: "d", day: "d", days: "d", "天": "d", "日": "d",
  w: "w", wk: "w", week: "w", weeks: "w", "周": "w", "星期": "w",
  m: "m", mo: "m", month: "m", months: "m", "月": "m", "个月": "m",
  y: "y", yr: "y", year: "y", years: "y", "年": "y",
};

export function parseSpan(value: unknown): Span | null {
  if (typeof value === "number") return Number.isInteger(value) && value > 0 ? { amount: value, unit: "d" } : null;
  if (typeof value !== "string") return null;
  const m = /^\s*(\d+)\s*([a-zA-Z\u4e00-\u9fff]*)\s*$/.exec(value.toLowerCase());
  if (!m) return null;
  const amount = Number(m[1]);
  const unit = m[2] === "" ? "d" : UNIT_WORDS[m[2] ?? ""];
  if (!unit || amount <= 0 || amount > 36_500) return null;
  return { amount, unit };
}

const DAYS_PER_UNIT: Record<Span["unit"], number> = { d: 1, w: 7, m: 30, y: 365 };

export function spanToDays(span: Span): number {
  return span.amount * DAYS_PER_UNIT[span.unit];
}

/** Cadence in days, or null when the value is not a length of time. */
export function parseCadenceDays(value: unknown): number | null {
  const span = parseSpan(value);
  return span ? spanToDays(span) : null;
}
