/** A short list to choose from (a tier, a goal, an open item), filtered as you type. */
import { SuggestModal, type App } from "obsidian";

export interface Option<T> {
  value: T;
  label: string;
  /** Other words that find it (the stable id, say). */
  keywords?: string;
  /** Marks the option that is in place now. */
  current?: boolean;
}

export class OptionPicker<T> extends SuggestModal<Option<T>> {
  constructor(
    app: App,
    placeholder: string,
    private readonly options: Option<T>[],
    private readonly currentLabel: string,
    private readonly chosen: (value: T) => void,
  ) {
    super(app);
    this.setPlaceholder(placeholder);
  }

  getSuggestions(query: string): Option<T>[] {
    const q = query.trim().toLowerCase();
    return q === "" ? this.options : this.options.filter((o) => `${o.label} ${o.keywords ?? ""}`.toLowerCase().includes(q));
  }

  renderSuggestion(option: Option<T>, el: HTMLElement): void {
    el.addClass("network-notes-pick");
    el.createSpan({ text: option.label });
    if (option.current) el.createSpan({ cls: "network-notes-pick-detail", text: this.currentLabel });
  }

  onChooseSuggestion(option: Option<T>): void {
    this.chosen(option.value);
  }
}
