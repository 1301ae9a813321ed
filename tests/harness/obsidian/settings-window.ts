import { DefinitionRenderer } from "./setting-render";
import { evaluate, isGroup, isPage, type ItemDef, type PageDef, type SettingDef, textOf } from "./setting-defs";
import type { SettingTab } from "./setting-tab";

export interface SettingSearchHit {
  tabId: string;
  tabName: string;
  /** Group headings and page names above the setting. */
  path: string[];
  name: string;
  desc: string;
  def: ItemDef;
}

/**
 * The settings window (the app's unofficial `app.setting`): `open()`, `openTabById(id)`, `close()`, a sidebar of
 * tabs, and a search over setting names, descriptions and aliases (`search(query)` or typing into
 * `.setting-search input`), which renders the matching settings live, grouped by tab.
 */
export class SettingsWindow {
  pluginTabs: SettingTab[] = [];
  activeTab: SettingTab | null = null;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  searchInputEl: HTMLInputElement;
  private navEl: HTMLElement;
  private contentEl: HTMLElement;
  private resultsEl: HTMLElement;
  private searchRenderers: DefinitionRenderer[] = [];

  constructor() {
    this.containerEl = createDiv("modal-container mod-dim mod-settings");
    this.containerEl.createDiv("modal-bg");
    this.modalEl = this.containerEl.createDiv("modal mod-settings mod-sidebar-layout");
    this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } }).addEventListener("click", () => this.close());
    const tabs = this.modalEl.createDiv("modal-content vertical-tabs-container");
    const header = tabs.createDiv("vertical-tab-header");
    this.searchInputEl = header.createDiv("setting-search").createEl("input", { type: "search", placeholder: "Search settings" });
    this.searchInputEl.addEventListener("input", () => this.search(this.searchInputEl.value));
    header.createDiv({ cls: "vertical-tab-header-group-title", text: "Community plugins" });
    this.navEl = header.createDiv("vertical-tab-header-group-items");
    this.contentEl = tabs.createDiv("vertical-tab-content-container");
    this.resultsEl = createDiv("vertical-tab-content setting-search-results");
  }

  addSettingTab(tab: SettingTab): void {
    this.pluginTabs.push(tab);
    tab.update();
    this.renderNav();
  }

  removeSettingTab(tab: SettingTab): void {
    if (this.activeTab === tab) this.closeActiveTab();
    this.pluginTabs = this.pluginTabs.filter((t) => t !== tab);
    this.renderNav();
  }

  open(): void {
    if (!this.containerEl.isConnected) document.body.appendChild(this.containerEl);
    const first = this.pluginTabs[0];
    if (!this.activeTab && first) this.openTab(first);
  }

  openTabById(id: string): SettingTab {
    const tab = this.pluginTabs.find((t) => t.id === id);
    if (!tab) throw new Error(`app.setting.openTabById: no settings tab "${id}" (tabs: ${this.pluginTabs.map((t) => t.id).join(", ") || "none"})`);
    if (!this.containerEl.isConnected) document.body.appendChild(this.containerEl);
    this.openTab(tab);
    return tab;
  }

  openTab(tab: SettingTab): void {
    this.clearSearch();
    this.closeActiveTab();
    this.activeTab = tab;
    this.contentEl.appendChild(tab.containerEl);
    for (const item of Array.from(this.navEl.children)) item.toggleClass("is-active", item.getAttribute("data-tab-id") === tab.id);
    tab.show__();
  }

  close(): void {
    this.clearSearch();
    this.closeActiveTab();
    this.containerEl.remove();
  }

  /** Finds settings by name, description or alias (case-insensitive) in every tab, and shows them. */
  search(query: string): SettingSearchHit[] {
    if (this.searchInputEl.value !== query) this.searchInputEl.value = query;
    this.clearResults();
    const needle = query.trim().toLowerCase();
    if (needle === "") {
      this.resultsEl.remove();
      if (this.activeTab) this.contentEl.appendChild(this.activeTab.containerEl);
      return [];
    }
    const hits: SettingSearchHit[] = [];
    for (const tab of this.pluginTabs) {
      tab.update();
      collect(tab.settingItems, [], (def, path) => {
        if (isPage(def) || !evaluate(def.searchable, true)) return;
        const texts = [def.name, textOf(def.desc), ...(def.aliases ?? [])];
        if (texts.some((t) => t.toLowerCase().includes(needle))) {
          hits.push({ tabId: tab.id, tabName: tab.name, path, name: def.name, desc: textOf(def.desc), def });
        }
      });
    }
    this.activeTab?.containerEl.remove();
    this.contentEl.appendChild(this.resultsEl);
    if (hits.length === 0) this.resultsEl.createDiv({ cls: "setting-search-empty", text: "No settings match." });
    for (const tab of this.pluginTabs) {
      const own = hits.filter((hit) => hit.tabId === tab.id);
      if (own.length === 0) continue;
      this.resultsEl.createDiv({ cls: "setting-search-tab-name", text: tab.name });
      const renderer = new DefinitionRenderer(tab);
      renderer.renderItems(this.resultsEl, own.map((hit) => hit.def));
      this.searchRenderers.push(renderer);
    }
    return hits;
  }

  private renderNav(): void {
    this.navEl.empty();
    for (const tab of this.pluginTabs) {
      const item = this.navEl.createDiv({ cls: "vertical-tab-nav-item", text: tab.name, attr: { "data-tab-id": tab.id } });
      item.toggleClass("is-active", tab === this.activeTab);
      item.addEventListener("click", () => this.openTab(tab));
    }
  }

  private closeActiveTab(): void {
    this.activeTab?.hide();
    this.activeTab?.containerEl.remove();
    this.activeTab = null;
  }

  private clearSearch(): void {
    this.searchInputEl.value = "";
    this.clearResults();
    this.resultsEl.remove();
  }

  private clearResults(): void {
    for (const renderer of this.searchRenderers.splice(0)) renderer.teardown();
    this.resultsEl.empty();
  }
}

/** Walks definitions (into groups, lists and pages), skipping hidden ones; `path` names the headings and pages above. */
function collect(items: ItemDef[], path: string[], visit: (def: SettingDef | PageDef, path: string[]) => void): void {
  for (const item of items) {
    if (!evaluate(item.visible, true)) continue;
    if (isGroup(item)) collect(item.items ?? [], item.heading ? [...path, item.heading] : path, visit);
    else if (isPage(item)) {
      visit(item, path);
      collect(item.items ?? [], [...path, item.name], visit);
    } else visit(item, path);
  }
}
