import { setIcon } from "./icons";
import { runtime } from "./runtime";
import { Setting, SettingGroup } from "./setting";
import { type ControlDef, evaluate, type GroupDef, isGroup, isPage, type ItemDef, type PageDef, type SettingDef, textOf } from "./setting-defs";
import { Platform } from "./utils";

export interface RenderHost {
  getControlValue(key: string): unknown;
  setControlValue(key: string, value: unknown): void | Promise<void>;
  openPage__(page: PageDef): void;
}

interface Rendered {
  def: ItemDef;
  el: HTMLElement;
  setting?: Setting;
  disabled?: () => boolean;
}

/**
 * Renders declarative setting definitions the way the 1.13 settings window does: groups and lists as
 * `.setting-group`s, pages as navigable rows, controls bound to getControlValue/setControlValue with `validate`.
 */
export class DefinitionRenderer {
  private rendered: Rendered[] = [];
  private cleanups: (() => void)[] = [];

  constructor(private readonly host: RenderHost) {}

  renderItems(containerEl: HTMLElement, items: ItemDef[]): void {
    let implicit: SettingGroup | null = null;
    items.forEach((item, index) => {
      if (isGroup(item)) {
        implicit = null;
        this.renderGroup(containerEl, item);
        return;
      }
      implicit ??= new SettingGroup(containerEl);
      this.renderItem(implicit.listEl, item, index, implicit);
    });
  }

  refreshDomState(): void {
    for (const { def, el, setting, disabled } of this.rendered) {
      el.toggle(evaluate(def.visible, true));
      if (setting && disabled) setting.setDisabled(disabled());
    }
  }

  teardown(): void {
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.rendered = [];
  }

  renderGroup(containerEl: HTMLElement, group: GroupDef): void {
    const sg = new SettingGroup(containerEl);
    this.track(group, sg.groupEl);
    if (group.heading) sg.setHeading(group.heading);
    if (group.cls) sg.addClass(...group.cls.split(" ").filter(Boolean));
    sg.groupEl.toggleClass("mod-list", group.type === "list");
    for (const button of group.extraButtons ?? []) sg.addExtraButton(button);
    const items = group.items ?? [];
    const rows: { def: ItemDef; el: HTMLElement }[] = [];
    if (group.search) {
      const { placeholder, match } = group.search;
      sg.addSearch((search) => {
        if (placeholder) search.setPlaceholder(placeholder);
        search.onChange((query) => {
          for (const row of rows) {
            const def = row.def;
            if (isPage(def) || isGroup(def)) continue;
            row.el.toggle(query === "" || !evaluate(def.searchable, true) || match(def, query));
          }
        });
      });
    }
    if (group.type === "list" && group.addItem) this.renderAddItem(sg, group.addItem);
    if (items.length === 0 && group.type === "list" && group.emptyState !== undefined) {
      sg.listEl.createDiv({ cls: "setting-list-empty-state", text: group.emptyState });
    }
    items.forEach((item, index) => {
      const el = this.renderItem(sg.listEl, item, index, sg);
      rows.push({ def: item, el });
      if (group.type !== "list") return;
      if (group.onReorder) el.prepend(createDiv({ cls: "setting-drag-handle", attr: { "aria-label": "Drag to reorder" } }));
      if (group.onDelete) {
        const remove = (el.querySelector(".setting-item-control") ?? el).createDiv({
          cls: "clickable-icon extra-setting-button mod-delete",
          attr: { "aria-label": "Delete" },
        });
        setIcon(remove, "trash-2");
        remove.addEventListener("click", () => group.onDelete?.(index));
      }
    });
  }

  private renderAddItem(sg: SettingGroup, addItem: { name: string; action: (el: HTMLElement) => void }): void {
    if (Platform.isMobile) {
      const row = sg.groupEl.createDiv({ cls: "setting-item mod-add-item", text: `+ ${addItem.name}` });
      row.addEventListener("click", () => addItem.action(row));
      return;
    }
    sg.addExtraButton((button) => {
      button.setIcon("plus").setTooltip(addItem.name).onClick(() => addItem.action(button.extraSettingsEl));
      button.extraSettingsEl.addClass("mod-add-item");
    });
  }

