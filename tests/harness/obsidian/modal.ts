import type { App } from "./app";
import { Scope } from "./keymap";
import { runtime } from "./runtime";
import { prepareFuzzySearch, renderResults, type SearchResult, sortSearchResults } from "./search";

export interface Instruction {
  command: string;
  purpose: string;
}

/** `.modal-container > .modal > (.modal-close-button, .modal-header > .modal-title, .modal-content)` in the body. */
export class Modal {
  app: App;
  scope: Scope;
  containerEl: HTMLElement;
  modalEl: HTMLElement;
  titleEl: HTMLElement;
  contentEl: HTMLElement;
  shouldRestoreSelection = true;
  private closeCallback: (() => unknown) | null = null;
  private isOpen__ = false;

  constructor(app: App) {
    this.app = app;
    this.scope = new Scope(app.scope);
    this.containerEl = createDiv("modal-container mod-dim");
    this.containerEl.createDiv("modal-bg");
    this.modalEl = this.containerEl.createDiv("modal");
    this.modalEl.createDiv({ cls: "modal-close-button", attr: { "aria-label": "Close" } }).addEventListener("click", () => this.close());
    this.titleEl = this.modalEl.createDiv("modal-header").createDiv("modal-title");
    this.contentEl = this.modalEl.createDiv("modal-content");
    this.containerEl.addEventListener("keydown", (evt) => {
      if (evt.key === "Escape") this.close();
    });
  }

  open(): void {
    if (this.isOpen__) return;
    this.isOpen__ = true;
    document.body.appendChild(this.containerEl);
    this.app.keymap.pushScope(this.scope);
    const opened = this.onOpen();
    if (opened instanceof Promise) runtime.background(opened);
  }

  close(): void {
    if (!this.isOpen__) return;
    this.isOpen__ = false;
    this.containerEl.remove();
    this.app.keymap.popScope(this.scope);
    this.onClose();
    this.closeCallback?.();
  }

  onOpen(): Promise<void> | void {}

  onClose(): void {}

  setTitle(title: string): this {
    this.titleEl.setText(title);
    return this;
  }

  setContent(content: string | DocumentFragment): this {
    this.contentEl.setText(content);
    return this;
  }

  setCloseCallback(callback: () => unknown): this {
    this.closeCallback = callback;
    return this;
  }
}

/** Renders suggestions into `.suggestion-item`s; drive it by setting `inputEl.value` + an `input` event, then click one. */
class SuggestionList<T> {
  values: T[] = [];
  selected = 0;
  private generation = 0;

  constructor(
    private readonly containerEl: HTMLElement,
    private readonly owner: { renderSuggestion(value: T, el: HTMLElement): void; selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void },
  ) {}

  update(result: T[] | Promise<T[]>, limit: number, onEmpty: () => void): void {
    const generation = ++this.generation;
    const show = (values: T[]) => {
      if (generation !== this.generation) return;
      this.values = limit > 0 ? values.slice(0, limit) : values;
      this.selected = 0;
      this.containerEl.empty();
      if (this.values.length === 0) onEmpty();
      this.values.forEach((value, index) => {
        const el = this.containerEl.createDiv("suggestion-item");
        this.owner.renderSuggestion(value, el);
        el.addEventListener("mousemove", () => this.select(index));
        el.addEventListener("click", (evt) => this.owner.selectSuggestion(value, evt));
      });
      this.select(0);
    };
    if (result instanceof Promise) runtime.background(result.then(show));
    else show(result);
  }

  select(index: number): void {
    if (this.values.length === 0) return;
    this.selected = (index + this.values.length) % this.values.length;
    Array.from(this.containerEl.children).forEach((el, i) => el.classList.toggle("is-selected", i === this.selected));
  }

  current(): T | undefined {
    return this.values[this.selected];
  }
}

export abstract class SuggestModal<T> extends Modal {
  limit = 50;
  emptyStateText = "No results found.";
  inputEl: HTMLInputElement;
  resultContainerEl: HTMLElement;
  private instructionsEl: HTMLElement;
  private list: SuggestionList<T>;

  constructor(app: App) {
    super(app);
    this.modalEl.addClass("prompt");
    this.modalEl.empty();
    this.inputEl = this.modalEl.createDiv("prompt-input-container").createEl("input", { cls: "prompt-input", type: "text" });
    this.resultContainerEl = this.modalEl.createDiv("prompt-results");
    this.instructionsEl = this.modalEl.createDiv("prompt-instructions");
    this.list = new SuggestionList<T>(this.resultContainerEl, this);
    this.inputEl.addEventListener("input", () => this.updateSuggestions__());
    this.inputEl.addEventListener("keydown", (evt) => {
      if (evt.key === "ArrowDown") this.list.select(this.list.selected + 1);
      else if (evt.key === "ArrowUp") this.list.select(this.list.selected - 1);
      else if (evt.key === "Enter") this.selectActiveSuggestion(evt);
    });
  }

