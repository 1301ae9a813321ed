import { Component } from "./events";
import { TFile } from "./files";
import { setIcon } from "./icons";
import { notImplemented } from "./strict";
import type { App } from "./app";
import type { WorkspaceLeaf } from "./workspace";
import type { Menu } from "./menu";
import type { Scope } from "./keymap";

export interface ViewStateResult {
  history: boolean;
}

export { INTERNAL_CTX } from "./events";

export abstract class View extends Component {
  app: App;
  icon = "";
  navigation = false;
  leaf: WorkspaceLeaf;
  containerEl: HTMLElement;
  scope: Scope | null = null;
  /** Stand-in: `.view-header` and `.view-content`, as in the app. */
  headerEl__: HTMLElement;
  contentEl__: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super();
    this.leaf = leaf;
    this.app = leaf.app__;
    this.containerEl = createDiv("workspace-leaf-content");
    this.headerEl__ = this.containerEl.createDiv("view-header");
    const titleContainer = this.headerEl__.createDiv("view-header-title-container");
    titleContainer.createDiv("view-header-title");
    this.headerEl__.createDiv("view-actions");
    this.contentEl__ = this.containerEl.createDiv("view-content");
  }

  protected async onOpen(): Promise<void> {}
  protected async onClose(): Promise<void> {}
  abstract getViewType(): string;
  abstract getDisplayText(): string;

  getState(): Record<string, unknown> {
    return {};
  }

  async setState(state: unknown, result: ViewStateResult): Promise<void> {
    void state;
    void result;
  }

  getEphemeralState(): Record<string, unknown> {
    return {};
  }

  setEphemeralState(state: unknown): void {
    void state;
  }

  getIcon(): string {
    return this.icon;
  }

  onResize(): void {}

  onPaneMenu(menu: Menu, source: string): void {
    void menu;
    void source;
  }

  /** Stand-in: mount into the leaf, load, then `onOpen()`. */
  async open__(parentEl: HTMLElement): Promise<void> {
    this.containerEl.setAttribute("data-type", this.getViewType());
    const title = this.containerEl.querySelector(".view-header-title");
    if (title) title.textContent = this.getDisplayText();
    parentEl.appendChild(this.containerEl);
    this.load();
    await this.onOpen();
  }

  /** Stand-in: `onClose()` starts, the component unloads at once (its registrations go), then the DOM is removed. */
  async close__(): Promise<void> {
    const closing = this.onClose();
    this.unload();
    this.containerEl.remove();
    await closing;
  }
}

export abstract class ItemView extends View {
  contentEl: HTMLElement;

  constructor(leaf: WorkspaceLeaf) {
    super(leaf);
    this.contentEl = this.contentEl__;
  }

  addAction(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const actions = this.headerEl__.querySelector(".view-actions") as HTMLElement;
    const el = createEl("a", { cls: "view-action clickable-icon", attr: { "aria-label": title } });
    actions.prepend(el);
    setIcon(el, icon);
    el.addEventListener("click", (evt) => callback(evt));
    return el;
  }
}

export abstract class FileView extends ItemView {
  allowNoFile = false;
  file: TFile | null = null;
  override navigation = true;

  getDisplayText(): string {
    return this.file?.basename ?? "No file";
  }

  override getState(): Record<string, unknown> {
    return this.file ? { file: this.file.path } : {};
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    void result;
    const path = (state as { file?: unknown } | null)?.file;
    if (typeof path !== "string") return;
    const file = this.app.vault.getFileByPath(path);
    if (!file) throw new Error(`${this.getViewType()} view: no file at "${path}"`);
    if (file === this.file) return;
    if (this.file) await this.onUnloadFile(this.file);
    this.file = file;
    const title = this.containerEl.querySelector(".view-header-title");
    if (title) title.textContent = this.getDisplayText();
    await this.onLoadFile(file);
  }

  async onLoadFile(file: TFile): Promise<void> {
    void file;
  }

  async onUnloadFile(file: TFile): Promise<void> {
    void file;
  }

  async onRename(file: TFile): Promise<void> {
    void file;
  }

  canAcceptExtension(extension: string): boolean {
    void extension;
    return false;
  }
}

/** Minimal: knows its file; no editor and no preview in the stand-in. */
export class MarkdownView extends FileView {
  getViewType(): string {
    return "markdown";
  }

  getMode(): "source" | "preview" {
    return "source";
  }

  get editor(): never {
    return notImplemented("MarkdownView.editor");
  }

  get previewMode(): never {
    return notImplemented("MarkdownView.previewMode");
  }

  getViewData(): string {
    return notImplemented("MarkdownView.getViewData");
  }

  setViewData(data: string, clear: boolean): void {
    void data;
    void clear;
    notImplemented("MarkdownView.setViewData");
  }

  override canAcceptExtension(extension: string): boolean {
    return extension === "md";
  }
}

/** What a fresh leaf shows (the app's "New tab"). */
export class EmptyView extends ItemView {
  getViewType(): string {
    return "empty";
  }

  getDisplayText(): string {
    return "New tab";
  }
}

export type ViewCreator = (leaf: WorkspaceLeaf) => View;

/** The app's (unofficial) `viewRegistry`. */
export class ViewRegistry {
  viewByType: Record<string, ViewCreator> = {
    empty: (leaf) => new EmptyView(leaf),
    markdown: (leaf) => new MarkdownView(leaf),
  };
  typeByExtension: Record<string, string> = { md: "markdown" };
  private onUnregister: (type: string) => void;

  constructor(onUnregister: (type: string) => void) {
    this.onUnregister = onUnregister;
  }

  registerView(type: string, creator: ViewCreator): void {
    if (this.viewByType[type]) throw new Error(`Attempting to register an existing view type "${type}"`);
    this.viewByType[type] = creator;
  }

  unregisterView(type: string): void {
    delete this.viewByType[type];
    this.onUnregister(type);
  }

  getViewCreatorByType(type: string): ViewCreator | null {
    return this.viewByType[type] ?? null;
  }

  isExtensionRegistered(extension: string): boolean {
    return extension in this.typeByExtension;
  }
}
