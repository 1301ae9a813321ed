/**
 * Which links are touches. A link is a touch when it sits in ordinary text, a heading, a plain list item or a
 * checked task; it is not when it sits in an unchecked (or cancelled, or in-progress) task or anywhere below
 * one, or in a quote. Obsidian already leaves links in code out of `links`, and keeps embeds apart in `embeds`,
 * so neither ever counts.
 */
import type { CachedMetadata, ListItemCache } from "obsidian";

const DONE = new Set(["x", "X"]);

function findItem(items: ListItemCache[], line: number): ListItemCache | undefined {
  let lo = 0;
  let hi = items.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const item = items[mid];
    if (item && item.position.start.line <= line) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const item = items[found];
  return item && item.position.end.line >= line ? item : undefined;
}

function underOpenTask(items: ListItemCache[], byLine: Map<number, ListItemCache> | null, line: number): boolean {
  let item = findItem(items, line);
  let guard = 0;
  while (item && guard++ < 100) {
    if (item.task !== undefined && !DONE.has(item.task)) return true;
    if (item.parent < 0 || !byLine) return false;
    item = byLine.get(item.parent);
  }
  return false;
}

function inQuote(quotes: [number, number][], line: number): boolean {
  for (const [start, end] of quotes) if (line >= start && line <= end) return true;
  return false;
}

/** The link texts (subpath removed) of every link in the note that counts as a touch, frontmatter links included. */
export function touchLinkpaths(meta: CachedMetadata): string[] {
  const out: string[] = [];
  forEachTouchLink(meta, (linkpath) => out.push(linkpath));
  for (const link of meta.frontmatterLinks ?? []) out.push(stripSubpath(link.link));
  return out;
}

/** The body links that count as touches, with the line each sits on. */
export function touchLinks(meta: CachedMetadata): { linkpath: string; line: number }[] {
  const out: { linkpath: string; line: number }[] = [];
  forEachTouchLink(meta, (linkpath, line) => out.push({ linkpath, line }));
  return out;
}

function forEachTouchLink(meta: CachedMetadata, visit: (linkpath: string, line: number) => void): void {
  const links = meta.links;
  if (links && links.length > 0) {
    const items = meta.listItems ?? [];
    let byLine: Map<number, ListItemCache> | null = null;
    if (items.some((i) => i.parent >= 0)) {
      byLine = new Map();
      for (const i of items) byLine.set(i.position.start.line, i);
    }
    const quotes: [number, number][] = [];
    for (const s of meta.sections ?? []) if (s.type === "blockquote") quotes.push([s.position.start.line, s.position.end.line]);
    for (const link of links) {
      const line = link.position.start.line;
      if (items.length > 0 && underOpenTask(items, byLine, line)) continue;
      if (quotes.length > 0 && inQuote(quotes, line)) continue;
      visit(stripSubpath(link.link), line);
    }
  }
}

export function stripSubpath(link: string): string {
  const hash = link.indexOf("#");
  const caret = link.indexOf("^");
  const cut = hash >= 0 ? hash : caret;
  return (cut >= 0 ? link.slice(0, cut) : link).trim();
}
