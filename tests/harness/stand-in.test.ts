import { describe, expect, it, vi } from "vitest";
import {
  AbstractInputSuggest,
  type App,
  Component,
  debounce,
  Events,
  getAllTags,
  getFrontMatterInfo,
  moment,
  normalizePath,
  parseFrontMatterAliases,
  parseFrontMatterEntry,
  parseFrontMatterTags,
  parseLinktext,
  parseYaml,
  type Plugin,
  PluginSettingTab,
  prepareFuzzySearch,
  requestUrl,
  setIcon,
  Setting,
  stringifyYaml,
} from "obsidian";
import { runtime, strict } from "./obsidian/internal";
import { SettingsWindow } from "./obsidian/settings-window";

describe("normalizePath", () => {
  it.each([
    ["a//b\\c/", "a/b/c"],
    ["/leading/and/trailing/", "leading/and/trailing"],
    ["", "/"],
    ["///", "/"],
    ["non\u00A0breaking", "non breaking"],
    ["cafe\u0301.md", "caf\u00e9.md"],
  ])("%j → %j", (input, output) => {
    expect(normalizePath(input)).toBe(output);
  });
});

describe("debounce", () => {
  it("calls once with the last arguments; cancel drops, run fires now", async () => {
    const calls: number[] = [];
    const d = debounce((n: number) => calls.push(n), 5);
    d(1);
    d(2);
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([2]);
    d(3).cancel();
    await new Promise((r) => setTimeout(r, 20));
    expect(calls).toEqual([2]);
    d(4);
    d.run();
    expect(calls).toEqual([2, 4]);
    expect(runtime.debouncers.size).toBe(0);
  });
});

describe("YAML and frontmatter helpers", () => {
  it("finds the frontmatter block as the app does", () => {
    const text = "---\na: 1\n---\nbody\n---\n";
    expect(getFrontMatterInfo(text)).toEqual({ exists: true, frontmatter: "a: 1\n", from: 4, to: 9, contentStart: 13 });
    expect(getFrontMatterInfo("---\n---\nx")).toEqual({ exists: true, frontmatter: "", from: 4, to: 4, contentStart: 8 });
    expect(getFrontMatterInfo("text\n---\na: 1\n---\n").exists).toBe(false);
    expect(getFrontMatterInfo("---\na: 1\n").exists).toBe(false);
  });

  it("parses with the core schema and stringifies without folding", () => {
    expect(parseYaml("d: 2024-01-01\nn: 3\nb: true")).toEqual({ d: "2024-01-01", n: 3, b: true });
    expect(() => parseYaml("a: [")).toThrow(expect.objectContaining({ name: "YAMLParseError" }));
    expect(stringifyYaml({ d: "2024-01-01", empty: null, list: ["x"], long: "y".repeat(120) })).toBe(
      `d: 2024-01-01\nempty:\nlist:\n  - x\nlong: ${"y".repeat(120)}\n`,
    );
  });

  it("reads tags, aliases and entries from frontmatter", () => {
    expect(parseFrontMatterTags({ tags: "a, b c" })).toEqual(["#a", "#b", "#c"]);
    expect(parseFrontMatterTags({ tag: ["#x", "y"] })).toEqual(["#x", "#y"]);
    expect(parseFrontMatterAliases({ aliases: "Ada, Countess" })).toEqual(["Ada", "Countess"]);
    expect(parseFrontMatterEntry({ Tier: 1 }, /^tier$/i)).toBe(1);
    expect(parseFrontMatterEntry(null, "x")).toBeNull();
    expect(getAllTags({ frontmatter: { tags: ["p"] }, tags: [{ tag: "#q", position: { start: { line: 0, col: 0, offset: 0 }, end: { line: 0, col: 2, offset: 2 } } }] })).toEqual(["#p", "#q"]);
    expect(parseLinktext("Note#Head#Sub")).toEqual({ path: "Note", subpath: "#Head#Sub" });
  });
});

describe("events and components", () => {
  it("calls handlers with ctx, survives a throwing handler, and removes them with off/offref", () => {
    const events = new Events();
    const got: unknown[] = [];
    const ctx = { name: "ctx" };
    const ref = events.on("x", function (this: unknown, a: unknown) { got.push([this, a]); }, ctx);
    const boom = () => { throw new Error("boom"); };
    events.on("x", boom);
    const spy = vi.spyOn(console, "error").mockImplementation(() => undefined);
    events.trigger("x", 1);
    spy.mockRestore();
    expect(got).toEqual([[ctx, 1]]);
    expect(runtime.takeHandlerErrors()).toEqual([new Error("boom")]);
    events.offref(ref);
    events.off("x", boom);
    events.trigger("x", 2);
    expect(got).toHaveLength(1);
  });

  it("unloads children, registered callbacks and events", () => {
    const parent = new Component();
    const child = new Component();
    const events = new Events();
    const log: string[] = [];
    child.onunload = () => log.push("child");
    parent.addChild(child);
    parent.load();
    expect((child as unknown as { _loaded: boolean })._loaded).toBe(true);
    parent.register(() => log.push("callback"));
    parent.registerEvent(events.on("e", () => log.push("event")));
    events.trigger("e");
    parent.unload();
    events.trigger("e");
    expect(log).toEqual(["event", "child", "callback"]);
  });
});

