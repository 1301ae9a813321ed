/** Every command in one place: stable ids, sentence-case names, no default hotkeys, thin callbacks. */
import type { Plugin } from "obsidian";
import type { Translate } from "../i18n";

export interface CommandHost {
  t: Translate;
  rebuildIndex(): Promise<void>;
  showProblems(): void;
  showDigest(): void;
}

export function registerCommands(plugin: Plugin, host: CommandHost): void {
  const { t } = host;
  plugin.addCommand({ id: "rebuild-index", name: t("command.rebuild"), callback: () => void host.rebuildIndex() });
  plugin.addCommand({ id: "show-problems", name: t("command.problems"), callback: () => host.showProblems() });
  plugin.addCommand({ id: "show-due-today", name: t("command.digest"), callback: () => host.showDigest() });
}
