/**
 * "Import people from a file…": choose a file (from the device through the system's file chooser, which works on
 * desktop and mobile, or a .csv/.vcf already in the vault), review the plan, apply it with progress, and a
 * notice with Undo that takes the whole import back in one step.
 */
import { FuzzySuggestModal, Modal, Notice, Setting, TFile, type App } from "obsidian";
import type { Translate } from "../../i18n";
import { decodeBytes } from "../../import/contact";
import type { Plan } from "../../import/plan";
import type { ApplyResult, Importer } from "../../obsidian/Importer";
import type { NoteWriter, UndoBatch } from "../../obsidian/NoteWriter";
import { ReviewModal } from "./ReviewModal";

const NOTICE_MS = 10_000;
const IMPORTABLE = /\.(csv|vcf|vcard)$/i;
/** How many note names a notice lists before it stops. */
const NAMES_LISTED = 5;

export interface ImportUiHost {
  app: App;
  t: Translate;
  importer: Importer;
  writer: NoteWriter;
}

class VaultFilePicker extends FuzzySuggestModal<TFile> {
  constructor(app: App, t: Translate, private readonly chosen: (file: TFile) => void) {
    super(app);
    this.setPlaceholder(t("import.pickVault.placeholder"));
    this.emptyStateText = t("import.pickVault.empty");
  }

  getItems(): TFile[] {
    return this.app.vault.getFiles().filter((f) => IMPORTABLE.test(f.path)).sort((a, b) => a.path.localeCompare(b.path));
  }

  getItemText(file: TFile): string {
    return file.path;
  }

  onChooseItem(file: TFile): void {
    this.chosen(file);
  }
}

class ChooseSourceModal extends Modal {
  constructor(app: App, private readonly t: Translate, private readonly fromDevice: (file: File) => void, private readonly fromVault: () => void) {
    super(app);
  }

  override onOpen(): void {
    const { t, contentEl } = this;
    this.setTitle(t("import.title"));
    contentEl.addClass("network-notes-import-source");
    contentEl.createEl("p", { text: t("import.intro") });
    new Setting(contentEl).setName(t("import.pickDevice")).then((setting) => {
      const input = setting.controlEl.createEl("input", { type: "file", cls: "network-notes-import-file", attr: { accept: ".csv,.vcf,.vcard,text/csv,text/vcard,text/x-vcard" } });
      input.addEventListener("change", () => {
        const file = input.files?.[0];
        if (!file) return;
        this.close();
        this.fromDevice(file);
      });
    });
    new Setting(contentEl).setName(t("import.pickVault")).addButton((button) =>
      button.setButtonText(t("import.pickVault.button")).onClick(() => {
        this.close();
        this.fromVault();
      }),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }
}

export class ImportUi {
  constructor(private readonly host: ImportUiHost) {}

  start(): void {
    const { app, t } = this.host;
    new ChooseSourceModal(app, t, (file) => void this.fromDevice(file), () => this.chooseInVault()).open();
  }

  chooseInVault(): void {
    const { app, t } = this.host;
    new VaultFilePicker(app, t, (file) => void this.fromVault(file)).open();
  }

  async fromVault(file: TFile): Promise<void> {
    await this.readAndReview(file.name, () => this.host.app.vault.read(file));
  }

  async fromDevice(file: File): Promise<void> {
    await this.readAndReview(file.name, async () => decodeBytes(new Uint8Array(await file.arrayBuffer())));
  }

  /** Plans the file and opens the review; a file of neither kind gets a plain message. */
  review(name: string, text: string): void {
    const { app, t, importer } = this.host;
    const plan = importer.plan(text);
    if (plan.format === "unknown") {
      new Notice(t("import.unknownFormat", { name }));
      return;
    }
    new ReviewModal(app, t, name, plan, async (choice, progress) => {
      await this.applyPlan(plan, choice.selection, choice.tier, progress);
    }).open();
  }

  private async readAndReview(name: string, read: () => Promise<string>): Promise<void> {
    let text: string;
    try {
      text = await read();
    } catch (error) {
      new Notice(this.host.t("import.readFailed", { name, message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    this.review(name, text);
  }

  private async applyPlan(plan: Plan, selection: Parameters<Importer["apply"]>[1], tier: Parameters<Importer["apply"]>[2], progress: Parameters<Importer["apply"]>[3]): Promise<void> {
    const { t } = this.host;
    let result: ApplyResult;
    try {
      result = await this.host.importer.apply(plan, selection, tier, progress);
    } catch (error) {
      console.error("Network Notes: the import stopped", error);
      new Notice(t("refuse.unexpected", { message: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (result.failed.length > 0) {
      new Notice(t("import.failed", { n: result.failed.length, list: listed(result.failed.map((f) => `${f.path} (${f.reason})`)) }), NOTICE_MS);
    }
    if (result.created === 0 && result.updated === 0) {
      new Notice(t(selection.ids.size === 0 ? "import.nothingChosen" : "import.nothing"));
      return;
    }
    this.showDone(result);
  }

  private showDone(result: ApplyResult): void {
    const { t } = this.host;
    const batch = result.batch;
    let notice: Notice | null = null;
    const fragment = createFragment((f) => {
      f.createSpan({ text: t("import.done", { created: result.created, updated: result.updated }) });
      if (!batch) return;
      const button = f.createEl("button", { text: t("notice.undo"), cls: "network-notes-undo" });
      button.addEventListener("click", (evt) => {
        evt.stopPropagation();
        notice?.hide();
        void this.undo(batch);
      });
    });
    notice = new Notice(fragment, NOTICE_MS);
  }

  /** Undoes the import from its notice, while it is still the latest change. */
  async undo(batch: UndoBatch): Promise<void> {
    const { t, writer } = this.host;
    if (!writer.isLatest(batch)) {
      new Notice(t("refuse.stale-undo"));
      return;
    }
    const step = await writer.undo();
    const outcome = step.batch;
    if (!outcome) return;
    new Notice(t("import.undone", { n: outcome.undone }));
    if (outcome.kept.length > 0) new Notice(t("import.undoKept", { n: outcome.kept.length, list: listed(outcome.kept.map((k) => k.path)) }), NOTICE_MS);
  }
}

function listed(items: readonly string[]): string {
  const shown = items.slice(0, NAMES_LISTED).join(", ");
  return items.length > NAMES_LISTED ? `${shown}, …` : shown;
}
