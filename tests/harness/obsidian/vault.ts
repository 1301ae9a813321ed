import type { BackendWriteOptions, VaultBackend } from "./backend";
import { Events } from "./events";
import { createFile__, createFolder__, parentPathOf, TAbstractFile, TFile, TFolder } from "./files";
import { StandInAdapter } from "./adapter";
import { runtime } from "./runtime";
import { strict } from "./strict";
import { normalizePath } from "./utils";

export interface DataWriteOptions {
  ctime?: number;
  mtime?: number;
}

/** What the vault tells the metadata cache (direct calls, so plugin handler counts stay exact). */
export interface VaultIndexer {
  startupFile__(file: TFile, text: string | null): void;
  created__(file: TFile, text: string | null): void;
  modified__(file: TFile, text: string): void;
  deleted__(file: TFile): void;
  renamed__(file: TFile, oldPath: string): void;
}

const MARKDOWN = "md";

/** The requests the interleave hook sees. */
export type VaultOp = "read" | "modify" | "append" | "process" | "processFrontMatter";

/** Every backend call counts as work in flight for the harness's settle(). */
function trackedBackend(backend: VaultBackend): VaultBackend {
  const wrapped = {} as Record<string, unknown>;
  for (const key of ["list", "walk", "read", "write", "stat", "mkdir", "rename", "remove", "exists"] as const) {
    const method = backend[key] as (...a: unknown[]) => Promise<unknown>;
    wrapped[key] = (...args: unknown[]) => runtime.track(method.apply(backend, args));
  }
  return wrapped as unknown as VaultBackend;
}

export class Vault extends Events {
  configDir = ".obsidian";
  adapter: StandInAdapter;
  /** Stand-in internals (names end in __ so they cannot clash with the API). */
  backend__: VaultBackend;
  name__: string;
  index__ = new Map<string, TAbstractFile>();
  indexer__: VaultIndexer | null = null;
  private queues = new WeakMap<TFile, Promise<unknown>>();
  private root: TFolder;

  constructor(backend: VaultBackend, name: string) {
    super();
    const self = strict(this, "Vault");
    this.backend__ = trackedBackend(backend);
    this.name__ = name;
    this.root = createFolder__(self, "/");
    this.index__.set("/", this.root);
    this.adapter = strict(new StandInAdapter(this.backend__, self), "vault.adapter");
    return self;
  }

  getName(): string {
    return this.name__;
  }

