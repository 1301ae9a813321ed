/**
 * For the hostile-input tests: a temporary vault made from a fixture plus generated files, a snapshot of every
 * byte in it (vaultBytes.ts) to prove nothing changed, and the views a person would look at.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "vitest";
import { repoRoot, standInApp, type Harness } from "../harness/load-plugin";
import { MarkdownPreviewRenderer } from "../harness/obsidian/internal";
import type { MarkdownRenderChild } from "../harness/obsidian/index";
import { modal, modalOpen } from "./modalDom";

export { snapshotVault, vaultChanges, type VaultBytes } from "./vaultBytes";

const VIEW = "network-notes-loose-touch";
const made: string[] = [];

/**
 * A fresh temporary vault: a copy of `fixture` (if any), the `extra` files, and the plugin's manifest written as
 * the harness writes it (so the harness rewriting it changes no byte). Synchronous writes on purpose: for tens of
 * thousands of small files they are several times faster than async ones.
 */
export function prepareVault(fixture: string | null, extra: Record<string, string>): string {
  const temp = mkdtempSync(path.join(os.tmpdir(), "network-notes-hostile-"));
  made.push(temp);
  const dir = path.join(temp, "vault");
  if (fixture) cpSync(path.join(repoRoot, fixture), dir, { recursive: true });
  else mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(repoRoot, "manifest.json"), "utf8")) as { id: string };
  const files = { ...extra, [`.obsidian/plugins/${manifest.id}/manifest.json`]: `${JSON.stringify(manifest, null, 2)}\n` };
  const folders = new Set<string>();
  for (const [file, text] of Object.entries(files)) {
    const target = path.join(dir, ...file.split("/"));
    const folder = path.dirname(target);
    if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
    folders.add(folder);
    writeFileSync(target, text, "utf8");
  }
  return dir;
}

/** Removes every vault `prepareVault` made (call in afterAll: the large one holds 50,000 files). */
export function removeVaults(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

interface ViewLike {
  containerEl: HTMLElement;
}

/** Opens the loose-touch view through its command and returns what it drew. */
export async function openView(h: Harness): Promise<HTMLElement> {
  expect(h.runCommand("network-notes:open-loose-touch")).toBe(true);
  await h.settle();
  const view = h.app.workspace.getLeavesOfType(VIEW)[0]?.view as unknown as ViewLike | undefined;
  if (!view) throw new Error("the view did not open");
  return view.containerEl;
}

/** Renders a `network-notes` code block as reading view would. */
export function renderBlock(source: string): { el: HTMLElement; child: MarkdownRenderChild } {
  const processor = MarkdownPreviewRenderer.codeBlockProcessors__.get("network-notes") as unknown as { handler__: (s: string, el: HTMLElement, ctx: unknown) => void };
  const el = document.createElement("div");
  let child: MarkdownRenderChild | null = null;
  processor.handler__(source, el, { sourcePath: "Notes/Readme.md", addChild: (c: MarkdownRenderChild) => { child = c; c.load(); } });
  if (!child) throw new Error("the block added no child");
  return { el, child };
}

/** Closes every open modal with Escape, as a person would. */
export function closeModals(): void {
  while (modalOpen()) modal().dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
}

export const statusText = (h: Harness): string | null | undefined =>
  standInApp(h.app).statusBarEl__.querySelector(".plugin-network-notes")?.textContent;