describe("DOM extensions", () => {
  it("creates elements from DomElementInfo", () => {
    const parent = createDiv();
    const first = parent.createDiv({ text: "first" });
    const el = parent.createEl("a", { cls: ["x", "y"], text: "hi", attr: { "data-k": 1, gone: null }, title: "t", href: "#h", prepend: true });
    expect(parent.firstChild).toBe(el);
    expect(el.className).toBe("x y");
    expect(el.getText()).toBe("hi");
    expect(el.getAttr("data-k")).toBe("1");
    expect(el.hasAttribute("gone")).toBe(false);
    expect(el.getAttr("href")).toBe("#h");
    expect(parent.createSpan("s").matches("span.s")).toBe(true);
    expect(createFragment((f) => f.createEl("b", { text: "bold" })).textContent).toBe("bold");
    el.toggleClass("x", false);
    el.addClass("z");
    expect(el.hasClass("x")).toBe(false);
    expect(el.hasClass("z")).toBe(true);
    first.setText("changed");
    expect(parent.findAll("div").map((d) => d.getText())).toEqual(["changed"]);
    first.detach();
    expect(first.isConnected).toBe(false);
    parent.empty();
    expect(parent.childNodes).toHaveLength(0);
  });

  it("isShown is false when detached or when an ancestor is hidden", () => {
    const outer = document.body.createDiv();
    const inner = outer.createDiv();
    expect(inner.isShown()).toBe(true);
    outer.hide();
    expect(inner.isShown()).toBe(false);
    outer.show();
    expect(inner.isShown()).toBe(true);
    outer.detach();
    expect(inner.isShown()).toBe(false);
  });

  it("adds the built-in extensions", () => {
    expect([1, 2, 3].first()).toBe(1);
    expect([1, 2, 3].last()).toBe(3);
    expect([1, 2, 2, 3].unique()).toEqual([1, 2, 3]);
    const list = [1, 2, 1];
    list.remove(1);
    expect(list).toEqual([2]);
    expect([1].contains(1)).toBe(true);
    expect("abc".contains("b")).toBe(true);
    expect(Math.clamp(5, 0, 3)).toBe(3);
    expect(activeDocument).toBe(document);
    expect(activeWindow).toBe(window);
  });

  it("setIcon adds an svg stub naming the icon", () => {
    const el = createDiv();
    setIcon(el, "users");
    setIcon(el, "star");
    expect(el.querySelectorAll("svg")).toHaveLength(1);
    expect(el.querySelector("svg")?.getAttribute("data-icon")).toBe("star");
  });
});

describe("UI pieces without an app", () => {
  it("builds Setting rows with Obsidian's classes", () => {
    const container = createDiv();
    let changed = "";
    new Setting(container).setName("Name").setDesc("Desc").addText((t) => t.setValue("v").onChange((v) => (changed = v)));
    new Setting(container).setName("Section").setHeading();
    const input = container.querySelector<HTMLInputElement>(".setting-item .setting-item-control input")!;
    input.value = "typed";
    input.dispatchEvent(new Event("input"));
    expect(changed).toBe("typed");
    expect(container.querySelector(".setting-item-info .setting-item-name")?.textContent).toBe("Name");
    expect(container.querySelector(".setting-item-description")?.textContent).toBe("Desc");
    expect(container.querySelector(".setting-item-heading .setting-item-name")?.textContent).toBe("Section");
  });

  it("falls back to display() for a tab without definitions", () => {
    class LegacyTab extends PluginSettingTab {
      override display(): void {
        new Setting(this.containerEl).setName("Legacy");
      }
    }
    const fakePlugin = { settings: {} } as unknown as Plugin;
    const tab = new LegacyTab({} as App, fakePlugin);
    Object.assign(tab, { id: "legacy", name: "Legacy" });
    const window = new SettingsWindow();
    window.addSettingTab(tab as never);
    window.openTabById("legacy");
    expect(tab.containerEl.querySelector(".setting-item-name")?.textContent).toBe("Legacy");
    window.close();
  });

  it("AbstractInputSuggest lists suggestions under an input and reports the choice", () => {
    class Fruits extends AbstractInputSuggest<string> {
      protected getSuggestions(query: string): string[] {
        return ["apple", "banana", "cherry"].filter((f) => f.includes(query));
      }
      renderSuggestion(value: string, el: HTMLElement): void {
        el.setText(value);
      }
    }
    const input = document.body.createEl("input");
    let chosen = "";
    new Fruits({} as App, input).onSelect((value) => (chosen = value));
    input.value = "an";
    input.dispatchEvent(new Event("input"));
    const items = Array.from(document.querySelectorAll<HTMLElement>(".suggestion-container .suggestion-item"));
    expect(items.map((el) => el.textContent)).toEqual(["banana"]);
    items[0]!.click();
    expect(chosen).toBe("banana");
    input.remove();
  });

  it("fuzzy search matches characters in order", () => {
    expect(prepareFuzzySearch("ada")("Ada Lovelace")?.matches).toEqual([[0, 3]]);
    expect(prepareFuzzySearch("zz")("Ada")).toBeNull();
  });
});

describe("the module as main.js sees it", () => {
  it("throws for exports the stand-in does not have, but answers interop probes", async () => {
    const module = strict({ ...(await import("obsidian")) }, "obsidian") as Record<string, unknown>;
    expect(module.__esModule).toBeUndefined();
    expect(module.then).toBeUndefined();
    expect(() => module.Editor).toThrow(/obsidian\.Editor is not implemented/);
    expect(() => module.TextFileView).toThrow(/obsidian\.TextFileView/);
    expect(() => requestUrl("https://example.com")).toThrow(/no network requests/);
  });

  it("is the app's moment (2.29.4)", () => {
    expect(moment.version).toBe("2.29.4");
  });
});
