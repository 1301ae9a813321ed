/**
 * The CLI and the plugin give the same digest for the same vault: a generated benchmark vault (small) written to a
 * folder, the CLI run on it (cold, then warm from its note cache) and the built plugin loaded over the same folder.
 * Speed work on either side cannot change what they say.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate";
import { loadPlugin } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";

const work = mkdtempSync(path.join(tmpdir(), "network-notes-agree-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A generated vault in a folder, its files dated an hour ago (the CLI's note cache keeps no record of newer ones). */
function writeVault(name: string): string {
  const dir = path.join(work, name);
  const vault = generateVault({ people: 120, datedNotes: 1200 });
  const when = new Date(Date.now() - 3_600_000);
  for (const [rel, text] of [...vault.files, ...[...vault.config].map(([rel, text]) => [`.obsidian/${rel}`, text] as const)]) {
    const file = path.join(dir, rel);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    utimesSync(file, when, when);
  }
  return dir;
}

type Api = NetworkNotesApi;
const picture = (api: Api) => api.statuses("2026-11-26").map((s) => `${s.person.path} ${s.state} ${s.lastTouch?.day ?? ""} ${s.lastTouch?.path ?? ""}`).sort();

describe.runIf(existsSync("dist/cli.mjs") && existsSync("main.js"))("the CLI and the plugin", () => {
  it("give the same digest for a generated vault, and so does the CLI's warm run", async () => {
    const dir = writeVault("vault");
    const env = { ...process.env, LANG: "C", XDG_CACHE_HOME: path.join(work, "cache") };
    const run = () => spawnSync("node", ["bin/network-notes.mjs", "digest", "--vault", dir, "--date", "2026-11-26", "--json"], { encoding: "utf8", env });
    const cold = run();
    expect(cold.status).toBe(0);
    const warm = run();
    expect(warm.stdout).toBe(cold.stdout);
    const { dailyNotes: _daily, ...fromCli } = JSON.parse(cold.stdout) as Record<string, unknown>;

    const h = await loadPlugin({ vaultDir: dir });
    try {
      await h.settle();
      const api = (h.plugin as { api: NetworkNotesApi }).api;
      expect(api.ready()).toBe(true);
      const fromPlugin = JSON.parse(JSON.stringify(await api.fullDigest("2026-11-26"))) as Record<string, unknown>;
      expect(fromPlugin).toEqual(fromCli);
      expect((fromPlugin.due as unknown[]).length).toBeGreaterThan(0);
      expect((fromPlugin.commitments as unknown[]).length).toBeGreaterThan(0);
      expect((fromPlugin.problems as unknown[]).length).toBeGreaterThan(0);
    } finally {
      await h.unload();
    }
  }, 120_000);
});

describe.runIf(existsSync("main.js"))("the plugin's index build at start-up", () => {
  it("runs in slices, and notes changed meanwhile are in the index it shows", async () => {
    const dir = writeVault("sliced");
    const h = await loadPlugin({ vaultDir: dir });
    try {
      const api = (h.plugin as { api: Api }).api;
      // The layout is ready and the build has started, but a vault this size takes more than one slice.
      expect(api.ready()).toBe(false);
      expect(api.people()).toEqual([]);
      // While it runs: a new dated note touches someone, who then gets a person note.
      await h.write("Meetings/2026/2026-11-26 Tea.md", "---\ndate: 2026-11-26\n---\n- Tea with [[Zed Newcomer]]\n");
      await h.write("People/Zed Newcomer.md", "---\ntier: familiar\n---\n# Zed\n");
      await h.settle();
      expect(api.ready()).toBe(true);
      const zed = api.statuses("2026-11-26").find((s) => s.person.path === "People/Zed Newcomer.md");
      expect(zed?.lastTouch?.path).toBe("Meetings/2026/2026-11-26 Tea.md");
      const shown = picture(api);
      // The same as building again from scratch now.
      await (h.plugin as { indexer: { rebuild(): Promise<void> } }).indexer.rebuild();
      await h.settle();
      expect(picture(api)).toEqual(shown);
    } finally {
      await h.unload();
    }
  }, 120_000);
});
