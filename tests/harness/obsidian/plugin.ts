import type { App } from "./app";
import { Component } from "./events";
import { MarkdownPreviewRenderer, type MarkdownPostProcessor } from "./markdown";
import { runtime } from "./runtime";
import type { SettingTab } from "./setting-tab";
import { notImplemented } from "./strict";
import type { ViewCreator } from "./views";

export interface PluginManifest {
  dir?: string;
  id: string;
  name: string;
  author: string;
  version: string;
  minAppVersion: string;
  description: string;
  authorUrl?: string;
  isDesktopOnly?: boolean;
}

export interface Command {
  id: string;
  name: string;
  icon?: string;
  mobileOnly?: boolean;
  repeatable?: boolean;
  callback?: () => unknown;
  checkCallback?: (checking: boolean) => boolean | void;
  editorCallback?: (...args: unknown[]) => unknown;
  editorCheckCallback?: (...args: unknown[]) => boolean | void;
  hotkeys?: unknown[];
}

/** Everything a plugin registers goes through `register()`, so `unload()` takes it all away again. */
export abstract class Plugin extends Component {
  app: App;
  manifest: PluginManifest;
  settings?: unknown;

  constructor(app: App, manifest: PluginManifest) {
    super();
    this.app = app;
    this.manifest = manifest;
  }

  /** As the app does it: `onload()` is awaited before children load. */
  override async load(): Promise<void> {
    if (this._loaded) return;
    this._loaded = true;
    await this.onload();
    for (const child of this._children.slice()) child.load();
  }

  override onload(): Promise<void> | void {}

  addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
    const el = this.app.workspace.addRibbonIcon__(icon, title, callback);
    this.register(() => el.remove());
    return el;
  }

  addStatusBarItem(): HTMLElement {
    const el = this.app.statusBarEl__.createDiv(`status-bar-item plugin-${this.manifest.id}`);
    this.register(() => el.remove());
    return el;
  }

  /** Prefixes the id with `<plugin id>:` and the name with `<plugin name>: `, as the app does. */
  addCommand(command: Command): Command {
    command.id = `${this.manifest.id}:${command.id}`;
    command.name = `${this.manifest.name}: ${command.name}`;
    this.app.commands.addCommand(command);
    this.register(() => this.app.commands.removeCommand(command.id));
    return command;
  }

  removeCommand(commandId: string): void {
    this.app.commands.removeCommand(`${this.manifest.id}:${commandId}`);
  }

  addSettingTab(settingTab: SettingTab): void {
    settingTab.id = this.manifest.id;
    settingTab.name = this.manifest.name;
    this.app.setting.addSettingTab(settingTab);
    this.register(() => this.app.setting.removeSettingTab(settingTab));
  }

  registerView(type: string, viewCreator: ViewCreator): void {
    this.app.viewRegistry.registerView(type, viewCreator);
    this.register(() => this.app.viewRegistry.unregisterView(type));
  }

  registerExtensions(extensions: string[], viewType: string): void {
    const registry = this.app.viewRegistry;
    for (const ext of extensions) {
      if (registry.typeByExtension[ext]) throw new Error(`Attempting to register an existing file extension "${ext}"`);
      registry.typeByExtension[ext] = viewType;
    }
    this.register(() => {
      for (const ext of extensions) delete registry.typeByExtension[ext];
    });
  }

  registerMarkdownPostProcessor(postProcessor: MarkdownPostProcessor, sortOrder?: number): MarkdownPostProcessor {
    MarkdownPreviewRenderer.registerPostProcessor(postProcessor, sortOrder);
    this.register(() => MarkdownPreviewRenderer.unregisterPostProcessor(postProcessor));
    return postProcessor;
  }

  registerMarkdownCodeBlockProcessor(
    language: string,
    handler: (source: string, el: HTMLElement, ctx: unknown) => Promise<unknown> | void,
    sortOrder?: number,
  ): MarkdownPostProcessor {
    const processor = MarkdownPreviewRenderer.createCodeBlockPostProcessor(language, handler);
    if (sortOrder !== undefined) processor.sortOrder = sortOrder;
    this.register(() => MarkdownPreviewRenderer.codeBlockProcessors__.delete(language));
    return processor;
  }

  /** Recorded only (the stand-in has no editor). */
  registerEditorExtension(extension: unknown): void {
    const extensions = this.app.editorExtensions__;
    extensions.push(extension);
    this.register(() => extensions.splice(extensions.indexOf(extension), 1));
  }

  registerHoverLinkSource(id: string, info: unknown): void {
    void id;
    void info;
    notImplemented("Plugin.registerHoverLinkSource");
  }

  registerBasesView(viewId: string, registration: unknown): boolean {
    void viewId;
    void registration;
    return notImplemented("Plugin.registerBasesView");
  }

  registerObsidianProtocolHandler(action: string, handler: unknown): void {
    void action;
    void handler;
    notImplemented("Plugin.registerObsidianProtocolHandler");
  }

  registerEditorSuggest(editorSuggest: unknown): void {
    void editorSuggest;
    notImplemented("Plugin.registerEditorSuggest");
  }

  registerCliHandler(command: string, description: string, flags: unknown, handler: unknown): void {
    void command;
    void description;
    void flags;
    void handler;
    notImplemented("Plugin.registerCliHandler");
  }

  /** `<configDir>/plugins/<id>/data.json` through the adapter; `null` when there is none. */
  async loadData(): Promise<any> {
    const path = this.dataPath__();
    if (!(await this.app.vault.adapter.exists(path))) return null;
    return JSON.parse(await this.app.vault.adapter.read(path)) as unknown;
  }

  async saveData(data: any): Promise<void> {
    await runtime.track(this.app.vault.adapter.write(this.dataPath__(), JSON.stringify(data, null, 2)));
  }

  onUserEnable(): void {}

  /** Stand-in: where this plugin's data.json lives. */
  dataPath__(): string {
    const dir = this.manifest.dir ?? `${this.app.vault.configDir}/plugins/${this.manifest.id}`;
    return `${dir}/data.json`;
  }
}
