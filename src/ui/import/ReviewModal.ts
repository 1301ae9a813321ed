/**
 * The review before an import writes anything: each group with its count, new and matched people with a tick
 * each (Select all / Select none per group), unclear matches and unreadable rows listed with the reason and never
 * applied, an optional tier for the new people, and which properties may replace values that differ. Long
 * groups show their first rows; the rest follow the group's Select all / Select none.
 */
import { Modal, Setting, type App } from "obsidian";
import { TIERS, type Tier } from "../../domain/tiers";
import type { MessageKey, Translate } from "../../i18n";
import type { ImportField } from "../../import/fields";
import type { AmbiguousItem, CreateItem, Plan, Selection, UpdateItem } from "../../import/plan";
import type { Progress } from "../../obsidian/Importer";

/** Rows drawn per group; enough to check, few enough to open at once with 10,000 rows. */
export const ROWS_SHOWN = 100;

export interface ReviewChoice {
  selection: Selection;
  tier: Tier | null;
}

type Pickable = CreateItem | UpdateItem;

export class ReviewModal extends Modal {
  private readonly ids = new Set<number>();
  private readonly overwrite = new Set<ImportField>();
  private tier: Tier | null = null;
  private readonly boxes = new Map<number, HTMLInputElement>();
  private progressEl: HTMLElement | null = null;
  private busy = false;

  constructor(
    app: App,
    private readonly t: Translate,
    private readonly fileName: string,
    private readonly plan: Plan,
    private readonly apply: (choice: ReviewChoice, progress: (p: Progress) => void) => Promise<void>,
  ) {
    super(app);
    for (const item of [...plan.create, ...plan.update, ...plan.upToDate]) this.ids.add(item.id);
  }

