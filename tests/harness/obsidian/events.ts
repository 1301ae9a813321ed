import { runtime } from "./runtime";

type Handler = (...data: any[]) => any;

/** Marks handlers the stand-in registers for itself (excluded from the harness's leak check). */
export const INTERNAL_CTX = Symbol.for("obsidian-stand-in.internal");

export interface EventRef {
  e: Events;
  name: string;
  fn: Handler;
  ctx?: unknown;
}

/** Obsidian's event emitter: handlers run synchronously; a throwing handler is logged and does not stop the others. */
export class Events {
  _: Record<string, EventRef[]> = {};

  on(name: string, callback: Handler, ctx?: unknown): EventRef {
    const ref: EventRef = { e: this, name, fn: callback, ctx };
    (this._[name] ??= []).push(ref);
    return ref;
  }

  off(name: string, callback: Handler): void {
    const list = this._[name];
    if (!list) return;
    this._[name] = list.filter((ref) => ref.fn !== callback);
    if (this._[name]?.length === 0) delete this._[name];
  }

  offref(ref: EventRef): void {
    const list = this._[ref.name];
    if (!list) return;
    const at = list.indexOf(ref);
    if (at >= 0) list.splice(at, 1);
    if (list.length === 0) delete this._[ref.name];
  }

  trigger(name: string, ...data: unknown[]): void {
    const list = this._[name];
    if (!list) return;
    for (const ref of list.slice()) this.tryTrigger(ref, data);
  }

  tryTrigger(evt: EventRef, args: unknown[]): void {
    try {
      evt.fn.apply(evt.ctx, args);
    } catch (error) {
      runtime.reportHandlerError(error);
    }
  }

  /** Stand-in only: handlers still registered, by event name. */
  handlerCounts__(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const [name, list] of Object.entries(this._)) {
      const count = list.filter((ref) => ref.ctx !== INTERNAL_CTX).length;
      if (count > 0) counts[name] = count;
    }
    return counts;
  }
}

/** Obsidian's lifecycle base: children and registered cleanups are released on `unload()`. */
export class Component {
  _loaded = false;
  _children: Component[] = [];
  _events: (() => unknown)[] = [];

  load(): void {
    if (this._loaded) return;
    this._loaded = true;
    this.onload();
    for (const child of this._children.slice()) child.load();
  }

  onload(): void {}

  unload(): void {
    if (!this._loaded) return;
    this._loaded = false;
    while (this._children.length > 0) this._children.pop()?.unload();
    while (this._events.length > 0) {
      const cleanup = this._events.pop();
      try {
        cleanup?.();
      } catch (error) {
        runtime.reportHandlerError(error);
      }
    }
    this.onunload();
  }

  onunload(): void {}

  addChild<T extends Component>(component: T): T {
    this._children.push(component);
    if (this._loaded) component.load();
    return component;
  }

  removeChild<T extends Component>(component: T): T {
    const at = this._children.indexOf(component);
    if (at >= 0) {
      this._children.splice(at, 1);
      component.unload();
    }
    return component;
  }

  register(cb: () => unknown): void {
    this._events.push(cb);
  }

  registerEvent(eventRef: EventRef): void {
    this.register(() => eventRef.e.offref(eventRef));
  }

  registerDomEvent(
    el: Window | Document | HTMLElement,
    type: string,
    callback: (this: HTMLElement, ev: Event) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void {
    el.addEventListener(type, callback as EventListener, options);
    const id = runtime.nextSequence();
    runtime.liveRegistrations.set(id, `registerDomEvent("${type}")`);
    this.register(() => {
      el.removeEventListener(type, callback as EventListener, options);
      runtime.liveRegistrations.delete(id);
    });
  }

  registerInterval(id: number): number {
    const key = runtime.nextSequence();
    runtime.liveRegistrations.set(key, `registerInterval(${id})`);
    this.register(() => {
      clearInterval(id);
      runtime.liveRegistrations.delete(key);
    });
    return id;
  }
}
