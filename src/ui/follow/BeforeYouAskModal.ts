/**
 * Before you ask: when you last gave this person something and what, how many asks since, what is open between
 * you both ways, and, when lately it has all been asks, a gentle idea or two for giving first.
 */
import { Modal, Setting, type App } from "obsidian";
import type { Balance } from "../../domain/balance";
import { dayToISO, today } from "../../domain/dates";
import type { Person } from "../../domain/person";
import type { Translate } from "../../i18n";
import { agoPhrase } from "../../report/wording";
import { kindLabel, openItemText, payloadLabel } from "./labels";

export class BeforeYouAskModal extends Modal {
  constructor(
    app: App,
    private readonly t: Translate,
    private readonly person: Person,
    private readonly balance: Balance | null,
    /** Opens the log with "gave" chosen. */
    private readonly logGive: () => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { t, person } = this;
    this.setTitle(t("ask.title", { name: person.name }));
    const root = this.contentEl.createDiv({ cls: "network-notes-ask" });
    const now = today();

    const balance = this.balance;
    const lastGive = balance?.lastGive ?? null;
    const facts = root.createEl("ul", { cls: "network-notes-ask-facts" });
    if (lastGive === null) facts.createEl("li", { text: t("ask.lastGive.none") });
    else {
      const what = lastGive.payload === null ? kindLabel("gave", t) : payloadLabel(lastGive.payload, t);
      facts.createEl("li", { text: t("ask.lastGive", { what, ago: agoPhrase(now - lastGive.day, t), date: dayToISO(lastGive.day) }) });
    }
    const asks = balance?.asksSinceGive ?? 0;
    facts.createEl("li", { text: t(lastGive === null ? "ask.asks.never" : "ask.asks", { n: asks }) });

    root.createEl("h4", { text: t("ask.open.heading") });
    const open = [...person.commitments, ...person.expecting];
    if (open.length === 0) root.createEl("p", { cls: "network-notes-empty", text: t("ask.open.none") });
    else {
      const list = root.createEl("ul", { cls: "network-notes-ask-open" });
      for (const item of open) list.createEl("li", { text: openItemText(item, now, t) });
    }

    if (balance?.allAsks) this.giveFirst(root);
    else root.createEl("p", { cls: "network-notes-ask-balanced", text: t("ask.balanced") });

    new Setting(root).addButton((button) =>
      button.setButtonText(t("ask.logGive")).onClick(() => {
        this.close();
        this.logGive();
      }),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private giveFirst(root: HTMLElement): void {
    const { t, person } = this;
    const box = root.createDiv({ cls: "network-notes-give-first" });
    box.createEl("h4", { text: t("ask.give.heading") });
    box.createEl("p", { text: t("ask.give.intro", { name: person.name }) });
    const ideas = box.createEl("ul");
    const article = person.interests.length > 0 ? t("ask.idea.article", { interests: person.interests.join(", ") }) : t("ask.idea.article.any");
    for (const idea of [t("ask.idea.intro"), article, t("ask.idea.kudos"), t("ask.idea.help")]) ideas.createEl("li", { text: idea });
  }
}
