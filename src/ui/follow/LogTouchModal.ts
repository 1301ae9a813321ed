/** Log a touch: the day (today unless changed), what happened, what was given, and a few words. */
import { Modal, Setting, type App } from "obsidian";
import { dayFromISO, dayToISO, today } from "../../domain/dates";
import type { Person } from "../../domain/person";
import { LOGGABLE_KINDS, PAYLOADS, type Payload, type TouchKind } from "../../domain/touchLog";
import type { Translate } from "../../i18n";
import type { TouchInput } from "../../obsidian/FollowThrough";
import { kindLabel, payloadLabel } from "./labels";

export class LogTouchModal extends Modal {
  private day = dayToISO(today());
  private kind: TouchKind;
  private payload: Payload = "intro";
  private note = "";

  constructor(
    app: App,
    private readonly t: Translate,
    private readonly person: Person,
    private readonly submit: (touch: TouchInput) => void,
    initialKind: TouchKind = "caught-up",
    initialPayload: Payload = "intro",
  ) {
    super(app);
    this.kind = initialKind;
    this.payload = initialPayload;
  }

  override onOpen(): void {
    const { t } = this;
    this.setTitle(t("log.title", { name: this.person.name }));
    this.contentEl.addClass("network-notes-form");

    const dateSetting = new Setting(this.contentEl).setName(t("log.date.name")).setDesc(t("log.date.desc"));
    dateSetting.addText((text) => {
      text.inputEl.type = "date";
      text.inputEl.addClass("network-notes-touch-date");
      text.setValue(this.day).onChange((value) => {
        this.day = value.trim();
        dateSetting.setErrorMessage(null);
      });
      this.submitOnEnter(text.inputEl, dateSetting);
    });

    let payloadSetting: Setting | null = null;
    new Setting(this.contentEl).setName(t("log.kind.name")).addDropdown((dropdown) => {
      dropdown.selectEl.addClass("network-notes-touch-kind");
      for (const kind of LOGGABLE_KINDS) dropdown.addOption(kind, kindLabel(kind, t));
      dropdown.setValue(this.kind).onChange((value) => {
        this.kind = LOGGABLE_KINDS.find((k) => k === value) ?? "caught-up";
        payloadSetting?.settingEl.toggle(this.kind === "gave");
      });
    });

    payloadSetting = new Setting(this.contentEl).setName(t("log.payload.name")).addDropdown((dropdown) => {
      dropdown.selectEl.addClass("network-notes-touch-payload");
      for (const payload of PAYLOADS) dropdown.addOption(payload, payloadLabel(payload, t));
      dropdown.setValue(this.payload).onChange((value) => {
        this.payload = PAYLOADS.find((p) => p === value) ?? "other";
      });
    });
    payloadSetting.settingEl.toggle(this.kind === "gave");

    new Setting(this.contentEl).setName(t("log.note.name")).setDesc(t("log.note.desc")).addText((text) => {
      text.inputEl.addClass("network-notes-touch-note");
      text.onChange((value) => (this.note = value));
      this.submitOnEnter(text.inputEl, dateSetting);
    });

    new Setting(this.contentEl).addButton((button) =>
      button.setButtonText(t("log.submit")).setCta().onClick(() => this.trySubmit(dateSetting)),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private submitOnEnter(input: HTMLInputElement, dateSetting: Setting): void {
    input.addEventListener("keydown", (evt) => {
      if (evt.key !== "Enter" || evt.isComposing) return;
      evt.preventDefault();
      this.trySubmit(dateSetting);
    });
  }

  private trySubmit(dateSetting: Setting): void {
    const day = dayFromISO(this.day);
    if (day === null) {
      dateSetting.setErrorMessage(this.t("log.error.date"));
      return;
    }
    if (day > today()) {
      dateSetting.setErrorMessage(this.t("log.error.future"));
      return;
    }
    this.close();
    this.submit({ day, kind: this.kind, payload: this.kind === "gave" ? this.payload : null, note: this.note });
  }
}
