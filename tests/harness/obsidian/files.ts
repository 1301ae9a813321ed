import type { Vault } from "./vault";

export interface FileStats {
  ctime: number;
  mtime: number;
  size: number;
}

function nameOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? path : path.slice(at + 1);
}

export abstract class TAbstractFile {
  vault!: Vault;
  path = "";
  name = "";
  parent: TFolder | null = null;

  /** Stand-in only: moves this entry to `path` (the object is kept, as in the app). */
  setPath__(path: string): void {
    this.path = path;
    this.name = path === "/" ? "" : nameOf(path);
  }
}

export class TFile extends TAbstractFile {
  stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
  basename = "";
  extension = "";

  override setPath__(path: string): void {
    super.setPath__(path);
    const dot = this.name.lastIndexOf(".");
    this.basename = dot > 0 ? this.name.slice(0, dot) : this.name;
    this.extension = dot > 0 ? this.name.slice(dot + 1) : "";
  }
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];

  isRoot(): boolean {
    return this.path === "/";
  }
}

export function createFile__(vault: Vault, path: string, stat: FileStats): TFile {
  const file = new TFile();
  file.vault = vault;
  file.setPath__(path);
  file.stat = { ...stat };
  return file;
}

export function createFolder__(vault: Vault, path: string): TFolder {
  const folder = new TFolder();
  folder.vault = vault;
  folder.setPath__(path);
  return folder;
}

export function parentPathOf(path: string): string {
  const at = path.lastIndexOf("/");
  return at < 0 ? "/" : path.slice(0, at);
}
