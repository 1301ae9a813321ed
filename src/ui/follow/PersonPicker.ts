/** Whose note? A fuzzy search over people by name and alias, for when no person note is open. */
import { FuzzySuggestModal, type App, type FuzzyMatch } from "obsidian";
import type { Person } from "../../domain/person";
import type { Translate } from "../../i18n";
import { tierName } from "../../report/wording";

export class PersonPicker extends FuzzySuggestModal<Person> {
  constructor(app: App, private readonly t: Translate, private readonly people: Person[], private readonly chosen: (person: Person) => void) {
    super(app);
    this.setPlaceholder(t("pick.person.placeholder"));
    this.emptyStateText = t("pick.person.empty");
  }

  getItems(): Person[] {
    return [...this.people].sort((a, b) => a.name.localeCompare(b.name));
  }

  /** The name, then the aliases, so typing either finds the person. */
  getItemText(person: Person): string {
    return person.aliases.length === 0 ? person.name : `${person.name} (${person.aliases.join(", ")})`;
  }

  override renderSuggestion(match: FuzzyMatch<Person>, el: HTMLElement): void {
    super.renderSuggestion(match, el);
    el.addClass("network-notes-pick");
    el.createSpan({ cls: "network-notes-pick-detail", text: tierName(match.item.tier, this.t) });
  }

  onChooseItem(person: Person): void {
    this.chosen(person);
  }
}
