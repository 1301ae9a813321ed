/**
 * New person, "Prepare to talk with …" and "Write a message to …" as a person meets them: each gathers what it
 * needs from the index and the vault (the person's note, question files, message templates), opens its screen,
 * and hands changes to the follow-through write path, with a notice and Undo.
 */
import { MarkdownView, normalizePath, TFile, type App } from "obsidian";
import type { Commitment } from "../../domain/commitments";
import { dayFromISO, type Day, today as todayDay } from "../../domain/dates";
import type { LastTouch } from "../../domain/due";
import type { Person } from "../../domain/person";
import type { Language, Translate } from "../../i18n";
import type { NetworkNotesApi } from "../../obsidian/api";
import { messageFieldsFor, templatesFor, type MessageIssue, type MessageTemplate } from "../../prep/messages";
import type { PersonForm } from "../../prep/personTemplate";
import { noteSections, prepSummary, type PrepSummary } from "../../prep/prepSummary";
import { bankFor, questionsInText, type QuestionBank, type QuestionIssue } from "../../prep/questions";
import type { NetworkNotesSettings } from "../../settings/schema";
import { appendToSection } from "../../domain/noteText";
import { Feedback } from "../follow/Feedback";
import type { FollowUi } from "../follow/FollowUi";
import { noteName } from "../follow/labels";
import { MessageModal } from "./MessageModal";
import { createPersonNote } from "./newPerson";
import { NewPersonModal } from "./NewPersonModal";
import { PrepModal } from "./PrepModal";

export interface PrepUiHost {
  app: App;
  t: Translate;
  language: Language;
  api: NetworkNotesApi;
  settings(): NetworkNotesSettings;
  /** The follow-through screens: the person picker and logging a touch with a notice and Undo. */
  follow: FollowUi;
  /** The effective last touch of the person at `path`, as the index works it out. */
  lastTouch(path: string, today: Day): LastTouch | null;
}

/** Everything the prep screen shows, read once when it opens. */
export interface PrepData {
  person: Person;
  summary: PrepSummary;
  bank: QuestionBank;
  issues: QuestionIssue[];
  /** The `questionKey`s of list items already in the person's note: not offered again. */
  asked: Set<string>;
  /** The note open when prep started, when it is a Markdown note other than the person's own. */
  current: TFile | null;
  today: Day;
}

export interface MessageData {
  person: Person;
  templates: MessageTemplate[];
  issues: MessageIssue[];
  fields: ReturnType<typeof messageFieldsFor>;
  /** The kind to show first. */
  initial: string | null;
  /** The note open when the message was started, when it is a Markdown note other than the person's own. */
  current: TFile | null;
}

const eolOf = (text: string) => (text.includes("\r\n") ? "\r\n" : "\n");

export class PrepUi {
  private readonly feedback: Feedback;

  constructor(private readonly host: PrepUiHost) {
    this.feedback = new Feedback(host.t, host.api.actions);
  }

  newPerson(name = ""): void {
    const { app, t, language } = this.host;
    new NewPersonModal(app, t, (form: PersonForm) => {
      void createPersonNote({ app, t, language, settings: () => this.host.settings(), people: () => this.host.api.people() }, form);
    }, name).open();
  }

  /** The people to offer when no person note is open. */
  choosePerson(then: (person: Person) => void): void {
    this.host.follow.choosePerson(this.host.api.people(), then);
  }

  prepare(person: Person): void {
    void this.prepData(person).then((data) => new PrepModal(this.host.app, this.host.t, this.host.language, data, this).open());
  }

  message(person: Person): void {
    void this.messageData(person).then((data) => new MessageModal(this.host.app, this.host.t, this.host.language, data, this).open());
  }