  override onOpen(): void {
    const { t, plan, contentEl } = this;
    this.setTitle(t("import.review.title"));
    contentEl.addClass("network-notes-import-review");
    const people = plan.create.length + plan.update.length + plan.upToDate.length + plan.ambiguous.length + plan.merged.length;
    contentEl.createEl("p", {
      cls: "network-notes-import-summary",
      text: t("import.review.summary", { name: this.fileName, people, folder: plan.folder === "" ? t("import.review.rootFolder") : plan.folder }),
    });
    const differing = new Set<ImportField>();
    for (const item of [...plan.update, ...plan.upToDate]) for (const d of item.differs) differing.add(d.field);
    if (plan.create.length === 0 && plan.update.length === 0 && differing.size === 0) {
      contentEl.createEl("p", { cls: "network-notes-import-nothing", text: t("import.nothing") });
    }

    if (plan.create.length > 0) {
      new Setting(contentEl).setName(t("import.tier")).setDesc(t("import.tier.desc")).addDropdown((dropdown) => {
        dropdown.selectEl.addClass("network-notes-import-tier");
        dropdown.addOption("", t("newPerson.noTier"));
        for (const tier of TIERS) dropdown.addOption(tier, t(`tier.${tier}`));
        dropdown.setValue("").onChange((value) => (this.tier = TIERS.find((x) => x === value) ?? null));
      });
    }
    if (differing.size > 0) {
      const setting = new Setting(contentEl).setName(t("import.overwrite")).setDesc(t("import.overwrite.desc"));
      const row = setting.controlEl.createDiv({ cls: "network-notes-import-overwrite" });
      for (const field of differing) {
        const label = row.createEl("label");
        const box = label.createEl("input", { type: "checkbox", attr: { "data-field": field } });
        label.appendText(` ${field}`);
        box.addEventListener("change", () => {
          if (box.checked) this.overwrite.add(field);
          else this.overwrite.delete(field);
        });
      }
    }

    this.pickGroup("create", plan.create, (item) => [item.contact.name, item.path]);
    this.pickGroup("update", plan.update, (item) => [item.contact.name, this.fieldsText(item)]);
    this.pickGroup("upToDate", plan.upToDate, (item) => [item.contact.name, this.fieldsText(item)]);
    this.listGroup("ambiguous", plan.ambiguous.map((a) => `${a.contact.name} (${t("import.line", { line: a.contact.line })}): ${this.ambiguousText(a)}`));
    this.listGroup("unreadable", plan.unreadable.map((u) => `${t("import.line", { line: u.line })}: ${t(`import.reason.${u.reason}` as MessageKey, { list: "" })} · ${u.excerpt}`));
    this.listGroup("merged", plan.merged.map((m) => `${m.name}: ${t("import.line", { line: m.line })} → ${t("import.line", { line: m.into })}`));

    this.progressEl = contentEl.createDiv({ cls: "network-notes-import-progress" });
    new Setting(contentEl).addButton((button) =>
      button.setButtonText(t("import.apply")).setCta().onClick(() => {
        if (this.busy) return;
        this.busy = true;
        button.setDisabled(true);
        void this.apply({ selection: { ids: new Set(this.ids), overwrite: new Set(this.overwrite) }, tier: this.tier }, (p) => {
          this.progressEl?.setText(t("import.progress", { done: p.done, total: p.total }));
        }).finally(() => this.close());
      }),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private fieldsText(item: UpdateItem): string {
    const parts: string[] = [];
    if (item.fills.length > 0) parts.push(this.t("import.adds", { fields: item.fills.map((f) => f.key).join(", ") }));
    if (item.differs.length > 0) parts.push(this.t("import.differs", { fields: item.differs.map((f) => f.key).join(", ") }));
    return [item.path, ...parts].join(" · ");
  }

  private ambiguousText(a: AmbiguousItem): string {
    const list = a.candidates.map((c) => (c.startsWith("line ") ? this.t("import.line", { line: c.slice(5) }) : c)).join(", ");
    return this.t(`import.reason.${a.reason}`, { list });
  }

  private groupEl(group: string, count: number): HTMLElement {
    const section = this.contentEl.createDiv({ cls: "network-notes-import-group", attr: { "data-group": group } });
    section.createEl("h3", { text: `${this.t(`import.group.${group}` as MessageKey)} (${count})` });
    return section;
  }

  private pickGroup<T extends Pickable>(group: string, items: readonly T[], text: (item: T) => [string, string]): void {
    if (items.length === 0) return;
    const section = this.groupEl(group, items.length);
    const buttons = section.createDiv({ cls: "network-notes-import-group-buttons" });
    const setAll = (on: boolean) => {
      for (const item of items) {
        if (on) this.ids.add(item.id);
        else this.ids.delete(item.id);
        const box = this.boxes.get(item.id);
        if (box) box.checked = on;
      }
    };
    buttons.createEl("button", { text: this.t("import.all") }).addEventListener("click", () => setAll(true));
    buttons.createEl("button", { text: this.t("import.none") }).addEventListener("click", () => setAll(false));
    const list = section.createEl("ul", { cls: "network-notes-import-list" });
    for (const item of items.slice(0, ROWS_SHOWN)) {
      const [name, detail] = text(item);
      const label = list.createEl("li").createEl("label");
      const box = label.createEl("input", { type: "checkbox", attr: { "data-id": String(item.id) } });
      box.checked = this.ids.has(item.id);
      this.boxes.set(item.id, box);
      box.addEventListener("change", () => {
        if (box.checked) this.ids.add(item.id);
        else this.ids.delete(item.id);
      });
      label.createSpan({ cls: "network-notes-import-name", text: ` ${name}` });
      label.createSpan({ cls: "network-notes-import-detail", text: ` ${detail}` });
    }
    if (items.length > ROWS_SHOWN) section.createEl("p", { cls: "network-notes-import-more", text: this.t("import.more", { n: items.length - ROWS_SHOWN }) });
  }

  private listGroup(group: string, lines: readonly string[]): void {
    if (lines.length === 0) return;
    const section = this.groupEl(group, lines.length);
    const list = section.createEl("ul", { cls: "network-notes-import-list" });
    for (const line of lines.slice(0, ROWS_SHOWN)) list.createEl("li", { text: line });
    if (lines.length > ROWS_SHOWN) section.createEl("p", { cls: "network-notes-import-more", text: this.t("import.moreListed", { n: lines.length - ROWS_SHOWN }) });
  }
}
