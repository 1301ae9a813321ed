/**
 * YAML and frontmatter helpers. YAML follows the YAML 1.2 core schema (the `yaml` package) (YAML 1.2 core: dates stay strings, as in the
 * app); dumping never folds lines and writes `null` as an empty value, as the app's dumper does.
 */
import { parse, stringify, YAMLError } from "yaml";
import type { CachedMetadata, FrontMatterInfo } from "obsidian";

export { getLinkpath } from "../../../src/metadata/resolve";

/** The error `processFrontMatter` and `parseYaml` throw on broken YAML (the d.ts calls it YAMLParseError). */
export class YAMLParseError extends Error {
  constructor(message: string, readonly cause?: unknown) {
    super(message);
    this.name = "YAMLParseError";
  }
}

export function parseYaml(yaml: string): any {
  try {
    return parse(yaml, { schema: "core", uniqueKeys: true, merge: true }) ?? null;
  } catch (error) {
    if (error instanceof YAMLError) throw new YAMLParseError(error.message, error);
    throw error;
  }
}

export function stringifyYaml(obj: any): string {
  const replacer = (_key: unknown, value: unknown) => (value instanceof Date ? value.toISOString() : typeof value === "function" ? undefined : value);
  const text = stringify(obj, replacer, { schema: "core", lineWidth: 0, aliasDuplicateObjects: false, nullStr: "", indentSeq: true });
  // An empty null can come out as "key: "; the app writes "key:".
  return text.replace(/^(\s*(?:- )?[^\s#'"\-][^:\n]*): $/gm, "$1:");
}

/** The app's rule: `---` + newline at offset 0, closed by the first line that starts with `---` + newline or end. */
export function getFrontMatterInfo(content: string): FrontMatterInfo {
  const none: FrontMatterInfo = { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
  const open = /^---(\r?\n)/.exec(content);
  if (!open) return none;
  const from = open[0].length;
  const close = /---(\r?\n|$)/g;
  close.lastIndex = from;
  let match = close.exec(content);
  while (match && content.charAt(match.index - 1) !== "\n") match = close.exec(content);
  if (!match) return none;
  const to = match.index;
  return { exists: true, frontmatter: content.slice(from, to), from, to, contentStart: close.lastIndex };
}

export function parseFrontMatterEntry(frontmatter: any | null, key: string | RegExp): any | null {
  if (!frontmatter || typeof frontmatter !== "object") return null;
  if (typeof key === "string") return Object.prototype.hasOwnProperty.call(frontmatter, key) ? frontmatter[key] : null;
  for (const k of Object.keys(frontmatter)) if (key.test(k)) return frontmatter[k];
  return null;
}

export function parseFrontMatterStringArray(frontmatter: any | null, key: string | RegExp, nospaces = false): string[] | null {
  const value: unknown = parseFrontMatterEntry(frontmatter, key);
  let items: string[];
  if (Array.isArray(value)) items = value.filter((v) => v !== null && v !== undefined).map((v) => String(v));
  else if (typeof value === "string") items = value.split(nospaces ? /[,\s]+/ : /,/);
  else return null;
  const result = items.map((s) => s.trim()).filter((s) => s.length > 0);
  return result.length > 0 ? result : null;
}

export function parseFrontMatterAliases(frontmatter: any | null): string[] | null {
  return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

export function parseFrontMatterTags(frontmatter: any | null): string[] | null {
  const tags = parseFrontMatterStringArray(frontmatter, /^tags?$/i, true);
  return tags ? tags.map((t) => (t.startsWith("#") ? t : `#${t}`)) : null;
}

export function getAllTags(cache: CachedMetadata): string[] | null {
  const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((t) => t.tag)];
  return tags;
}

export function parseLinktext(linktext: string): { path: string; subpath: string } {
  const at = linktext.indexOf("#");
  return at < 0 ? { path: linktext, subpath: "" } : { path: linktext.slice(0, at), subpath: linktext.slice(at) };
}

export function stripHeading(heading: string): string {
  return heading.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~\/\[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

export function stripHeadingForLink(heading: string): string {
  return heading.replace(/[:#|^\\%\[\]]/g, " ").replace(/\s+/g, " ").trim();
}

type Ref = { link: string; original: string; displayText?: string };

export function iterateRefs(refs: Ref[], cb: (ref: Ref) => boolean | void): boolean {
  for (const ref of refs) if (cb(ref) === true) return true;
  return false;
}

export function iterateCacheRefs(cache: CachedMetadata, cb: (ref: Ref) => boolean | void): boolean {
  return iterateRefs([...(cache.links ?? []), ...(cache.embeds ?? [])], cb);
}
