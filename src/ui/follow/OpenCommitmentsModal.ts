/** Every open commitment in the vault, both ways, the ones past their day first; a row opens its note. */
import { Modal, type App } from "obsidian";
import type { Translate } from "../../i18n";
import type { CommitmentEntry } from "../../report/digest";
import { openDetails } from "./labels";

export class OpenCommitmentsModal extends Modal {
  constructor(app: App, private readonly t: Translate, private readonly commitments: CommitmentEntry[]) {
    super(app);
  }

  override onOpen(): void {
    const { t } = this;
    this.setTitle(t("open.title"));
    if (this.commitments.length === 0) {
      this.contentEl.createEl("p", { cls: "network-notes-empty", text: t("open.none") });
      return;
    }
    const list = this.contentEl.createDiv({ cls: "network-notes-open-list" });
    for (const c of this.commitments) {
      const row = list.createDiv({ cls: "network-notes-open-row", attr: { role: "button", tabindex: "0" } });
      row.toggleClass("network-notes-overdue", c.overdue);
      row.createDiv({ cls: "network-notes-open-text", text: t(c.direction === "mine" ? "digest.commitment.mine" : "digest.commitment.theirs", { name: c.name, text: c.text }) });
      const details = openDetails(c.due, c.overdue, c.openDays, t);
      if (details.length > 0) row.createDiv({ cls: "network-notes-open-details", text: details.join(" · ") });
      const open = () => {
        this.close();
        void this.app.workspace.openLinkText(c.path, "", false);
      };
      row.addEventListener("click", open);
      row.addEventListener("keydown", (evt) => {
        if (evt.key !== "Enter" && evt.key !== " ") return;
        evt.preventDefault();
        open();
      });
    }
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
