/** Keymap and Scope: enough for modals and views to push scopes and register keys; key events are not routed. */
export type Modifier = "Mod" | "Ctrl" | "Meta" | "Shift" | "Alt";
export type KeymapEventListener = (evt: KeyboardEvent, ctx: { modifiers: string | null; key: string | null; vkey: string }) => false | unknown;

export interface KeymapEventHandler {
  scope: Scope;
  modifiers: string | null;
  key: string | null;
  func: KeymapEventListener;
}

export class Scope {
  parent: Scope | undefined;
  keys: KeymapEventHandler[] = [];

  constructor(parent?: Scope) {
    this.parent = parent;
  }

  register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventListener): KeymapEventHandler {
    const handler: KeymapEventHandler = { scope: this, modifiers: modifiers ? modifiers.join(",") : null, key, func };
    this.keys.push(handler);
    return handler;
  }

  unregister(handler: KeymapEventHandler): void {
    const at = this.keys.indexOf(handler);
    if (at >= 0) this.keys.splice(at, 1);
  }
}

export class Keymap {
  scopes: Scope[] = [];

  pushScope(scope: Scope): void {
    this.popScope(scope);
    this.scopes.push(scope);
  }

  popScope(scope: Scope): void {
    const at = this.scopes.indexOf(scope);
    if (at >= 0) this.scopes.splice(at, 1);
  }

  static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
    switch (modifier) {
      case "Mod":
      case "Ctrl":
        return evt.ctrlKey;
      case "Meta":
        return evt.metaKey;
      case "Shift":
        return evt.shiftKey;
      case "Alt":
        return evt.altKey;
    }
  }

  static isModEvent(evt?: MouseEvent | KeyboardEvent | null): "tab" | "split" | "window" | boolean {
    if (!evt) return false;
    const mod = evt.ctrlKey || evt.metaKey || (evt instanceof MouseEvent && evt.button === 1);
    if (mod && evt.altKey && evt.shiftKey) return "window";
    if (mod && evt.altKey) return "split";
    return mod ? "tab" : false;
  }
}
