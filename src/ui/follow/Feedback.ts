/**
 * What a person sees after a follow-through action: a notice confirming it with an Undo button, or a kind word
 * on why nothing changed. The Undo button only undoes its own change: when a newer change came after it, it
 * says so and leaves both alone.
 */
import { Notice } from "obsidian";
import type { Person } from "../../domain/person";
import type { MessageKey, Translate } from "../../i18n";
import type { FollowThrough } from "../../obsidian/FollowThrough";
import type { UndoStep } from "../../obsidian/NoteWriter";
import { noteName } from "./labels";

/** Long enough to read the message and reach the button. */
const UNDO_NOTICE_MS = 10_000;

const REFUSALS: Record<string, MessageKey> = {
  "tier-top": "refuse.tier-top",
  "tier-bottom": "refuse.tier-bottom",
  "tier-unchanged": "refuse.tier-unchanged",
  "commitment-changed": "refuse.commitment-changed",
  "nothing-to-undo": "refuse.nothing-to-undo",
  "changed-since": "refuse.changed-since",
  "note-gone": "refuse.note-gone",
  "properties-behind-bom": "refuse.properties-behind-bom",
};

const UNDONE: Record<string, MessageKey> = {
  "log-touch": "undo.what.log-touch",
  "add-commitment": "undo.what.add-commitment",
  "complete-commitment": "undo.what.complete-commitment",
  "set-tier": "undo.what.set-tier",
  "set-goal": "undo.what.set-goal",
  snooze: "undo.what.snooze",
  "complete-task": "undo.what.complete-commitment",
  "daily-section": "undo.what.daily-section",
  pause: "undo.what.pause",
  resume: "undo.what.resume",
  import: "undo.what.import",
};

export class Feedback {
  /** The change the visible Undo button belongs to, while it is still the latest one made from here. */
  private latest: UndoStep | null = null;
  private undoNotice: Notice | null = null;

  constructor(private readonly t: Translate, private readonly actions: FollowThrough) {}

  /** Runs one action on a person's note; `done` is the confirmation to show when it went through. */
  async run(person: Person, work: () => Promise<UndoStep>, done: string): Promise<void> {
    const name = person.name;
    let step: UndoStep;
    try {
      step = await work();
    } catch (error) {
      this.refused(error, person);
      return;
    }
    if (step.before === step.after) {
      new Notice(this.t("done.nothing", { name }));
      return;
    }
    if (!step.undoable) {
      // Someone else wrote to the note meanwhile: the change stands, but undoing it would take their edit too.
      new Notice(done);
      return;
    }
    this.latest = step;
    this.showUndoable(done, step);
  }

  /** Undoes the last change made by the plugin, whichever it was. */
  async undoLast(): Promise<void> {
    this.dismiss();
    this.latest = null;
    try {
      const step = await this.actions.undo();
      if (step.batch) {
        new Notice(this.t("import.undone", { n: step.batch.undone }));
        if (step.batch.kept.length > 0) new Notice(this.t("import.undoKept", { n: step.batch.kept.length, list: step.batch.kept.map((k) => k.path).slice(0, 5).join(", ") }));
        return;
      }
      const what = this.t(UNDONE[step.label] ?? "undo.what.other");
      new Notice(this.t("done.undone", { name: noteName(step.path), what }));
    } catch (error) {
      this.refused(error, null);
    }
  }

  private showUndoable(message: string, step: UndoStep): void {
    this.dismiss();
    const fragment = createFragment((f) => {
      f.createSpan({ text: message });
      const button = f.createEl("button", { text: this.t("notice.undo"), cls: "network-notes-undo" });
      button.addEventListener("click", (evt) => {
        evt.stopPropagation();
        void this.undoFrom(step);
      });
    });
    this.undoNotice = new Notice(fragment, UNDO_NOTICE_MS);
  }

  private async undoFrom(step: UndoStep): Promise<void> {
    if (this.latest !== step) {
      this.dismiss();
      new Notice(this.t("refuse.stale-undo"));
      return;
    }
    await this.undoLast();
  }

  private dismiss(): void {
    this.undoNotice?.hide();
    this.undoNotice = null;
  }

  private refused(error: unknown, person: Person | null): void {
    const name = person?.name ?? "";
    const reason = error instanceof Error ? error.message : String(error);
    const key = REFUSALS[reason];
    if (key) {
      new Notice(this.t(key, { name }));
      return;
    }
    // Obsidian will not write properties it cannot read; the problems list already explains what to fix.
    if (person?.problems.some((p) => p.code === "yaml-unreadable")) {
      new Notice(this.t("refuse.yaml-unreadable", { name }));
      return;
    }
    console.error("Network Notes: a follow-through action did not go through", error);
    new Notice(this.t("refuse.unexpected", { message: reason.split("\n")[0] ?? reason }));
  }
}
