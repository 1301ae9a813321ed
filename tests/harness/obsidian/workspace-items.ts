import { Events } from "./events";
import type { TFile } from "./files";
import { runtime } from "./runtime";
import { notImplemented } from "./strict";
import type { App } from "./app";
import { EmptyView, View } from "./views";

export interface ViewState {
  type: string;
  state?: Record<string, unknown>;
  active?: boolean;
  pinned?: boolean;
  group?: WorkspaceLeaf;
}

export interface OpenViewState {
  state?: Record<string, unknown>;
  eState?: Record<string, unknown>;
  active?: boolean;
  group?: WorkspaceLeaf;
}

export abstract class WorkspaceItem extends Events {
  parent: WorkspaceParent | null = null;
  containerEl!: HTMLElement;

  getRoot(): WorkspaceItem {
    let item: WorkspaceItem = this;
    while (item.parent) item = item.parent;
    return item;
  }

  getContainer(): WorkspaceItem {
    return this.getRoot();
  }
}

export abstract class WorkspaceParent extends WorkspaceItem {
  children: WorkspaceItem[] = [];
}

/** A tab group: one leaf shown (the current tab), the others hidden with `display: none`. */
export class WorkspaceTabs extends WorkspaceParent {
  currentTab = -1;
  tabsContainerEl: HTMLElement;

  constructor(parentEl: HTMLElement) {
    super();
    this.containerEl = parentEl.createDiv("workspace-tabs");
    this.containerEl.createDiv("workspace-tab-header-container");
    this.tabsContainerEl = this.containerEl.createDiv("workspace-tab-container");
  }

  addLeaf__(leaf: WorkspaceLeaf): void {
    leaf.parent = this;
    this.children.push(leaf);
    this.tabsContainerEl.appendChild(leaf.containerEl);
    this.selectTab(leaf);
  }

  removeLeaf__(leaf: WorkspaceLeaf): void {
    const at = this.children.indexOf(leaf);
    if (at < 0) return;
    this.children.splice(at, 1);
    leaf.containerEl.remove();
    leaf.parent = null;
    const next = this.children[Math.min(at, this.children.length - 1)];
    this.currentTab = -1;
    if (next instanceof WorkspaceLeaf) this.selectTab(next);
  }

  selectTab(leaf: WorkspaceLeaf): void {
    this.currentTab = this.children.indexOf(leaf);
    for (const child of this.children) {
      if (child instanceof WorkspaceLeaf) child.containerEl.style.display = child === leaf ? "" : "none";
    }
  }
}

export class WorkspaceSplit extends WorkspaceParent {
  constructor(parentEl: HTMLElement, cls: string) {
    super();
    this.containerEl = parentEl.createDiv(`workspace-split ${cls}`);
  }
}

export class WorkspaceRoot extends WorkspaceSplit {}

/** A sidebar; collapsing hides it (`display: none`), so views inside report `isShown() === false`. */
export class WorkspaceSidedock extends WorkspaceSplit {
  collapsed = false;
  private onChange: () => void;

  constructor(parentEl: HTMLElement, cls: string, onChange: () => void) {
    super(parentEl, cls);
    this.onChange = onChange;
  }

  collapse(): void {
    if (this.collapsed) return;
    this.collapsed = true;
    this.containerEl.addClass("is-collapsed");
    this.containerEl.style.display = "none";
    this.onChange();
  }

  expand(): void {
    if (!this.collapsed) return;
    this.collapsed = false;
    this.containerEl.removeClass("is-collapsed");
    this.containerEl.style.display = "";
    this.onChange();
  }

  toggle(): void {
    if (this.collapsed) this.expand();
    else this.collapse();
  }
}

let leafIds = 0;

export class WorkspaceLeaf extends WorkspaceItem {
  declare parent: WorkspaceTabs | null;
  view: View;
  id = `leaf-${++leafIds}`;
  pinned = false;
  hoverPopover: null = null;
  /** Stand-in internals. */
  app__: App;
  private opening: Promise<void> = Promise.resolve();

  constructor(app: App) {
    super();
    this.app__ = app;
    this.containerEl = createDiv("workspace-leaf");
    this.view = new EmptyView(this);
    this.opening = this.view.open__(this.containerEl);
    runtime.background(this.opening);
  }

  get isDeferred(): boolean {
    return false;
  }

  async loadIfDeferred(): Promise<void> {
    await this.opening;
  }

  async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
    const type = this.app__.viewRegistry.typeByExtension[file.extension];
    if (!type) notImplemented(`WorkspaceLeaf.openFile for ".${file.extension}" files`);
    await this.setViewState({ type, state: { ...openState?.state, file: file.path }, active: openState?.active ?? true });
  }

  async open(view: View): Promise<View> {
    await this.replaceView(view);
    return view;
  }

  getViewState(): ViewState {
    return { type: this.view.getViewType(), state: this.view.getState(), pinned: this.pinned };
  }

  async setViewState(viewState: ViewState, eState?: unknown): Promise<void> {
    const workspace = this.app__.workspace;
    if (this.view.getViewType() !== viewState.type) {
      const creator = this.app__.viewRegistry.getViewCreatorByType(viewState.type);
      if (!creator) throw new Error(`setViewState: no view is registered for type "${viewState.type}"`);
      await this.replaceView(creator(this));
    }
    await this.view.setState(viewState.state ?? {}, { history: false });
    if (eState !== undefined) this.view.setEphemeralState(eState);
    if (viewState.pinned !== undefined) this.setPinned(viewState.pinned);
    if (viewState.active) workspace.setActiveLeaf(this, { focus: true });
    else if (workspace.activeLeaf === this) workspace.noteFileChange__();
    workspace.trigger("layout-change");
  }

  getEphemeralState(): unknown {
    return this.view.getEphemeralState();
  }

  setEphemeralState(state: unknown): void {
    this.view.setEphemeralState(state);
  }

  togglePinned(): void {
    this.setPinned(!this.pinned);
  }

  setPinned(pinned: boolean): void {
    if (this.pinned === pinned) return;
    this.pinned = pinned;
    this.trigger("pinned-change", pinned);
  }

  setGroupMember(other: WorkspaceLeaf): void {
    void other;
    notImplemented("WorkspaceLeaf.setGroupMember");
  }

  setGroup(group: string): void {
    void group;
    notImplemented("WorkspaceLeaf.setGroup");
  }

  /** Closes the view (its component unloads at once) and removes the leaf. */
  detach(): void {
    const workspace = this.app__.workspace;
    this.parent?.removeLeaf__(this);
    workspace.forgetLeaf__(this);
    runtime.background(this.view.close__());
    workspace.trigger("layout-change");
  }

  getIcon(): string {
    return this.view.getIcon();
  }

  getDisplayText(): string {
    return this.view.getDisplayText();
  }

  onResize(): void {
    this.view.onResize();
  }

  /** Stand-in: the view's type was unregistered (its plugin unloaded): the leaf stays and shows an empty view. */
  viewUnregistered__(): void {
    runtime.background(this.replaceView(new EmptyView(this)));
  }

  private async replaceView(view: View): Promise<void> {
    const old = this.view;
    this.view = view;
    const closing = old.close__();
    this.opening = view.open__(this.containerEl);
    runtime.background(this.opening);
    await closing;
    await this.opening;
  }
}
