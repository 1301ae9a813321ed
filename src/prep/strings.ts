/** Looks up the prep words in one language, English as the fallback; `{name}` placeholders are filled from `vars`. */
import type { Language } from "../i18n";
import { prepEn, type PrepKey } from "./strings.en";
import { prepZh } from "./strings.zh";

export type { PrepKey };

const CATALOGUES: Record<Language, Record<PrepKey, string>> = { en: prepEn, zh: prepZh };

export type PrepTranslate = (key: PrepKey, vars?: Record<string, string | number>) => string;

export function prepTranslator(language: Language): PrepTranslate {
  const catalogue = CATALOGUES[language];
  return (key, vars) => {
    const template = catalogue[key] ?? prepEn[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
  };
}