  private renderItem(parentEl: HTMLElement, item: ItemDef, index: number, group: SettingGroup): HTMLElement {
    if (isGroup(item)) {
      this.renderGroup(parentEl, item);
      return parentEl.lastElementChild as HTMLElement;
    }
    if (isPage(item)) return this.renderPageRow(parentEl, item);
    const setting = new Setting(parentEl).setName(item.name);
    if (item.desc !== undefined) setting.setDesc(item.desc);
    if (item.control) this.renderControl(setting, item, item.control);
    else if (item.render) {
      const cleanup = item.render(setting, group);
      if (typeof cleanup === "function") this.cleanups.push(cleanup);
      this.track(item, setting.settingEl);
    } else if (item.action) {
      const action = item.action;
      setting.settingEl.addClass("mod-clickable");
      const disabled = () => evaluate(item.disabled, false);
      setting.settingEl.addEventListener("click", () => {
        if (!disabled()) action(setting.settingEl, index);
      });
      this.track(item, setting.settingEl, setting, disabled);
    } else {
      this.track(item, setting.settingEl);
    }
    return setting.settingEl;
  }

  private renderPageRow(parentEl: HTMLElement, page: PageDef): HTMLElement {
    const setting = new Setting(parentEl).setName(page.name).setClass("mod-navigable");
    if (page.desc !== undefined) setting.setDesc(page.desc);
    const value = typeof page.displayValue === "function" ? page.displayValue() : page.displayValue;
    const status = typeof page.status === "function" ? page.status() : page.status;
    if (value !== undefined || status) setting.addDisplayValue((d) => d.setValue(value ?? null).setStatus(status ?? null));
    setIcon(setting.controlEl.createDiv("setting-navigate-icon"), "chevron-right");
    setting.settingEl.addEventListener("click", () => this.host.openPage__(page));
    this.track(page, setting.settingEl);
    return setting.settingEl;
  }

  private renderControl(setting: Setting, def: SettingDef, control: ControlDef): void {
    const stored = this.host.getControlValue(control.key);
    const current = stored === undefined || stored === null ? control.defaultValue : stored;
    const validate = async (value: unknown): Promise<boolean> => {
      const message = control.validate ? await control.validate(value) : undefined;
      setting.setErrorMessage(message ? message : null);
      return !message;
    };
    const commit = (value: unknown) => {
      runtime.background(
        (async () => {
          if (!(await validate(value))) return;
          await this.host.setControlValue(control.key, value);
          this.refreshDomState();
        })(),
      );
    };
    const str = (v: unknown) => (v === undefined || v === null ? "" : String(v));
    switch (control.type) {
      case "toggle":
        setting.addToggle((t) => t.setValue(Boolean(current)).onChange(commit));
        break;
      case "dropdown":
        setting.addDropdown((d) => d.addOptions(control.options ?? {}).setValue(str(current)).onChange(commit));
        break;
      case "textarea":
        setting.addTextArea((t) => {
          t.setPlaceholder(control.placeholder ?? "").setValue(str(current)).onChange(commit);
          if (control.rows) t.inputEl.rows = control.rows;
        });
        break;
      case "number":
        setting.addText((t) => {
          t.inputEl.type = "number";
          for (const attr of ["min", "max", "step"] as const) if (control[attr] !== undefined) t.inputEl.setAttr(attr, String(control[attr]));
          t.setPlaceholder(control.placeholder ?? "").setValue(str(current));
          t.onChange((text) => {
            const n = Number(text);
            commit(text.trim() === "" || Number.isNaN(n) ? ((control.defaultValue as number | undefined) ?? 0) : n);
          });
        });
        break;
      case "slider":
        setting.addSlider((s) => {
          s.setLimits(control.min ?? 0, control.max ?? 100, control.step ?? 1).setValue(Number(current ?? control.min ?? 0));
          if (control.displayFormat) s.setDisplayFormat(control.displayFormat);
          s.onChange(commit);
        });
        break;
      case "color":
        setting.addColorPicker((c) => c.setValue(str(current)).onChange(commit));
        break;
      case "text":
      case "file":
      case "folder":
        setting.addText((t) => {
          t.setPlaceholder(control.placeholder ?? "").setValue(str(current)).onChange(commit);
          if (control.type !== "text") t.inputEl.setAttr("data-suggest", control.type);
        });
        break;
      default:
        throw new Error(`settings: unknown control type "${(control as { type: string }).type}" for "${def.name}"`);
    }
    if (control.validate && current !== undefined) runtime.background(validate(current));
    const disabled = () => evaluate(control.disabled, false);
    setting.setDisabled(disabled());
    this.track(def, setting.settingEl, setting, disabled);
  }

  private track(def: ItemDef, el: HTMLElement, setting?: Setting, disabled?: () => boolean): void {
    this.rendered.push({ def, el, setting, disabled });
    el.toggle(evaluate(def.visible, true));
  }
}
