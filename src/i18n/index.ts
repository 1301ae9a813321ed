/**
 * One catalogue per language; English is the fallback. `{name}` placeholders are filled from `vars`;
 * `{name|one|other}` picks a word by the number in `vars.name` (`one` for exactly 1, `other` otherwise), for
 * languages whose words change with the count (`{n} {n|note|notes}`). Chinese has no need of it.
 */
import { en, type MessageKey } from "./en";
import { zh } from "./zh";

export type Language = "en" | "zh";
export type { MessageKey };

const CATALOGUES: Record<Language, Record<MessageKey, string>> = { en, zh };

/** Obsidian reports languages like `en`, `zh`, `zh-TW`; Simplified Chinese is `zh`. */
export function pickLanguage(code: string | null | undefined): Language {
  const c = (code ?? "").toLowerCase();
  return c === "zh" || c === "zh-cn" || c === "zh-hans" || c.startsWith("zh-hans") ? "zh" : "en";
}

const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, vars) => {
    const template = catalogue[key] ?? en[key];
    if (!vars) return template;
    return template.replace(PLACEHOLDER, (whole, name: string, one: string | undefined, other: string | undefined) => {
      if (!(name in vars)) return whole;
      const value = vars[name];
      if (one === undefined || other === undefined) return String(value);
      return Number(value) === 1 ? one : other;
    });
  };
}
