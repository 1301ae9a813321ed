/**
 * One catalogue per language; English is the fallback. `{name}` placeholders are filled from `vars`.
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

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, vars) => {
    const template = catalogue[key] ?? en[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
