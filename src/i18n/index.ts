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

/** A template cut at its placeholders, once: literal text, and placeholders with their plural forms if any. */
type Piece = string | { name: string; whole: string; one: string | undefined; other: string | undefined };

function compile(template: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > at) pieces.push(template.slice(at, m.index));
    pieces.push({ name: m[1] as string, whole: m[0], one: m[2], other: m[3] });
    at = m.index + m[0].length;
  }
  if (at < template.length) pieces.push(template.slice(at));
  return pieces;
}

export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  // Views fill the same few messages for every row they draw: each template is cut once, not searched each time.
  const compiled = new Map<string, Piece[]>();
  return (key, vars) => {
    const template = catalogue[key] ?? en[key];
    if (!vars) return template;
    let pieces = compiled.get(template);
    if (pieces === undefined) compiled.set(template, (pieces = compile(template)));
    let out = "";
    for (const piece of pieces) {
      if (typeof piece === "string") out += piece;
      else if (!(piece.name in vars)) out += piece.whole;
      else if (piece.one === undefined || piece.other === undefined) out += String(vars[piece.name]);
      else out += Number(vars[piece.name]) === 1 ? piece.one : piece.other;
    }
    return out;
  };
}
