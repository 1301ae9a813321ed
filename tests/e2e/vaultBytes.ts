/** Every file and folder of a vault folder (config folder and dot-paths included), with a hash of each file's bytes. */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { VaultBackend } from "../harness/obsidian/backend";

export interface VaultBytes {
  files: Map<string, string>;
  folders: string[];
}

/** Every file (with a hash of its bytes) and folder under `root`. Synchronous: much faster for many small files. */
export function snapshotVault(root: string): VaultBytes {
  const files = new Map<string, string>();
  const folders: string[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const relPath = rel === "" ? entry.name : `${rel}/${entry.name}`;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        folders.push(relPath);
        walk(full, relPath);
      } else {
        files.set(relPath, createHash("sha256").update(readFileSync(full)).digest("hex"));
      }
    }
  };
  walk(root, "");
  folders.sort();
  return { files, folders };
}

/** The paths whose bytes differ, appeared or disappeared between two snapshots (empty when nothing changed). */
export function vaultChanges(before: VaultBytes, after: VaultBytes): string[] {
  const out: string[] = [];
  for (const [file, hash] of before.files) {
    const now = after.files.get(file);
    if (now === undefined) out.push(`removed ${file}`);
    else if (now !== hash) out.push(`changed ${file}`);
  }
  for (const file of after.files.keys()) if (!before.files.has(file)) out.push(`created ${file}`);
  const had = new Set(before.folders);
  for (const folder of after.folders) if (!had.has(folder)) out.push(`created folder ${folder}`);
  return out;
}


/** The same snapshot of a vault kept in a stand-in backend (a MemoryBackend) instead of on disk. */
export async function snapshotBackend(backend: VaultBackend): Promise<VaultBytes> {
  const files = new Map<string, string>();
  const folders: string[] = [];
  for (const entry of await backend.walk("")) {
    if (entry.type === "folder") folders.push(entry.path);
    else files.set(entry.path, createHash("sha256").update(await backend.read(entry.path)).digest("hex"));
  }
  folders.sort();
  return { files, folders };
}