  override open(): void {
    super.open();
    this.updateSuggestions__();
  }

  setPlaceholder(placeholder: string): void {
    this.inputEl.placeholder = placeholder;
  }

  setInstructions(instructions: Instruction[]): void {
    this.instructionsEl.empty();
    for (const { command, purpose } of instructions) {
      const el = this.instructionsEl.createDiv("prompt-instruction");
      el.createSpan({ cls: "prompt-instruction-command", text: command });
      el.createSpan({ text: purpose });
    }
  }

  onNoSuggestion(): void {
    this.resultContainerEl.createDiv({ cls: "suggestion-empty", text: this.emptyStateText });
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.close();
    this.onChooseSuggestion(value, evt);
  }

  selectActiveSuggestion(evt: MouseEvent | KeyboardEvent): void {
    const value = this.list.current();
    if (value !== undefined) this.selectSuggestion(value, evt);
  }

  /** Stand-in: recompute suggestions for the current input (what typing does). */
  updateSuggestions__(): void {
    this.list.update(this.getSuggestions(this.inputEl.value), this.limit, () => this.onNoSuggestion());
  }

  abstract getSuggestions(query: string): T[] | Promise<T[]>;
  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export interface FuzzyMatch<T> {
  item: T;
  match: SearchResult;
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
  getSuggestions(query: string): FuzzyMatch<T>[] {
    const search = prepareFuzzySearch(query);
    const results: FuzzyMatch<T>[] = [];
    for (const item of this.getItems()) {
      const match = search(this.getItemText(item));
      if (match) results.push({ item, match });
    }
    if (query.trim() !== "") sortSearchResults(results);
    return results;
  }

  renderSuggestion(item: FuzzyMatch<T>, el: HTMLElement): void {
    renderResults(el, this.getItemText(item.item), item.match);
  }

  onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
    this.onChooseItem(item.item, evt);
  }

  abstract getItems(): T[];
  abstract getItemText(item: T): string;
  abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export abstract class PopoverSuggest<T> {
  app: App;
  scope: Scope;
  suggestEl: HTMLElement;
  protected list__: SuggestionList<T>;

  constructor(app: App, scope?: Scope) {
    this.app = app;
    this.scope = scope ?? new Scope(app.scope);
    this.suggestEl = createDiv("suggestion-container");
    this.list__ = new SuggestionList<T>(this.suggestEl.createDiv("suggestion"), this);
  }

  open(): void {
    document.body.appendChild(this.suggestEl);
  }

  close(): void {
    this.suggestEl.remove();
  }

  abstract renderSuggestion(value: T, el: HTMLElement): void;
  abstract selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void;
}

/** Suggestions under an input: typing (an `input` event) lists `.suggestion-container .suggestion-item`s. */
export abstract class AbstractInputSuggest<T> extends PopoverSuggest<T> {
  limit = 100;
  private textInputEl: HTMLInputElement | HTMLDivElement;
  private selectCallback: ((value: T, evt: MouseEvent | KeyboardEvent) => unknown) | null = null;

  constructor(app: App, textInputEl: HTMLInputElement | HTMLDivElement) {
    super(app);
    this.textInputEl = textInputEl;
    const update = () => {
      this.open();
      this.list__.update(this.getSuggestions(this.getValue()), this.limit, () => undefined);
    };
    textInputEl.addEventListener("input", update);
    textInputEl.addEventListener("focus", update);
  }

  setValue(value: string): void {
    if (this.textInputEl instanceof HTMLInputElement) this.textInputEl.value = value;
    else this.textInputEl.textContent = value;
  }

  getValue(): string {
    return this.textInputEl instanceof HTMLInputElement ? this.textInputEl.value : (this.textInputEl.textContent ?? "");
  }

  selectSuggestion(value: T, evt: MouseEvent | KeyboardEvent): void {
    this.selectCallback?.(value, evt);
  }

  onSelect(callback: (value: T, evt: MouseEvent | KeyboardEvent) => unknown): this {
    this.selectCallback = callback;
    return this;
  }

  protected abstract getSuggestions(query: string): T[] | Promise<T[]>;
}
