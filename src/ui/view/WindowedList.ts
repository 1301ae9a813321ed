/**
 * A list that draws only the rows in (and just around) the visible part of its scrolling container, so a due list
 * of 10,000 people costs the same to draw as one of 30. Rows have one fixed height (read from the CSS variable
 * `--network-notes-row-height` when the stylesheet sets it). Where nothing has a size yet (a view not laid out),
 * it draws the first screenful.
 */
const OVERSCAN = 6;
const FALLBACK_VIEWPORT = 720;
const FALLBACK_ROW = 52;

export class WindowedList<T> {
  private items: readonly T[] = [];
  private first = -1;
  private last = -1;
  private rowHeight = FALLBACK_ROW;

  constructor(
    private readonly scroller: HTMLElement,
    readonly el: HTMLElement,
    private readonly renderRow: (item: T, row: HTMLElement, index: number) => void,
  ) {
    el.addClass("network-notes-window");
    el.setAttr("role", "list");
  }

  get size(): number {
    return this.items.length;
  }

  setItems(items: readonly T[]): void {
    this.items = items;
    this.rowHeight = this.readRowHeight();
    this.el.setCssStyles({ height: `${items.length * this.rowHeight}px` });
    this.update(true);
  }

  /** Draws the rows now in view; `force` redraws them even when the range did not move. */
  update(force = false): void {
    const n = this.items.length;
    const { top, height } = this.viewport();
    const first = Math.max(0, Math.min(n, Math.floor(top / this.rowHeight) - OVERSCAN));
    const last = Math.max(first, Math.min(n, Math.ceil((top + height) / this.rowHeight) + OVERSCAN));
    if (!force && first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    this.el.empty();
    for (let i = first; i < last; i++) {
      const item = this.items[i];
      if (item === undefined) continue;
      const row = this.el.createDiv({ cls: "network-notes-row", attr: { role: "listitem" } });
      row.setCssStyles({ top: `${i * this.rowHeight}px`, height: `${this.rowHeight}px` });
      this.renderRow(item, row, i);
    }
  }

  /** The part of this list inside the scroller's visible area, in the list's own coordinates. */
  private viewport(): { top: number; height: number } {
    const height = this.scroller.clientHeight;
    if (height <= 0) return { top: 0, height: FALLBACK_VIEWPORT };
    const offset = this.el.getBoundingClientRect().top - this.scroller.getBoundingClientRect().top;
    return { top: -offset, height };
  }

  private readRowHeight(): number {
    const value = parseFloat(getComputedStyle(this.el).getPropertyValue("--network-notes-row-height"));
    return Number.isFinite(value) && value > 0 ? value : FALLBACK_ROW;
  }
}
