import { Component } from "./events";
import { setIcon } from "./icons";
import { notImplemented } from "./strict";

/**
 * Menus render as `.menu > .menu-item` in the body when shown; clicking an item runs its callback and hides
 * the menu. `Menu.shown__` lists the menus currently shown, for tests that prefer not to go through the DOM.
 */
export class MenuItem {
  dom: HTMLElement;
  titleEl: HTMLElement;
  iconEl: HTMLElement;
  title = "";
  section = "";
  checked: boolean | null = null;
  disabled = false;
  private callback: ((evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  constructor(private readonly menu: Menu) {
    this.dom = createDiv("menu-item");
    this.iconEl = this.dom.createDiv("menu-item-icon");
    this.titleEl = this.dom.createDiv("menu-item-title");
    this.dom.addEventListener("click", (evt) => this.click__(evt));
  }

  setTitle(title: string | DocumentFragment): this {
    this.title = typeof title === "string" ? title : (title.textContent ?? "");
    this.titleEl.setText(title);
    return this;
  }

  setIcon(icon: string | null): this {
    this.iconEl.empty();
    if (icon) setIcon(this.iconEl, icon);
    return this;
  }

  setChecked(checked: boolean | null): this {
    this.checked = checked;
    this.dom.toggleClass("mod-checked", checked === true);
    return this;
  }

  setDisabled(disabled: boolean): this {
    this.disabled = disabled;
    this.dom.toggleClass("is-disabled", disabled);
    return this;
  }

  setWarning(isWarning: boolean): this {
    this.dom.toggleClass("is-warning", isWarning);
    return this;
  }

  setIsLabel(isLabel: boolean): this {
    this.dom.toggleClass("is-label", isLabel);
    return this;
  }

  setSection(section: string): this {
    this.section = section;
    this.dom.setAttribute("data-section", section);
    return this;
  }

  setSubmenu(): Menu {
    return notImplemented("MenuItem.setSubmenu");
  }

  onClick(callback: (evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.callback = callback;
    return this;
  }

  /** Stand-in: what clicking the item does. */
  click__(evt: MouseEvent | KeyboardEvent = new MouseEvent("click")): void {
    if (this.disabled) return;
    this.menu.hide();
    this.callback?.(evt);
  }
}

export class Menu extends Component {
  static shown__: Menu[] = [];
  dom: HTMLElement;
  items: (MenuItem | "separator")[] = [];
  private hideCallbacks: (() => unknown)[] = [];

  constructor() {
    super();
    this.dom = createDiv("menu");
  }

  static forEvent(evt: PointerEvent | MouseEvent): Menu {
    void evt;
    return new Menu();
  }

  setNoIcon(): this {
    this.dom.addClass("mod-no-icon");
    return this;
  }

  setUseNativeMenu(useNativeMenu: boolean): this {
    void useNativeMenu;
    return this;
  }

  addItem(cb: (item: MenuItem) => unknown): this {
    const item = new MenuItem(this);
    this.items.push(item);
    cb(item);
    return this;
  }

  addSeparator(): this {
    this.items.push("separator");
    return this;
  }

  setParentElement(el: HTMLElement): this {
    void el;
    return this;
  }

  showAtMouseEvent(evt: MouseEvent): this {
    void evt;
    return this.show();
  }

  showAtPosition(position: { x: number; y: number }, doc?: Document): this {
    void position;
    void doc;
    return this.show();
  }

  hide(): this {
    const at = Menu.shown__.indexOf(this);
    if (at < 0) return this;
    Menu.shown__.splice(at, 1);
    this.dom.remove();
    this.unload();
    for (const callback of this.hideCallbacks) callback();
    return this;
  }

  close(): void {
    this.hide();
  }

  onHide(callback: () => unknown): void {
    this.hideCallbacks.push(callback);
  }

  private show(): this {
    this.dom.empty();
    for (const item of this.items) {
      if (item === "separator") this.dom.createDiv("menu-separator");
      else this.dom.appendChild(item.dom);
    }
    document.body.appendChild(this.dom);
    Menu.shown__.push(this);
    this.load();
    return this;
  }
}
