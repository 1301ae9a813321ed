/** Lists every problem in person notes: the note (click to open), the key, the value, and what would fix it. */
import { Modal, type App } from "obsidian";
import type { Translate } from "../i18n";
import type { ProblemEntry } from "../report/digest";

export class ProblemsModal extends Modal {
  constructor(app: App, private readonly problems: ProblemEntry[], private readonly t: Translate) {
    super(app);
  }

  override onOpen(): void {
    this.titleEl.setText(this.t("modal.problems.title"));
    this.contentEl.addClass("network-notes-problems");
    if (this.problems.length === 0) {
      this.contentEl.createEl("p", { text: this.t("modal.problems.none"), cls: "network-notes-empty" });
      return;
    }
    const list = this.contentEl.createEl("ul", { cls: "network-notes-problem-list" });
    for (const p of this.problems) {
      const item = list.createEl("li", { cls: "network-notes-problem" });
      const link = item.createEl("a", { text: p.path, cls: "network-notes-problem-note", href: "#" });
      link.addEventListener("click", (evt) => {
        evt.preventDefault();
        this.close();
        void this.app.workspace.openLinkText(p.path, "", false);
      });
      if (p.key) item.createSpan({ text: ` › ${p.key}`, cls: "network-notes-problem-key" });
      item.createDiv({ text: p.message, cls: "network-notes-problem-message" });
      item.createDiv({ text: p.fix, cls: "network-notes-problem-fix" });
    }
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
