/** Snooze someone until a day: `1w`, `1m` or a date. Left empty while they are snoozed, it ends the snooze. */
import { Modal, Setting, type App } from "obsidian";
import { dayToISO, today, type Day } from "../../domain/dates";
import { dayFromInput } from "../../domain/frontmatterEdits";
import type { Person } from "../../domain/person";
import type { Translate } from "../../i18n";

export class SnoozeModal extends Modal {
  private input = "";

  constructor(
    app: App,
    private readonly t: Translate,
    private readonly person: Person,
    /** The day to snooze until, or null to end the snooze. */
    private readonly submit: (until: Day | null) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { t, person } = this;
    this.setTitle(t("snooze.title", { name: person.name }));
    this.contentEl.addClass("network-notes-form");
    const snoozed = this.currentSnooze();
    const desc = snoozed === null ? t("snooze.desc") : `${t("snooze.desc")} ${t("snooze.desc.clear", { date: dayToISO(snoozed) })}`;
    const setting = new Setting(this.contentEl).setName(t("snooze.until")).setDesc(desc);
    const preview = createDiv({ cls: "network-notes-preview" });
    setting.addText((text) => {
      text.inputEl.addClass("network-notes-snooze-input");
      text.setPlaceholder(t("snooze.placeholder")).onChange((value) => {
        this.input = value;
        setting.setErrorMessage(null);
        const until = this.read();
        preview.setText(until === undefined ? "" : until === null ? t("snooze.preview.clear") : t("snooze.preview", { date: dayToISO(until) }));
      });
      text.inputEl.addEventListener("keydown", (evt) => {
        if (evt.key !== "Enter" || evt.isComposing) return;
        evt.preventDefault();
        this.trySubmit(setting);
      });
    });
    this.contentEl.appendChild(preview);
    new Setting(this.contentEl).addButton((button) => button.setButtonText(t("snooze.submit")).setCta().onClick(() => this.trySubmit(setting)));
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private currentSnooze(): Day | null {
    const until = this.person.snoozeUntil;
    return until !== null && until > today() ? until : null;
  }

  /** The day typed (after today), null to end the current snooze, undefined when it cannot be used. */
  private read(): Day | null | undefined {
    if (this.input.trim() === "") return this.currentSnooze() === null ? undefined : null;
    const until = dayFromInput(this.input, today());
    return until !== null && until > today() ? until : undefined;
  }

  private trySubmit(setting: Setting): void {
    const until = this.read();
    if (until === undefined) {
      setting.setErrorMessage(this.t("snooze.error"));
      return;
    }
    this.close();
    this.submit(until);
  }
}
