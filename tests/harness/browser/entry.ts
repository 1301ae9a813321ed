/**
 * The stand-in in a real browser, for screenshots (scripts/screenshots.mjs bundles this with esbuild).
 * `window.networkNotesShots.start(options)` builds the app over an in-memory vault, loads main.js's code the way
 * ../load-plugin.ts does (same startup order, `require` gives only "obsidian"), opens a note in the main area,
 * runs the given commands and waits until everything has settled.
 */
import * as obsidian from "../obsidian/index";
import { configurePlatform, runtime } from "../obsidian/internal";
import { drawIcons } from "./icons";
import { MemoryBackend } from "./memory-backend";
import { obsidianModule, pluginClassOf, startPlugin } from "./startup";
// The moment locales the screenshots can use besides English (load-plugin.ts loads them from node_modules).
import "moment/locale/zh-cn";

export interface ShotOptions {
  /** Vault-relative path → text: the whole vault, including `.obsidian/` files. */
  files: Record<string, string>;
  vaultName: string;
  manifest: obsidian.PluginManifest;
  /** The built main.js, as text. */
  mainJs: string;
  mobile: boolean;
  dark: boolean;
  language?: string;
  /** A note to show in the main area (as plain text), if any. */
  notePath?: string;
  /** Commands to run in order; "auto" opens the plugin's view when its type is registered, else the fallback. */
  commands: string[] | "auto";
  /** For "auto": the view type and the command that opens it, and the command to run when it is missing. */
  viewType?: string;
  viewCommand?: string;
  fallbackCommand?: string;
}

export interface ShotResult {
  ran: string[];
  /** "view" when a leaf of `viewType` is open, "modal" when a modal is open, "none" otherwise. */
  showing: "view" | "modal" | "none";
  commandIds: string[];
  viewTypes: string[];
  notices: string[];
  errors: string[];
}

const BUILT_IN_VIEWS = new Set(["empty", "markdown"]);

async function settle(): Promise<string[]> {
  await runtime.drain();
  await new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  return runtime.takeHandlerErrors().map((error) => (error instanceof Error ? (error.stack ?? error.message) : String(error)));
}

function evaluatePlugin(code: string): unknown {
  const moduleObject = { exports: {} as Record<string, unknown> };
  const module = obsidianModule();
  const require = (id: string) => {
    if (id === "obsidian") return module;
    throw new Error(`Cannot find module '${id}' (the browser stand-in only provides obsidian: main.js must run on mobile)`);
  };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- main.js is CommonJS; this is how the app loads it too
  const wrapper = new Function("exports", "require", "module", `${code}\n//# sourceURL=main.js`) as (
    exports: unknown,
    require: (id: string) => unknown,
    module: unknown,
  ) => void;
  wrapper(moduleObject.exports, require, moduleObject);
  return moduleObject.exports;
}

/** The main area's note as plain text (the stand-in's MarkdownView has no editor). */
function showNoteText(leaf: obsidian.WorkspaceLeaf, text: string): void {
  const view = leaf.view as obsidian.MarkdownView;
  const content = view.containerEl.querySelector(".view-content");
  if (!content || !view.file) return;
  content.empty();
  const page = content.createDiv("markdown-source-view nn-shot-note");
  page.createDiv({ cls: "inline-title", text: view.file.basename });
  const frontmatter = /^---\r?\n[\s\S]*?\r?\n---(?:\r?\n|$)/.exec(text);
  if (frontmatter) page.createEl("pre", { cls: "nn-shot-note-text nn-shot-frontmatter", text: frontmatter[0].trimEnd() });
  page.createEl("pre", { cls: "nn-shot-note-text", text: frontmatter ? text.slice(frontmatter[0].length) : text });
}

