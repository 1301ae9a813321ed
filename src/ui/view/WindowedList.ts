/**
 * A list that draws only the rows in (and just around) the visible part of its scrolling container, so a due list
 * of 10,000 people costs the same to draw as one of 30. Rows have one fixed height (read from the CSS variable
 * `--network-notes-row-height` when the stylesheet sets it).
 *
 * Drawing never reads layout: the rows drawn are those of the last measured viewport. Before the first measurement
 * the list cannot know where it is, so it draws at most the rows its owner allows (`limitFirstDraw`: the view shares
 * one screenful among its lists, and a list below the fold draws none). `measure()` reads the geometry (on scroll,
 * on resize, and in the frame after a draw, when the browser lays out anyway) and `update()` then draws what is in
 * view. Rows are keyed by their
 * item: giving the list new items keeps the row elements of items it already shows (moved if their place changed)
 * and draws only rows for items it has not drawn, so a list where one item changed changes one row.
 */
const OVERSCAN = 6;
const FALLBACK_VIEWPORT = 720;
const FALLBACK_ROW = 52;

export class WindowedList<T> {
  private items: readonly T[] = [];
  private first = -1;
  private last = -1;
  private rowHeight = FALLBACK_ROW;
  private top = 0;
  private height = FALLBACK_VIEWPORT;
  /** The rows drawn now, by item, in order. */
  private drawn = new Map<T, HTMLElement>();
  /** Whether `measure()` ran: until then, at most `firstRows` rows from the top are drawn. */
  private measured = false;
  private firstRows = Infinity;

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

  /** How many rows are drawn now. */
  get drawnRows(): number {
    return this.drawn.size;
  }

  get isMeasured(): boolean {
    return this.measured;
  }

  /** Until it is first measured, the list draws at most `rows` rows (from the top). */
  limitFirstDraw(rows: number): void {
    this.firstRows = Math.max(0, rows);
  }

  /** New items: rows of items already drawn stay (the same elements); only new items get new rows. */
  setItems(items: readonly T[]): void {
    if (items === this.items) return;
    const sameLength = items.length === this.items.length;
    this.items = items;
    if (!sameLength) this.el.setCssStyles({ height: `${items.length * this.rowHeight}px` });
    this.update(true);
  }

  /** Reads where the list is in its scroller and the row height (a layout read: call it outside a draw). */
  measure(): void {
    this.measured = true;
    const value = parseFloat(getComputedStyle(this.el).getPropertyValue("--network-notes-row-height"));
    const rowHeight = Number.isFinite(value) && value > 0 ? value : FALLBACK_ROW;
    const height = this.scroller.clientHeight;
    if (height > 0) {
      this.top = this.scroller.getBoundingClientRect().top - this.el.getBoundingClientRect().top;
      this.height = height;
    }
    if (rowHeight !== this.rowHeight) {
      this.rowHeight = rowHeight;
      this.el.setCssStyles({ height: `${this.items.length * rowHeight}px` });
      for (const row of this.drawn.values()) this.place(row, Number(row.dataset.index));
    }
  }

  /** Draws the rows now in view (as last measured); `force` checks every drawn row against the items. */
  update(force = false): void {
    const n = this.items.length;
    const first = Math.max(0, Math.min(n, Math.floor(this.top / this.rowHeight) - OVERSCAN));
    let last = Math.max(first, Math.min(n, Math.ceil((this.top + this.height) / this.rowHeight) + OVERSCAN));
    if (!this.measured) last = Math.min(last, first + this.firstRows);
    if (!force && first === this.first && last === this.last) return;
    this.first = first;
    this.last = last;
    const old = this.drawn;
    const next = new Map<T, HTMLElement>();
    let previous: HTMLElement | null = null;
    for (let i = first; i < last; i++) {
      const item = this.items[i];
      if (item === undefined || next.has(item)) continue;
      let row = old.get(item);
      if (row) {
        old.delete(item);
        if (Number(row.dataset.index) !== i) this.place(row, i);
      } else {
        row = createDiv({ cls: "network-notes-row", attr: { role: "listitem" } });
        this.place(row, i);
        this.renderRow(item, row, i);
      }
      const at: ChildNode | null = previous ? previous.nextSibling : this.el.firstChild;
      if (at !== row) this.el.insertBefore(row, at);
      next.set(item, row);
      previous = row;
    }
    for (const [item, row] of old) {
      // The row holding the keyboard focus stays (out of view) while it has it: removing it would drop the focus
      // to the document, and the next Tab would start over from the top of the app.
      if (row.contains(row.doc.activeElement)) next.set(item, row);
      else row.remove();
    }
    this.drawn = next;
  }

  private place(row: HTMLElement, i: number): void {
    row.dataset.index = String(i);
    row.setCssStyles({ top: `${i * this.rowHeight}px`, height: `${this.rowHeight}px` });
  }
}
