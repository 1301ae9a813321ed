/** Importing people from LinkedIn or contacts files. */
import type { Plugin } from "obsidian";
import type { Translate } from "../i18n";
import type { ImportUi } from "../ui/import/ImportUi";

export function registerImportCommands(plugin: Plugin, host: { t: Translate; ui: ImportUi }): void {
  plugin.addCommand({ id: "import-people", name: host.t("import.command"), callback: () => host.ui.start() });
}
