import type { App } from "./app";
import type { Plugin } from "./plugin";
import { DefinitionRenderer } from "./setting-render";
import type { ItemDef, PageDef } from "./setting-defs";
import { notImplemented } from "./strict";

export abstract class SettingPage {
  rootEl: HTMLElement;
  titlebarEl: HTMLElement;
  containerEl: HTMLElement;
  title = "";

  constructor() {
    this.rootEl = createDiv("setting-page");
    this.titlebarEl = this.rootEl.createDiv("setting-page-titlebar");
    this.containerEl = this.rootEl.createDiv("setting-page-content");
  }

  abstract display(): void;

  hide(): void {
    this.containerEl.empty();
  }
}

/**
 * A settings tab. The stand-in's settings window (`app.setting`) renders it declaratively when
 * `getSettingDefinitions()` returns items, else calls `display()`, as the 1.13 app does.
 */
export abstract class SettingTab {
  icon = "settings";
  app: App;
  containerEl: HTMLElement;
  settingItems: ItemDef[] = [];
  /** Set by `addSettingTab` (the app does the same): the plugin id and name. */
  id = "";
  name = "";
  private renderer__: DefinitionRenderer | null = null;
  private page__: { hide(): void } | null = null;

  constructor(app: App) {
    this.app = app;
    this.containerEl = createDiv("vertical-tab-content");
  }

  getSettingDefinitions(): ItemDef[] {
    return [];
  }

  update(): void {
    this.settingItems = (this.getSettingDefinitions() as ItemDef[] | undefined) ?? [];
    if (this.renderer__ && this.containerEl.isConnected) this.renderDefinitions__();
  }

  getControlValue(key: string): unknown {
    return notImplemented(`SettingTab.getControlValue("${key}") (app configuration)`);
  }

  setControlValue(key: string, value: unknown): void | Promise<void> {
    void value;
    return notImplemented(`SettingTab.setControlValue("${key}") (app configuration)`);
  }

  refreshDomState(): void {
    this.renderer__?.refreshDomState();
  }

  /** @deprecated in 1.13; the base version renders the definitions. */
  display(): void {
    this.renderDefinitions__();
  }

  hide(): void {
    this.teardown__();
    this.containerEl.empty();
  }

  /** Stand-in: what the settings window does when this tab is opened. */
  show__(): void {
    this.settingItems = (this.getSettingDefinitions() as ItemDef[] | undefined) ?? [];
    if (this.settingItems.length > 0) this.renderDefinitions__();
    else this.display();
  }

  /** Stand-in: render the stored definitions into `containerEl`. */
  renderDefinitions__(): void {
    this.teardown__();
    this.containerEl.empty();
    this.renderer__ = new DefinitionRenderer(this);
    this.renderer__.renderItems(this.containerEl, this.settingItems);
  }

  /** Stand-in: navigate to a page definition (a sub-page with a back button). */
  openPage__(page: PageDef): void {
    this.teardown__();
    this.containerEl.empty();
    const titlebar = this.containerEl.createDiv("setting-page-titlebar");
    const back = titlebar.createDiv({ cls: "setting-page-back clickable-icon", attr: { "aria-label": "Back" } });
    back.addEventListener("click", () => this.renderDefinitions__());
    titlebar.createDiv({ cls: "setting-page-title", text: page.name });
    if (page.page) {
      const sub = page.page();
      sub.title ||= page.name;
      this.containerEl.appendChild(sub.rootEl);
      sub.display();
      this.page__ = sub;
    } else {
      this.renderer__ = new DefinitionRenderer(this);
      this.renderer__.renderItems(this.containerEl, page.items ?? []);
    }
  }

  private teardown__(): void {
    this.renderer__?.teardown();
    this.renderer__ = null;
    this.page__?.hide();
    this.page__ = null;
  }
}

export abstract class PluginSettingTab extends SettingTab {
  plugin: Plugin;
  private owner__: Plugin;

  constructor(app: App, plugin: Plugin) {
    super(app);
    this.plugin = plugin;
    this.owner__ = plugin;
  }

  override getSettingDefinitions(): ItemDef[] {
    return [];
  }

  /** Reads `plugin.settings[key]`. */
  override getControlValue(key: string): unknown {
    const settings = this.owner__.settings;
    return settings && typeof settings === "object" ? (settings as Record<string, unknown>)[key] : undefined;
  }

  /** Sets `plugin.settings[key]` and saves with `saveData`. */
  override async setControlValue(key: string, value: unknown): Promise<void> {
    if (!this.owner__.settings || typeof this.owner__.settings !== "object") this.owner__.settings = {};
    (this.owner__.settings as Record<string, unknown>)[key] = value;
    await this.owner__.saveData(this.owner__.settings);
  }
}
