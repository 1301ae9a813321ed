/** What a wikilink's or a Markdown link's text becomes in Obsidian's `link` / `displayText`. */

export interface LinkTarget {
  link: string;
  displayText: string;
}

/** `a#b#c` shows as `a > b > c` (empty parts dropped, so `#heading` shows as `heading`). */
export function defaultDisplayText(link: string): string {
  if (!link.includes("#")) return link;
  return link
    .split("#")
    .filter((part) => part !== "")
    .join(" > ");
}

/**
 * The inside of `[[...]]`. The alias starts at the first `|` that is not the first character (`[[|x]]` links
 * to `|x`); a `\` before it (the escape Obsidian asks for inside tables) is not part of the link.
 */
export function wikiTarget(content: string): LinkTarget | null {
  if (content === "") return null;
  const bar = content.indexOf("|", 1);
  if (bar < 0) return { link: content, displayText: defaultDisplayText(content) };
  let link = content.slice(0, bar);
  if (link.endsWith("\\")) link = link.slice(0, -1);
  const alias = content.slice(bar + 1);
  return { link, displayText: alias !== "" ? alias : defaultDisplayText(link) };
}

/** `[[target]]` as a whole YAML string value (what Obsidian records in `frontmatterLinks`). */
export function wholeWikilink(value: string): LinkTarget | null {
  if (value.length < 5 || !value.startsWith("[[") || !value.endsWith("]]")) return null;
  const inner = value.slice(2, -2);
  if (inner.includes("]]") || inner.includes("[[") || inner.includes("\n")) return null;
  return wikiTarget(inner);
}

const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;
const ESCAPED = /\\([!-/:-@[-`{-~])/g;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|amp|lt|gt|quot|apos|nbsp);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

function decodeEntity(_: string, name: string): string {
  if (name.startsWith("#")) {
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "\ufffd";
  }
  return NAMED[name] ?? "";
}

/**
 * A Markdown link destination as Obsidian records it: backslash escapes and character references resolved,
 * percent-encoding decoded; `null` for an empty or external (`scheme:`) destination, which Obsidian skips.
 */
export function markdownTarget(destination: string): string | null {
  let url = destination.replace(ESCAPED, "$1");
  if (url.includes("&")) url = url.replace(ENTITY, decodeEntity);
  if (url === "" || SCHEME.test(url)) return null;
  if (url.includes("%")) {
    try {
      url = decodeURIComponent(url);
    } catch {
      // keep the text as written when it is not valid percent-encoding
    }
  }
  return url;
}
