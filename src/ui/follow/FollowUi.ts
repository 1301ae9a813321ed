/**
 * The follow-through actions as a person meets them: each opens what it needs (a form, a list to choose from),
 * calls the action, and leaves a notice saying what happened, with Undo.
 */
import type { App } from "obsidian";
import type { CommitmentDirection } from "../../domain/commitments";
import { dayToISO, type Day } from "../../domain/dates";
import { neighbourTier } from "../../domain/frontmatterEdits";
import type { Person } from "../../domain/person";
import { TIERS, type Tier } from "../../domain/tiers";
import type { Payload, TouchKind } from "../../domain/touchLog";
import type { Translate } from "../../i18n";
import type { NetworkNotesApi } from "../../obsidian/api";
import { BeforeYouAskModal } from "./BeforeYouAskModal";
import { CommitmentModal } from "./CommitmentModal";
import { CommitmentPicker } from "./CommitmentPicker";
import { Feedback } from "./Feedback";
import { touchWhat } from "./labels";
import { LogTouchModal } from "./LogTouchModal";
import { OpenCommitmentsModal } from "./OpenCommitmentsModal";
import { OptionPicker, type Option } from "./OptionPicker";
import { PersonPicker } from "./PersonPicker";
import { SnoozeModal } from "./SnoozeModal";

export class FollowUi {
  private readonly feedback: Feedback;

  constructor(private readonly app: App, private readonly t: Translate, private readonly api: NetworkNotesApi) {
    this.feedback = new Feedback(t, api.actions);
  }

  private get actions() {
    return this.api.actions;
  }

  choosePerson(people: Person[], then: (person: Person) => void): void {
    new PersonPicker(this.app, this.t, people, then).open();
  }

  logTouch(person: Person, kind?: TouchKind, payload?: Payload): void {
    new LogTouchModal(this.app, this.t, person, (touch) => {
      const done = this.t("done.logged", { name: person.name, date: dayToISO(touch.day), what: touchWhat(touch.kind, touch.payload, this.t) });
      void this.feedback.run(person, () => this.actions.logTouch(person.path, touch), done);
    }, kind, payload).open();
  }

  /** Logs a touch today without a form (the view's quick actions). */
  quickLog(person: Person, kind: TouchKind, payload: Payload | null, day: Day): void {
    const done = this.t("done.logged", { name: person.name, date: dayToISO(day), what: touchWhat(kind, payload, this.t) });
    void this.feedback.run(person, () => this.actions.logTouch(person.path, { day, kind, payload, note: "" }), done);
  }

  /** Completes one open item, mine or theirs, from a checklist. */
  complete(person: Person, item: { direction: CommitmentDirection; raw: string; text: string; task?: { path: string; line: number } }): Promise<void> {
    const done = this.t(item.direction === "mine" ? "done.completed.mine" : "done.completed.theirs", { name: person.name, text: item.text });
    const task = item.task;
    if (task) return this.feedback.run(person, () => this.actions.completeTask(task.path, task.line, item.raw), done);
    return this.feedback.run(person, () => this.actions.completeCommitment(person.path, item.direction, item.raw, item.text), done);
  }

  snoozeFor(person: Person, until: Day): void {
    const done = this.t("done.snooze", { name: person.name, date: dayToISO(until) });
    void this.feedback.run(person, () => this.actions.snooze(person.path, until), done);
  }

  beforeYouAsk(person: Person): void {
    new BeforeYouAskModal(this.app, this.t, person, this.api.balance(person.path), () => this.logTouch(person, "gave")).open();
  }

  addCommitment(person: Person, direction: CommitmentDirection): void {
    new CommitmentModal(this.app, this.t, person, direction, ({ text, due }) => {
      const shown = due === null ? text : `${text}${this.t("digest.commitment.due", { date: dayToISO(due) })}`;
      const done = this.t(direction === "mine" ? "done.commitment.mine" : "done.commitment.theirs", { name: person.name, text: shown });
      void this.feedback.run(person, () => this.actions.addCommitment(person.path, direction, text, due), done);
    }).open();
  }

  completeCommitment(person: Person): void {
    new CommitmentPicker(this.app, this.t, person, (item) => {
      const done = this.t(item.direction === "mine" ? "done.completed.mine" : "done.completed.theirs", { name: person.name, text: item.text });
      void this.feedback.run(person, () => this.actions.completeCommitment(person.path, item.direction, item.raw, item.text), done);
    }).open();
  }

  /** Open tasks linking people are commitments too; their words are read from the notes now. */
  async listOpenCommitments(): Promise<void> {
    const digest = await this.api.fullDigest();
    new OpenCommitmentsModal(this.app, this.t, digest.commitments).open();
  }

  setTier(person: Person): void {
    const options = this.tierOptions(person.tier);
    new OptionPicker(this.app, this.t("pick.tier.placeholder", { name: person.name }), options, this.t("pick.current"), (tier: Tier) => {
      const done = this.t("done.tier", { name: person.name, tier: this.t(`tier.${tier}`) });
      void this.feedback.run(person, () => this.actions.setTier(person.path, tier), done);
    }).open();
  }

  moveTier(person: Person, step: 1 | -1): void {
    const to = neighbourTier(person.tier, step);
    const done = to === null ? "" : this.t("done.tier", { name: person.name, tier: this.t(`tier.${to}`) });
    void this.feedback.run(person, () => this.actions.moveTier(person.path, step), done);
  }

  setGoal(person: Person): void {
    const options: Option<Tier | null>[] = [...this.tierOptions(person.tierGoal), { value: null, label: this.t("pick.goal.clear"), keywords: "clear none" }];
    new OptionPicker(this.app, this.t("pick.goal.placeholder", { name: person.name }), options, this.t("pick.current"), (goal: Tier | null) => {
      const done = goal === null ? this.t("done.goal.cleared", { name: person.name }) : this.t("done.goal", { name: person.name, tier: this.t(`tier.${goal}`) });
      void this.feedback.run(person, () => this.actions.setGoal(person.path, goal), done);
    }).open();
  }

  snooze(person: Person): void {
    new SnoozeModal(this.app, this.t, person, (until: Day | null) => {
      const done = until === null ? this.t("done.snooze.cleared", { name: person.name }) : this.t("done.snooze", { name: person.name, date: dayToISO(until) });
      void this.feedback.run(person, () => this.actions.snooze(person.path, until), done);
    }).open();
  }

  setPaused(person: Person, paused: boolean): void {
    const done = this.t(paused ? "done.pause" : "done.resume", { name: person.name });
    void this.feedback.run(person, () => this.actions.setPaused(person.path, paused), done);
  }

  undo(): void {
    void this.feedback.undoLast();
  }

  /** The four tiers, closest last, in the reader's language. */
  private tierOptions(current: Tier | null): Option<Tier>[] {
    return TIERS.map((tier) => ({ value: tier, label: this.t(`tier.${tier}`), keywords: tier, current: tier === current }));
  }
}
