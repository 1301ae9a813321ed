/**
 * Puts the "Loose touch" section into today's daily note when it is created (core Daily notes, Periodic Notes,
 * or the fallback settings decide which note that is), and into any note on demand. The section lists today's
 * picks and due follow-ups as unchecked tasks linking each person; ticking one is a touch like any other.
 *
 * Only a note created now for today gets the section: an older daily note, or today's arriving by sync with its
 * section already in it, is left alone. The write waits a moment after creation so a template (core or
 * Templater) has filled the note first, and goes through the NoteWriter (one undo step).
 */
import { Component, debounce, TFile, type App, type Debouncer } from "obsidian";
import { sectionHasItems, upsertSection, type SectionItem } from "../domain/dailySection";
import { DailyNoteMatcher } from "../domain/datedNotes";
import type { Translate } from "../i18n";
import type { NetworkNotesSettings } from "../settings/schema";
import type { FollowThrough } from "./FollowThrough";
import type { UndoStep } from "./NoteWriter";
import type { PeopleIndexer } from "./PeopleIndexer";
import type { Routine } from "./Routine";

/** Long enough for a template plugin to fill a new note before the section is added. */
export const SECTION_DELAY_MS = 1500;

export class DailySection extends Component {
  private readonly waiting = new Set<string>();
  private readonly later: Debouncer<[], void>;

  constructor(
    private readonly app: App,
    private readonly indexer: PeopleIndexer,
    private readonly routine: Routine,
    private readonly actions: FollowThrough,
    private readonly settings: () => NetworkNotesSettings,
    private readonly t: Translate,
  ) {
    super();
    this.later = debounce(() => void this.flush(), SECTION_DELAY_MS, true);
  }

  override onload(): void {
    // Files listed while the vault loads are not new: listen only once the layout is ready.
    this.app.workspace.onLayoutReady(() => {
      if (this.unloaded) return;
      this.registerEvent(this.app.vault.on("create", (file) => {
        if (file instanceof TFile && file.extension === "md" && this.isTodaysDailyNote(file.path)) {
          this.waiting.add(file.path);
          this.later();
        }
      }));
      this.registerEvent(this.indexer.onChange(() => {
        if (this.waiting.size > 0) this.later();
      }));
    });
  }

  private unloaded = false;

  override onunload(): void {
    this.unloaded = true;
    this.later.cancel();
  }

  private isTodaysDailyNote(path: string): boolean {
    if (!this.settings().dailySection.enabled) return false;
    const config = this.indexer.daily ?? { ...this.settings().dailyNotes, source: "fallback" as const };
    return new DailyNoteMatcher(config).dayOfPath(path) === this.routine.today();
  }

  private async flush(): Promise<void> {
    if (!this.indexer.ready) return; // tried again when the index reports in
    const paths = [...this.waiting];
    this.waiting.clear();
    for (const path of paths) {
      const file = this.app.vault.getFileByPath(path);
      if (!file || !this.isTodaysDailyNote(path)) continue;
      const text = await this.app.vault.read(file);
      // Arrived by sync with the list already in it: leave it. An empty heading from a template is filled.
      if (sectionHasItems(text.split(/\r?\n/), this.settings().dailySection.heading)) continue;
      await this.insert(path).catch((error: unknown) => console.error("Network Notes: could not add the loose-touch section", error));
    }
  }

  /** Adds the section (or the items it is missing) to a note. */
  insert(path: string): Promise<UndoStep> {
    const items = this.items(path);
    const heading = this.settings().dailySection.heading;
    return this.actions.editNote("daily-section", path, (text) => upsertSection(text, heading, items));
  }

  /** Today's open picks, then follow-ups that are due and not already picked, as task lines. */
  items(fromPath: string): SectionItem[] {
    const { t } = this;
    const model = this.routine.model();
    const out: SectionItem[] = [];
    const seen = new Set<string>();
    const add = (path: string, name: string, text: (link: string) => string) => {
      const file = this.app.vault.getFileByPath(path);
      if (!file) return;
      const linktext = this.app.metadataCache.fileToLinktext(file, fromPath, true);
      const shown = linktext === name ? `[[${linktext}]]` : `[[${linktext}|${name}]]`;
      out.push({ linktext, line: `- [ ] ${text(shown)}` });
      seen.add(path);
    };
    for (const pick of model.picks) {
      if (pick.done || pick.skipped || pick.missing) continue;
      if (pick.move === "follow-through" && pick.commitment) {
        const c = pick.commitment;
        add(pick.path, pick.name, (l) => t("daily.follow", { link: l, text: c.text }) + (c.due ? t("daily.due", { date: c.due }) : ""));
      } else if (pick.move === "thanks") {
        add(pick.path, pick.name, (l) => t("daily.thanks", { link: l }));
      } else {
        const interests = pick.interests.length > 0 ? t("daily.interests", { list: pick.interests.slice(0, 3).join(", ") }) : "";
        add(pick.path, pick.name, (l) => t("daily.share", { link: l }) + interests);
      }
    }
    for (const c of model.followUps) {
      if (c.direction !== "mine" || c.due === null || c.due > model.date || seen.has(c.path) || c.task) continue;
      add(c.path, c.name, (l) => t("daily.follow", { link: l, text: c.text }) + t("daily.due", { date: c.due ?? "" }));
    }
    return out;
  }
}