/** The stand-in leaves tab headers empty; draw one tab per leaf, as the app's tab bar would. */
function drawTabHeaders(app: obsidian.App): void {
  const groups = new Map<obsidian.WorkspaceTabs, obsidian.WorkspaceLeaf[]>();
  app.workspace.iterateAllLeaves((leaf) => {
    if (!leaf.parent) return;
    const list = groups.get(leaf.parent) ?? [];
    list.push(leaf);
    groups.set(leaf.parent, list);
  });
  for (const [tabs, leaves] of groups) {
    const header = tabs.containerEl.querySelector(":scope > .workspace-tab-header-container");
    if (!(header instanceof HTMLElement)) continue;
    header.empty();
    const inner = header.createDiv("workspace-tab-header-container-inner");
    leaves.forEach((leaf, index) => {
      const tab = inner.createDiv({ cls: "workspace-tab-header", attr: { "aria-label": leaf.getDisplayText() } });
      tab.toggleClass("is-active", index === tabs.currentTab);
      const tabInner = tab.createDiv("workspace-tab-header-inner");
      obsidian.setIcon(tabInner.createDiv("workspace-tab-header-inner-icon"), leaf.getIcon() || "file");
      tabInner.createDiv({ cls: "workspace-tab-header-inner-title", text: leaf.getDisplayText() });
    });
  }
}

async function start(options: ShotOptions): Promise<ShotResult> {
  const errors: string[] = [];
  document.body.addClass(options.dark ? "theme-dark" : "theme-light");
  runtime.language = options.language ?? "en";
  const locale = runtime.language.toLowerCase() === "zh" ? "zh-cn" : runtime.language.toLowerCase();
  if (obsidian.moment.locale(locale) !== locale) obsidian.moment.locale("en");
  document.documentElement.lang = runtime.language;
  configurePlatform(options.mobile);
  runtime.takeHandlerErrors();

  const app = new obsidian.App({ backend: MemoryBackend.from(options.files), vaultName: options.vaultName, appId: "screenshots" });
  currentApp = app;
  // The stand-in answers false; the screenshots know which theme they show.
  Object.defineProperty(app, "isDarkMode", { value: () => options.dark });
  const manifest = options.manifest;
  const PluginClass = pluginClassOf(evaluatePlugin(options.mainJs), "main.js");
  await startPlugin({ app, PluginClass, manifest, pluginDir: `${app.vault.configDir}/plugins/${manifest.id}` });
  errors.push(...(await settle()));

  app.workspace.leftSplit.collapse();
  if (options.notePath) {
    const file = app.vault.getFileByPath(options.notePath);
    if (!file) throw new Error(`no note "${options.notePath}" in the vault`);
    const leaf = app.workspace.getLeaf(false);
    await leaf.openFile(file, { active: true });
    showNoteText(leaf, await app.vault.read(file));
    errors.push(...(await settle()));
  }

  const viewTypes = () => Object.keys(app.viewRegistry.viewByType).filter((type) => !BUILT_IN_VIEWS.has(type));
  let commands: string[];
  if (options.commands === "auto") {
    const hasView = options.viewType !== undefined && viewTypes().includes(options.viewType);
    const hasCommand = options.viewCommand !== undefined && options.viewCommand in app.commands.commands;
    commands = hasView && hasCommand ? [options.viewCommand as string] : options.fallbackCommand ? [options.fallbackCommand] : [];
  } else commands = options.commands;

  const ran: string[] = [];
  for (const id of commands) {
    if (!app.commands.executeCommandById(id)) throw new Error(`command "${id}" is unknown or cannot run now (commands: ${Object.keys(app.commands.commands).join(", ")})`);
    ran.push(id);
    errors.push(...(await settle()));
  }

  const viewOpen = options.viewType !== undefined && app.workspace.getLeavesOfType(options.viewType).length > 0;
  const modalOpen = document.querySelector("body > .modal-container") !== null;
  document.body.toggleClass("nn-shot-view", viewOpen);
  document.body.toggleClass("nn-shot-modal", modalOpen);
  drawTabHeaders(app);
  drawIcons(document.body);
  errors.push(...(await settle()));

  return {
    ran,
    showing: viewOpen ? "view" : modalOpen ? "modal" : "none",
    commandIds: Object.keys(app.commands.commands).sort(),
    viewTypes: viewTypes(),
    notices: app.noticeLog__.map((notice) => notice.message),
    errors,
  };
}

interface Summary { n: number; median: number; p10: number; p90: number; min: number; max: number }

function summary(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.round((sorted.length - 1) * q)] ?? NaN;
  return { n: sorted.length, median: at(0.5), p10: at(0.1), p90: at(0.9), min: sorted[0] ?? NaN, max: sorted[sorted.length - 1] ?? NaN };
}