  /** What the prep screen needs, from the index, the person's note and the question folder. */
  async prepData(person: Person): Promise<PrepData> {
    const { app, api } = this.host;
    const settings = this.host.settings();
    const today = todayDay();
    const file = app.vault.getFileByPath(person.path);
    const text = file ? await app.vault.cachedRead(file) : "";
    const sections = noteSections(text);
    const frontmatter: Record<string, unknown> | null = file ? (app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null;
    const how: unknown = frontmatter?.[settings.keys.howWeMet];
    const digest = await api.fullDigest();
    const openTasks: Commitment[] = digest.commitments
      .filter((c) => c.path === person.path && c.direction === "mine" && c.task !== undefined)
      .map((c) => ({
        text: c.text,
        due: c.due === null ? null : dayFromISO(c.due),
        created: c.openDays === null ? null : today - c.openDays,
        raw: c.raw,
        direction: "mine",
        source: { path: c.task?.path ?? person.path, line: c.task?.line ?? 0 },
      }));
    const summary = prepSummary({
      person,
      today,
      ask: settings.prep.ask,
      howWeMet: typeof how === "string" ? how : null,
      known: sections.known,
      commonGround: sections.commonGround,
      lastTouch: this.host.lastTouch(person.path, today),
      openTasks,
    });
    const { bank, issues } = bankFor(this.host.language, await this.readFolder(settings.prep.questionFolder));
    return { person, summary, bank, issues, asked: questionsInText(text), current: this.currentNote(person.path), today };
  }

  async messageData(person: Person, initial: string | null = null): Promise<MessageData> {
    const { app } = this.host;
    const settings = this.host.settings();
    const file = app.vault.getFileByPath(person.path);
    const frontmatter = file ? (app.metadataCache.getFileCache(file)?.frontmatter ?? null) : null;
    const { templates, issues } = templatesFor(this.host.language, await this.readFolder(settings.prep.templateFolder));
    const fields = messageFieldsFor(person, frontmatter, settings.keys, settings.prep.myName || null, todayDay());
    return { person, templates, issues, fields, initial, current: this.currentNote(person.path) };
  }

  /** Adds question lines under `heading` in the person's note or another note, as one undoable change. */
  insertQuestions(person: Person, path: string, heading: string, lines: string[]): Promise<void> {
    const done = this.host.t("prep.questions.inserted", { n: lines.filter((l) => l.startsWith("- ")).length, heading });
    return this.feedback.run(person, () => this.host.api.actions.editNote("insert-questions", path, (text) => {
      const eol = eolOf(text);
      return appendToSection(text, heading, lines.join(eol));
    }), done);
  }

  /** Puts a message at the end of a note (a draft in today's note, say), as one undoable change. */
  insertMessage(person: Person, path: string, message: string): Promise<void> {
    const done = this.host.t("message.inserted", { name: noteName(path) });
    return this.feedback.run(person, () => this.host.api.actions.editNote("insert-message", path, (text) => {
      const eol = eolOf(text);
      const block = message.replace(/\r?\n/g, eol);
      if (text.trim() === "") return `${text}${block}${eol}`;
      const lead = text.endsWith(`${eol}${eol}`) ? "" : text.endsWith(eol) ? eol : `${eol}${eol}`;
      return `${text}${lead}${block}${eol}`;
    }), done);
  }

  /** Logs a message as a touch today, with the usual notice and Undo. */
  logMessage(person: Person, kind: Parameters<FollowUi["quickLog"]>[1], payload: Parameters<FollowUi["quickLog"]>[2]): void {
    this.host.follow.quickLog(person, kind, payload, todayDay());
  }

  /** Markdown files in a folder (and its subfolders), read through the vault; none when the folder is not set. */
  private async readFolder(folder: string): Promise<{ path: string; text: string }[]> {
    if (folder === "") return [];
    const { vault } = this.host.app;
    // The setting was checked when it was saved or loaded (inside the vault, not hidden); the prefix keeps it there.
    const prefix = `${normalizePath(folder)}/`;
    const files = vault.getMarkdownFiles().filter((f) => f.path.startsWith(prefix));
    return Promise.all(files.map(async (f) => ({ path: f.path, text: await vault.cachedRead(f) })));
  }

  private currentNote(personPath: string): TFile | null {
    const { workspace } = this.host.app;
    const file = workspace.getActiveViewOfType(MarkdownView)?.file ?? workspace.getActiveFile();
    return file instanceof TFile && file.extension === "md" && file.path !== personPath ? file : null;
  }
}
