/**
 * An in-memory VaultBackend for the stand-in in a browser (or anywhere without a filesystem). It behaves like
 * the Node backend (../backend-node.ts) over a real folder: the same ordering, the same failures (a missing
 * parent, an existing target, a folder in the way), UTF-8 sizes, and times that move only when a file is written.
 */
import type { BackendEntry, BackendStat, BackendWriteOptions, VaultBackend } from "../obsidian/backend";

interface Node {
  type: "file" | "folder";
  data: string;
  ctime: number;
  mtime: number;
}

/** An error shaped like Node's fs errors (`code`, `path`), so callers can tell ENOENT from EEXIST. */
export class BackendError extends Error {
  constructor(
    readonly code: "ENOENT" | "EEXIST" | "EISDIR" | "ENOTDIR" | "EINVAL",
    operation: string,
    readonly path: string,
  ) {
    super(`${code}: ${operation} "${path}"`);
    this.name = "BackendError";
  }
}

const encoder = new TextEncoder();

function byPath(a: BackendEntry, b: BackendEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export interface MemoryBackendOptions {
  /** The clock for new files and writes without an explicit mtime. Default `Date.now`. */
  now?: () => number;
}

export class MemoryBackend implements VaultBackend {
  private readonly nodes = new Map<string, Node>();
  private readonly now: () => number;

  constructor(options: MemoryBackendOptions = {}) {
    this.now = options.now ?? (() => Date.now());
    const t = this.now();
    this.nodes.set("", { type: "folder", data: "", ctime: t, mtime: t });
  }

  /** Fills the backend from vault-relative paths to text, making parent folders as needed. */
  static from(files: Record<string, string>, options: MemoryBackendOptions & { mtimes?: Record<string, number> } = {}): MemoryBackend {
    const backend = new MemoryBackend(options);
    for (const [file, text] of Object.entries(files)) {
      const path = backend.key(file);
      backend.mkdirSync(parentOf(path));
      const mtime = options.mtimes?.[file];
      backend.writeSync(path, text, mtime === undefined ? {} : { mtime, ctime: mtime });
    }
    return backend;
  }

  async list(dir: string): Promise<BackendEntry[]> {
    return this.listSync(this.key(dir));
  }

  async walk(dir: string): Promise<BackendEntry[]> {
    const result: BackendEntry[] = [];
    const visit = (path: string) => {
      for (const entry of this.listSync(path)) {
        result.push(entry);
        if (entry.type === "folder") visit(entry.path);
      }
    };
    visit(this.key(dir));
    return result;
  }

  async read(file: string): Promise<string> {
    const path = this.key(file);
    const node = this.nodes.get(path);
    if (!node) throw new BackendError("ENOENT", "read", path);
    if (node.type === "folder") throw new BackendError("EISDIR", "read", path);
    return node.data;
  }

  async write(file: string, data: string, options: BackendWriteOptions = {}): Promise<void> {
    this.writeSync(this.key(file), data, options);
  }

  async stat(file: string): Promise<BackendStat | null> {
    const node = this.nodes.get(this.key(file));
    if (!node) return null;
    return { type: node.type, ctime: node.ctime, mtime: node.mtime, size: node.type === "file" ? encoder.encode(node.data).length : 0 };
  }

  async mkdir(dir: string): Promise<void> {
    this.mkdirSync(this.key(dir));
  }

  async rename(from: string, to: string): Promise<void> {
    const source = this.key(from);
    const target = this.key(to);
    const node = this.nodes.get(source);
    if (!node || source === "") throw new BackendError("ENOENT", "rename", source);
    if (this.nodes.has(target)) throw new Error(`rename: "${target}" already exists`);
    this.requireFolder(parentOf(target), "rename", target);
    if (node.type === "folder" && target.startsWith(`${source}/`)) throw new BackendError("EINVAL", "rename a folder into itself", target);
    const moved = [...this.nodes.entries()].filter(([path]) => path === source || path.startsWith(`${source}/`));
    for (const [path] of moved) this.nodes.delete(path);
    for (const [path, moving] of moved) this.nodes.set(target + path.slice(source.length), moving);
    this.touchFolder(parentOf(source));
    this.touchFolder(parentOf(target));
  }

  async remove(file: string): Promise<void> {
    const path = this.key(file);
    if (!this.nodes.has(path)) throw new BackendError("ENOENT", "remove", path);
    if (path === "") throw new BackendError("EINVAL", "remove the vault root", path);
    for (const key of [...this.nodes.keys()]) if (key === path || key.startsWith(`${path}/`)) this.nodes.delete(key);
    this.touchFolder(parentOf(path));
  }

  async exists(file: string): Promise<boolean> {
    return this.nodes.has(this.key(file));
  }

  /** Every file's text, by vault-relative path (for checks and snapshots). */
  files(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [path, node] of [...this.nodes.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (node.type === "file") out[path] = node.data;
    }
    return out;
  }

  private listSync(dir: string): BackendEntry[] {
    this.requireFolder(dir, "list", dir);
    const prefix = dir === "" ? "" : `${dir}/`;
    const entries: BackendEntry[] = [];
    for (const [path, node] of this.nodes) {
      if (path === "" || !path.startsWith(prefix) || path.slice(prefix.length).includes("/")) continue;
      entries.push({ path, type: node.type });
    }
    return entries.sort(byPath);
  }

  private writeSync(path: string, data: string, options: BackendWriteOptions): void {
    if (path === "") throw new BackendError("EISDIR", "write", path);
    this.requireFolder(parentOf(path), "write", path);
    const existing = this.nodes.get(path);
    if (existing?.type === "folder") throw new BackendError("EISDIR", "write", path);
    if (existing && options.exclusive) throw new BackendError("EEXIST", "write", path);
    const now = this.now();
    const mtime = options.mtime ?? now;
    if (existing) {
      existing.data = data;
      existing.mtime = mtime;
      return;
    }
    this.nodes.set(path, { type: "file", data, ctime: options.ctime ?? (options.mtime !== undefined ? Math.min(now, mtime) : now), mtime });
    this.touchFolder(parentOf(path));
  }

  private mkdirSync(dir: string): void {
    if (dir === "") return;
    const node = this.nodes.get(dir);
    if (node?.type === "folder") return;
    if (node) throw new BackendError("EEXIST", "mkdir (a file is in the way)", dir);
    this.mkdirSync(parentOf(dir));
    const t = this.now();
    this.nodes.set(dir, { type: "folder", data: "", ctime: t, mtime: t });
    this.touchFolder(parentOf(dir));
  }

  private requireFolder(dir: string, operation: string, path: string): void {
    const node = this.nodes.get(dir);
    if (!node) throw new BackendError("ENOENT", operation, path);
    if (node.type !== "folder") throw new BackendError("ENOTDIR", operation, path);
  }

  /** A folder's mtime moves when an entry is added or removed, as on disk. */
  private touchFolder(dir: string): void {
    const node = this.nodes.get(dir);
    if (node?.type === "folder") node.mtime = this.now();
  }

  /** Vault-relative with forward slashes; "" and "/" are the root. Refuses to leave the vault. */
  private key(file: string): string {
    const parts: string[] = [];
    for (const part of file.split("/")) {
      if (part === "" || part === ".") continue;
      if (part === "..") {
        if (parts.length === 0) throw new Error(`path escapes the vault: ${file}`);
        parts.pop();
      } else parts.push(part);
    }
    return parts.join("/");
  }
}

function parentOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? "" : path.slice(0, at);
}