  getRoot(): TFolder {
    return this.root;
  }

  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.index__.get(path === "" ? "/" : path) ?? null;
  }

  getFileByPath(path: string): TFile | null {
    const found = this.getAbstractFileByPath(path);
    return found instanceof TFile ? found : null;
  }

  getFolderByPath(path: string): TFolder | null {
    const found = this.getAbstractFileByPath(path);
    return found instanceof TFolder ? found : null;
  }

  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.index__.values()];
  }

  getAllFolders(includeRoot = false): TFolder[] {
    return [...this.index__.values()].filter((f): f is TFolder => f instanceof TFolder && (includeRoot || !f.isRoot()));
  }

  getFiles(): TFile[] {
    return [...this.index__.values()].filter((f): f is TFile => f instanceof TFile);
  }

  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === MARKDOWN);
  }

  static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
    cb(root);
    for (const child of root.children) {
      if (child instanceof TFolder) Vault.recurseChildren(child, cb);
      else cb(child);
    }
  }

  /** Every path the plugin asked to read (vault read, cachedRead, adapter read), so tests can prove what it never reads. */
  readonly readLog__: string[] = [];

  /**
   * Stand-in test hook for scripted interleavings: called when a read or a write of a file is asked for, before
   * it starts (a write before it joins the file's queue); the request waits for the returned promise. A test can
   * edit, rename or delete the note there, and that lands before the request, as it could in the app. Writes stay
   * atomic: a queued write still reads the file's text when its turn comes.
   */
  interleave__: ((op: VaultOp, file: TFile) => void | Promise<void>) | null = null;

  /** Runs `start` once the interleave hook (if any) is done with this request. */
  hooked__<T>(op: VaultOp, file: TFile, start: () => Promise<T>): Promise<T> {
    const hook = this.interleave__;
    if (!hook) return start();
    return runtime.track(Promise.resolve(hook(op, file)).then(start));
  }

  read(file: TFile): Promise<string> {
    return this.hooked__("read", file, () => {
      this.readLog__.push(file.path);
      return this.backend__.read(file.path);
    });
  }

  /** The stand-in reads from disk here too: no stale copies to reason about. */
  cachedRead(file: TFile): Promise<string> {
    this.readLog__.push(file.path);
    return this.backend__.read(file.path);
  }

  getResourcePath(file: TFile): string {
    return `app://local/${encodeURI(file.path)}?${file.stat.mtime}`;
  }

  async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
    const target = normalizePath(path);
    this.assertIndexable(target, "create");
    if (this.index__.has(target) || (await this.backend__.exists(target))) throw new Error(`File already exists: ${target}`);
    const parent = this.getFolderByPath(parentPathOf(target));
    if (!parent) throw new Error(`Cannot create "${target}": folder "${parentPathOf(target)}" does not exist`);
    await this.backend__.write(target, data, { ...options, exclusive: true });
    const file = createFile__(this, target, await this.statOf(target));
    this.attach(file, parent);
    this.trigger("create", file);
    this.indexer__?.created__(file, data);
    return file;
  }

  async createFolder(path: string): Promise<TFolder> {
    const target = normalizePath(path);
    this.assertIndexable(target, "createFolder");
    if (this.index__.has(target) || (await this.backend__.exists(target))) throw new Error(`Folder already exists: ${target}`);
    await this.backend__.mkdir(target);
    return this.indexFolders(target);
  }

  modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    return this.hooked__("modify", file, () => this.enqueue(file, "modify", async () => {
      await this.writeAndNotify(file, data, options);
    }));
  }

  append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    return this.hooked__("append", file, () => this.enqueue(file, "append", async () => {
      const text = await this.backend__.read(file.path);
      await this.writeAndNotify(file, text + data, options);
    }));
  }

  /** Atomic within the file's write queue; an unchanged result writes nothing and fires nothing. */
  process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    return this.hooked__("process", file, () => this.process__(file, fn, options));
  }

  /** `process` without the interleave hook (processFrontMatter calls its own hook first). */
  process__(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
    return this.enqueue(file, "process", async () => {
      const text = await this.backend__.read(file.path);
      const next = fn(text);
      if (typeof next !== "string") throw new TypeError(`vault.process: the callback returned ${typeof next}, not a string`);
      if (next !== text) await this.writeAndNotify(file, next, options);
      return next;
    });
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    const target = normalizePath(newPath);
    const oldPath = file.path;
    if (target === oldPath) return;
    this.assertKnown(file, "rename");
    this.assertIndexable(target, "rename");
    if (this.index__.has(target) || (await this.backend__.exists(target))) throw new Error(`Destination file already exists: ${target}`);
    const parent = this.getFolderByPath(parentPathOf(target));
    if (!parent) throw new Error(`Cannot rename to "${target}": folder "${parentPathOf(target)}" does not exist`);
    if (file instanceof TFile) await this.queues.get(file)?.catch(() => undefined);
    await this.backend__.rename(oldPath, target);
    const moved: [TAbstractFile, string][] = [];
    this.detach(file);
    this.walkTree(file, (entry) => {
      const before = entry.path;
      this.index__.delete(before);
      entry.setPath__(target + before.slice(oldPath.length));
      this.index__.set(entry.path, entry);
      moved.push([entry, before]);
    });
    this.attach(file, parent, false);
    for (const [entry, before] of moved) {
      this.trigger("rename", entry, before);
      if (entry instanceof TFile) this.indexer__?.renamed__(entry, before);
    }
  }

  async delete(file: TAbstractFile, force?: boolean): Promise<void> {
    void force;
    this.assertKnown(file, "delete");
    if (file instanceof TFile) await this.queues.get(file)?.catch(() => undefined);
    await this.backend__.remove(file.path);
    this.forget(file);
  }

  /** Local trash: moved into `.trash/` at the vault root (never the system trash). */
  async trash(file: TAbstractFile, system: boolean): Promise<void> {
    void system;
    this.assertKnown(file, "trash");
    if (file instanceof TFile) await this.queues.get(file)?.catch(() => undefined);
    await this.backend__.mkdir(".trash");
    let destination = `.trash/${file.name}`;
    for (let n = 1; await this.backend__.exists(destination); n++) destination = `.trash/${file.name} ${n}`;
    await this.backend__.rename(file.path, destination);
    this.forget(file);
  }

  async copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
    const target = normalizePath(newPath);
    if (this.index__.has(target) || (await this.backend__.exists(target))) throw new Error(`Destination file already exists: ${target}`);
    if (file instanceof TFile) return (await this.create(target, await this.read(file))) as unknown as T;
    if (!(file instanceof TFolder)) throw new Error("vault.copy: not a file or folder");
    const folder = await this.createFolder(target);
    for (const child of file.children.slice()) await this.copy(child, `${target}/${child.name}`);
    return folder as unknown as T;
  }

  /** Stand-in: the startup scan (files listed, `create` fired for each, metadata computed as it goes). */
  async load__(): Promise<void> {
    for (const entry of await this.backend__.walk("")) {
      if (!this.isIndexable(entry.path)) continue;
      if (entry.type === "folder") {
        this.indexFolders(entry.path);
        continue;
      }
      const parent = this.indexFolders(parentPathOf(entry.path));
      const file = createFile__(this, entry.path, await this.statOf(entry.path));
      const text = file.extension === MARKDOWN ? await this.backend__.read(entry.path) : null;
      this.attach(file, parent);
      this.indexer__?.startupFile__(file, text);
      this.trigger("create", file);
    }
  }

  /** Stand-in: a file changed behind the vault's back (e.g. through the adapter); the file watcher's view of it. */
  async external__(path: string): Promise<void> {
    if (!this.isIndexable(path)) return;
    const known = this.index__.get(path);
    const stat = await this.backend__.stat(path);
    if (!stat) {
      if (known) this.forget(known);
      return;
    }
    if (stat.type === "folder") {
      if (!known) this.indexFolders(path);
      return;
    }
    const text = path.endsWith(`.${MARKDOWN}`) ? await this.backend__.read(path) : "";
    if (known instanceof TFile) {
      known.stat = { ctime: stat.ctime, mtime: stat.mtime, size: stat.size };
      this.trigger("modify", known);
      this.indexer__?.modified__(known, text);
      return;
    }
    const parent = this.indexFolders(parentPathOf(path));
    const file = createFile__(this, path, stat);
    this.attach(file, parent);
    this.trigger("create", file);
    this.indexer__?.created__(file, text);
  }

  /** Stand-in: true for paths the app lists (not the config folder, no dot-files or dot-folders). */
  isIndexable(path: string): boolean {
    if (path === "/" || path === "") return true;
    return !path.split("/").some((part) => part.startsWith(".")) && path !== this.configDir && !path.startsWith(`${this.configDir}/`);
  }

  private assertIndexable(path: string, op: string): void {
    if (path === "/" || !this.isIndexable(path)) {
      throw new Error(`vault.${op}("${path}"): hidden and config paths are not part of the vault; use vault.adapter`);
    }
  }

  private assertKnown(file: TAbstractFile, op: string): void {
    if (this.index__.get(file.path) !== file) throw new Error(`vault.${op}: "${file.path}" is not in the vault (deleted?)`);
    if (file === this.root) throw new Error(`vault.${op}: cannot ${op} the vault root`);
  }

  private enqueue<T>(file: TFile, op: string, job: () => Promise<T>): Promise<T> {
    const run = async () => {
      this.assertKnown(file, op);
      return job();
    };
    const previous = this.queues.get(file) ?? Promise.resolve();
    const next = previous.then(run, run);
    this.queues.set(file, next.catch(() => undefined));
    return runtime.track(next);
  }

  private async writeAndNotify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
    const writeOptions: BackendWriteOptions = { ...options };
    await this.backend__.write(file.path, data, writeOptions);
    const stat = await this.statOf(file.path);
    file.stat.ctime = stat.ctime;
    file.stat.mtime = stat.mtime;
    file.stat.size = stat.size;
    this.trigger("modify", file);
    this.indexer__?.modified__(file, data);
  }

  private async statOf(path: string): Promise<{ ctime: number; mtime: number; size: number }> {
    const stat = await this.backend__.stat(path);
    if (!stat) throw new Error(`stat: "${path}" vanished from disk`);
    return { ctime: stat.ctime, mtime: stat.mtime, size: stat.size };
  }

  /** Indexes `path` and its missing ancestors as folders (firing `create` for each new one); returns the folder. */
  private indexFolders(path: string): TFolder {
    const known = this.index__.get(path);
    if (known instanceof TFolder) return known;
    if (known) throw new Error(`"${path}" is a file, not a folder`);
    const parent = this.indexFolders(parentPathOf(path));
    const folder = createFolder__(this, path);
    this.attach(folder, parent);
    this.trigger("create", folder);
    return folder;
  }

  private attach(entry: TAbstractFile, parent: TFolder, index = true): void {
    entry.parent = parent;
    parent.children.push(entry);
    if (index) this.index__.set(entry.path, entry);
  }

  private detach(entry: TAbstractFile): void {
    const siblings = entry.parent?.children;
    if (siblings) siblings.splice(siblings.indexOf(entry), 1);
  }

  private walkTree(entry: TAbstractFile, cb: (entry: TAbstractFile) => void): void {
    cb(entry);
    if (entry instanceof TFolder) for (const child of entry.children) this.walkTree(child, cb);
  }

  /** Removes an entry (and its subtree) from the index, firing `delete` children first. */
  private forget(entry: TAbstractFile): void {
    if (entry instanceof TFolder) for (const child of entry.children.slice()) this.forget(child);
    this.detach(entry);
    this.index__.delete(entry.path);
    this.trigger("delete", entry);
    if (entry instanceof TFile) this.indexer__?.deleted__(entry);
  }
}
