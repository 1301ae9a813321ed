/** The status bar item: how many people are due today; a click opens the loose-touch view. */
import type { Translate } from "../i18n";
import type { NetworkNotesApi } from "../obsidian/api";
import type { Routine } from "../obsidian/Routine";

export class DueStatusBar {
  constructor(
    private readonly el: HTMLElement,
    private readonly t: Translate,
    private readonly routine: Routine,
    private readonly api: NetworkNotesApi,
    open: () => void,
  ) {
    el.addClass("mod-clickable", "network-notes-status");
    el.setAttr("aria-label", t("status.tooltip"));
    el.setAttr("data-tooltip-position", "top");
    el.addEventListener("click", open);
    this.update();
  }

  update(): void {
    if (!this.api.ready()) {
      this.el.setText("");
      return;
    }
    const n = this.routine.model().due.length;
    this.el.setText(n === 0 ? this.t("status.none") : this.t("status.due", { n }));
  }
}
