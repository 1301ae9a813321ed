import type { VaultBackend } from "./backend";
import type { Vault } from "./vault";
import { parentPathOf } from "./files";

export interface Stat {
  type: "file" | "folder";
  ctime: number;
  mtime: number;
  size: number;
}

export interface ListedFiles {
  files: string[];
  folders: string[];
}

/**
 * The DataAdapter subset: raw file access by vault-relative path, including the config folder the Vault does
 * not list. Writes to paths the Vault lists are reported to it, as the app's file watcher would.
 */
export class StandInAdapter {
  /** Writes to one path are serialised (concurrent saveData calls must not interleave on disk). */
  private queues = new Map<string, Promise<unknown>>();

  constructor(private readonly backend: VaultBackend, private readonly vault: Vault) {}

  private serial<T>(path: string, job: () => Promise<T>): Promise<T> {
    const next = (this.queues.get(path) ?? Promise.resolve()).then(job, job);
    const settled = next.catch(() => undefined);
    this.queues.set(path, settled);
    void settled.then(() => {
      if (this.queues.get(path) === settled) this.queues.delete(path);
    });
    return next;
  }

  getName(): string {
    return this.vault.getName();
  }

  exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
    void sensitive;
    return this.backend.exists(root(normalizedPath));
  }

  async stat(normalizedPath: string): Promise<Stat | null> {
    return this.backend.stat(root(normalizedPath));
  }

  async list(normalizedPath: string): Promise<ListedFiles> {
    const path = root(normalizedPath);
    const stat = await this.backend.stat(path);
    if (stat?.type !== "folder") throw new Error(`adapter.list: "${normalizedPath}" is not a folder`);
    const entries = await this.backend.list(path);
    return {
      files: entries.filter((e) => e.type === "file").map((e) => e.path),
      folders: entries.filter((e) => e.type === "folder").map((e) => e.path),
    };
  }

  read(normalizedPath: string): Promise<string> {
    this.vault.readLog__.push(normalizedPath);
    return this.backend.read(root(normalizedPath));
  }

  /** Creates missing parent folders, like the desktop adapter. */
  write(normalizedPath: string, data: string, options?: { ctime?: number; mtime?: number }): Promise<void> {
    const path = root(normalizedPath);
    return this.serial(path, () => this.writeNow(path, data, options));
  }

  append(normalizedPath: string, data: string, options?: { ctime?: number; mtime?: number }): Promise<void> {
    const path = root(normalizedPath);
    return this.serial(path, async () => {
      const before = (await this.backend.exists(path)) ? await this.backend.read(path) : "";
      await this.writeNow(path, before + data, options);
    });
  }

  process(normalizedPath: string, fn: (data: string) => string, options?: { ctime?: number; mtime?: number }): Promise<string> {
    const path = root(normalizedPath);
    return this.serial(path, async () => {
      const next = fn(await this.backend.read(path));
      await this.writeNow(path, next, options);
      return next;
    });
  }

  private async writeNow(path: string, data: string, options?: { ctime?: number; mtime?: number }): Promise<void> {
    const parent = parentPathOf(path);
    if (parent !== "/") await this.backend.mkdir(parent);
    await this.backend.write(path, data, options);
    await this.vault.external__(path);
  }

  async mkdir(normalizedPath: string): Promise<void> {
    const path = root(normalizedPath);
    await this.backend.mkdir(path);
    await this.vault.external__(path);
  }

  async remove(normalizedPath: string): Promise<void> {
    const path = root(normalizedPath);
    const stat = await this.backend.stat(path);
    if (!stat) throw new Error(`adapter.remove: "${normalizedPath}" does not exist`);
    if (stat.type !== "file") throw new Error(`adapter.remove: "${normalizedPath}" is a folder (use rmdir)`);
    await this.backend.remove(path);
    await this.vault.external__(path);
  }

  async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
    const path = root(normalizedPath);
    if (!recursive && (await this.backend.list(path)).length > 0) throw new Error(`adapter.rmdir: "${normalizedPath}" is not empty`);
    await this.backend.remove(path);
    await this.vault.external__(path);
  }

  async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    const from = root(normalizedPath);
    const to = root(normalizedNewPath);
    await this.backend.rename(from, to);
    await this.vault.external__(from);
    await this.vault.external__(to);
  }

  async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
    const to = root(normalizedNewPath);
    if (await this.backend.exists(to)) throw new Error(`adapter.copy: "${normalizedNewPath}" already exists`);
    await this.write(to, await this.backend.read(root(normalizedPath)));
  }

  async trashSystem(normalizedPath: string): Promise<boolean> {
    void normalizedPath;
    return false;
  }

  async trashLocal(normalizedPath: string): Promise<void> {
    const path = root(normalizedPath);
    await this.backend.mkdir(".trash");
    const name = path.slice(path.lastIndexOf("/") + 1);
    await this.backend.rename(path, `.trash/${name}`);
    await this.vault.external__(path);
  }

  getResourcePath(normalizedPath: string): string {
    return `app://local/${encodeURI(root(normalizedPath))}`;
  }
}

function root(path: string): string {
  return path === "/" ? "" : path;
}
