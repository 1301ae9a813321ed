/**
 * Link resolution as Obsidian's `metadataCache.getFirstLinkpathDest` does it, over a set of file paths.
 * Used by the CLI and by the test stand-in.
 *
 * Rules, in order (matching is case-insensitive throughout; a linkpath without an extension also names the
 * `.md` file, so `Note` matches `Note.md`, while `Note.md` and `image.png` name those files exactly):
 * 1. `""` is the source note itself (a `[[#heading]]` link).
 * 2. `./x` and `../x` are resolved against the source's folder first.
 * 3. The linkpath as a vault path (a leading `/` is ignored): `[[Note]]` is `Note.md` at the vault root and
 *    `[[b/Note]]` is `b/Note.md`, even when another `Note.md` sits beside the source.
 * 4. A linkpath with folders, relative to the source's folder.
 * 5. Otherwise every file with that name whose path ends with the linkpath's folders (`[[b/Note]]` finds
 *    `a/b/Note.md`); among them: one in the source's own folder (parent folders count for nothing), then
 *    the shortest path string, then `.md` before other files, then the path that sorts first.
 * Rules 3, 5 and the tie-break order (own folder, then shortest path string) are what Obsidian 1.13.7 was
 * observed to do through `getFirstLinkpathDest` (reported in pvliesdonk/markdown-vault-mcp#1350 / #1380);
 * the final `.md` and alphabetical tie-breaks are this module's own choice, to be deterministic.
 * Lookups are map hits keyed by lower-cased name and path, so resolving a link costs O(files sharing its name).
 */

/** The linkpath part of a link: everything before the first `#` (which starts a `#heading` or `#^block`). */
export function getLinkpath(link: string): string {
  const hash = link.indexOf("#");
  return hash < 0 ? link : link.slice(0, hash);
}

interface Entry {
  path: string;
  /** Lower-cased path, and for Markdown files the lower-cased path without `.md` (else null). */
  lower: string;
  stem: string | null;
  folder: string;
  markdown: boolean;
}

