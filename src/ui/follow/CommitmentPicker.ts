/** Complete a commitment: choose one of the person's open items, theirs or mine. */
import { SuggestModal, type App } from "obsidian";
import type { Commitment } from "../../domain/commitments";
import { today } from "../../domain/dates";
import type { Person } from "../../domain/person";
import type { Translate } from "../../i18n";
import { openItemText } from "./labels";

export class CommitmentPicker extends SuggestModal<Commitment> {
  private readonly items: Commitment[];

  constructor(app: App, private readonly t: Translate, person: Person, private readonly chosen: (item: Commitment) => void) {
    super(app);
    this.items = [...person.commitments, ...person.expecting];
    this.setPlaceholder(t("pick.commitment.placeholder"));
  }

  getSuggestions(query: string): Commitment[] {
    const q = query.trim().toLowerCase();
    return q === "" ? this.items : this.items.filter((c) => c.text.toLowerCase().includes(q));
  }

  renderSuggestion(item: Commitment, el: HTMLElement): void {
    el.addClass("network-notes-pick");
    el.createSpan({ text: openItemText(item, today(), this.t) });
  }

  onChooseSuggestion(item: Commitment): void {
    this.chosen(item);
  }
}
