import { Events, INTERNAL_CTX } from "./events";
import { TFile } from "./files";
import { setIcon } from "./icons";
import { runtime } from "./runtime";
import { strict } from "./strict";
import type { App } from "./app";
import { FileView, View } from "./views";
import { debounce } from "./utils";
import { parseLinktext } from "./yaml";
import {
  type OpenViewState,
  WorkspaceLeaf,
  WorkspaceRoot,
  WorkspaceSidedock,
  WorkspaceTabs,
} from "./workspace-items";

export * from "./workspace-items";

type PaneType = "tab" | "split" | "window";
type Side = "left" | "right";

/**
 * The workspace: a main area and two sidebars (both expanded at start), each a tab group. Layout is not
 * restored across restarts. `layoutReady` turns true after the startup vault scan.
 */
export class Workspace extends Events {
  layoutReady = false;
  containerEl: HTMLElement;
  leftSplit: WorkspaceSidedock;
  rightSplit: WorkspaceSidedock;
  rootSplit: WorkspaceRoot;
  activeLeaf: WorkspaceLeaf | null = null;
  activeEditor: null = null;
  requestSaveLayout = debounce(() => undefined, 0);
  /** Stand-in internals. */
  ribbonEl__: HTMLElement;
  private app: App;
  /** In creation order; `recent` is most-recently-active first. */
  private leaves: WorkspaceLeaf[] = [];
  private recent: WorkspaceLeaf[] = [];
  private groups = new Map<WorkspaceSidedock | WorkspaceRoot, WorkspaceTabs[]>();
  private layoutReadyQueue: (() => unknown)[] = [];
  private lastFile: TFile | null = null;
  private lastFileLeaf: WorkspaceLeaf | null = null;

  constructor(app: App, parentEl: HTMLElement) {
    super();
    const self = strict(this, "Workspace");
    this.app = app;
    this.containerEl = parentEl.createDiv("workspace");
    this.ribbonEl__ = this.containerEl.createDiv("workspace-ribbon side-dock-ribbon mod-left").createDiv("side-dock-actions");
    const layoutChanged = () => self.trigger("layout-change");
    this.leftSplit = new WorkspaceSidedock(this.containerEl, "mod-horizontal mod-sidedock mod-left-split", layoutChanged);
    this.rootSplit = new WorkspaceRoot(this.containerEl, "mod-vertical mod-root");
    this.rightSplit = new WorkspaceSidedock(this.containerEl, "mod-horizontal mod-sidedock mod-right-split", layoutChanged);
    for (const split of [this.leftSplit, this.rootSplit, this.rightSplit]) this.groups.set(split, []);
    // As in the app: file views follow renames, and close when their file is deleted.
    app.vault.on("rename", (file: unknown) => self.fileRenamed(file), INTERNAL_CTX);
    app.vault.on("delete", (file: unknown) => self.fileDeleted(file), INTERNAL_CTX);
    return self;
  }

  onLayoutReady(callback: () => unknown): void {
    if (this.layoutReady) callback();
    else this.layoutReadyQueue.push(callback);
  }

  getLeaf(newLeaf?: PaneType | boolean, direction?: "vertical" | "horizontal"): WorkspaceLeaf {
    void direction;
    if (newLeaf === "split" || newLeaf === "window") return this.createLeaf(this.rootSplit, true);
    if (newLeaf === true || newLeaf === "tab") return this.createLeaf(this.rootSplit, false);
    const active = this.activeLeaf;
    if (active && this.isRootLeaf(active) && !active.pinned) return active;
    const recent = [...this.recent, ...this.leaves].find((leaf) => this.isRootLeaf(leaf) && !leaf.pinned);
    return recent ?? this.createLeaf(this.rootSplit, false);
  }

  getLeftLeaf(split: boolean): WorkspaceLeaf | null {
    return this.createLeaf(this.leftSplit, split);
  }

  getRightLeaf(split: boolean): WorkspaceLeaf | null {
    return this.createLeaf(this.rightSplit, split);
  }

  async ensureSideLeaf(type: string, side: Side, options: { active?: boolean; split?: boolean; reveal?: boolean; state?: any } = {}): Promise<WorkspaceLeaf> {
    const dock = side === "left" ? this.leftSplit : this.rightSplit;
    let leaf = this.getLeavesOfType(type).find((l) => this.dockOf(l) === dock);
    if (!leaf) {
      leaf = this.createLeaf(dock, options.split ?? false);
      await leaf.setViewState({ type, state: options.state, active: options.active });
    }
    if (options.reveal ?? true) await this.revealLeaf(leaf);
    return leaf;
  }

  getActiveViewOfType<T extends View>(type: abstract new (...args: any[]) => T): T | null {
    const view = this.activeLeaf?.view;
    return view instanceof type ? view : null;
  }

  /** The file of the active file view, or else of the most recently active one. */
  getActiveFile(): TFile | null {
    const view = this.activeLeaf?.view;
    if (view instanceof FileView) return view.file;
    const recent = this.lastFileLeaf;
    return recent && this.leaves.includes(recent) && recent.view instanceof FileView ? recent.view.file : null;
  }

  iterateRootLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.leaves.filter((l) => this.isRootLeaf(l))) callback(leaf);
  }

  iterateAllLeaves(callback: (leaf: WorkspaceLeaf) => unknown): void {
    for (const leaf of this.leaves.slice()) callback(leaf);
  }

  getLeavesOfType(viewType: string): WorkspaceLeaf[] {
    return this.leaves.filter((leaf) => leaf.view.getViewType() === viewType);
  }

  detachLeavesOfType(viewType: string): void {
    for (const leaf of this.getLeavesOfType(viewType)) leaf.detach();
  }

  getLeafById(id: string): WorkspaceLeaf | null {
    return this.leaves.find((leaf) => leaf.id === id) ?? null;
  }

  getMostRecentLeaf(): WorkspaceLeaf | null {
    return [...this.recent, ...this.leaves].find((l) => this.isRootLeaf(l)) ?? null;
  }

  /** Shows the leaf's tab and expands its sidebar; does not make it the active leaf. */
  async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
    leaf.parent?.selectTab(leaf);
    const dock = this.dockOf(leaf);
    if (dock instanceof WorkspaceSidedock) dock.expand();
    await leaf.loadIfDeferred();
  }

  setActiveLeaf(leaf: WorkspaceLeaf, params?: { focus?: boolean }): void {
    void params;
    if (!this.leaves.includes(leaf)) throw new Error("setActiveLeaf: the leaf is not in the workspace (detached?)");
    leaf.parent?.selectTab(leaf);
    const changed = this.activeLeaf !== leaf;
    this.activeLeaf = leaf;
    this.recent = [leaf, ...this.recent.filter((l) => l !== leaf)];
    if (changed) this.trigger("active-leaf-change", leaf);
    this.noteFileChange__();
  }

  async openLinkText(linktext: string, sourcePath: string, newLeaf?: PaneType | boolean, openViewState?: OpenViewState): Promise<void> {
    const { path } = parseLinktext(linktext);
    let file = this.app.metadataCache.getFirstLinkpathDest(path, sourcePath);
    if (!file) file = await this.createNoteFor(path, sourcePath);
    await this.getLeaf(newLeaf).openFile(file, openViewState);
  }

  /** Stand-in: the startup step that follows the vault scan. */
  layoutReady__(): void {
    this.layoutReady = true;
    const queue = this.layoutReadyQueue;
    this.layoutReadyQueue = [];
    for (const callback of queue) {
      try {
        callback();
      } catch (error) {
        runtime.reportHandlerError(error);
      }
    }
    this.trigger("layout-change");
  }

  /** Stand-in: a ribbon button in the left ribbon. */
  addRibbonIcon__(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.ribbonEl__.createDiv({ cls: "side-dock-ribbon-action clickable-icon", attr: { "aria-label": title } });
    setIcon(el, icon);
    el.addEventListener("click", (evt) => callback(evt));
    return el;
  }

  /** Stand-in: fires `file-open` when the active file changed. */
  noteFileChange__(): void {
    const view = this.activeLeaf?.view;
    if (!(view instanceof FileView)) return;
    this.lastFileLeaf = this.activeLeaf;
    if (view.file === this.lastFile) return;
    this.lastFile = view.file;
    this.trigger("file-open", view.file);
  }

  /** Stand-in: a leaf was detached. */
  forgetLeaf__(leaf: WorkspaceLeaf): void {
    this.leaves = this.leaves.filter((l) => l !== leaf);
    this.recent = this.recent.filter((l) => l !== leaf);
    for (const groups of this.groups.values()) {
      for (const tabs of groups.slice()) {
        if (tabs.children.length === 0 && groups.length > 1) {
          groups.splice(groups.indexOf(tabs), 1);
          tabs.containerEl.remove();
        }
      }
    }
    if (this.activeLeaf === leaf) {
      this.activeLeaf = null;
      const next = [...this.recent, ...this.leaves].find((l) => this.isRootLeaf(l));
      if (next) this.setActiveLeaf(next);
      else this.trigger("active-leaf-change", null);
    }
  }

  /** Stand-in: close every view of an unregistered type (its leaves stay, empty). */
  viewTypeUnregistered__(type: string): void {
    for (const leaf of this.getLeavesOfType(type)) leaf.viewUnregistered__();
  }

  private fileRenamed(file: unknown): void {
    for (const leaf of this.leaves) {
      const view = leaf.view;
      if (!(view instanceof FileView) || view.file !== file) continue;
      const title = view.containerEl.querySelector(".view-header-title");
      if (title) title.textContent = view.getDisplayText();
      if (view.file) runtime.background(view.onRename(view.file));
    }
  }

  private fileDeleted(file: unknown): void {
    for (const leaf of this.leaves.slice()) {
      if (leaf.view instanceof FileView && leaf.view.file === file) leaf.detach();
    }
  }

  private createLeaf(split: WorkspaceSidedock | WorkspaceRoot, newGroup: boolean): WorkspaceLeaf {
    const groups = this.groups.get(split) ?? [];
    let tabs = newGroup ? undefined : groups[groups.length - 1];
    if (!tabs) {
      tabs = new WorkspaceTabs(split.containerEl);
      tabs.parent = split;
      split.children.push(tabs);
      groups.push(tabs);
    }
    const leaf = new WorkspaceLeaf(this.app);
    tabs.addLeaf__(leaf);
    this.leaves.push(leaf);
    return leaf;
  }

  private dockOf(leaf: WorkspaceLeaf): WorkspaceSidedock | WorkspaceRoot | null {
    const split = leaf.parent?.parent;
    return split instanceof WorkspaceSidedock || split instanceof WorkspaceRoot ? split : null;
  }

  private isRootLeaf(leaf: WorkspaceLeaf): boolean {
    return this.dockOf(leaf) === this.rootSplit;
  }

  private async createNoteFor(path: string, sourcePath: string): Promise<TFile> {
    const name = path.toLowerCase().endsWith(".md") ? path : `${path}.md`;
    const parent = this.app.fileManager.getNewFileParent(sourcePath);
    const full = parent.isRoot() ? name : `${parent.path}/${name}`;
    const folder = full.includes("/") ? full.slice(0, full.lastIndexOf("/")) : "";
    if (folder && !this.app.vault.getFolderByPath(folder)) await this.app.vault.createFolder(folder);
    return this.app.vault.create(full, "");
  }
}
