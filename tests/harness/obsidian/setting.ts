import { setTooltip, type TooltipOptions } from "./icons";
import { type BaseComponent, MomentFormatComponent, SearchComponent, TextAreaComponent, TextComponent } from "./setting-components";
import {
  ButtonComponent,
  ColorComponent,
  DisplayValueComponent,
  DropdownComponent,
  ExtraButtonComponent,
  ProgressBarComponent,
  SliderComponent,
  ToggleComponent,
} from "./setting-controls";

export * from "./setting-components";
export * from "./setting-controls";

/**
 * `.setting-item > (.setting-item-info > (.setting-item-name, .setting-item-description), .setting-item-control)`;
 * a heading adds `.setting-item-heading`.
 */
export class Setting {
  settingEl: HTMLElement;
  infoEl: HTMLElement;
  nameEl: HTMLElement;
  descEl: HTMLElement;
  controlEl: HTMLElement;
  components: (BaseComponent | DisplayValueComponent)[] = [];
  errorEl: HTMLElement | null = null;

  constructor(containerEl: HTMLElement) {
    this.settingEl = containerEl.createDiv("setting-item");
    this.infoEl = this.settingEl.createDiv("setting-item-info");
    this.nameEl = this.infoEl.createDiv("setting-item-name");
    this.descEl = this.infoEl.createDiv("setting-item-description");
    this.controlEl = this.settingEl.createDiv("setting-item-control");
  }

  setName(name: string | DocumentFragment): this {
    this.nameEl.setText(name);
    return this;
  }

  setDesc(desc: string | DocumentFragment): this {
    this.descEl.setText(desc);
    return this;
  }

  setClass(cls: string): this {
    this.settingEl.addClass(cls);
    return this;
  }

  setTooltip(tooltip: string, options?: TooltipOptions): this {
    setTooltip(this.nameEl, tooltip, options);
    return this;
  }

  setHeading(): this {
    this.settingEl.addClass("setting-item-heading");
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.settingEl.toggleClass("is-disabled", disabled);
    for (const component of this.components) if ("setDisabled" in component) component.setDisabled(disabled);
    return this;
  }

  setErrorMessage(message: string | null): this {
    if (message) {
      this.errorEl ??= this.settingEl.createDiv("setting-item-error");
      this.errorEl.setText(message);
      this.settingEl.addClass("has-error");
    } else {
      this.errorEl?.remove();
      this.errorEl = null;
      this.settingEl.removeClass("has-error");
    }
    return this;
  }

  addDisplayValue(cb: (component: DisplayValueComponent) => unknown): this {
    return this.add(new DisplayValueComponent(this.controlEl), cb);
  }

  addButton(cb: (component: ButtonComponent) => unknown): this {
    return this.add(new ButtonComponent(this.controlEl), cb);
  }

  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
    return this.add(new ExtraButtonComponent(this.controlEl), cb);
  }

  addToggle(cb: (component: ToggleComponent) => unknown): this {
    return this.add(new ToggleComponent(this.controlEl), cb);
  }

  addText(cb: (component: TextComponent) => unknown): this {
    return this.add(new TextComponent(this.controlEl), cb);
  }

  addComponent<T extends BaseComponent>(cb: (el: HTMLElement) => T): this {
    this.components.push(cb(this.controlEl));
    return this;
  }

  addSearch(cb: (component: SearchComponent) => unknown): this {
    return this.add(new SearchComponent(this.controlEl), cb);
  }

  addTextArea(cb: (component: TextAreaComponent) => unknown): this {
    return this.add(new TextAreaComponent(this.controlEl), cb);
  }

  addMomentFormat(cb: (component: MomentFormatComponent) => unknown): this {
    return this.add(new MomentFormatComponent(this.controlEl), cb);
  }

  addDropdown(cb: (component: DropdownComponent) => unknown): this {
    return this.add(new DropdownComponent(this.controlEl), cb);
  }

  addColorPicker(cb: (component: ColorComponent) => unknown): this {
    return this.add(new ColorComponent(this.controlEl), cb);
  }

  addProgressBar(cb: (component: ProgressBarComponent) => unknown): this {
    return this.add(new ProgressBarComponent(this.controlEl), cb);
  }

  addSlider(cb: (component: SliderComponent) => unknown): this {
    return this.add(new SliderComponent(this.controlEl), cb);
  }

  then(cb: (setting: this) => unknown): this {
    cb(this);
    return this;
  }

  clear(): this {
    this.controlEl.empty();
    this.components = [];
    return this;
  }

  private add<C extends BaseComponent | DisplayValueComponent>(component: C, cb: (component: C) => unknown): this {
    this.components.push(component);
    cb(component);
    return this;
  }
}

/** `.setting-group > (.setting-item.setting-item-heading, .setting-items)`; the heading row exists once it is used. */
export class SettingGroup {
  listEl: HTMLElement;
  groupEl: HTMLElement;
  private headerEl: HTMLElement | null = null;

  constructor(containerEl: HTMLElement) {
    this.groupEl = containerEl.createDiv("setting-group");
    this.listEl = this.groupEl.createDiv("setting-items");
  }

  setHeading(text: string | DocumentFragment): this {
    this.header().querySelector(".setting-item-name")?.setText(text);
    return this;
  }

  addClass(...classes: string[]): this {
    this.groupEl.addClass(...classes);
    return this;
  }

  addSetting(cb: (setting: Setting) => void): this {
    cb(new Setting(this.listEl));
    return this;
  }

  addSearch(cb: (component: SearchComponent) => unknown): this {
    const row = createDiv("setting-group-search");
    this.groupEl.insertBefore(row, this.listEl);
    cb(new SearchComponent(row));
    return this;
  }

  addExtraButton(cb: (component: ExtraButtonComponent) => unknown): this {
    cb(new ExtraButtonComponent(this.header().querySelector(".setting-item-control") as HTMLElement));
    return this;
  }

  private header(): HTMLElement {
    if (!this.headerEl) {
      this.headerEl = createDiv("setting-item setting-item-heading");
      this.headerEl.createDiv("setting-item-info").createDiv("setting-item-name");
      this.headerEl.createDiv("setting-item-control");
      this.groupEl.prepend(this.headerEl);
    }
    return this.headerEl;
  }
}
