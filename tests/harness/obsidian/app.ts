import type { VaultBackend } from "./backend";
import { FileManager } from "./file-manager";
import { Keymap, Scope } from "./keymap";
import { MetadataCache, type MetadataOptions } from "./metadata-cache";
import type { Command, Plugin, PluginManifest } from "./plugin";
import { runtime, type NoticeRecord } from "./runtime";
import { SettingsWindow } from "./settings-window";
import { notImplemented, strict } from "./strict";
import { Vault } from "./vault";
import { MarkdownView, ViewRegistry } from "./views";
import { Workspace } from "./workspace";

/** The app's unofficial `app.commands`. */
export class Commands {
  commands: Record<string, Command> = {};

  constructor(private readonly app: App) {}

  addCommand(command: Command): void {
    this.commands[command.id] = command;
  }

  removeCommand(id: string): void {
    delete this.commands[id];
  }

  findCommand(id: string): Command | undefined {
    return this.commands[id];
  }

  listCommands(): Command[] {
    return Object.values(this.commands);
  }

  /** False when the command is unknown or its check says it cannot run now. */
  executeCommandById(id: string): boolean {
    const command = this.commands[id];
    return command ? this.executeCommand(command) : false;
  }

  executeCommand(command: Command): boolean {
    if (command.editorCallback || command.editorCheckCallback) {
      if (!this.app.workspace.getActiveViewOfType(MarkdownView)) return false;
      return notImplemented(`editor command "${command.id}" (the stand-in has no Editor)`);
    }
    if (command.checkCallback) {
      if (!command.checkCallback(true)) return false;
      this.settle(command.checkCallback(false));
      return true;
    }
    if (command.callback) {
      this.settle(command.callback());
      return true;
    }
    return false;
  }

  private settle(result: unknown): void {
    if (result instanceof Promise) runtime.background(result);
  }
}

/** The app's unofficial `app.plugins`. */
export class Plugins {
  plugins: Record<string, Plugin> = {};
  manifests: Record<string, PluginManifest> = {};
  enabledPlugins = new Set<string>();

  getPlugin(id: string): Plugin | null {
    return this.plugins[id] ?? null;
  }
}

export interface AppOptions extends MetadataOptions {
  backend: VaultBackend;
  vaultName: string;
  /** Scopes `loadLocalStorage`/`saveLocalStorage` to this vault. */
  appId: string;
}

const memoryStorage = new Map<string, string>();

/**
 * The app over one vault folder. Files are not listed until `vault.load__()` (the loader runs the startup
 * sequence). Reading a member the stand-in lacks throws (see README.md).
 */
export class App {
  keymap = new Keymap();
  scope = new Scope();
  workspace: Workspace;
  vault: Vault;
  metadataCache: MetadataCache;
  fileManager: FileManager;
  lastEvent: null = null;
  commands: Commands;
  plugins: Plugins;
  setting: SettingsWindow;
  viewRegistry: ViewRegistry;
  /** Stand-in internals. */
  appId__: string;
  containerEl__: HTMLElement;
  statusBarEl__: HTMLElement;
  noticeLog__: NoticeRecord[] = [];
  editorExtensions__: unknown[] = [];

  constructor(options: AppOptions) {
    const self = strict(this, "App");
    this.appId__ = options.appId;
    runtime.noticeLog = this.noticeLog__;
    this.containerEl__ = document.body.createDiv("app-container");
    const main = this.containerEl__.createDiv("horizontal-main-container");
    this.vault = new Vault(options.backend, options.vaultName);
    this.metadataCache = new MetadataCache(this.vault, options);
    this.fileManager = new FileManager(this.vault, this.metadataCache);
    this.viewRegistry = new ViewRegistry((type) => self.workspace.viewTypeUnregistered__(type));
    this.workspace = new Workspace(self, main);
    this.statusBarEl__ = this.containerEl__.createDiv("status-bar");
    this.commands = strict(new Commands(self), "app.commands");
    this.plugins = strict(new Plugins(), "app.plugins");
    this.setting = strict(new SettingsWindow(), "app.setting");
    return self;
  }

  /** As the app: the body carries `theme-dark` or `theme-light`. */
  isDarkMode(): boolean {
    return typeof document !== "undefined" && document.body.classList.contains("theme-dark");
  }

  loadLocalStorage(key: string): any | null {
    const raw = this.storage().get(`${this.appId__}-${key}`);
    return raw === null || raw === undefined ? null : (JSON.parse(raw) as unknown);
  }

  saveLocalStorage(key: string, data: unknown | null): void {
    const storage = this.storage();
    if (data === null || data === undefined) storage.remove(`${this.appId__}-${key}`);
    else storage.set(`${this.appId__}-${key}`, JSON.stringify(data));
  }

  /** Stand-in: remove the app's DOM (after the plugin is unloaded). */
  destroy__(): void {
    this.setting.close();
    this.containerEl__.remove();
  }

  private storage(): { get(k: string): string | null | undefined; set(k: string, v: string): void; remove(k: string): void } {
    let local: Storage | undefined;
    try {
      local = (globalThis as { localStorage?: Storage }).localStorage;
    } catch {
      local = undefined; // a page without storage (about:blank) throws SecurityError here
    }
    if (local) return { get: (k) => local.getItem(k), set: (k, v) => local.setItem(k, v), remove: (k) => local.removeItem(k) };
    return { get: (k) => memoryStorage.get(k), set: (k, v) => memoryStorage.set(k, v), remove: (k) => memoryStorage.delete(k) };
  }
}
