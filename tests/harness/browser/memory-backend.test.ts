/** The in-memory backend answers like the Node backend over a real folder, step by step. */
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { NodeBackend } from "../backend-node";
import type { VaultBackend } from "../obsidian/backend";
import { MemoryBackend } from "./memory-backend";

type Step = (b: VaultBackend) => Promise<unknown>;

/** What a step did: its value, with times dropped (they differ between the two), or that it failed. */
async function outcome(step: Step, backend: VaultBackend): Promise<unknown> {
  try {
    const value = await step(backend);
    if (value && typeof value === "object" && "mtime" in value) {
      const { ctime: _c, mtime: _m, ...rest } = value as Record<string, unknown>;
      void _c;
      void _m;
      return { ok: rest };
    }
    return { ok: value ?? null };
  } catch {
    return "fails";
  }
}

const STEPS: [string, Step][] = [
  ["list the empty root", (b) => b.list("")],
  ["write at the root", (b) => b.write("a.md", "hello")],
  ["write into a missing folder", (b) => b.write("x/y.md", "no")],
  ["mkdir with parents", (b) => b.mkdir("People/Work")],
  ["mkdir again", (b) => b.mkdir("People/Work")],
  ["mkdir over a file", (b) => b.mkdir("a.md")],
  ["write in a folder", (b) => b.write("People/Work/Ann.md", "# Ann\n")],
  ["write unicode", (b) => b.write("People/王芳.md", "读研时的室友 📅")],
  ["stat unicode size", (b) => b.stat("People/王芳.md")],
  ["exclusive write over a file", (b) => b.write("a.md", "again", { exclusive: true })],
  ["overwrite", (b) => b.write("a.md", "changed")],
  ["read", (b) => b.read("a.md")],
  ["read a folder", (b) => b.read("People")],
  ["read a missing file", (b) => b.read("nope.md")],
  ["write over a folder", (b) => b.write("People", "x")],
  ["stat a folder", async (b) => (await b.stat("People"))?.type],
  ["stat missing", (b) => b.stat("nope.md")],
  ["exists", (b) => b.exists("People/Work/Ann.md")],
  ["exists root", (b) => b.exists("")],
  ["list a folder", (b) => b.list("People")],
  ["list a file", (b) => b.list("a.md")],
  ["list missing", (b) => b.list("nope")],
  ["walk", (b) => b.walk("")],
  ["rename onto an existing path", (b) => b.rename("a.md", "People/王芳.md")],
  ["rename into a missing folder", (b) => b.rename("a.md", "gone/a.md")],
  ["rename a missing file", (b) => b.rename("nope.md", "b.md")],
  ["rename a file", (b) => b.rename("a.md", "People/a.md")],
  ["rename a folder", (b) => b.rename("People/Work", "Work")],
  ["walk after renames", (b) => b.walk("")],
  ["dot segments stay inside", (b) => b.read("People/../Work/Ann.md")],
  ["escape the vault", (b) => b.read("../outside.md")],
  ["remove a folder", (b) => b.remove("Work")],
  ["remove missing", (b) => b.remove("Work")],
  ["walk at the end", (b) => b.walk("")],
];

describe("MemoryBackend matches NodeBackend", () => {
  let dir = "";
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("gives the same results and failures for the same steps", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "network-notes-backend-"));
    const disk = new NodeBackend(dir);
    const memory = new MemoryBackend();
    for (const [name, step] of STEPS) {
      const expected = await outcome(step, disk);
      expect({ step: name, result: await outcome(step, memory) }).toEqual({ step: name, result: expected });
    }
  });

  it("keeps times: mtime when asked, and a folder's mtime moves when an entry is added", async () => {
    let now = 1_000;
    const memory = new MemoryBackend({ now: () => now });
    await memory.mkdir("Daily");
    now = 2_000;
    await memory.write("Daily/a.md", "x", { mtime: 1_500 });
    expect(await memory.stat("Daily/a.md")).toMatchObject({ mtime: 1_500, size: 1 });
    expect((await memory.stat("Daily"))?.mtime).toBe(2_000);
    now = 3_000;
    await memory.write("Daily/a.md", "xy");
    expect(await memory.stat("Daily/a.md")).toMatchObject({ ctime: 1_500, mtime: 3_000, size: 2 });
  });

  it("fills itself from a path → text map", async () => {
    const memory = MemoryBackend.from({ "People/Ann.md": "a", ".obsidian/app.json": "{}" });
    expect(await memory.walk("")).toEqual([
      { path: ".obsidian", type: "folder" },
      { path: ".obsidian/app.json", type: "file" },
      { path: "People", type: "folder" },
      { path: "People/Ann.md", type: "file" },
    ]);
    expect(memory.files()).toEqual({ ".obsidian/app.json": "{}", "People/Ann.md": "a" });
  });
});
