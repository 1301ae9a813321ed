import { describe, expect, it } from "vitest";
import { afterSettings } from "../../src/obsidian/afterSettings";

function gate() {
  let loaded = false;
  let release!: () => void;
  const whenLoaded = new Promise<void>((resolve) => (release = () => { loaded = true; resolve(); }));
  return { gate: { loaded: () => loaded, whenLoaded: () => whenLoaded }, open: release };
}

describe("afterSettings", () => {
  it("runs a callback at once when the settings are read, and later when they are not yet", async () => {
    const runs: string[] = [];
    const g = gate();
    const command = afterSettings({ id: "x", name: "X", callback: () => void runs.push("ran") }, g.gate);
    command.callback?.();
    expect(runs).toEqual([]);
    g.open();
    await Promise.resolve();
    await Promise.resolve();
    expect(runs).toEqual(["ran"]);
    command.callback?.();
    expect(runs).toEqual(["ran", "ran"]);
  });

  it("answers a check at once, and defers the run of a command that applies", async () => {
    const calls: boolean[] = [];
    let applies = true;
    const g = gate();
    const command = afterSettings({ id: "x", name: "X", checkCallback: (checking) => (calls.push(checking), applies) }, g.gate);
    expect(command.checkCallback?.(true)).toBe(true);
    expect(command.checkCallback?.(false)).toBe(true); // checked now, run later
    expect(calls).toEqual([true, true]);
    applies = false;
    expect(command.checkCallback?.(false)).toBe(false); // does not apply: not run, not deferred
    g.open();
    await Promise.resolve();
    await Promise.resolve();
    expect(calls).toEqual([true, true, true, false]);
  });
});
