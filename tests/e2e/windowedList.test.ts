/**
 * The view's windowed list on its own (happy-dom, with the stand-in's DOM helpers): rows keyed by item, so new
 * items that share objects keep their row elements; drawing reads no layout; a measurement after scrolling draws
 * the rows then in view.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import "../harness/obsidian/index";
import { WindowedList } from "../../src/ui/view/WindowedList";

interface Item {
  name: string;
}

function setup(): { scroller: HTMLElement; list: WindowedList<Item>; renders: string[] } {
  const scroller = document.body.createDiv();
  const renders: string[] = [];
  const list = new WindowedList<Item>(scroller, scroller.createDiv(), (item, row) => {
    renders.push(item.name);
    row.setText(item.name);
  });
  return { scroller, list, renders };
}

const rowsOf = (list: WindowedList<Item>) => [...list.el.querySelectorAll<HTMLElement>(".network-notes-row")];
const items = (n: number, from = 0): Item[] => Array.from({ length: n }, (_, i) => ({ name: `P${from + i}` }));

afterEach(() => {
  document.body.empty();
  vi.restoreAllMocks();
});

describe("the windowed list", () => {
  it("keeps the rows of items it already shows and draws only the new ones, in order", () => {
    const { list, renders } = setup();
    const all = items(100);
    list.setItems(all);
    const first = rowsOf(list);
    expect(first.length).toBeGreaterThan(5);
    expect(first.length).toBeLessThan(40);
    expect(first.map((r) => r.textContent)).toEqual(all.slice(0, first.length).map((i) => i.name));

    // One item replaced (a changed person), one removed above the others: everything else keeps its element.
    const changed = { name: "P3 changed" };
    const next = [all[0], all[1], changed, ...all.slice(4)] as Item[];
    renders.length = 0;
    list.setItems(next);
    const second = rowsOf(list);
    expect(second.map((r) => r.textContent)).toEqual(next.slice(0, second.length).map((i) => i.name));
    expect(renders).toEqual(["P3 changed", ...next.slice(first.length - 1, second.length).map((i) => i.name)]);
    expect(second[0]).toBe(first[0]);
    expect(second[3]).toBe(first[4]); // P4 moved up a place, same element
    expect(second[3]?.style.top).toBe("156px");
    expect(first[2]?.isConnected).toBe(false);
    expect(first[3]?.isConnected).toBe(false);

    renders.length = 0;
    list.setItems(next);
    expect(renders).toEqual([]);
  });

  it("draws only its share of the first screenful until it has measured itself", () => {
    const { list } = setup();
    const all = items(100);
    list.limitFirstDraw(4);
    list.setItems(all);
    expect(rowsOf(list).map((r) => r.textContent)).toEqual(["P0", "P1", "P2", "P3"]);
    expect(list.el.style.height).toBe("5200px"); // the whole list's height is kept, so the scrollbar is right
    list.measure();
    list.update();
    const drawn = rowsOf(list);
    expect(drawn.length).toBeGreaterThan(4);
    expect(drawn.map((r) => r.textContent)).toEqual(all.slice(0, drawn.length).map((i) => i.name));

    const below = setup();
    below.list.limitFirstDraw(0);
    below.list.setItems(all);
    expect(rowsOf(below.list)).toHaveLength(0);
    below.list.measure();
    below.list.update();
    expect(rowsOf(below.list).length).toBeGreaterThan(0);
  });

  it("keeps the row holding the keyboard focus while it has it, wherever the list scrolls", () => {
    const scroller = document.body.createDiv();
    const list = new WindowedList<Item>(scroller, scroller.createDiv(), (item, row) => {
      row.createEl("button", { text: item.name });
    });
    const all = items(1000);
    list.setItems(all);
    const button = list.el.querySelector("button");
    button?.focus();
    expect(document.activeElement).toBe(button);

    // Scrolled far down (by the wheel, the focus staying where it was): P0's row is far out of view.
    Object.defineProperty(scroller, "clientHeight", { value: 520 });
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect").mockImplementation(function (this: HTMLElement) {
      const top = this === scroller ? 0 : -26000;
      return { top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    list.measure();
    list.update();
    expect(button?.isConnected).toBe(true);
    expect(document.activeElement).toBe(button);
    const names = rowsOf(list).map((r) => r.textContent);
    expect(names).toContain("P500");
    expect(names).toContain("P0");

    // Once the focus moves on, the row goes like any other out of view.
    button?.blur();
    list.setItems(all.slice());
    expect(button?.isConnected).toBe(false);
    expect(rowsOf(list).map((r) => r.textContent)).not.toContain("P0");
    rect.mockRestore();
  });

  it("reads no layout while drawing, and draws what is in view once measured", () => {
    const { scroller, list } = setup();
    const rect = vi.spyOn(HTMLElement.prototype, "getBoundingClientRect");
    const style = vi.spyOn(window, "getComputedStyle");
    const height = vi.spyOn(HTMLElement.prototype, "clientHeight", "get");
    const all = items(1000);
    list.setItems(all);
    list.setItems(all.slice());
    expect(rect).not.toHaveBeenCalled();
    expect(style).not.toHaveBeenCalled();
    expect(height).not.toHaveBeenCalled();
    height.mockRestore();
    expect(rowsOf(list)[0]?.textContent).toBe("P0");

    // Scrolled so the list's top is 5,200 px above the scroller's: rows from 100 on are in view.
    Object.defineProperty(scroller, "clientHeight", { value: 520 });
    rect.mockImplementation(function (this: HTMLElement) {
      const top = this === scroller ? 0 : -5200;
      return { top, bottom: top, left: 0, right: 0, width: 0, height: 0, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    list.measure();
    list.update();
    const names = rowsOf(list).map((r) => r.textContent);
    expect(names).toContain("P100");
    expect(names).toContain("P109");
    expect(names).not.toContain("P0");
    expect(names.length).toBeLessThan(30);
  });
});
