/**
 * Follow-through actions on a person's note: log a touch, add and complete commitments, move tiers, snooze,
 * pause, undo. Deciding is pure (domain/frontmatterEdits, domain/noteText, domain/touchLog); writing goes through
 * the NoteWriter, so every action is one undo step.
 */
import type { App } from "obsidian";
import { DailyNoteMatcher } from "../domain/datedNotes";
import { dayToISO, today as todayDay, type Day } from "../domain/dates";
import {
  addCommitment, advanceLastTouch, commitmentItem, neighbourTier, removeCommitment, setOrClear, setTier, type TierChange,
} from "../domain/frontmatterEdits";
import { appendToSection } from "../domain/noteText";
import { formatLogLine, type Payload, type TouchKind } from "../domain/touchLog";
import type { Tier } from "../domain/tiers";
import type { CommitmentDirection } from "../domain/commitments";
import type { NetworkNotesSettings } from "../settings/schema";
import type { NoteWriter, UndoStep } from "./NoteWriter";
import type { PeopleIndexer } from "./PeopleIndexer";

export interface TouchInput {
  day: Day;
  kind: TouchKind;
  payload: Payload | null;
  note: string;
}

export class FollowThrough {
  constructor(
    private readonly app: App,
    private readonly writer: NoteWriter,
    private readonly indexer: PeopleIndexer,
    private readonly settings: () => NetworkNotesSettings,
  ) {}

  /** Writes a dated line under the log heading and moves `last_touch` forward (never back). */
  logTouch(path: string, touch: TouchInput): Promise<UndoStep> {
    const s = this.settings();
    const line = formatLogLine(this.dateLink(touch.day, path), touch.kind, touch.payload, touch.note, s.log.tagPrefix);
    const countsAsTouch = touch.kind !== "tier";
    return this.writer.change("log-touch", path, {
      frontmatter: countsAsTouch ? (fm) => void advanceLastTouch(fm, s.keys.lastTouch, touch.day) : undefined,
      body: (text) => appendToSection(text, s.log.heading, line),
    });
  }

  addCommitment(path: string, direction: CommitmentDirection, text: string, due: Day | null, made: Day = todayDay()): Promise<UndoStep> {
    const key = this.key(direction);
    return this.writer.change("add-commitment", path, { frontmatter: (fm) => addCommitment(fm, key, commitmentItem(text, due, made)) });
  }

  /**
   * Takes the item written exactly as `raw` off the open list and logs that it was followed through (or
   * received). Refuses, changing nothing, when the item is no longer there as it was.
   */
  completeCommitment(path: string, direction: CommitmentDirection, raw: string, text: string, day: Day = todayDay()): Promise<UndoStep> {
    const s = this.settings();
    const key = this.key(direction);
    const note = direction === "mine" ? text : `${text} (received)`;
    const line = formatLogLine(this.dateLink(day, path), "followed-through", null, note, s.log.tagPrefix);
    return this.writer.change("complete-commitment", path, {
      frontmatter: (fm) => {
        if (!removeCommitment(fm, key, raw)) return "commitment-changed";
        advanceLastTouch(fm, s.keys.lastTouch, day);
      },
      body: (text) => appendToSection(text, s.log.heading, line),
    });
  }

  /** Ticks an open task that is a commitment, when the line is still exactly as it was read. */
  completeTask(path: string, line: number, raw: string): Promise<UndoStep> {
    return this.writer.change("complete-task", path, {
      body: (text) => {
        const lines = text.split("\n");
        const current = lines[line];
        const bare = current?.endsWith("\r") ? current.slice(0, -1) : current;
        if (bare !== raw) throw new Error("commitment-changed");
        const ticked = raw.replace(/^(\s*(?:[-*+]|\d+[.)])\s+\[) \]/, "$1x]");
        if (ticked === raw) throw new Error("commitment-changed");
        lines[line] = current?.endsWith("\r") ? `${ticked}\r` : ticked;
        return lines.join("\n");
      },
    });
  }

  /** Writes text into a note through the same queue (and undo history) as every other change. */
  editNote(label: string, path: string, edit: (text: string) => string): Promise<UndoStep> {
    return this.writer.change(label, path, { body: edit });
  }

  /** Sets the tier (and `tier_since`), and keeps the move in the log. */
  setTier(path: string, to: Tier, day: Day = todayDay()): Promise<UndoStep> {
    const s = this.settings();
    let change: TierChange | null = null;
    return this.writer.change("set-tier", path, {
      frontmatter: (fm) => {
        change = setTier(fm, s.keys, to, day);
        if (change === null) return "tier-unchanged";
      },
      body: (text) => {
        const moved: TierChange | null = change;
        if (moved === null) return text;
        const note = `${moved.from ?? "untracked"} → ${moved.to}`;
        return appendToSection(text, s.log.heading, formatLogLine(this.dateLink(day, path), "tier", null, note, s.log.tagPrefix));
      },
    });
  }

  moveTier(path: string, step: 1 | -1): Promise<UndoStep> {
    const current = this.indexer.index.getPerson(path)?.tier ?? null;
    const to = neighbourTier(current, step);
    if (to === null) return Promise.reject(new Error(step === 1 ? "tier-top" : "tier-bottom"));
    return this.setTier(path, to);
  }

  setGoal(path: string, goal: Tier | null): Promise<UndoStep> {
    const key = this.settings().keys.tierGoal;
    return this.writer.change("set-goal", path, { frontmatter: (fm) => setOrClear(fm, key, goal) });
  }

  snooze(path: string, until: Day | null): Promise<UndoStep> {
    const key = this.settings().keys.snoozeUntil;
    return this.writer.change("snooze", path, { frontmatter: (fm) => setOrClear(fm, key, until === null ? null : dayToISO(until)) });
  }

  setPaused(path: string, paused: boolean): Promise<UndoStep> {
    const key = this.settings().keys.paused;
    return this.writer.change(paused ? "pause" : "resume", path, { frontmatter: (fm) => setOrClear(fm, key, paused ? true : null) });
  }

  undo(): Promise<UndoStep> {
    return this.writer.undo();
  }

  private key(direction: CommitmentDirection): string {
    const keys = this.settings().keys;
    return direction === "mine" ? keys.commitments : keys.expecting;
  }

  /** The link text of the day's daily note, as Obsidian would write it from this note; by name when it does not exist yet. */
  private dateLink(day: Day, fromPath: string): string {
    const matcher = new DailyNoteMatcher(this.indexer.daily ?? { ...this.settings().dailyNotes, source: "fallback" });
    const file = this.app.vault.getFileByPath(matcher.pathFor(day));
    return file ? this.app.metadataCache.fileToLinktext(file, fromPath, true) : matcher.linktextFor(day);
  }
}
