/**
 * New person, conversation prep and messages. Prep and messages work on the active note when it is a person
 * note, and otherwise ask whose note first; New person always opens the form.
 */
import type { Plugin } from "obsidian";
import type { Person } from "../domain/person";
import type { Translate } from "../i18n";
import type { PrepUi } from "../ui/prep/PrepUi";

export interface PrepCommandHost {
  t: Translate;
  /** The person whose note is at `path`, if it is a person note. */
  person(path: string): Person | undefined;
  ui: PrepUi;
}

export function registerPrepCommands(plugin: Plugin, host: PrepCommandHost): void {
  const { t, ui } = host;
  const forPerson = (run: (person: Person) => void) => () => {
    const file = plugin.app.workspace.getActiveFile();
    const person = file ? host.person(file.path) : undefined;
    if (person) run(person);
    else ui.choosePerson(run);
  };
  plugin.addCommand({ id: "new-person", name: t("newPerson.command"), callback: () => ui.newPerson() });
  plugin.addCommand({ id: "prepare-conversation", name: t("prep.command"), callback: forPerson((p) => ui.prepare(p)) });
  plugin.addCommand({ id: "write-message", name: t("message.command"), callback: forPerson((p) => ui.message(p)) });
}
