/**
 * The ladder of closeness: people move up from unfamiliar to meaningful by being known, not by being counted.
 * Frontmatter keeps the stable English ids; the Chinese names are accepted on input too.
 */
export const TIERS = ["unfamiliar", "familiar", "intimate", "meaningful"] as const;
export type Tier = (typeof TIERS)[number];

const TIER_NAMES: Record<string, Tier> = {
  unfamiliar: "unfamiliar", familiar: "familiar", intimate: "intimate", meaningful: "meaningful",
  "不熟悉": "unfamiliar", "陌生": "unfamiliar", "熟悉": "familiar", "亲密": "intimate", "有意义": "meaningful",
};

/** Reads a tier name in any case, English or Chinese; null when it is not one. */
export function parseTier(value: unknown): Tier | null {
  if (typeof value !== "string") return null;
  return TIER_NAMES[value.trim().toLowerCase()] ?? null;
}

export function tierRank(tier: Tier): number {
  return TIERS.indexOf(tier);
}
