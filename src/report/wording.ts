/** Gentle words for spans of time and where a touch came from. */
import type { LastTouch } from "../domain/due";
import type { Tier } from "../domain/tiers";
import type { Translate } from "../i18n";

export function agoPhrase(days: number, t: Translate): string {
  if (days <= 0) return t("ago.today");
  if (days === 1) return t("ago.yesterday");
  if (days < 14) return t("ago.days", { n: days });
  if (days < 60) return t("ago.weeks", { n: Math.round(days / 7) });
  if (days < 365) return t("ago.months", { n: Math.round(days / 30) });
  return t("ago.years");
}

export function tierName(tier: Tier | null, t: Translate): string {
  return tier === null ? t("digest.none") : t(`tier.${tier}`);
}

export function originPhrase(touch: LastTouch, t: Translate): string {
  if (touch.origin === "dated-note") {
    const note = touch.path.slice(touch.path.lastIndexOf("/") + 1).replace(/\.md$/, "");
    return t("origin.dated-note", { note });
  }
  return t(`origin.${touch.origin}`);
}
