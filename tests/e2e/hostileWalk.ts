/**
 * Walks every part of the plugin's UI that shows user data, over the hostile vault (tests/fixtures/hostileVault.ts),
 * and checks after each step that nothing from the data became markup. Runs in the stand-in under Vitest
 * (happy-dom) and, bundled, in real Chromium (tests/browser/xss.test.ts): it needs only the DOM and a host.
 */
import type { App } from "obsidian";
import { Menu, MarkdownPreviewRenderer } from "../harness/obsidian/internal";
import { IMG, NAMES, SCRIPT_OPEN, SVG } from "../fixtures/hostileVault";

export interface WalkHost {
  app: App;
  /** Runs pending work and event handlers; throws what they threw. */
  settle(): Promise<void>;
  runCommand(id: string): boolean;
  notices(): string[];
}

/** What each step saw, for the caller's own checks. */
export interface WalkLog {
  steps: string[];
  /** The text shown in the document after each step, by step. */
  text: Record<string, string>;
  /** The text of the topmost modal after each step ("" when none is open). */
  modalText: Record<string, string>;
}

const ELEMENTS = "script, iframe, frame, object, embed, img, image, base, meta, link, form, math, template, video, audio, source";
const URL_ATTRS = ["href", "src", "srcdoc", "action", "formaction", "xlink:href", "data", "poster", "background"];

/**
 * Throws when the document holds anything a payload could have made: an element marked `data-nn-xss`, an element
 * kind the plugin never creates, an inline event handler, a script URL, or the flag a handler would have set.
 */
export function assertInert(where: string, root: ParentNode = document.body): void {
  const problems: string[] = [];
  const marked = root.querySelectorAll("[data-nn-xss]");
  if (marked.length > 0) problems.push(`${marked.length} element(s) from a payload (data-nn-xss)`);
  for (const el of Array.from(root.querySelectorAll(ELEMENTS))) problems.push(`a <${el.tagName.toLowerCase()}> element`);
  for (const el of Array.from(root.querySelectorAll("*"))) {
    for (const attr of Array.from(el.attributes)) {
      const name = attr.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`an inline handler ${name} on <${el.tagName.toLowerCase()}>`);
      if (URL_ATTRS.includes(name) && /^\s*(?:javascript|vbscript|data):/i.test(attr.value)) problems.push(`a script URL in ${name} on <${el.tagName.toLowerCase()}>`);
    }
  }
  if ((globalThis as { __nnXss?: unknown }).__nnXss !== undefined) problems.push("a payload's handler ran (window.__nnXss is set)");
  if (problems.length > 0) throw new Error(`${where}: ${problems.join("; ")}`);
}

