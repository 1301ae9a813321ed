/**
 * Obsidian's additions to the DOM (the `declare global` block of obsidian.d.ts), installed onto whatever DOM is
 * global (happy-dom or jsdom in Vitest, Chromium in the browser tier). Idempotent per window.
 */
type Info = DomElementInfo | SvgElementInfo | string | undefined;
type AnyFn = (...args: any[]) => any;

const SVG_NS = "http://www.w3.org/2000/svg";
const INSTALLED = Symbol.for("obsidian-stand-in.dom-installed");

function define(target: object | undefined, name: string, value: AnyFn): void {
  if (!target) return;
  Object.defineProperty(target, name, { value, configurable: true, writable: true, enumerable: false });
}

function defineGetter(target: object | undefined, name: string, get: () => unknown): void {
  if (!target) return;
  Object.defineProperty(target, name, { get, configurable: true, enumerable: false });
}

function doc(): Document {
  return globalThis.document;
}

function applyInfo(el: Element, o: Info): void {
  if (o === undefined) return;
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : (o as DomElementInfo);
  if (info.cls !== undefined) {
    const classes = (Array.isArray(info.cls) ? info.cls : info.cls.split(" ")).filter((c) => c.length > 0);
    if (classes.length > 0) el.classList.add(...classes);
  }
  if (info.text !== undefined) setText.call(el, info.text);
  if (info.attr) for (const [key, value] of Object.entries(info.attr)) setAttr.call(el, key, value);
  if (info.title !== undefined) el.setAttribute("title", info.title);
  if (info.value !== undefined && "value" in el) (el as HTMLInputElement).value = info.value;
  if (info.type !== undefined) el.setAttribute("type", info.type);
  if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
  if (info.href !== undefined) el.setAttribute("href", info.href);
  if (info.parent) {
    if (info.prepend) info.parent.insertBefore(el, info.parent.firstChild);
    else info.parent.appendChild(el);
  }
}

function createElGlobal(tag: string, o?: Info, callback?: (el: any) => void): HTMLElement {
  const el = doc().createElement(tag);
  applyInfo(el, o);
  callback?.(el);
  return el;
}

function createSvgGlobal(tag: string, o?: Info, callback?: (el: any) => void): SVGElement {
  const el = doc().createElementNS(SVG_NS, tag) as SVGElement;
  applyInfo(el, o);
  callback?.(el);
  return el;
}

function withParent(parent: Node, o: Info): DomElementInfo {
  const info: DomElementInfo = typeof o === "string" ? { cls: o } : { ...(o as DomElementInfo | undefined) };
  info.parent = parent;
  return info;
}

function setText(this: Element, val: string | DocumentFragment): void {
  if (typeof val === "string") {
    this.textContent = val;
  } else {
    while (this.firstChild) this.removeChild(this.firstChild);
    this.appendChild(val);
  }
}

function setAttr(this: Element, name: string, value: string | number | boolean | null): void {
  if (value === null) this.removeAttribute(name);
  else this.setAttribute(name, String(value));
}

/** Hidden by the stand-in or by the plugin: `display: none`, the `hidden` attribute, or detached from the document. */
function isShown(this: HTMLElement): boolean {
  if (!this.isConnected) return false;
  for (let el: Element | null = this; el; el = el.parentElement) {
    if (el instanceof HTMLElement && (el.style.display === "none" || el.hidden)) return false;
  }
  return true;
}

interface Delegated {
  selector: string;
  listener: AnyFn;
  options?: boolean | AddEventListenerOptions;
  callback: EventListener;
}

function onDelegated(this: HTMLElement | Document, type: string, selector: string, listener: AnyFn, options?: boolean | AddEventListenerOptions): void {
  const host = this as unknown as { _EVENTS?: Record<string, Delegated[]> };
  const events = (host._EVENTS ??= {});
  const callback: EventListener = (ev) => {
    const target = ev.target;
    if (!(target instanceof Element)) return;
    const match = target.closest(selector);
    if (match && (this as Node).contains(match)) listener.call(this, ev, match);
  };
  (events[type] ??= []).push({ selector, listener, options, callback });
  this.addEventListener(type, callback, options);
}

