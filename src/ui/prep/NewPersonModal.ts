/** The New person form: name, tier, when and how you met, interests, and the tier you hope to reach. */
import { Modal, Setting, type App } from "obsidian";
import { dayFromISO, dayToISO, today } from "../../domain/dates";
import { TIERS, type Tier } from "../../domain/tiers";
import type { Translate } from "../../i18n";
import { parseInterests, type PersonForm } from "../../prep/personTemplate";

export class NewPersonModal extends Modal {
  private name = "";
  private tier: Tier | null = "unfamiliar";
  private met = dayToISO(today());
  private howWeMet = "";
  private interests = "";
  private goal: Tier | null = null;
  private nameSetting: Setting | null = null;
  private metSetting: Setting | null = null;

  constructor(app: App, private readonly t: Translate, private readonly submit: (form: PersonForm) => void, name = "") {
    super(app);
    this.name = name;
  }

  override onOpen(): void {
    const { t } = this;
    this.setTitle(t("newPerson.title"));
    this.contentEl.addClass("network-notes-form", "network-notes-new-person");

    const nameSetting = new Setting(this.contentEl).setName(t("newPerson.name"));
    this.nameSetting = nameSetting;
    nameSetting.addText((text) => {
      text.inputEl.addClass("network-notes-new-name");
      text.setValue(this.name).onChange((value) => {
        this.name = value;
        nameSetting.setErrorMessage(null);
      });
      this.submitOnEnter(text.inputEl);
      window.setTimeout(() => text.inputEl.focus(), 0);
    });

    new Setting(this.contentEl).setName(t("newPerson.tier")).addDropdown((dropdown) => {
      dropdown.selectEl.addClass("network-notes-new-tier");
      dropdown.addOption("", t("newPerson.noTier"));
      for (const tier of TIERS) dropdown.addOption(tier, t(`tier.${tier}`));
      dropdown.setValue(this.tier ?? "").onChange((value) => (this.tier = TIERS.find((x) => x === value) ?? null));
    });

    const metSetting = new Setting(this.contentEl).setName(t("newPerson.met")).setDesc(t("newPerson.met.desc"));
    this.metSetting = metSetting;
    metSetting.addText((text) => {
      text.inputEl.type = "date";
      text.inputEl.addClass("network-notes-new-met");
      text.setValue(this.met).onChange((value) => {
        this.met = value.trim();
        metSetting.setErrorMessage(null);
      });
    });

    new Setting(this.contentEl).setName(t("newPerson.howWeMet")).addText((text) => {
      text.inputEl.addClass("network-notes-new-how");
      text.setPlaceholder(t("newPerson.howWeMet.placeholder")).onChange((value) => (this.howWeMet = value));
      this.submitOnEnter(text.inputEl);
    });

    new Setting(this.contentEl).setName(t("newPerson.interests")).setDesc(t("newPerson.interests.hint")).addText((text) => {
      text.inputEl.addClass("network-notes-new-interests");
      text.onChange((value) => (this.interests = value));
      this.submitOnEnter(text.inputEl);
    });

    new Setting(this.contentEl).setName(t("newPerson.goal")).addDropdown((dropdown) => {
      dropdown.selectEl.addClass("network-notes-new-goal");
      dropdown.addOption("", t("pick.goal.clear"));
      for (const tier of TIERS) dropdown.addOption(tier, t(`tier.${tier}`));
      dropdown.setValue("").onChange((value) => (this.goal = TIERS.find((x) => x === value) ?? null));
    });

    new Setting(this.contentEl).addButton((button) =>
      button.setButtonText(t("newPerson.create")).setCta().onClick(() => this.trySubmit()),
    );
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private submitOnEnter(input: HTMLInputElement): void {
    input.addEventListener("keydown", (evt) => {
      if (evt.key !== "Enter" || evt.isComposing) return;
      evt.preventDefault();
      this.trySubmit();
    });
  }

  private trySubmit(): void {
    const { nameSetting, metSetting } = this;
    if (!nameSetting || !metSetting) return;
    const name = this.name.replace(/\s+/gu, " ").trim();
    if (name === "") {
      nameSetting.setErrorMessage(this.t("newPerson.nameEmpty"));
      return;
    }
    const met = this.met.trim();
    const day = met === "" ? null : dayFromISO(met);
    if (met !== "" && day === null) {
      metSetting.setErrorMessage(this.t("log.error.date"));
      return;
    }
    if (day !== null && day > today()) {
      metSetting.setErrorMessage(this.t("log.error.future"));
      return;
    }
    this.close();
    this.submit({
      name,
      tier: this.tier,
      met: day === null ? null : dayToISO(day),
      howWeMet: this.howWeMet,
      interests: parseInterests(this.interests),
      tierGoal: this.goal,
    });
  }
}