async function until(host: WalkHost, ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    await host.settle();
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const modals = () => Array.from(document.querySelectorAll<HTMLElement>(".modal-container .modal"));
const topModal = (): HTMLElement => {
  const m = modals().at(-1);
  if (!m) throw new Error("no modal is open");
  return m;
};

function setValue(el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, value: string, event = "input"): void {
  el.value = value;
  el.dispatchEvent(new Event(event));
}

function button(text: string): HTMLButtonElement {
  const b = Array.from(topModal().querySelectorAll<HTMLButtonElement>("button")).find((x) => x.textContent === text);
  if (!b) throw new Error(`no button "${text}" in the modal`);
  return b;
}

export async function walkHostileUi(host: WalkHost): Promise<WalkLog> {
  const { app } = host;
  const log: WalkLog = { steps: [], text: {}, modalText: {} };
  const step = async (name: string) => {
    await host.settle();
    assertInert(name);
    log.steps.push(name);
    log.text[name] = document.body.textContent ?? "";
    log.modalText[name] = modals().at(-1)?.textContent ?? "";
  };
  const closeModals = async () => {
    for (let i = 0; i < 10 && modals().length > 0; i++) {
      const top = modals().at(-1);
      const close = top?.querySelector<HTMLElement>(".modal-close-button");
      if (close) close.click();
      else (top?.querySelector(".prompt-input") ?? top)?.dispatchEvent(new KeyboardEvent("keydown", { key: "Escape", bubbles: true }));
    }
    if (modals().length > 0) throw new Error(`a modal would not close: ${modals().map((m) => `${m.className} ${m.textContent?.slice(0, 80)}`).join(" / ")}`);
    for (const menu of Menu.shown__.slice()) menu.hide();
    await host.settle();
  };
  const command = async (id: string, name: string, ready: () => boolean = () => modals().length > 0) => {
    if (!host.runCommand(`network-notes:${id}`)) throw new Error(`command ${id} did not run`);
    await until(host, ready, name);
    await step(name);
  };
  const openNote = async (path: string) => {
    const file = app.vault.getFileByPath(path);
    if (!file) throw new Error(`no note ${path}`);
    await app.workspace.getLeaf(false).openFile(file);
    await host.settle();
  };

  // The view: every section, every row's menu, the filter; the status bar is on the page throughout.
  await command("open-loose-touch", "the loose-touch view", () => app.workspace.getLeavesOfType("network-notes-loose-touch").length > 0);
  const viewEl = () => (app.workspace.getLeavesOfType("network-notes-loose-touch")[0]?.view as unknown as { containerEl: HTMLElement }).containerEl;
  const more = Array.from(viewEl().querySelectorAll<HTMLElement>(".network-notes-more"));
  if (more.length === 0) throw new Error("the view shows no rows with a menu");
  for (const [i, b] of more.entries()) {
    b.click();
    await step(`row menu ${i + 1}`);
    for (const menu of Menu.shown__.slice()) menu.hide();
  }
  const filter = viewEl().querySelector<HTMLInputElement>(".network-notes-filter");
  if (filter) {
    setValue(filter, IMG);
    await step("the view's filter");
    setValue(filter, "");
  }
  viewEl().querySelector<HTMLElement>(".network-notes-problems-link")?.click();
  await step("problems from the view");
  await closeModals();

  // The code block in a daily note, as reading view would render it.
  const processor = MarkdownPreviewRenderer.codeBlockProcessors__.get("network-notes") as unknown as { handler__: (s: string, el: HTMLElement, ctx: unknown) => void } | undefined;
  if (!processor) throw new Error("no network-notes code block processor");
  const blockEl = document.body.createDiv("nn-hostile-block");
  const children: { unload(): void }[] = [];
  processor.handler__(`show: due, follow-ups, ${IMG}\n${SVG}: 1\n`, blockEl, { sourcePath: "Daily/2026-11-25.md", addChild: (c: { load(): void; unload(): void }) => { children.push(c); c.load(); } });
  await step("the code block");
  for (const c of children) c.unload();
  blockEl.remove();

  // Modals with no person note open: the person picker, the lists, problems, the digest.
  await command("show-problems", "the problems modal");
  await closeModals();
  await command("show-due-today", "the digest modal");
  await closeModals();
  await command("list-open-commitments", "open commitments");
  await closeModals();
  await command("log-touch", "the person picker");
  setValue(topModal().querySelector<HTMLInputElement>(".prompt-input")!, "img");
  await step("the person picker, filtered");
  await closeModals();

  // One person's note open: every form about them.
  await openNote(`People/${NAMES.img}.md`);
  await command("log-touch", "the log-touch form");
  setValue(topModal().querySelector<HTMLInputElement>(".network-notes-touch-note")!, `${SCRIPT_OPEN} ${IMG}`);
  button("Log it").click();
  await until(host, () => document.querySelector(".notice .network-notes-undo") !== null, "the logged notice");
  await step("the logged notice with Undo");
  document.querySelector<HTMLButtonElement>(".notice .network-notes-undo")?.click();
  await until(host, () => (host.notices().at(-1) ?? "").startsWith("Undone"), "the undo notice");
  await step("the undone notice");

  await command("before-you-ask", "before you ask");
  await closeModals();
  await command("add-commitment-mine", "the commitment form");
  setValue(topModal().querySelector<HTMLInputElement>(".network-notes-commitment-text")!, `${SVG} ${IMG}`);
  await step("the commitment preview");
  button("Add").click();
  await until(host, () => modals().length === 0, "the commitment form to close");
  await step("the commitment notice");
  await command("complete-commitment", "the commitment picker");
  await closeModals();
  await command("set-tier", "the tier picker");
  await closeModals();
  await command("set-tier-goal", "the tier goal picker");
  await closeModals();
  await command("snooze", "the snooze form");
  await closeModals();
  await command("prepare-conversation", "the prep modal", () => topModalHas(".network-notes-prep"));
  for (const box of Array.from(topModal().querySelectorAll<HTMLInputElement>(".network-notes-prep-question input")).slice(0, 3)) {
    box.checked = true;
    box.dispatchEvent(new Event("change"));
  }
  await step("the prep modal, questions ticked");
  await closeModals();
  await command("write-message", "the message modal", () => topModalHas(".network-notes-message"));
  const kind = topModal().querySelector<HTMLSelectElement>(".network-notes-message-kind");
  if (!kind || !Array.from(kind.options).some((o) => o.value === "hostile")) throw new Error("the hostile message template is not offered");
  setValue(kind, "hostile", "change");
  await step("the message modal, hostile template");
  await closeModals();

  // Another person's note: the one with unreadable fields, the section into a daily note.
  await openNote(`People/${NAMES.svg}.md`);
  await command("log-touch", "the log-touch form (second person)");
  await closeModals();
  await openNote("Daily/2026-11-25.md");
  if (!host.runCommand("network-notes:insert-loose-touch-section")) throw new Error("insert-loose-touch-section did not run");
  await until(host, () => host.notices().length > 0, "the section notice");
  await step("the section notice");

  // New person with a hostile name: the form, the notices after it.
  await command("new-person", "the new person form");
  setValue(topModal().querySelector<HTMLInputElement>(".network-notes-new-name")!, `${IMG} ${SCRIPT_OPEN}`);
  setValue(topModal().querySelector<HTMLInputElement>(".network-notes-new-interests")!, `${SVG}, ${IMG}`);
  button("Create").click();
  await until(host, () => modals().length === 0 && host.notices().some((n) => n.startsWith("Made a note")), "the new person notice");
  await step("the new person notices");

  // The settings tab, with payloads in its free text.
  (app as unknown as { setting: { openTabById(id: string): unknown; close(): void } }).setting.openTabById("network-notes");
  await step("the settings tab");
  (app as unknown as { setting: { close(): void } }).setting.close();
  await closeModals();
  return log;
}

function topModalHas(selector: string): boolean {
  return modals().at(-1)?.querySelector(selector) !== null && modals().length > 0;
}
