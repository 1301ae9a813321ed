/** Looks up the prep words in one language through the main catalogues, English as the fallback. */
import { translator, type Language } from "../i18n";
import type { PrepKey } from "./strings.en";

export type { PrepKey };

export type PrepTranslate = (key: PrepKey, vars?: Record<string, string | number>) => string;

export function prepTranslator(language: Language): PrepTranslate {
  return translator(language);
}
