import type { CachedMetadata, Reference, ReferenceCache } from "obsidian";
import { TAbstractFile, TFile, TFolder } from "./files";
import type { MetadataCache } from "./metadata-cache";
import { notImplemented, strict } from "./strict";
import { normalizePath } from "./utils";
import type { DataWriteOptions, Vault } from "./vault";
import { getFrontMatterInfo, parseYaml, stringifyYaml, YAMLParseError } from "./yaml";

interface LinkEdit {
  from: number;
  to: number;
  original: string;
  target: TFile;
}

interface SourcePlan {
  source: TFile;
  edits: LinkEdit[];
  frontmatter: { original: string; target: TFile }[];
}

/**
 * FileManager with the app's defaults: new notes in the vault root, wikilinks, "shortest path" linktext, and
 * "Automatically update internal links" on (renameFile rewrites links in other notes through `vault.process`).
 */
export class FileManager {
  constructor(private readonly vault: Vault, private readonly metadataCache: MetadataCache) {
    return strict(this, "FileManager");
  }

  getNewFileParent(sourcePath: string, newFilePath?: string): TFolder {
    void sourcePath;
    void newFilePath;
    return this.vault.getRoot();
  }

  async renameFile(file: TAbstractFile, newPath: string): Promise<void> {
    const moving = new Set<string>();
    if (file instanceof TFolder) eachFileIn(file, (f) => moving.add(f.path));
    else moving.add(file.path);
    const plans = this.planLinkUpdates(moving);
    await this.vault.rename(file, normalizePath(newPath));
    for (const plan of plans) {
      await this.vault.process(plan.source, (text) => this.rewrite(text, plan));
    }
  }

  async trashFile(file: TAbstractFile): Promise<void> {
    await this.vault.trash(file, true);
  }

  promptForDeletion(file: TAbstractFile): Promise<boolean> {
    void file;
    return notImplemented("FileManager.promptForDeletion");
  }

  generateMarkdownLink(file: TFile, sourcePath: string, subpath?: string, alias?: string): string {
    const linktext = this.metadataCache.fileToLinktext(file, sourcePath);
    return `[[${linktext}${subpath ?? ""}${alias ? `|${alias}` : ""}]]`;
  }

  /**
   * Parses the frontmatter (CORE schema), lets `fn` mutate it, and writes the whole block back as YAML with
   * `stringifyYaml`, as the app does: key order and values are kept, but comments inside the block, quoting and
   * flow style are not, even when `fn` changed nothing (a re-serialised block equal to the old one writes nothing,
   * as with any `vault.process`). The rest of the file is kept byte for byte. Throws YAMLParseError on broken YAML.
   */
  processFrontMatter(file: TFile, fn: (frontmatter: any) => void, options?: DataWriteOptions): Promise<void> {
    if (file.extension !== "md") return Promise.reject(new Error(`processFrontMatter: "${file.path}" is not a Markdown file`));
    const edit = (text: string) => {
      const info = getFrontMatterInfo(text);
      const parsed: unknown = info.exists ? parseYaml(info.frontmatter) : null;
      if (parsed !== null && (typeof parsed !== "object" || Array.isArray(parsed))) {
        throw new YAMLParseError(`processFrontMatter: the frontmatter of "${file.path}" is not a mapping`);
      }
      const data = (parsed ?? {}) as Record<string, unknown>;
      fn(data);
      if (!info.exists && Object.keys(data).length === 0) return text;
      const eol = /^---\r\n/.test(text) ? "\r\n" : "\n";
      let yaml = Object.keys(data).length > 0 ? stringifyYaml(data) : "";
      if (eol === "\r\n") yaml = yaml.replace(/\n/g, "\r\n");
      if (!info.exists) return `---${eol}${yaml}---${eol}${text}`;
      return text.slice(0, info.from) + yaml + text.slice(info.to);
    };
    return this.vault.hooked__("processFrontMatter", file, async () => {
      await this.vault.process__(file, edit, options);
    });
  }

  getAvailablePathForAttachment(filename: string, sourcePath?: string): Promise<string> {
    void filename;
    void sourcePath;
    return notImplemented("FileManager.getAvailablePathForAttachment");
  }

