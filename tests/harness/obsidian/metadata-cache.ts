import type { CachedMetadata } from "obsidian";
import { parseMetadata } from "../../../src/metadata/parse";
import { getLinkpath, LinkResolver } from "../../../src/metadata/resolve";
import { Events } from "./events";
import { TFile } from "./files";
import { runtime } from "./runtime";
import { strict } from "./strict";
import type { Vault, VaultIndexer } from "./vault";

export type ParseFn = (text: string) => CachedMetadata;

export interface LinkResolverLike {
  add(path: string): void;
  remove(path: string): void;
  resolve(linkpath: string, sourcePath: string): string | null;
}

export interface MetadataOptions {
  /** Text to metadata; default: the project's `parseMetadata`. */
  parse?: ParseFn;
  /** Link resolution; default: the project's `LinkResolver`. */
  resolver?: () => LinkResolverLike;
  /** Linktext to linkpath; default: the project's `getLinkpath`. */
  getLinkpath?: (linktext: string) => string;
}

/**
 * The metadata cache: computed with the project's own parser, kept per path; indexing after a write runs a
 * macrotask later (so the cache is stale right after `await vault.modify()`, as in the app), then fires
 * `changed`, updates `resolvedLinks`, and fires `resolve` and, once nothing is queued, `resolved`.
 */
export class MetadataCache extends Events {
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};
  private caches = new Map<string, CachedMetadata>();
  private queued = 0;
  private readonly parse: ParseFn;
  private readonly resolver: LinkResolverLike;
  private readonly linkpathOf: (linktext: string) => string;
  private readonly vault: Vault;

  constructor(vault: Vault, options: MetadataOptions = {}) {
    super();
    const self = strict(this, "MetadataCache");
    this.vault = vault;
    this.parse = options.parse ?? parseMetadata;
    this.resolver = options.resolver?.() ?? new LinkResolver();
    this.linkpathOf = options.getLinkpath ?? getLinkpath;
    const indexer: VaultIndexer = {
      startupFile__: (file, text) => self.startupFile(file, text),
      created__: (file, text) => self.created(file, text),
      modified__: (file, text) => self.schedule(file, text),
      deleted__: (file) => self.deleted(file),
      renamed__: (file, oldPath) => self.renamed(file, oldPath),
    };
    vault.indexer__ = indexer;
    return self;
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.caches.get(file.path) ?? null;
  }

  getCache(path: string): CachedMetadata | null {
    return this.caches.get(path) ?? null;
  }

  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    const path = linkpath === "" ? sourcePath : this.resolver.resolve(linkpath, sourcePath);
    return path === null ? null : this.vault.getFileByPath(path);
  }

  /** The shortest linktext that resolves to `file` from `sourcePath` (the app's default "shortest path"). */
  fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
    const strip = omitMdExtension && file.extension === "md";
    const full = strip ? file.path.slice(0, -3) : file.path;
    const short = strip ? file.basename : file.name;
    return this.resolver.resolve(short, sourcePath) === file.path ? short : full;
  }

  /** Stand-in: the end of the startup sequence (links resolved, `resolve` per note, then `resolved`). */
  startupResolved__(): void {
    for (const file of this.vault.getMarkdownFiles()) this.resolveLinks(file.path);
    for (const file of this.vault.getMarkdownFiles()) this.trigger("resolve", file);
    this.trigger("resolved");
  }

  private startupFile(file: TFile, text: string | null): void {
    this.resolver.add(file.path);
    if (text !== null) this.caches.set(file.path, this.parse(text));
  }

  private created(file: TFile, text: string | null): void {
    this.resolver.add(file.path);
    if (file.extension === "md" && text !== null) this.schedule(file, text);
    else this.scheduleRelink();
  }

  private deleted(file: TFile): void {
    const prev = this.caches.get(file.path) ?? null;
    this.caches.delete(file.path);
    this.resolver.remove(file.path);
    delete this.resolvedLinks[file.path];
    delete this.unresolvedLinks[file.path];
    this.trigger("deleted", file, prev);
    this.scheduleRelink();
  }

  private renamed(file: TFile, oldPath: string): void {
    const cache = this.caches.get(oldPath);
    this.caches.delete(oldPath);
    if (cache) this.caches.set(file.path, cache);
    this.resolver.remove(oldPath);
    this.resolver.add(file.path);
    for (const table of [this.resolvedLinks, this.unresolvedLinks]) {
      const entry = table[oldPath];
      delete table[oldPath];
      if (entry) table[file.path] = entry;
    }
    this.scheduleRelink();
  }

  private schedule(file: TFile, text: string): void {
    if (file.extension !== "md") return;
    this.later(() => {
      if (this.vault.getAbstractFileByPath(file.path) !== file) return;
      const cache = this.parse(text);
      this.caches.set(file.path, cache);
      this.trigger("changed", file, text, cache);
      this.relinkAll(file);
    });
  }

  private scheduleRelink(): void {
    this.later(() => this.relinkAll(null));
  }

  private later(job: () => void): void {
    this.queued++;
    runtime.track(
      new Promise<void>((resolve, reject) => {
        setTimeout(() => {
          try {
            job();
            resolve();
          } catch (error) {
            reject(error);
          } finally {
            this.queued--;
            if (this.queued === 0) this.trigger("resolved");
          }
        }, 0);
      }),
    ).catch((error) => runtime.reportHandlerError(error));
  }

  /** Recomputes every note's links; fires `resolve` for `changed` and for every note whose links moved. */
  private relinkAll(changed: TFile | null): void {
    for (const file of this.vault.getMarkdownFiles()) {
      const before = JSON.stringify([this.resolvedLinks[file.path], this.unresolvedLinks[file.path]]);
      this.resolveLinks(file.path);
      const after = JSON.stringify([this.resolvedLinks[file.path], this.unresolvedLinks[file.path]]);
      if (file === changed || before !== after) this.trigger("resolve", file);
    }
  }

  private resolveLinks(path: string): void {
    const resolved: Record<string, number> = {};
    const unresolved: Record<string, number> = {};
    const cache = this.caches.get(path);
    for (const ref of [...(cache?.links ?? []), ...(cache?.embeds ?? []), ...(cache?.frontmatterLinks ?? [])]) {
      const linkpath = this.linkpathOf(ref.link);
      const dest = this.getFirstLinkpathDest(linkpath, path);
      if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
      else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
    }
    this.resolvedLinks[path] = resolved;
    this.unresolvedLinks[path] = unresolved;
  }
}
