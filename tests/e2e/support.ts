/** Shared set-up for end-to-end tests: a frozen clock and the built plugin loaded over a fixture vault. */
import { vi } from "vitest";
import { loadPlugin, type Harness, type LoadOptions } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";

export const BASIC = "tests/fixtures/vaults/basic";

export function freezeClock(iso = "2026-11-26T09:00:00"): void {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(iso));
}

export async function start(options: LoadOptions = {}): Promise<{ h: Harness; api: NetworkNotesApi }> {
  const h = await loadPlugin({ fixture: BASIC, ...options });
  await h.settle();
  return { h, api: (h.plugin as { api: NetworkNotesApi }).api };
}

/**
 * What every end-to-end test does after itself: unload the plugin, real timers again, and nothing left on the page
 * (modals, notices, menus, plus any `extra` selector).
 */
export async function cleanUp(h: Harness | undefined, extra = ""): Promise<void> {
  await h?.unload();
  vi.useRealTimers();
  for (const el of document.body.querySelectorAll(`.modal-container, .notice-container, .menu${extra ? `, ${extra}` : ""}`)) el.remove();
}
