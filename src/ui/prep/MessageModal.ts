/**
 * "Write a message to …": pick a kind, see the subject and message filled from the person's note with the
 * parts still to write in brackets, edit, and copy it. Copying can log the touch the message makes in one step.
 */
import { Modal, Notice, Setting, type App, type TextAreaComponent, type TextComponent } from "obsidian";
import type { Language, Translate } from "../../i18n";
import { BUILT_IN_MESSAGE_KINDS, fillMessage, MESSAGE_GROUPS, type MessageTemplate } from "../../prep/messages";
import { touchWhat } from "../follow/labels";
import type { MessageData, PrepUi } from "./PrepUi";

const BLANK = /\[[^\]\n]+\]|【[^】\n]+】/g;

export class MessageModal extends Modal {
  private template: MessageTemplate | null;
  private subject = "";
  private body = "";
  private log = true;
  private subjectInput: TextComponent | null = null;
  private bodyInput: TextAreaComponent | null = null;
  private blanksEl: HTMLElement | null = null;
  private logSetting: Setting | null = null;

  constructor(app: App, private readonly t: Translate, private readonly language: Language, private readonly data: MessageData, private readonly ui: PrepUi) {
    super(app);
    this.template = data.templates.find((x) => x.id === data.initial) ?? data.templates[0] ?? null;
  }

  /** A template's name: its own title, the built-in kind's name in the user's language, or its id. */
  kindName(template: MessageTemplate): string {
    if (template.title !== null) return template.title;
    const builtIn = (BUILT_IN_MESSAGE_KINDS as readonly string[]).includes(template.id);
    return builtIn ? this.t(`message.kind.${template.id as (typeof BUILT_IN_MESSAGE_KINDS)[number]}`) : template.id;
  }

  private groupName(group: string | null): string | null {
    if (group === null) return null;
    return (MESSAGE_GROUPS as readonly string[]).includes(group) ? this.t(`message.group.${group as (typeof MESSAGE_GROUPS)[number]}`) : group;
  }

  override onOpen(): void {
    const { t, data } = this;
    this.setTitle(t("message.title", { name: data.person.name }));
    this.modalEl.addClass("network-notes-message-modal");
    const root = this.contentEl;
    root.addClass("network-notes-form", "network-notes-message");

    new Setting(root).setName(t("message.kind")).addDropdown((dropdown) => {
      dropdown.selectEl.addClass("network-notes-message-kind");
      for (const template of data.templates) {
        const group = this.groupName(template.group);
        dropdown.addOption(template.id, group === null ? this.kindName(template) : `${group} · ${this.kindName(template)}`);
      }
      dropdown.setValue(this.template?.id ?? "").onChange((id) => {
        this.template = data.templates.find((x) => x.id === id) ?? null;
        this.fill();
      });
    });

    new Setting(root).setName(t("message.subject")).addText((text) => {
      this.subjectInput = text;
      text.inputEl.addClass("network-notes-message-subject");
      text.onChange((value) => {
        this.subject = value;
        this.showBlanks();
      });
    });

    const bodySetting = new Setting(root).setName(t("message.body"));
    bodySetting.settingEl.addClass("network-notes-message-body-setting");
    bodySetting.addTextArea((area) => {
      this.bodyInput = area;
      area.inputEl.addClass("network-notes-message-body");
      area.inputEl.rows = 12;
      area.onChange((value) => {
        this.body = value;
        this.showBlanks();
      });
    });
    this.blanksEl = root.createEl("p", { cls: "network-notes-message-blanks" });

    this.logSetting = new Setting(root).setName(t("message.logOnSend")).addToggle((toggle) => {
      toggle.toggleEl.addClass("network-notes-message-log");
      toggle.setValue(this.log).onChange((value) => (this.log = value));
    });

    if (data.issues.length > 0) {
      const details = root.createEl("details", { cls: "network-notes-prep-issues" });
      details.createEl("summary", { text: t("message.issues", { n: data.issues.length }) });
      const ul = details.createEl("ul");
      for (const issue of data.issues) ul.createEl("li", { text: t(`message.issue.${issue.code}`, { path: issue.source, value: issue.value }) });
    }

    const buttons = new Setting(root);
    const current = data.current;
    if (current) {
      buttons.addButton((button) => {
        button.setButtonText(t("message.insert")).setTooltip(t("message.insert.desc", { name: current.basename })).onClick(() => this.insert(current.path));
        button.buttonEl.addClass("network-notes-message-insert");
      });
    }
    buttons.addButton((button) => {
      button.setButtonText(t("message.copy")).setCta().onClick(() => void this.copy());
      button.buttonEl.addClass("network-notes-message-copy");
    });
    this.fill();
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** Fills the subject and message from the chosen template (what was typed is replaced). */
  private fill(): void {
    const template = this.template;
    const filled = template ? fillMessage(template, this.data.fields, this.language) : null;
    this.subject = filled?.subject ?? "";
    this.body = filled?.body ?? "";
    this.subjectInput?.setValue(this.subject);
    this.bodyInput?.setValue(this.body);
    this.showBlanks();
    const logs = template?.logs ?? null;
    const setting = this.logSetting;
    if (setting) {
      setting.setDesc(logs ? this.t("message.logs", { what: touchWhat(logs.kind, logs.payload, this.t) }) : this.t("message.logs.none"));
      setting.controlEl.toggle(logs !== null);
    }
  }

  private showBlanks(): void {
    const el = this.blanksEl;
    if (!el) return;
    const blanks = [...new Set([...this.subject.matchAll(BLANK), ...this.body.matchAll(BLANK)].map((m) => m[0]))];
    el.setText(blanks.length === 0 ? "" : this.t("message.blanks", { list: blanks.join(this.language === "zh" ? "、" : ", ") }));
    el.toggle(blanks.length > 0);
  }

  /** The message as it goes to the clipboard: the subject line, a blank line, the message. */
  text(): string {
    const subject = this.subject.trim();
    const body = this.body.replace(/\s+$/u, "");
    return subject === "" ? body : `${this.t("message.subject")}: ${subject}\n\n${body}`;
  }

  /** The message as it goes into a note: the subject in bold on its own line, then the message. */
  private noteText(): string {
    const subject = this.subject.trim();
    const body = this.body.replace(/\s+$/u, "");
    return subject === "" ? body : `**${this.t("message.subject")}:** ${subject}\n\n${body}`;
  }

  private insert(path: string): void {
    const logs = this.template?.logs ?? null;
    this.close();
    void this.ui.insertMessage(this.data.person, path, this.noteText()).then(() => {
      if (logs && this.log) this.ui.logMessage(this.data.person, logs.kind, logs.payload);
    });
  }

  private async copy(): Promise<void> {
    const logs = this.template?.logs ?? null;
    try {
      await navigator.clipboard.writeText(this.text());
    } catch (error) {
      new Notice(this.t("message.copyFailed", { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    this.close();
    new Notice(this.t("message.copied"));
    if (logs && this.log) this.ui.logMessage(this.data.person, logs.kind, logs.payload);
  }
}
