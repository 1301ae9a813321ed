/**
 * The loose-touch section in today's daily note, through the built plugin: added when today's note is created,
 * idempotent, nothing else in the note changed, ticking a task there is a touch, older notes and notes that
 * arrive with the section are left alone.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { TFile } from "obsidian";
import type { Harness } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { freezeClock, start } from "./support";

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.unload();
  harness = null;
  vi.useRealTimers();
});

async function begin(options: Parameters<typeof start>[0] = {}): Promise<{ h: Harness; api: NetworkNotesApi }> {
  freezeClock();
  const started = await start(options);
  harness = started.h;
  return started;
}

const SECTION = [
  "## Loose touch",
  "- [ ] Follow through with [[Alice Chen]]: Send the book list (due 2026-11-20)",
  "- [ ] Share something with [[王芳]]",
  "- [ ] Share something with [[Dev Patel]]",
].join("\n");

describe("today's daily note", () => {
  it("gets the section when it is created, after what the template wrote, and nothing else changes", async () => {
    const { h } = await begin();
    const original = "---\nmood: fine\n---\n## Today\n- morning pages\n";
    await h.app.vault.create("Daily/2026-11-26.md", original);
    await h.settle();
    const text = await h.read("Daily/2026-11-26.md");
    expect(text).toBe(`${original}\n${SECTION}\n`);
  });

  it("is idempotent: the command adds nothing twice, keeps ticked and own lines, and adds only what is missing", async () => {
    const { h } = await begin();
    await h.app.vault.create("Daily/2026-11-26.md", "## Today\n");
    await h.settle();
    const file = h.app.vault.getFileByPath("Daily/2026-11-26.md") as TFile;
    await h.app.workspace.getLeaf().openFile(file);

    expect(h.runCommand("network-notes:insert-loose-touch-section")).toBe(true);
    await h.settle();
    expect(h.notices().at(-1)).toBe("Network Notes: the note already has everything on today's list.");
    const once = await h.read("Daily/2026-11-26.md");
    expect(once.match(/## Loose touch/g)).toHaveLength(1);

    // The person ticks Dev, writes a line of their own, and removes 王芳's line.
    const edited = once
      .replace("- [ ] Share something with [[Dev Patel]]", "- [x] Share something with [[Dev Patel]] (sent the meetup photos)")
      .replace("- [ ] Share something with [[王芳]]\n", "")
      .concat("- call mum\n");
    await h.write("Daily/2026-11-26.md", edited);
    await h.settle();
    h.runCommand("network-notes:insert-loose-touch-section");
    await h.settle();
    const after = await h.read("Daily/2026-11-26.md");
    // Only 王芳 comes back, after the last line of the section; the rest is as the person left it.
    expect(after).toBe(`${edited}- [ ] Share something with [[王芳]]\n`);
  });

  it("counts a ticked task there as a touch; unticked ones are neither touches nor commitments", async () => {
    const { h, api } = await begin();
    await h.app.vault.create("Daily/2026-11-26.md", "");
    await h.settle();
    const digest = await api.fullDigest();
    expect(digest.commitments.map((c) => c.text).join("|")).not.toContain("Share something");
    expect(api.statuses().find((s) => s.person.name === "Dev Patel")?.state).toBe("due");

    const text = await h.read("Daily/2026-11-26.md");
    await h.write("Daily/2026-11-26.md", text.replace("- [ ] Share something with [[Dev Patel]]", "- [x] Share something with [[Dev Patel]]"));
    await h.settle();
    const dev = api.statuses().find((s) => s.person.name === "Dev Patel");
    expect(dev?.state).toBe("not-due");
    expect(dev?.lastTouch).toMatchObject({ origin: "dated-note", path: "Daily/2026-11-26.md" });
    expect(api.routine().picks.find((p) => p.name === "Dev Patel")?.done).toBe(true);
  });

  it("fills the empty heading a daily-note template left for it", async () => {
    const { h } = await begin();
    await h.app.vault.create("Daily/2026-11-26.md", "## Loose touch\n\n## Journal\n");
    await h.settle();
    expect(await h.read("Daily/2026-11-26.md")).toBe(`${SECTION}\n\n## Journal\n`);
  });

  it("leaves older daily notes, notes arriving with the section, and ordinary notes alone", async () => {
    const { h } = await begin();
    await h.app.vault.create("Daily/2026-11-21.md", "## Today\n");
    const synced = "## Loose touch\n- [ ] Share something with [[Bob Okafor]]\n";
    await h.app.vault.create("Daily/2026-11-26.md", synced);
    await h.app.vault.create("Notes/Shopping.md", "- eggs\n");
    await h.settle();
    expect(await h.read("Daily/2026-11-21.md")).toBe("## Today\n");
    expect(await h.read("Daily/2026-11-26.md")).toBe(synced);
    expect(await h.read("Notes/Shopping.md")).toBe("- eggs\n");
  });

  it("follows the note's line endings, and can be turned off", async () => {
    const { h } = await begin();
    await h.app.vault.create("Daily/2026-11-26.md", "## Today\r\n- tea\r\n");
    await h.settle();
    const text = await h.read("Daily/2026-11-26.md");
    expect(text).toBe(`## Today\r\n- tea\r\n\r\n${SECTION.replace(/\n/g, "\r\n")}\r\n`);
    await h.unload();
    harness = null;

    const off = await begin({ settings: { dailySection: { enabled: false } } });
    await off.h.app.vault.create("Daily/2026-11-26.md", "## Today\n");
    await off.h.settle();
    expect(await off.h.read("Daily/2026-11-26.md")).toBe("## Today\n");
  });

  it("uses the heading from the settings, and the undo command takes the section out again", async () => {
    const { h } = await begin({ settings: { dailySection: { heading: "People today" } } });
    await h.app.vault.create("Daily/2026-11-26.md", "# 26 November\n");
    await h.settle();
    const text = await h.read("Daily/2026-11-26.md");
    expect(text.startsWith("# 26 November\n\n## People today\n- [ ] ")).toBe(true);
    h.runCommand("network-notes:undo");
    await h.settle();
    expect(await h.read("Daily/2026-11-26.md")).toBe("# 26 November\n");
  });
});
