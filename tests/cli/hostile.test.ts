/** The terminal digest over the hostile fixture vault: it agrees with the plugin and writes nothing. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { snapshotVault, vaultChanges } from "../e2e/vaultBytes";

describe.runIf(existsSync("dist/cli.mjs"))("network-notes digest over awkward notes", () => {
  it("lists the same due people and problems as the plugin, and changes no byte", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "network-notes-cli-hostile-"));
    try {
      const vault = path.join(dir, "hostile");
      cpSync("tests/fixtures/vaults/hostile", vault, { recursive: true });
      const before = snapshotVault(vault);
      const r = spawnSync("node", ["bin/network-notes.mjs", "digest", "--vault", vault, "--date", "2026-11-26", "--json", "--no-cache"], { encoding: "utf8" });
      expect(r.status).toBe(0);
      const digest = JSON.parse(r.stdout) as { due: { name: string }[]; problems: { path: string; code: string; fix: string }[] };
      // The plugin's own list is in tests/e2e/hostile.test.ts (there with a generated huge note as well).
      expect(digest.due.map((d) => d.name)).toEqual(["Cleo Park", "Crlf Note", "Bom Note", "Ana Souza"]);
      expect(digest.problems).toHaveLength(28);
      expect(new Set(digest.problems.map((p) => p.code))).toEqual(new Set([
        "birthday-unreadable", "date-unreadable", "date-in-future", "name-shared", "yaml-unreadable", "cadence-unreadable", "list-expected",
        "flag-not-boolean", "tier-unknown", "tier-goal-unknown", "list-unreadable", "item-not-text", "name-unlinkable",
      ]));
      expect(digest.problems.every((p) => p.fix.length > 15)).toBe(true);
      expect(vaultChanges(before, snapshotVault(vault))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
