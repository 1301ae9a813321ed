/**
 * The built plugin over a generated vault of 50,000 people (deterministic; kept in the stand-in's memory backend,
 * so the speed of a shared disk does not weigh on the suite): it
 * indexes them all, lists the few broken notes, and the view draws only a window of rows. The budget is DOM
 * nodes, not time: speed is measured by the benchmarks, never asserted here.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { MemoryBackend } from "../harness/browser/memory-backend";
import { loadPlugin, repoRoot } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { freezeClock } from "./support";
import { openView, statusText } from "./hostileSupport";
import { snapshotBackend, vaultChanges } from "./vaultBytes";

afterAll(() => {
  vi.useRealTimers();
});

describe("a vault of 50,000 people", () => {
  const PEOPLE = 50_000;
  const TIERS = ["familiar", "intimate", "meaningful", "unfamiliar"];

  /** Deterministic: person i has tier i mod 4 and a last touch spread over 2026, a few with a broken date. */
  function people(): Record<string, string> {
    const files: Record<string, string> = {};
    for (let i = 0; i < PEOPLE; i++) {
      const month = String(1 + (i % 10)).padStart(2, "0");
      const day = String(1 + (i % 28)).padStart(2, "0");
      const touch = i % 1000 === 7 ? "someday" : `2026-${month}-${day}`;
      files[`People/${String(Math.floor(i / 1000)).padStart(2, "0")}/Person ${String(i).padStart(5, "0")}.md`] =
        `---\ntier: ${TIERS[i % 4]}\nlast_touch: ${touch}\n---\n`;
    }
    files["Journal/2026/11/2026-11-25.md"] = "Met [[Person 00001]] and [[Person 00002]].\n";
    return files;
  }

  it("indexes them all, and the view draws a window of rows within its node budget", async () => {
    freezeClock();
    const manifest = readFileSync(path.join(repoRoot, "manifest.json"), "utf8");
    const backend = MemoryBackend.from({
      ...people(),
      ".obsidian/daily-notes.json": JSON.stringify({ folder: "Journal", format: "YYYY/MM/YYYY-MM-DD" }),
      // As the harness writes it, so writing it again changes no byte.
      ".obsidian/plugins/network-notes/manifest.json": `${JSON.stringify(JSON.parse(manifest), null, 2)}\n`,
    });
    const before = await snapshotBackend(backend);
    const h = await loadPlugin({ backend });
    await h.settle();
    const api = (h.plugin as { api: NetworkNotesApi }).api;
    expect(api.people()).toHaveLength(PEOPLE);
    expect(api.problems()).toHaveLength(PEOPLE / 1000);
    expect(api.statuses().find((s) => s.person.name === "Person 00001")?.lastTouch).toMatchObject({ origin: "dated-note" });
    const due = api.digest().due;
    expect(due.length).toBeGreaterThan(10_000);

    const view = await openView(h);
    const section = view.querySelector<HTMLElement>('[data-section="due"]');
    expect(section?.querySelector(".network-notes-section-header")?.textContent).toContain(String(due.length));
    const rows = section?.querySelectorAll(".network-notes-row").length ?? 0;
    expect(rows).toBeGreaterThan(5);
    expect(rows).toBeLessThan(60);
    expect(view.querySelectorAll("*").length).toBeLessThan(2000);
    expect(statusText(h)).toBe(`${due.length} due`);
    await h.unload();
    expect(vaultChanges(before, await snapshotBackend(backend))).toEqual([]);
    vi.useRealTimers();
  }, 600_000);
});
