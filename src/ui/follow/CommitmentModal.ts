/**
 * Add a commitment, mine or theirs: what was promised and, optionally, when it is due. The due day can be typed
 * in its own field (a date, or 3d, 2w, 1m from today) or at the end of the words (`send deck 2w`).
 */
import { Modal, Setting, type App } from "obsidian";
import type { CommitmentDirection } from "../../domain/commitments";
import { dayToISO, today, type Day } from "../../domain/dates";
import { dayFromInput, parseCommitmentInput } from "../../domain/frontmatterEdits";
import type { Person } from "../../domain/person";
import type { Translate } from "../../i18n";

export interface NewCommitment {
  text: string;
  due: Day | null;
}

type Reading = NewCommitment | { error: "text" | "due" };

export class CommitmentModal extends Modal {
  private text = "";
  private dueInput = "";

  constructor(
    app: App,
    private readonly t: Translate,
    private readonly person: Person,
    private readonly direction: CommitmentDirection,
    private readonly submit: (commitment: NewCommitment) => void,
  ) {
    super(app);
  }

  override onOpen(): void {
    const { t } = this;
    this.setTitle(t(this.direction === "mine" ? "commit.title.mine" : "commit.title.theirs", { name: this.person.name }));
    this.contentEl.addClass("network-notes-form");
    const preview = createDiv({ cls: "network-notes-preview" });

    const textSetting = new Setting(this.contentEl).setName(t("commit.text.name")).setDesc(t("commit.text.desc"));
    const dueSetting = new Setting(this.contentEl).setName(t("commit.due.name")).setDesc(t("commit.due.desc"));
    const refresh = () => {
      textSetting.setErrorMessage(null);
      dueSetting.setErrorMessage(null);
      const reading = this.read();
      preview.setText("error" in reading ? "" : reading.due === null ? t("commit.preview.none") : t("commit.preview.due", { date: dayToISO(reading.due) }));
    };
    const submitOnEnter = (input: HTMLInputElement) =>
      input.addEventListener("keydown", (evt) => {
        if (evt.key !== "Enter" || evt.isComposing) return;
        evt.preventDefault();
        this.trySubmit(textSetting, dueSetting);
      });

    textSetting.addText((text) => {
      text.inputEl.addClass("network-notes-commitment-text");
      text.setPlaceholder(t("commit.text.placeholder")).onChange((value) => {
        this.text = value;
        refresh();
      });
      submitOnEnter(text.inputEl);
    });
    dueSetting.addText((text) => {
      text.inputEl.addClass("network-notes-commitment-due");
      text.setPlaceholder(t("commit.due.placeholder")).onChange((value) => {
        this.dueInput = value;
        refresh();
      });
      submitOnEnter(text.inputEl);
    });
    this.contentEl.appendChild(preview);
    new Setting(this.contentEl).addButton((button) =>
      button.setButtonText(t("commit.submit")).setCta().onClick(() => this.trySubmit(textSetting, dueSetting)),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  /** The words and due day as typed; a due field, when filled, wins over a short form at the end of the words. */
  private read(): Reading {
    const now = today();
    if (this.dueInput.trim() !== "") {
      const due = dayFromInput(this.dueInput, now);
      if (due === null) return { error: "due" };
      const text = this.text.trim();
      return text === "" ? { error: "text" } : { text, due };
    }
    const parsed = parseCommitmentInput(this.text, now);
    return parsed.text === "" ? { error: "text" } : parsed;
  }

  private trySubmit(textSetting: Setting, dueSetting: Setting): void {
    const reading = this.read();
    if ("error" in reading) {
      if (reading.error === "text") textSetting.setErrorMessage(this.t("commit.error.text"));
      else dueSetting.setErrorMessage(this.t("commit.error.due"));
      return;
    }
    this.close();
    this.submit(reading);
  }
}
