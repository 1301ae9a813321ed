/** The Node implementation of the stand-in's VaultBackend: a real folder on disk. */
import { promises as fs } from "node:fs";
import path from "node:path";
import type { BackendEntry, BackendStat, BackendWriteOptions, VaultBackend } from "./obsidian/backend";

export class NodeBackend implements VaultBackend {
  readonly root: string;

  constructor(root: string) {
    this.root = path.resolve(root);
  }

  async list(dir: string): Promise<BackendEntry[]> {
    const entries = await fs.readdir(this.abs(dir), { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() || e.isDirectory())
      .map((e): BackendEntry => ({ path: join(dir, e.name), type: e.isDirectory() ? "folder" : "file" }))
      .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  async walk(dir: string): Promise<BackendEntry[]> {
    const result: BackendEntry[] = [];
    for (const entry of await this.list(dir)) {
      result.push(entry);
      if (entry.type === "folder") result.push(...(await this.walk(entry.path)));
    }
    return result;
  }

  read(file: string): Promise<string> {
    return fs.readFile(this.abs(file), "utf8");
  }

  async write(file: string, data: string, options: BackendWriteOptions = {}): Promise<void> {
    const target = this.abs(file);
    await fs.writeFile(target, data, { encoding: "utf8", flag: options.exclusive ? "wx" : "w" });
    if (options.mtime !== undefined) {
      const when = new Date(options.mtime);
      await fs.utimes(target, when, when);
    }
  }

  async stat(file: string): Promise<BackendStat | null> {
    try {
      const s = await fs.stat(this.abs(file));
      const birth = s.birthtimeMs > 0 ? s.birthtimeMs : s.ctimeMs;
      return { type: s.isDirectory() ? "folder" : "file", ctime: Math.round(birth), mtime: Math.round(s.mtimeMs), size: s.size };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async mkdir(dir: string): Promise<void> {
    await fs.mkdir(this.abs(dir), { recursive: true });
  }

  async rename(from: string, to: string): Promise<void> {
    if (await this.exists(to)) throw new Error(`rename: "${to}" already exists`);
    await fs.rename(this.abs(from), this.abs(to));
  }

  async remove(file: string): Promise<void> {
    await fs.rm(this.abs(file), { recursive: true });
  }

  async exists(file: string): Promise<boolean> {
    try {
      await fs.access(this.abs(file));
      return true;
    } catch {
      return false;
    }
  }

  /** Vault-relative (forward slashes) to absolute; refuses to leave the vault folder. */
  private abs(file: string): string {
    const relative = file === "/" ? "" : file;
    const full = path.resolve(this.root, ...relative.split("/"));
    if (full !== this.root && !full.startsWith(this.root + path.sep)) throw new Error(`path escapes the vault: ${file}`);
    return full;
  }
}

function join(dir: string, name: string): string {
  return dir === "" || dir === "/" ? name : `${dir}/${name}`;
}
