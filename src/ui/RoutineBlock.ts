/**
 * The `network-notes` code block: a live list in any note. Options, one per line:
 *
 *     show: today, due, follow-ups     (any of these, in this order; default: today)
 *     limit: 10                        (rows per list; default 10)
 *
 * It redraws when the index changes while the note is open, and explains a mistyped option in place.
 */
import { Keymap, MarkdownRenderChild, type App, type MarkdownPostProcessorContext, type Plugin } from "obsidian";
import type { Translate } from "../i18n";
import type { NetworkNotesApi } from "../obsidian/api";
import type { Routine } from "../obsidian/Routine";
import { agoPhrase } from "../report/wording";
import { openDetails } from "./follow/labels";

export type BlockList = "today" | "due" | "follow-ups";

export interface BlockOptions {
  show: BlockList[];
  limit: number;
}

const LISTS: Record<string, BlockList> = { today: "today", due: "due", "follow-ups": "follow-ups", followups: "follow-ups", "今天": "today", "到期": "due", "跟进": "follow-ups" };

/** Reads the block's options; unknown keys and values come back as errors to show. */
export function parseBlockOptions(source: string): { options: BlockOptions; errors: string[] } {
  const options: BlockOptions = { show: ["today"], limit: 10 };
  const errors: string[] = [];
  for (const raw of source.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^([\w-]+)\s*[:：]\s*(.*)$/.exec(line);
    const key = m?.[1]?.toLowerCase();
    const value = m?.[2]?.trim() ?? "";
    if (key === "show") {
      const wanted = value.split(/[,，\s]+/).filter((v) => v !== "");
      const lists = wanted.map((v) => LISTS[v.toLowerCase()]);
      const bad = wanted.filter((_, i) => lists[i] === undefined);
      if (bad.length > 0 || wanted.length === 0) errors.push(line);
      const ok = lists.filter((l): l is BlockList => l !== undefined);
      if (ok.length > 0) options.show = [...new Set(ok)];
    } else if (key === "limit") {
      const n = Number(value);
      if (Number.isInteger(n) && n > 0 && n <= 200) options.limit = n;
      else errors.push(line);
    } else errors.push(line);
  }
  return { options, errors };
}

class RoutineBlock extends MarkdownRenderChild {
  constructor(
    el: HTMLElement,
    private readonly app: App,
    private readonly t: Translate,
    private readonly api: NetworkNotesApi,
    private readonly routine: Routine,
    private readonly source: string,
    private readonly sourcePath: string,
  ) {
    super(el);
  }

  private drawnFor = "";

  override onload(): void {
    this.registerEvent(this.api.onChange(() => this.render()));
    // A new day brings new picks even when nothing in the vault changed.
    this.registerInterval(window.setInterval(() => {
      if (this.routine.model().date !== this.drawnFor) this.render();
    }, 60_000));
    this.render();
  }

  private render(): void {
    const { t } = this;
    const root = this.containerEl;
    root.empty();
    root.addClass("network-notes-block");
    const { options, errors } = parseBlockOptions(this.source);
    for (const line of errors) root.createDiv({ cls: "network-notes-block-error", text: t("block.error", { line }) });
    if (!this.api.ready()) {
      root.createDiv({ cls: "network-notes-empty", text: t("view.loading") });
      return;
    }
    const model = this.routine.model();
    this.drawnFor = model.date;
    for (const list of options.show) {
      root.createDiv({ cls: "network-notes-block-title", text: t(list === "today" ? "view.today" : list === "due" ? "view.due" : "view.followups") });
      const ul = root.createEl("ul", { cls: "network-notes-block-list" });
      const rows: { name: string; path: string; detail: string; done?: boolean }[] =
        list === "today"
          ? model.picks.map((p) => ({ name: p.name, path: p.path, detail: t(`view.move.${p.move}`), done: p.done || p.skipped }))
          : list === "due"
            ? model.due.map((d) => ({ name: d.name, path: d.path, detail: t(d.estimate ? "view.lastTouch.none" : "view.lastTouch", { ago: agoPhrase(d.daysSince, t) }) }))
            : model.followUps.map((c) => ({
              name: c.name, path: c.path,
              detail: [t(c.direction === "mine" ? "view.followup.mine" : "view.followup.theirs", { text: c.text }), ...openDetails(c.due, c.overdue, null, t)].join(" · "),
            }));
      if (rows.length === 0) ul.createEl("li", { cls: "network-notes-empty", text: t(list === "today" ? "view.today.none" : list === "due" ? "view.due.none" : "view.followups.none") });
      for (const row of rows.slice(0, options.limit)) {
        const li = ul.createEl("li", { cls: row.done ? "is-done" : "" });
        const a = li.createEl("a", { cls: "internal-link", text: row.name, href: "#", attr: { "data-href": row.path } });
        a.addEventListener("click", (evt) => {
          evt.preventDefault();
          void this.app.workspace.openLinkText(row.path, this.sourcePath, Keymap.isModEvent(evt));
        });
        li.appendText(` · ${row.detail}`);
      }
      if (rows.length > options.limit) ul.createEl("li", { cls: "network-notes-more-rows", text: t("block.more", { n: rows.length - options.limit }) });
    }
  }
}

export function registerRoutineBlock(plugin: Plugin, t: Translate, api: NetworkNotesApi, routine: Routine): void {
  plugin.registerMarkdownCodeBlockProcessor("network-notes", (source: string, el: HTMLElement, ctx: MarkdownPostProcessorContext) => {
    ctx.addChild(new RoutineBlock(el, plugin.app, t, api, routine, source, ctx.sourcePath));
  });
}
