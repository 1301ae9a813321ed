/**
 * Local, loose mirrors of the 1.13 declarative setting types in obsidian.d.ts (SettingDefinitionItem and friends),
 * so the renderer can read definitions without binding to the real classes' nominal types.
 */
export type Predicate = boolean | (() => boolean);

export interface ControlDef {
  type: "toggle" | "dropdown" | "text" | "textarea" | "number" | "file" | "folder" | "slider" | "color";
  key: string;
  defaultValue?: unknown;
  validate?: (value: any) => string | void | Promise<string | void>;
  disabled?: Predicate;
  options?: Record<string, string>;
  placeholder?: string;
  rows?: number;
  min?: number;
  max?: number;
  step?: number | "any";
  displayFormat?: (value: number) => string;
  filter?: (file: any) => boolean;
  includeRoot?: boolean;
}

export interface SettingDef {
  name: string;
  desc?: string | DocumentFragment;
  aliases?: string[];
  searchable?: Predicate;
  visible?: Predicate;
  control?: ControlDef;
  action?: (el: HTMLElement, index: number) => void;
  render?: (setting: any, group: any) => void | (() => void);
  disabled?: Predicate;
}

export interface GroupDef {
  type: "group" | "list";
  heading?: string;
  cls?: string;
  search?: { placeholder?: string; match: (def: SettingDef, query: string) => boolean };
  extraButtons?: ((component: any) => unknown)[];
  items?: ItemDef[];
  visible?: Predicate;
  emptyState?: string | DocumentFragment;
  onReorder?: (oldIndex: number, newIndex: number) => void;
  onDelete?: (index: number) => void;
  addItem?: { name: string; action: (el: HTMLElement) => void };
}

export interface PageDef {
  type: "page";
  name: string;
  desc?: string | DocumentFragment;
  displayValue?: string | (() => string);
  status?: "warning" | null | (() => "warning" | null);
  items?: ItemDef[];
  page?: () => { rootEl: HTMLElement; containerEl: HTMLElement; titlebarEl: HTMLElement; title: string; display(): void; hide(): void };
  visible?: Predicate;
}

export type ItemDef = SettingDef | GroupDef | PageDef;

export function isGroup(item: ItemDef): item is GroupDef {
  return "type" in item && (item.type === "group" || item.type === "list");
}

export function isPage(item: ItemDef): item is PageDef {
  return "type" in item && item.type === "page";
}

export function evaluate(predicate: Predicate | undefined, fallback: boolean): boolean {
  if (predicate === undefined) return fallback;
  return typeof predicate === "function" ? predicate() : predicate;
}

export function textOf(value: string | DocumentFragment | undefined): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : (value.textContent ?? "");
}