function offDelegated(this: HTMLElement | Document, type: string, selector: string, listener: AnyFn, options?: boolean | AddEventListenerOptions): void {
  const host = this as unknown as { _EVENTS?: Record<string, Delegated[]> };
  const list = host._EVENTS?.[type];
  if (!list) return;
  for (const entry of list.slice()) {
    if (entry.selector === selector && entry.listener === listener && entry.options === options) {
      this.removeEventListener(type, entry.callback, options);
      list.splice(list.indexOf(entry), 1);
    }
  }
}

export function installDomExtensions(): void {
  if (typeof Node === "undefined" || typeof document === "undefined") return;
  const nodeProto = Node.prototype as unknown as Record<symbol, boolean>;
  if (nodeProto[INSTALLED]) return;
  nodeProto[INSTALLED] = true;

  const N = Node.prototype;
  define(N, "detach", function (this: Node) { this.parentNode?.removeChild(this); });
  define(N, "empty", function (this: Node) { while (this.firstChild) this.removeChild(this.firstChild); });
  define(N, "insertAfter", function (this: Node, node: Node, child: Node | null) {
    return this.insertBefore(node, child ? child.nextSibling : this.firstChild);
  });
  define(N, "indexOf", function (this: Node, other: Node) { return Array.prototype.indexOf.call(this.childNodes, other); });
  define(N, "setChildrenInPlace", function (this: Node, children: Node[]) {
    const keep = new Set(children);
    for (const child of Array.from(this.childNodes)) if (!keep.has(child)) this.removeChild(child);
    for (const child of children) this.appendChild(child);
  });
  define(N, "appendText", function (this: Node, val: string) { this.appendChild(doc().createTextNode(val)); });
  define(N, "instanceOf", function (this: Node, type: new () => unknown) { return this instanceof type; });
  defineGetter(N, "doc", function (this: Node) { return this.ownerDocument ?? doc(); });
  defineGetter(N, "win", function (this: Node) { return (this.ownerDocument ?? doc()).defaultView ?? globalThis.window; });
  defineGetter(N, "constructorWin", function () { return globalThis.window; });
  define(N, "createEl", function (this: Node, tag: string, o?: Info, cb?: AnyFn) { return createElGlobal(tag, withParent(this, o), cb); });
  define(N, "createDiv", function (this: Node, o?: Info, cb?: AnyFn) { return createElGlobal("div", withParent(this, o), cb); });
  define(N, "createSpan", function (this: Node, o?: Info, cb?: AnyFn) { return createElGlobal("span", withParent(this, o), cb); });
  define(N, "createSvg", function (this: Node, tag: string, o?: Info, cb?: AnyFn) { return createSvgGlobal(tag, withParent(this, o), cb); });

  const E = Element.prototype;
  define(E, "getText", function (this: Element) { return this.textContent ?? ""; });
  define(E, "setText", setText);
  define(E, "addClass", function (this: Element, ...classes: string[]) { this.classList.add(...classes); });
  define(E, "addClasses", function (this: Element, classes: string[]) { this.classList.add(...classes); });
  define(E, "removeClass", function (this: Element, ...classes: string[]) { this.classList.remove(...classes); });
  define(E, "removeClasses", function (this: Element, classes: string[]) { this.classList.remove(...classes); });
  define(E, "toggleClass", function (this: Element, classes: string | string[], value: boolean) {
    for (const c of Array.isArray(classes) ? classes : [classes]) this.classList.toggle(c, value);
  });
  define(E, "hasClass", function (this: Element, cls: string) { return this.classList.contains(cls); });
  define(E, "setAttr", setAttr);
  define(E, "setAttrs", function (this: Element, obj: Record<string, string | number | boolean | null>) {
    for (const [k, v] of Object.entries(obj)) setAttr.call(this, k, v);
  });
  define(E, "getAttr", function (this: Element, name: string) { return this.getAttribute(name); });
  define(E, "matchParent", function (this: Element, selector: string, lastParent?: Element) {
    for (let el: Element | null = this; el && el !== lastParent; el = el.parentElement) if (el.matches(selector)) return el;
    return null;
  });
  define(E, "getCssPropertyValue", function (this: Element, property: string, pseudo?: string) {
    return globalThis.getComputedStyle(this, pseudo).getPropertyValue(property);
  });
  define(E, "isActiveElement", function (this: Element) { return (this.ownerDocument ?? doc()).activeElement === this; });
  define(E, "find", function (this: Element, selector: string) { return this.querySelector(selector); });
  define(E, "findAll", function (this: Element, selector: string) { return Array.from(this.querySelectorAll(selector)); });
  define(E, "findAllSelf", function (this: Element, selector: string) {
    const found = Array.from(this.querySelectorAll(selector));
    return this.matches(selector) ? [this, ...found] : found;
  });

  const F = DocumentFragment.prototype;
  define(F, "find", function (this: DocumentFragment, selector: string) { return this.querySelector(selector); });
  define(F, "findAll", function (this: DocumentFragment, selector: string) { return Array.from(this.querySelectorAll(selector)); });

  const H = HTMLElement.prototype;
  define(H, "show", function (this: HTMLElement) { this.style.removeProperty("display"); });
  define(H, "hide", function (this: HTMLElement) { this.style.display = "none"; });
  define(H, "toggle", function (this: HTMLElement, show: boolean) { if (show) this.show(); else this.hide(); });
  define(H, "toggleVisibility", function (this: HTMLElement, visible: boolean) { this.style.visibility = visible ? "" : "hidden"; });
  define(H, "isShown", isShown);
  for (const proto of [H, typeof SVGElement === "undefined" ? undefined : SVGElement.prototype]) {
    define(proto, "setCssStyles", function (this: HTMLElement, styles: Partial<CSSStyleDeclaration>) { Object.assign(this.style, styles); });
    define(proto, "setCssProps", function (this: HTMLElement, props: Record<string, string>) {
      for (const [k, v] of Object.entries(props)) this.style.setProperty(k, v);
    });
  }
  defineGetter(H, "innerWidth", function (this: HTMLElement) { return this.clientWidth; });
  defineGetter(H, "innerHeight", function (this: HTMLElement) { return this.clientHeight; });
  define(H, "on", onDelegated);
  define(H, "off", offDelegated);
  define(Document.prototype, "on", onDelegated);
  define(Document.prototype, "off", offDelegated);
  define(H, "onClickEvent", function (this: HTMLElement, listener: AnyFn, options?: boolean | AddEventListenerOptions) {
    this.addEventListener("click", listener, options);
    this.addEventListener("auxclick", listener, options);
  });
  define(H, "onNodeInserted", function (this: HTMLElement, listener: AnyFn) {
    if (this.isConnected) queueMicrotask(() => listener());
    return () => {};
  });
  define(H, "onWindowMigrated", function () { return () => {}; });
  define(H, "trigger", function (this: HTMLElement, eventType: string) { this.dispatchEvent(new Event(eventType)); });

  if (typeof UIEvent !== "undefined") {
    const U = UIEvent.prototype;
    defineGetter(U, "targetNode", function (this: UIEvent) { return this.target instanceof Node ? this.target : null; });
    defineGetter(U, "win", function () { return globalThis.window; });
    defineGetter(U, "doc", function () { return doc(); });
    define(U, "instanceOf", function (this: UIEvent, type: new (...a: any[]) => unknown) { return this instanceof type; });
  }

  const g = globalThis as Record<string, unknown>;
  g.createEl = createElGlobal;
  g.createDiv = (o?: Info, cb?: AnyFn) => createElGlobal("div", o, cb);
  g.createSpan = (o?: Info, cb?: AnyFn) => createElGlobal("span", o, cb);
  g.createSvg = createSvgGlobal;
  g.createFragment = (cb?: (el: DocumentFragment) => void) => {
    const fragment = doc().createDocumentFragment();
    cb?.(fragment);
    return fragment;
  };
  g.fish = (selector: string) => doc().querySelector(selector);
  g.fishAll = (selector: string) => Array.from(doc().querySelectorAll(selector));
  g.ready = (fn: () => unknown) => { queueMicrotask(() => fn()); };
  g.nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  Object.defineProperty(globalThis, "activeWindow", { get: () => globalThis.window, configurable: true });
  Object.defineProperty(globalThis, "activeDocument", { get: () => doc(), configurable: true });
  for (const name of ["ajax", "ajaxPromise"]) {
    g[name] = () => { throw new Error(`${name}() is not allowed: the plugin must make no network requests`); };
  }
}