/**
 * Times the plugin's view in this browser (after `start`): opening it (first paint), its draw alone with nothing
 * changed, and the redraw after one edit to a daily note; counts its DOM nodes. The edit is undone between runs.
 * The `…Layout` figures also include the style and layout work the browser does for the result (a forced layout
 * read right after), which the plain figures leave to the next frame. `firstFrame` is all the work before the
 * first frame is painted: opening, style and layout, and then the view's own callbacks for that frame (its lists
 * measure themselves) with any layout they cause; the wait for the frame is left out. Nodes are counted at the
 * first paint, in the first frame, and once the view has settled (the rest of what is in view drawn).
 */
async function measureView(options: { viewType: string; viewCommand: string; dailyPath: string; runs: number }): Promise<Record<string, unknown>> {
  const app = currentApp;
  if (!app) throw new Error("start() first");
  const { workspace, vault } = app;
  type Drawn = obsidian.View & { draw(): void; refresh(force?: boolean): void; containerEl: HTMLElement };
  const count = (view: Drawn) => view.containerEl.querySelectorAll("*").length;
  const nodes = { firstPaint: 0, firstFrame: 0, settled: 0 };
  const open = async (): Promise<Drawn> => {
    workspace.detachLeavesOfType(options.viewType);
    await settle();
    const plugin = app.plugins.getPlugin("network-notes") as unknown as { openView(): Promise<void> };
    // Frame callbacks run in the order they were asked for: this one before the view's, the one below after it.
    let frameFrom = 0;
    requestAnimationFrame(() => (frameFrom = performance.now()));
    const t = performance.now();
    await plugin.openView();
    const t1 = performance.now();
    void document.body.offsetHeight;
    const t2 = performance.now();
    const view = workspace.getLeavesOfType(options.viewType)[0]?.view as Drawn | undefined;
    if (!view) throw new Error("the view did not open");
    nodes.firstPaint = count(view);
    const inFrame = await new Promise<number>((resolve) => requestAnimationFrame(() => {
      void document.body.offsetHeight;
      resolve(performance.now() - Math.max(frameFrom, t2));
    }));
    nodes.firstFrame = count(view);
    firstPaint.push(t1 - t);
    firstPaintLayout.push(t2 - t);
    firstFrame.push(t2 - t + inFrame);
    await settle();
    nodes.settled = count(view);
    return view;
  };
  const firstPaint: number[] = [];
  const firstPaintLayout: number[] = [];
  const firstFrame: number[] = [];
  let view = await open();
  firstPaint.length = 0;
  firstPaintLayout.length = 0;
  firstFrame.length = 0;
  for (let i = 0; i < options.runs; i++) view = await open();

  const drawOnly: number[] = [];
  for (let i = 0; i < options.runs; i++) {
    const t = performance.now();
    view.refresh(true);
    drawOnly.push(performance.now() - t);
  }

  let file = vault.getFileByPath(options.dailyPath);
  if (!file) file = await vault.create(options.dailyPath, "");
  const base = await vault.read(file);
  const person = (app.plugins.getPlugin("network-notes") as unknown as { api: { people(): { name: string }[] } }).api.people()[0];
  const draws: number[] = [];
  const drawsLayout: number[] = [];
  const original = view.draw.bind(view);
  view.draw = () => {
    const t = performance.now();
    original();
    draws.push(performance.now() - t);
    void document.body.offsetHeight;
    drawsLayout.push(performance.now() - t);
  };
  const redraw: number[] = [];
  const redrawLayout: number[] = [];
  for (let i = 0; i < options.runs * 2; i++) {
    draws.length = 0;
    drawsLayout.length = 0;
    await vault.modify(file, i % 2 === 0 ? `${base}\n- [[${person?.name ?? "?"}]] hello\n` : base);
    await settle();
    if (draws.length === 1) {
      redraw.push(draws[0] ?? NaN);
      redrawLayout.push(drawsLayout[0] ?? NaN);
    }
  }
  return {
    firstPaint: summary(firstPaint), firstPaintLayout: summary(firstPaintLayout), firstFrame: summary(firstFrame), drawOnly: summary(drawOnly),
    redraw: summary(redraw), redrawLayout: summary(redrawLayout), nodes: nodes.firstPaint, nodesFirstFrame: nodes.firstFrame, nodesSettled: nodes.settled,
    userAgent: navigator.userAgent,
  };
}

let currentApp: obsidian.App | null = null;

(window as unknown as { networkNotesShots: { start: typeof start; measureView: typeof measureView } }).networkNotesShots = { start, measureView };