function folderOf(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** Resolves `.` and `..` segments; null when `..` climbs above the vault root. */
function normalizeDots(path: string): string | null {
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join("/");
}

/**
 * A name or path carried by one file (nearly all of them) maps to that file's entry; one carried by several, to a
 * list. Saves a list per key: a vault of a hundred thousand notes has four hundred thousand keys.
 */
type Slot = Entry | Entry[];

function listOf(slot: Slot | undefined): readonly Entry[] | undefined {
  return slot === undefined || Array.isArray(slot) ? slot : [slot];
}

function push(map: Map<string, Slot>, key: string, entry: Entry): void {
  const slot = map.get(key);
  if (slot === undefined) map.set(key, entry);
  else if (Array.isArray(slot)) slot.push(entry);
  else map.set(key, [slot, entry]);
}

function drop(map: Map<string, Slot>, key: string, entry: Entry): void {
  const slot = map.get(key);
  if (slot === undefined) return;
  if (!Array.isArray(slot)) {
    if (slot === entry) map.delete(key);
    return;
  }
  const index = slot.indexOf(entry);
  if (index >= 0) slot.splice(index, 1);
  if (slot.length === 1) map.set(key, slot[0] as Entry);
  else if (slot.length === 0) map.delete(key);
}

export class LinkResolver {
  private readonly files = new Map<string, Entry>();
  /** Lower-cased path (and `.md`-less path) to files. */
  private readonly byPath = new Map<string, Slot>();
  /** Lower-cased file name (and `.md`-less name) to files. */
  private readonly byName = new Map<string, Slot>();

  constructor(paths: Iterable<string> = []) {
    for (const path of paths) this.add(path);
  }

  get size(): number {
    return this.files.size;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  add(path: string): void {
    if (this.files.has(path)) return;
    const lower = path.toLowerCase();
    const markdown = lower.endsWith(".md");
    const entry: Entry = { path, lower, stem: markdown ? lower.slice(0, -3) : null, folder: folderOf(path), markdown };
    this.files.set(path, entry);
    if (this.settled.size > 0) this.settled.clear();
    const name = lower.slice(lower.lastIndexOf("/") + 1);
    push(this.byPath, lower, entry);
    push(this.byName, name, entry);
    if (entry.stem !== null) {
      push(this.byPath, entry.stem, entry);
      push(this.byName, name.slice(0, -3), entry);
    }
  }

  remove(path: string): void {
    const entry = this.files.get(path);
    if (!entry) return;
    this.files.delete(path);
    this.settled.clear();
    for (const key of this.keys(entry)) {
      drop(this.byPath, key.path, entry);
      drop(this.byName, key.name, entry);
    }
  }

  /**
   * Answers that cannot depend on where the link is written (an exact vault path, or a bare name that only one
   * file carries), by linkpath as written; emptied whenever a file is added or removed.
   */
  private readonly settled = new Map<string, string | null>();

  /** `linkpath` has no `#subpath`; returns the vault path of the file it resolves to, or null. */
  resolve(linkpath: string, sourcePath: string): string | null {
    const known = this.settled.get(linkpath);
    if (known !== undefined) return known;
    if (linkpath === "") return this.files.has(sourcePath) ? sourcePath : null;
    const sourceFolder = folderOf(sourcePath);
    let target = linkpath;
    if (target.startsWith("./") || target.startsWith("../")) {
      const relative = normalizeDots(sourceFolder === "" ? target : `${sourceFolder}/${target}`);
      if (relative === null) return null;
      const hit = this.exact(relative);
      if (hit) return hit.path;
      target = relative;
    }
    const plain = target === linkpath;
    while (target.startsWith("/")) target = target.slice(1);
    if (target === "") return null;
    const exact = this.exact(target);
    if (exact) {
      if (plain) this.settled.set(linkpath, exact.path);
      return exact.path;
    }
    const slash = target.lastIndexOf("/");
    if (slash >= 0 && sourceFolder !== "") {
      const relative = this.exact(`${sourceFolder}/${target}`);
      if (relative) return relative.path;
    }
    const lower = target.toLowerCase();
    const candidates = listOf(this.byName.get(lower.slice(slash + 1)));
    if (!candidates || (candidates.length === 1 && slash < 0)) {
      // No file or a single file carries this name: the answer is the same from every note.
      const only = candidates ? (candidates[0] as Entry).path : null;
      if (plain && slash < 0) this.settled.set(linkpath, only);
      return only;
    }
    const suffix = `/${lower}`;
    let best: Entry | null = null;
    for (const entry of candidates) {
      if (slash >= 0 && !entry.lower.endsWith(suffix) && !(entry.stem !== null && entry.stem.endsWith(suffix))) continue;
      if (best === null || this.better(entry, best, sourceFolder)) best = entry;
    }
    return best ? best.path : null;
  }

  private keys(entry: Entry): Array<{ path: string; name: string }> {
    const name = entry.lower.slice(entry.lower.lastIndexOf("/") + 1);
    const keys = [{ path: entry.lower, name }];
    if (entry.stem !== null) keys.push({ path: entry.stem, name: name.slice(0, -3) });
    return keys;
  }

  /** The file at exactly this vault path (case-insensitively, `.md` implied); exact case wins, then `.md`. */
  private exact(path: string): Entry | null {
    const slot = this.byPath.get(path.toLowerCase());
    if (slot === undefined) return null;
    if (!Array.isArray(slot)) return slot;
    const list = slot;
    let best: Entry | null = null;
    let bestRank = 3;
    for (const entry of list) {
      const rank = entry.path === path ? 0 : entry.path === `${path}.md` ? 1 : 2;
      if (rank < bestRank || (rank === bestRank && best !== null && this.better(entry, best, "\0"))) {
        best = entry;
        bestRank = rank;
      }
    }
    return best;
  }

  private better(a: Entry, b: Entry, sourceFolder: string): boolean {
    const aHere = a.folder === sourceFolder;
    if (aHere !== (b.folder === sourceFolder)) return aHere;
    if (a.path.length !== b.path.length) return a.path.length < b.path.length;
    if (a.markdown !== b.markdown) return a.markdown;
    return a.path < b.path;
  }
}

/** A file's or a link's last segment, lower-cased, less every trailing `.md`: `People/Ann.MD.md` → `ann`. */
export function bareName(pathOrLink: string): string {
  let name = pathOrLink.slice(pathOrLink.lastIndexOf("/") + 1).toLowerCase();
  while (name.endsWith(".md")) name = name.slice(0, -3);
  return name;
}

/**
 * A resolver over only the files whose `bareName` is among `names`. For a link whose `bareName` is among them it
 * answers exactly as a resolver over every file would: each file rules 2 to 5 look at for that link carries the
 * link's last segment as its name or its path's end, so it is kept. Building it costs a pass over the paths and
 * a few map entries per kept file, instead of four map entries for every file.
 */
export function resolverForNames(paths: Iterable<string>, names: ReadonlySet<string>): LinkResolver {
  const resolver = new LinkResolver();
  for (const path of paths) if (names.has(bareName(path))) resolver.add(path);
  return resolver;
}
