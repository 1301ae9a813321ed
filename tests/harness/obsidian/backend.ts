/**
 * The only way the stand-in touches storage. Paths are vault-relative with forward slashes ("" is the vault root).
 * The Node implementation lives outside this folder (tests/harness/backend-node.ts) so that the stand-in itself
 * can be bundled for a real browser, where the same interface is served over RPC.
 */
export interface BackendStat {
  type: "file" | "folder";
  /** Creation time in ms (birth time where the filesystem records it). */
  ctime: number;
  /** Last modification time in ms. */
  mtime: number;
  size: number;
}

export interface BackendEntry {
  path: string;
  type: "file" | "folder";
}

export interface BackendWriteOptions {
  /** Fail if the file already exists. */
  exclusive?: boolean;
  ctime?: number;
  mtime?: number;
}

export interface VaultBackend {
  /** Direct children of a folder (non-recursive), sorted by path. */
  list(path: string): Promise<BackendEntry[]>;
  /** Every file and folder below `path` (recursive, parents before children), sorted by path. */
  walk(path: string): Promise<BackendEntry[]>;
  read(path: string): Promise<string>;
  /** Writes UTF-8 text; the parent folder must exist. */
  write(path: string, data: string, options?: BackendWriteOptions): Promise<void>;
  stat(path: string): Promise<BackendStat | null>;
  /** Creates the folder and any missing parents; no error if it exists. */
  mkdir(path: string): Promise<void>;
  /** Moves a file or folder; the destination's parent must exist and the destination must not. */
  rename(from: string, to: string): Promise<void>;
  /** Removes a file, or a folder with everything in it. */
  remove(path: string): Promise<void>;
  exists(path: string): Promise<boolean>;
}
