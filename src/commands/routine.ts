/** Commands for the loose-touch routine: open the sidebar view, put today's section into the current note. */
import { MarkdownView, type Plugin } from "obsidian";
import type { Translate } from "../i18n";

export interface RoutineCommandHost {
  t: Translate;
  openView(): Promise<void>;
  /** Adds the loose-touch section to the note at `path` (the items it is missing, when it has one). */
  insertSection(path: string): Promise<void>;
  ready(): boolean;
}

export function registerRoutineCommands(plugin: Plugin, host: RoutineCommandHost): void {
  const { t } = host;
  plugin.addCommand({ id: "open-loose-touch", name: t("command.openView"), callback: () => void host.openView() });
  plugin.addCommand({
    id: "insert-loose-touch-section",
    name: t("command.insertSection"),
    checkCallback: (checking) => {
      const file = plugin.app.workspace.getActiveViewOfType(MarkdownView)?.file ?? plugin.app.workspace.getActiveFile();
      if (!file || file.extension !== "md" || !host.ready()) return false;
      if (!checking) void host.insertSection(file.path);
      return true;
    },
  });
}
