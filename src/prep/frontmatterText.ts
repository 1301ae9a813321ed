/**
 * Adding properties to a note's text without touching anything else in it: used for a new note made from a
 * user's template (New person, import) and by the terminal, which has no Obsidian to write properties for it.
 * Pure: the YAML reader is passed in (Obsidian's `parseYaml` in the plugin, the `yaml` package in the CLI).
 */
import { yamlDateOrScalar, yamlKey, yamlScalar } from "./yamlText";

export type ParseYaml = (text: string) => unknown;

/**
 * The form's properties added to a rendered user template: keys the template leaves out are added, keys it
 * leaves empty are filled; keys it sets stay as they are. A frontmatter that does not read as YAML (Templater
 * commands in it, say) is left alone; a template without one gets one.
 */
export function addProperties(text: string, props: Record<string, string | string[]>, parseYaml: ParseYaml): string {
  const entries = Object.entries(props);
  if (entries.length === 0) return text;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // A day stays a plain date (`met: 2026-11-20`), so Properties shows it as one.
  const scalar = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? yamlDateOrScalar(v) : yamlScalar(v));
  const lineFor = (key: string, value: string | string[]) =>
    Array.isArray(value) ? [`${yamlKey(key)}:`, ...value.map((v) => `  - ${yamlScalar(v)}`)].join(eol) : `${yamlKey(key)}: ${scalar(value)}`;
  const block = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n)?(---[ \t]*)(\r?\n|$)/.exec(text);
  if (!block) return `---${eol}${entries.map(([k, v]) => lineFor(k, v)).join(eol)}${eol}---${eol}${text}`;
  const inner = block[2] ?? "";
  let parsed: unknown;
  try {
    parsed = inner.trim() === "" ? {} : parseYaml(inner);
  } catch {
    return text;
  }
  if (parsed === null || parsed === undefined) parsed = {};
  if (typeof parsed !== "object" || Array.isArray(parsed)) return text;
  const existing = parsed as Record<string, unknown>;
  const isEmpty = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);
  let lines = inner === "" ? [] : inner.split(/\r?\n/);
  for (const [key, value] of entries) {
    if (Object.prototype.hasOwnProperty.call(existing, key)) {
      if (!isEmpty(existing[key])) continue;
      // An empty key on its own line (`tier:` or `interests: []`): fill it in place.
      const at = lines.findIndex((l) => new RegExp(`^${escapeRegExp(yamlKey(key))}[ \\t]*:[ \\t]*(?:\\[\\s*\\]|""|''|null|Null|NULL|~)?[ \\t]*$`).test(l));
      if (at < 0) continue;
      lines = [...lines.slice(0, at), lineFor(key, value), ...lines.slice(at + 1)];
    } else lines.push(lineFor(key, value));
  }
  const open = block[1] ?? "---\n";
  const close = block[4] ?? "---";
  const after = block[5] ?? "";
  return `${open}${lines.join(eol)}${lines.length > 0 ? eol : ""}${close}${after}${text.slice(block[0].length)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Replaces the value of `key` when it sits on one line (`key: value`), keeping every other line as it is.
 * Returns null when the key is missing or its value spans lines (a list), so the caller can say it was kept.
 */
export function replaceProperty(text: string, key: string, value: string | string[]): string | null {
  const block = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?)(\r?\n)(---[ \t]*)(\r?\n|$)/.exec(text);
  if (!block) return null;
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const lines = (block[2] ?? "").split(/\r?\n/);
  const at = lines.findIndex((l) => new RegExp(`^${escapeRegExp(yamlKey(key))}[ \\t]*:`).test(l));
  if (at < 0) return null;
  const rest = (lines[at] ?? "").replace(/^[^:]*:/, "").trim();
  const next = lines[at + 1] ?? "";
  if (rest === "" || rest === "|" || rest === ">" || /^[ \t]+\S|^-\s/.test(next)) return null;
  const scalar = (v: string) => (/^\d{4}-\d{2}-\d{2}$/.test(v) ? yamlDateOrScalar(v) : yamlScalar(v));
  const replacement = Array.isArray(value) ? [`${yamlKey(key)}:`, ...value.map((v) => `  - ${yamlScalar(v)}`)].join(eol) : `${yamlKey(key)}: ${scalar(value)}`;
  lines[at] = replacement;
  return `${block[1] ?? ""}${lines.join(eol)}${block[3] ?? eol}${block[4] ?? "---"}${block[5] ?? ""}${text.slice(block[0].length)}`;
}
