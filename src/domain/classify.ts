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

const inFolder = (path: string, folder: string) => {
  const f = folder.replace(/^\/+|\/+$/g, "");
  return f === "" || path.startsWith(`${f}/`);
};

export class PersonClassifier {
  private readonly folders: string[];
  private readonly excluded: string[];
  private readonly tags: string[];
  private readonly markerValues: string[];

  constructor(private readonly rules: PeopleRules) {
    this.folders = rules.folders.map((f) => f.replace(/^\/+|\/+$/g, "")).filter((f) => f !== "");
    this.excluded = rules.excludeFolders.map((f) => f.replace(/^\/+|\/+$/g, "")).filter((f) => f !== "");
    this.tags = rules.tags.map((t) => t.replace(/^#/, "").toLowerCase()).filter((t) => t !== "");
    this.markerValues = rules.markerValues.map((v) => v.toLowerCase());
  }

  /** Whether the note at `path` with this metadata is a person note. */
  isPerson(path: string, meta: CachedMetadata | null): boolean {
    if (!path.endsWith(".md") || this.excluded.some((f) => inFolder(path, f))) return false;
    if (this.folders.some((f) => inFolder(path, f))) return true;
    if (this.tags.length > 0 && meta && (meta.tags !== undefined || meta.frontmatter !== undefined)) {
      for (const tag of noteTags(meta)) {
        if (this.tags.some((t) => tag === t || tag.startsWith(`${t}/`))) return true;
      }
    }
    const key = this.rules.markerKey;
    if (key !== "" && meta?.frontmatter) {
      const value: unknown = meta.frontmatter[key];
      const values: unknown[] = Array.isArray(value) ? value : [value];
      if (values.some((v) => typeof v === "string" && this.markerValues.includes(v.trim().toLowerCase()))) return true;
    }
    return false;
  }

  /** Plain words for where people are looked for, used when none are found. */
  describe(): { folders: string[]; tags: string[]; marker: string | null; excluded: string[] } {
    const marker = this.rules.markerKey !== "" && this.markerValues.length > 0 ? `${this.rules.markerKey}: ${this.rules.markerValues.join(" | ")}` : null;
    return { folders: this.folders, tags: this.tags.map((t) => `#${t}`), marker, excluded: this.excluded };
  }
}
