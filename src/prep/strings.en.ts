/**
 * The English words for the new-person form, conversation prep and message templates. They live in the one
 * English catalogue (src/i18n/en.ts); this module only picks out that part of it, by key prefix, for the code
 * and tests that deal with prep alone.
 */
import { en, type MessageKey } from "../i18n/en";

export const PREP_PREFIXES = ["prep.", "newPerson.", "personNote.", "questions.", "message.", "blank."] as const;

type Prefix = (typeof PREP_PREFIXES)[number];
export type PrepKey = Extract<MessageKey, `${Prefix}${string}`>;

export function isPrepKey(key: string): key is PrepKey {
  return PREP_PREFIXES.some((p) => key.startsWith(p));
}

/** The prep part of a catalogue. */
export function prepPart(catalogue: Record<MessageKey, string>): Record<PrepKey, string> {
  const out: Partial<Record<PrepKey, string>> = {};
  for (const key of Object.keys(catalogue) as MessageKey[]) if (isPrepKey(key)) out[key] = catalogue[key];
  return out as Record<PrepKey, string>;
}

export const prepEn: Readonly<Record<PrepKey, string>> = prepPart(en);
