/**
 * Decides which notes are person notes: by folder, by tag (prefix match), or by a frontmatter marker.
 * Works on plain data (path + CachedMetadata), so the plugin and the CLI decide alike.
 */
import type { CachedMetadata } from "obsidian";
import type { PeopleRules } from "../settings/schema";

/** All tags of a note, lower-case, without `#`: frontmatter `tags`/`tag` (list or comma/space separated) and body tags. */
export function noteTags(meta: CachedMetadata | null): string[] {
  if (!meta) return [];
  const out: string[] = [];
  const fm = meta.frontmatter;
  if (fm) {
    for (const key of ["tags", "tag"]) {
      const value: unknown = fm[key];
      const items: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
      for (const item of items) if (typeof item === "string" && item.trim() !== "") out.push(item.trim().replace(/^#/, "").toLowerCase());
    }
  }
  for (const t of meta.tags ?? []) out.push(t.tag.replace(/^#/, "").toLowerCase());
  return out;
}

/** `Folder/` for each folder (slashes trimmed, empty ones dropped): a path is in the folder when it starts so. */
const folderPrefixes = (folders: string[]): string[] =>
  folders.map((f) => f.replace(/^\/+|\/+$/g, "")).filter((f) => f !== "").map((f) => `${f}/`);

export class PersonClassifier {
  private readonly folders: string[];
  private readonly excluded: string[];
  private readonly folderPrefixes: string[];
  private readonly excludedPrefixes: string[];
  private readonly tags: string[];
  /** `tag/` for each tag: a nested tag (`person/friend`) counts too. */
  private readonly tagPrefixes: string[];
  private readonly markerValues: string[];

  constructor(private readonly rules: PeopleRules) {
    this.folders = rules.folders.map((f) => f.replace(/^\/+|\/+$/g, "")).filter((f) => f !== "");
    this.excluded = rules.excludeFolders.map((f) => f.replace(/^\/+|\/+$/g, "")).filter((f) => f !== "");
    this.folderPrefixes = folderPrefixes(rules.folders);
    this.excludedPrefixes = folderPrefixes(rules.excludeFolders);
    this.tags = rules.tags.map((t) => t.replace(/^#/, "").toLowerCase()).filter((t) => t !== "");
    this.tagPrefixes = this.tags.map((t) => `${t}/`);
    this.markerValues = rules.markerValues.map((v) => v.toLowerCase());
  }

  /**
   * Whether the note at `path` with this metadata is a person note. Asked of every note at every load, so it
   * reads the tags in place (as `noteTags` lists them) rather than building the list.
   */
  isPerson(path: string, meta: CachedMetadata | null): boolean {
    if (!path.endsWith(".md")) return false;
    for (const prefix of this.excludedPrefixes) if (path.startsWith(prefix)) return false;
    for (const prefix of this.folderPrefixes) if (path.startsWith(prefix)) return true;
    const fm = meta?.frontmatter;
    if (this.tags.length > 0 && meta) {
      if (fm) {
        for (const key of ["tags", "tag"]) {
          const value: unknown = fm[key];
          const items: unknown[] = Array.isArray(value) ? value : typeof value === "string" ? value.split(/[,\s]+/) : [];
          for (const item of items) if (typeof item === "string" && this.tagCounts(item.trim())) return true;
        }
      }
      for (const t of meta.tags ?? []) if (this.tagCounts(t.tag)) return true;
    }
    const key = this.rules.markerKey;
    if (key !== "" && fm) {
      const value: unknown = fm[key];
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === "string" && this.markerValues.includes(v.trim().toLowerCase()))) return true;
    }
    return false;
  }

  /** Whether a tag as written (`#Person`, `person/friend`) is one of the person tags or nested under one. */
  private tagCounts(written: string): boolean {
    if (written === "") return false;
    const tag = (written.charCodeAt(0) === 35 /* # */ ? written.slice(1) : written).toLowerCase();
    for (let i = 0; i < this.tags.length; i++) {
      if (tag === this.tags[i] || tag.startsWith(this.tagPrefixes[i] as string)) return true;
    }
    return false;
  }

  /** Plain words for where people are looked for, used when none are found. */
  describe(): { folders: string[]; tags: string[]; marker: string | null; excluded: string[] } {
    const marker = this.rules.markerKey !== "" && this.markerValues.length > 0 ? `${this.rules.markerKey}: ${this.rules.markerValues.join(" | ")}` : null;
    return { folders: this.folders, tags: this.tags.map((t) => `#${t}`), marker, excluded: this.excluded };
  }
}
