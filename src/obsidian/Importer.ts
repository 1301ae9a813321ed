/**
 * Importing people into the vault: plans an export against the people the index knows, then applies the chosen
 * part in chunks (yielding to the app between them, so a file of thousands of rows never freezes it), as one
 * undo step. New notes are made only directly inside the target folder, through the NoteWriter; existing notes
 * only gain properties, through Obsidian's property writer.
 */
import { parseYaml, TFile, type App } from "obsidian";
import { today as todayDay } from "../domain/dates";
import type { Person } from "../domain/person";
import type { Tier } from "../domain/tiers";
import type { Language, Translate } from "../i18n";
import { importKeys, type ImportKeys } from "../import/fields";
import { importedNoteText } from "../import/noteText";
import { applyChanges, planImport, workFor, type Plan, type Selection } from "../import/plan";
import { readContacts } from "../import/read";
import { isInsideFolder, normaliseFolder } from "../prep/fileName";
import type { PersonTemplateContext } from "../prep/personTemplate";
import type { NetworkNotesSettings } from "../settings/schema";
import { WriteRefused, type BatchEntry, type NoteWriter, type UndoBatch } from "./NoteWriter";

/** Notes written between two pauses: small enough to keep the app responsive, large enough to finish quickly. */
export const IMPORT_CHUNK = 200;

export interface ImporterHost {
  app: App;
  writer: NoteWriter;
  t: Translate;
  language: Language;
  settings(): NetworkNotesSettings;
  people(): Person[];
}

export interface ApplyResult {
  created: number;
  updated: number;
  /** Notes that could not be written, with the reason. */
  failed: { path: string; reason: string }[];
  /** The undo step, while nothing newer came after it; null when nothing was written. */
  batch: UndoBatch | null;
}

export interface Progress {
  done: number;
  total: number;
}

const pause = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

export class Importer {
  constructor(private readonly host: ImporterHost) {}

  /** The folder new people go to: the first people folder. */
  targetFolder(): string {
    return normaliseFolder(this.host.settings().people.folders[0] ?? "");
  }

  keys(): ImportKeys {
    return importKeys(this.host.settings().keys);
  }

  /** What importing `text` would do. */
  plan(text: string): Plan {
    const { app } = this.host;
    const people = this.host.people().map((p) => ({
      path: p.path,
      name: p.name,
      aliases: p.aliases,
      frontmatter: this.frontmatterOf(p.path),
    }));
    // Many file systems ignore case, so `ann lee.md` would be the same file as `Ann Lee.md`.
    const taken = new Set(app.vault.getAllLoadedFiles().map((f) => f.path.toLowerCase()));
    const exists = (path: string) => taken.has(path.toLowerCase());
    return planImport(readContacts(text), people, { keys: this.keys(), folder: this.targetFolder(), exists });
  }

  /**
   * Writes the chosen part of `plan`: new notes first, then properties of existing people, `IMPORT_CHUNK` notes at
   * a time with a pause between chunks; `progress` hears after each chunk. Everything written is one undo step.
   */
  async apply(plan: Plan, selection: Selection, tier: Tier | null, progress: (p: Progress) => void = () => undefined): Promise<ApplyResult> {
    const { writer } = this.host;
    const work = workFor(plan, selection);
    const total = work.create.length + work.update.length;
    const result: ApplyResult = { created: 0, updated: 0, failed: [], batch: null };
    const entries: BatchEntry[] = [];
    const folder = this.targetFolder();
    const keys = this.keys();
    const ctx = this.templateContext();
    const template = await this.template();
    if (work.create.length > 0) await this.ensureFolder(folder);

    let done = 0;
    const tick = async () => {
      done++;
      if (done % IMPORT_CHUNK === 0 && done < total) {
        progress({ done, total });
        await pause();
      }
    };
    progress({ done: 0, total });
    for (const item of work.create) {
      // Never outside the target folder, whatever the plan says.
      if (normaliseFolder(plan.folder) !== folder || !isInsideFolder(folder, item.path) || item.path.slice(folder.length + 1).includes("/")) {
        result.failed.push({ path: item.path, reason: "outside-folder" });
      } else {
        try {
          entries.push(await writer.create(item.path, importedNoteText(item, tier, keys, ctx, template, parseYaml)));
          result.created++;
        } catch (error) {
          result.failed.push({ path: item.path, reason: reasonOf(error) });
        }
      }
      await tick();
    }
    for (const { item, changes } of work.update) {
      try {
        const step = await writer.change("import", item.path, { frontmatter: (fm) => void applyChanges(fm, changes, selection.overwrite) }, { record: false });
        if (step.before !== step.after) {
          // A change someone else wrote into meanwhile stands, but is left out of the undo step.
          if (step.undoable) entries.push({ path: step.path, before: step.before, after: step.after, file: this.host.app.vault.getFileByPath(step.path) ?? undefined });
          result.updated++;
        }
      } catch (error) {
        result.failed.push({ path: item.path, reason: reasonOf(error) });
      }
      await tick();
    }
    progress({ done: total, total });
    result.batch = writer.recordBatch("import", folder, entries);
    return result;
  }

  private frontmatterOf(path: string): Record<string, unknown> | null {
    const file = this.host.app.vault.getFileByPath(path);
    if (!file) return null;
    return (this.host.app.metadataCache.getFileCache(file)?.frontmatter) ?? null;
  }

  private templateContext(): PersonTemplateContext {
    const { t, language } = this.host;
    const settings = this.host.settings();
    const people = settings.people;
    const needsMarker = people.folders.length === 0 && people.markerKey !== "" && (people.markerValues[0] ?? "") !== "";
    return {
      keys: settings.keys,
      logHeading: settings.log.heading,
      language,
      today: todayDay(),
      marker: needsMarker ? { key: people.markerKey, value: people.markerValues[0] ?? "" } : null,
      tierLabel: (tier) => t(`tier.${tier}`),
    };
  }

  /** The user's person template, or null for the built-in note. */
  private async template(): Promise<string | null> {
    const path = this.host.settings().prep.personTemplate;
    if (path === "") return null;
    const { vault } = this.host.app;
    const file = vault.getFileByPath(path) ?? vault.getFileByPath(`${path}.md`);
    return file instanceof TFile ? vault.cachedRead(file) : null;
  }

  private async ensureFolder(folder: string): Promise<void> {
    const { vault } = this.host.app;
    if (folder === "" || vault.getAbstractFileByPath(folder)) return;
    try {
      await vault.createFolder(folder);
    } catch (error) {
      if (!vault.getAbstractFileByPath(folder)) throw error;
    }
  }
}

function reasonOf(error: unknown): string {
  if (error instanceof WriteRefused) return error.message;
  return error instanceof Error ? error.message.split("\n")[0] ?? "" : String(error);
}