  /** For every note linking into `moving`, the exact link spans to rewrite (computed before the rename). */
  private planLinkUpdates(moving: Set<string>): SourcePlan[] {
    const plans: SourcePlan[] = [];
    for (const [sourcePath, dests] of Object.entries(this.metadataCache.resolvedLinks)) {
      if (!Object.keys(dests).some((dest) => moving.has(dest))) continue;
      const source = this.vault.getFileByPath(sourcePath);
      const cache = source ? this.metadataCache.getFileCache(source) : null;
      if (!source || !cache) continue;
      const plan: SourcePlan = { source, edits: [], frontmatter: [] };
      for (const ref of refsOf(cache)) {
        const target = this.targetOf(ref, sourcePath, moving);
        if (target) plan.edits.push({ from: ref.position.start.offset, to: ref.position.end.offset, original: ref.original, target });
      }
      for (const ref of cache.frontmatterLinks ?? []) {
        const target = this.targetOf(ref, sourcePath, moving);
        if (target) plan.frontmatter.push({ original: ref.original, target });
      }
      if (plan.edits.length > 0 || plan.frontmatter.length > 0) plans.push(plan);
    }
    return plans;
  }

  private targetOf(ref: Reference, sourcePath: string, moving: Set<string>): TFile | null {
    const hash = ref.link.indexOf("#");
    const linkpath = hash < 0 ? ref.link : ref.link.slice(0, hash);
    const dest = this.metadataCache.getFirstLinkpathDest(linkpath, sourcePath);
    return dest && moving.has(dest.path) ? dest : null;
  }

  private rewrite(text: string, plan: SourcePlan): string {
    let result = text;
    for (const edit of plan.edits.slice().sort((a, b) => b.from - a.from)) {
      if (result.slice(edit.from, edit.to) !== edit.original) continue; // the note changed since it was indexed
      result = result.slice(0, edit.from) + this.relink(edit.original, edit.target, plan.source.path) + result.slice(edit.to);
    }
    const info = getFrontMatterInfo(result);
    if (info.exists && plan.frontmatter.length > 0) {
      let yaml = info.frontmatter;
      for (const ref of plan.frontmatter) yaml = yaml.split(ref.original).join(this.relink(ref.original, ref.target, plan.source.path));
      result = result.slice(0, info.from) + yaml + result.slice(info.to);
    }
    return result;
  }

  /** `[[Old#h|x]]` → `[[New#h|x]]`, `![[Old]]` → `![[New]]`, `[x](Old.md)` → `[x](New.md)`. */
  private relink(original: string, target: TFile, sourcePath: string): string {
    const wiki = /^(!?)\[\[([^\]|#]*)(#[^\]|]*)?(\|[^\]]*)?\]\]$/.exec(original);
    if (wiki) {
      const keepExt = /\.md$/i.test(wiki[2] ?? "");
      const linktext = this.metadataCache.fileToLinktext(target, sourcePath, !keepExt);
      return `${wiki[1] ?? ""}[[${linktext}${wiki[3] ?? ""}${wiki[4] ?? ""}]]`;
    }
    const md = /^(!?)\[([^\]]*)\]\((<?)([^)#>]*)(#[^)>]*)?(>?)\)$/.exec(original);
    if (md) {
      const linktext = this.metadataCache.fileToLinktext(target, sourcePath, false);
      const encoded = md[3] === "<" ? linktext : linktext.replace(/ /g, "%20");
      return `${md[1] ?? ""}[${md[2] ?? ""}](${md[3] ?? ""}${encoded}${md[5] ?? ""}${md[6] ?? ""})`;
    }
    return original;
  }
}

function refsOf(cache: CachedMetadata): ReferenceCache[] {
  return [...(cache.links ?? []), ...(cache.embeds ?? [])];
}

function eachFileIn(folder: TFolder, cb: (file: TFile) => void): void {
  for (const child of folder.children) {
    if (child instanceof TFolder) eachFileIn(child, cb);
    else if (child instanceof TFile) cb(child);
  }
}
