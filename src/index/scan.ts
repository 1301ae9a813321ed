/**
 * One pass over a note's links for the index: the links that count as touches (as `touchLinkpaths` in
 * src/domain/touches.ts decides) and the links on open tasks (as `openTaskLinks` in src/domain/tasks.ts decides),
 * without building the intermediate lists those return. tests/unit/index.test.ts holds the two in step.
 */
import type { CachedMetadata, ListItemCache } from "obsidian";
import { stripSubpath } from "../domain/touches";

/** What `scanLinks` reports, in order: touch links first, then each open task's line and its links. */
export interface LinkSink {
  touch(linkpath: string): void;
  task(line: number): void;
  taskLink(linkpath: string): void;
}

/** Whether each list item is an open (unchecked, cancelled, in-progress…) task or sits anywhere below one. */
function blockedItems(items: ListItemCache[]): Uint8Array {
  const blocked = new Uint8Array(items.length);
  let byLine: Map<number, number> | null = null;
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as ListItemCache;
    const task = item.task;
    if (task !== undefined && task !== "x" && task !== "X") blocked[i] = 1;
    else if (item.parent >= 0) {
      if (byLine === null) {
        byLine = new Map();
        for (let j = 0; j < items.length; j++) byLine.set((items[j] as ListItemCache).position.start.line, j);
      }
      const parent = byLine.get(item.parent);
      if (parent !== undefined && parent < i) blocked[i] = blocked[parent] as number;
    }
  }
  return blocked;
}

/**
 * Reports the note's touch links (only when `touches`: a note without a day has none that count) and the links
 * of its open tasks. Link texts lose their subpath; empty ones (`[[#Heading]]`) are left out.
 */
export function scanLinks(meta: CachedMetadata, touches: boolean, sink: LinkSink): void {
  const links = meta.links;
  const items = meta.listItems;
  if (touches && links !== undefined && links.length > 0) {
    let blocked: Uint8Array | null = null;
    let quotes: number[] | null = null;
    for (const s of meta.sections ?? []) {
      if (s.type === "blockquote") (quotes ??= []).push(s.position.start.line, s.position.end.line);
    }
    let at = -1; // the last item starting on or before the current line
    let lastLine = -1;
    for (const link of links) {
      const line = link.position.start.line;
      if (items !== undefined && items.length > 0) {
        if (line < lastLine) at = -1;
        lastLine = line;
        while (at + 1 < items.length && (items[at + 1] as ListItemCache).position.start.line <= line) at++;
        const item = at >= 0 ? (items[at] as ListItemCache) : undefined;
        if (item !== undefined && item.position.end.line >= line) {
          blocked ??= blockedItems(items);
          if (blocked[at] === 1) continue;
        }
      }
      if (quotes !== null && inRanges(quotes, line)) continue;
      const linkpath = stripSubpath(link.link);
      if (linkpath !== "") sink.touch(linkpath);
    }
  }
  if (touches) {
    for (const link of meta.frontmatterLinks ?? []) {
      const linkpath = stripSubpath(link.link);
      if (linkpath !== "") sink.touch(linkpath);
    }
  }
  if (items === undefined || links === undefined || links.length === 0) return;
  for (const item of items) {
    if (item.task !== " ") continue;
    const start = item.position.start.line;
    const end = item.position.end.line;
    let reported = false;
    for (const link of links) {
      const line = link.position.start.line;
      if (line < start || line > end) continue;
      const linkpath = stripSubpath(link.link);
      if (linkpath === "") continue;
      if (!reported) sink.task(start);
      reported = true;
      sink.taskLink(linkpath);
    }
  }
}

function inRanges(ranges: number[], line: number): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (line >= (ranges[i] as number) && line <= (ranges[i + 1] as number)) return true;
  return false;
}
