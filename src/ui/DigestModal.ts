/** Today's digest in a modal: who is due and why, and open commitments. Until the sidebar view exists, this is the quick look. */
import { Modal, type App } from "obsidian";
import type { Translate } from "../i18n";
import type { Digest } from "../report/digest";
import { agoPhrase, originPhrase, tierName } from "../report/wording";

export class DigestModal extends Modal {
  constructor(app: App, private readonly digest: Digest, private readonly t: Translate) {
    super(app);
  }

  override onOpen(): void {
    const { t, digest } = this;
    this.titleEl.setText(t("modal.digest.title"));
    const root = this.contentEl.createDiv({ cls: "network-notes-digest" });
    if (digest.lookedIn) {
      const none = t("digest.none");
      root.createEl("p", { cls: "network-notes-empty", text: t("digest.nopeople", { folders: digest.lookedIn.folders.join(", ") || none, tags: digest.lookedIn.tags.join(", ") || none, marker: digest.lookedIn.marker ?? none }) });
      root.createEl("p", { text: t("digest.nopeople.fix") });
      return;
    }
    root.createEl("h3", { text: t("digest.due.heading", { n: digest.due.length }) });
    if (digest.due.length === 0) root.createEl("p", { cls: "network-notes-empty", text: t("digest.due.none") });
    const due = root.createEl("ul");
    for (const e of digest.due) {
      const li = due.createEl("li");
      const open = li.createEl("a", { text: e.name, href: "#" });
      open.addEventListener("click", (evt) => {
        evt.preventDefault();
        this.close();
        void this.app.workspace.openLinkText(e.path, "", false);
      });
      const origin = originPhrase({ day: 0, origin: e.lastTouchOrigin, path: e.lastTouchPath, estimate: e.estimate }, t);
      li.createSpan({ text: ` · ${tierName(e.tier, t)} · ${agoPhrase(e.daysSince, t)} · ${origin}${e.estimate ? t("digest.due.estimate") : ""}` });
    }
    root.createEl("h3", { text: t("digest.commitments.heading", { n: digest.commitments.length }) });
    if (digest.commitments.length === 0) root.createEl("p", { cls: "network-notes-empty", text: t("digest.commitments.none") });
    const list = root.createEl("ul");
    for (const c of digest.commitments) {
      const text = t(c.direction === "mine" ? "digest.commitment.mine" : "digest.commitment.theirs", { name: c.name, text: c.text });
      const dueText = c.due === null ? "" : t(c.overdue ? "digest.commitment.overdue" : "digest.commitment.due", { date: c.due });
      list.createEl("li", { text: `${text}${dueText}`, cls: c.overdue ? "network-notes-overdue" : "" });
    }
    if (digest.deepen.length > 0) {
      root.createEl("h3", { text: t("digest.deepen.heading", { n: digest.deepen.length }) });
      const deepen = root.createEl("ul");
      for (const e of digest.deepen) {
        const learned = e.lastLearned === null ? t("digest.deepen.never") : t("digest.deepen.learned", { date: e.lastLearned });
        deepen.createEl("li", { text: `${t("digest.deepen.row", { name: e.name, tier: tierName(e.tier, t), goal: tierName(e.goal, t) })}; ${learned}` });
      }
    }
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}
