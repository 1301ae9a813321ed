/**
 * "Prepare to talk with …": one screen with who they are, the last touches, what is open both ways, the
 * before-you-ask balance, your one-line ask, and questions fitted to the tier. Ticked questions go into the
 * person's note (or the note you had open) under a dated heading, as items to fill in with their answers.
 */
import { Modal, Setting, type App } from "obsidian";
import { dayToISO } from "../../domain/dates";
import type { Language, Translate } from "../../i18n";
import type { PrepOpenItem } from "../../prep/prepSummary";
import { BUILT_IN_GROUPS, OTHER_GROUP, questionsFor, renderQuestionLines, type Question } from "../../prep/questions";
import { agoPhrase, originPhrase, tierName } from "../../report/wording";
import { openDetails, payloadLabel, touchWhat } from "../follow/labels";
import type { PrepData, PrepUi } from "./PrepUi";

/** How many questions to offer at a time: a handful across the groups. */
const QUESTION_COUNT = 8;

export class PrepModal extends Modal {
  private round = 0;
  private picked: Question[] = [];
  private readonly ticked = new Set<Question>();
  private questionsEl: HTMLElement | null = null;

  constructor(app: App, private readonly t: Translate, private readonly language: Language, private readonly data: PrepData, private readonly ui: PrepUi) {
    super(app);
  }

  override onOpen(): void {
    const { t, data } = this;
    const s = data.summary;
    this.setTitle(t("prep.title", { name: s.name }));
    this.modalEl.addClass("network-notes-prep-modal");
    const root = this.contentEl;
    root.addClass("network-notes-prep");

    const who = this.section(root, "who", t("prep.section.who"));
    const fields = who.createEl("dl", { cls: "network-notes-prep-fields" });
    const field = (label: string, value: string | string[] | null, cls: string) => {
      fields.createEl("dt", { text: label });
      const dd = fields.createEl("dd", { cls: `network-notes-prep-${cls}` });
      if (Array.isArray(value) && value.length > 1) {
        const ul = dd.createEl("ul");
        for (const v of value) ul.createEl("li", { text: v });
      } else {
        const one = Array.isArray(value) ? (value[0] ?? null) : value;
        dd.setText(one ?? t("prep.field.empty"));
        if (one === null) dd.addClass("network-notes-muted");
      }
    };
    const tier = s.tier === null ? t("prep.field.untracked") : tierName(s.tier, t);
    field(t("prep.field.tier"), s.tierSince === null ? tier : `${tier} · ${t("prep.field.tierSince", { date: s.tierSince })}`, "tier");
    if (s.tierGoal !== null) field(t("prep.field.goal"), tierName(s.tierGoal, t), "goal");
    field(t("prep.field.met"), s.met, "met");
    field(t("prep.field.howWeMet"), s.howWeMet, "how");
    field(t("prep.field.interests"), s.interests.length === 0 ? null : s.interests.join(this.language === "zh" ? "、" : ", "), "interests");
    field(t("prep.field.known"), s.known.length === 0 ? null : s.known, "known");
    field(t("prep.field.commonGround"), s.commonGround.length === 0 ? null : s.commonGround, "common");

    const touches = this.section(root, "touches", t("prep.section.touches"));
    if (s.lastTouch) {
      const last = touches.createEl("p", { cls: "network-notes-prep-last" });
      if (s.lastTouch.estimate) last.setText(t("prep.touches.estimate"));
      else {
        const origin = originPhrase({ day: 0, origin: s.lastTouch.origin, path: s.lastTouch.path, estimate: false }, t);
        const detail = this.language === "zh" ? `（${s.lastTouch.date}，${origin}）` : ` (${s.lastTouch.date}, ${origin})`;
        last.setText(`${t("prep.touches.last", { ago: agoPhrase(s.lastTouch.daysAgo, t) })}${detail}`);
      }
    }
    if (s.recentTouches.length === 0) touches.createEl("p", { cls: "network-notes-muted", text: t("prep.touches.none") });
    else {
      const ul = touches.createEl("ul", { cls: "network-notes-prep-touches" });
      for (const touch of s.recentTouches) ul.createEl("li", { text: `${touch.date} · ${touchWhat(touch.kind, touch.payload, t)}` });
    }

    const open = this.section(root, "commitments", t("prep.section.commitments"));
    const { mine, theirs } = s.commitments;
    if (mine.length + theirs.length === 0) open.createEl("p", { cls: "network-notes-muted", text: t("prep.commitments.none") });
    const list = (label: string, items: PrepOpenItem[], cls: string) => {
      if (items.length === 0) return;
      open.createEl("h4", { text: label });
      const ul = open.createEl("ul", { cls: `network-notes-prep-${cls}` });
      for (const item of items) ul.createEl("li", { text: [item.text, ...openDetails(item.due, item.overdue, item.openDays, t)].join(" · ") });
    };
    list(t("prep.commitments.mine"), mine, "mine");
    list(t("prep.commitments.theirs"), theirs, "theirs");

    const balance = this.section(root, "balance", t("prep.section.balance"));
    const b = s.balance;
    if (b.lastGive) {
      const what = b.lastGive.payload === null ? t("touch.kind.gave") : payloadLabel(b.lastGive.payload, t);
      balance.createEl("p", { text: t("prep.balance.lastGive", { ago: agoPhrase(b.lastGive.daysAgo, t), what }) });
    } else balance.createEl("p", { text: t("prep.balance.neverGave") });
    if (b.asksSinceGive > 0) balance.createEl("p", { text: t("prep.balance.asks", { n: b.asksSinceGive }) });
    if (b.advice === "give-first") balance.createEl("p", { cls: "network-notes-prep-advice", text: t("prep.balance.allAsks") });
    else if (b.advice === "even") balance.createEl("p", { text: t("prep.balance.even") });
    if (b.givenLastYear.length > 0) {
      const given = b.givenLastYear.map((g) => `${payloadLabel(g.payload, t)} × ${g.count}`).join(this.language === "zh" ? "、" : ", ");
      balance.createEl("p", { cls: "network-notes-muted", text: t("prep.balance.yearGives", { list: given }) });
    }

    const ask = this.section(root, "ask", t("prep.section.ask"));
    if (s.ask === null) ask.createEl("p", { cls: "network-notes-muted", text: t("prep.ask.empty") });
    else ask.createEl("blockquote", { cls: "network-notes-prep-ask", text: s.ask });

    const questions = this.section(root, "questions", t("prep.section.questions"));
    this.questionsEl = questions.createDiv({ cls: "network-notes-prep-questions" });
    this.drawQuestions();
    if (data.issues.length > 0) {
      const details = questions.createEl("details", { cls: "network-notes-prep-issues" });
      details.createEl("summary", { text: t("prep.questions.issues", { n: data.issues.length }) });
      const ul = details.createEl("ul");
      for (const issue of data.issues) {
        const line = String(issue.line);
        ul.createEl("li", { text: `${issue.source}: ${t(`questions.issue.${issue.code}`, { line, value: issue.value })}` });
      }
    }

    const buttons = new Setting(questions);
    buttons.addButton((button) => {
      button.setButtonText(t("prep.questions.reshuffle")).onClick(() => {
        this.round += 1;
        this.drawQuestions();
      });
      button.buttonEl.addClass("network-notes-prep-reshuffle");
    });
    if (data.current) {
      const current = data.current;
      buttons.addButton((button) => {
        button.setButtonText(t("prep.questions.insertCurrent")).onClick(() => this.insert(current.path, t("prep.questions.headingWith", { name: s.name, date: dayToISO(data.today) })));
        button.buttonEl.addClass("network-notes-prep-insert-current");
      });
    }
    buttons.addButton((button) => {
      button.setButtonText(t("prep.questions.insertPerson")).setCta().onClick(() => this.insert(s.path, t("prep.questions.heading", { date: dayToISO(data.today) })));
      button.buttonEl.addClass("network-notes-prep-insert");
    });
  }

  override onClose(): void {
    this.contentEl.empty();
  }

  private section(root: HTMLElement, id: string, heading: string): HTMLElement {
    const el = root.createDiv({ cls: "network-notes-prep-section", attr: { "data-section": id } });
    el.createEl("h3", { text: heading });
    return el;
  }

  /** A fresh handful of questions (ticked ones stay), grouped as in the bank. */
  private drawQuestions(): void {
    const el = this.questionsEl;
    if (!el) return;
    const { data, t } = this;
    const keep = this.picked.filter((q) => this.ticked.has(q));
    const seed = `${dayToISO(data.today)}|${data.person.path}|${this.round}`;
    const fresh = questionsFor(data.summary.questionTier, data.bank, Math.max(0, QUESTION_COUNT - keep.length), seed, {
      exclude: [...data.asked, ...keep.map((q) => q.text)],
    });
    const chosen = new Set([...keep, ...fresh]);
    this.picked = data.bank.groups.flatMap((g) => g.questions.filter((q) => chosen.has(q)));
    el.empty();
    if (this.picked.length === 0) {
      el.createEl("p", { cls: "network-notes-muted", text: t("prep.questions.none") });
      return;
    }
    for (const group of data.bank.groups) {
      const items = this.picked.filter((q) => q.group === group.id);
      if (items.length === 0) continue;
      const box = el.createDiv({ cls: "network-notes-prep-group", attr: { "data-group": group.id } });
      box.createEl("h4", { text: group.label ?? this.groupName(group.id) });
      for (const q of items) {
        const label = box.createEl("label", { cls: "network-notes-prep-question" });
        const input = label.createEl("input", { type: "checkbox" });
        input.checked = this.ticked.has(q);
        input.addEventListener("change", () => {
          if (input.checked) this.ticked.add(q);
          else this.ticked.delete(q);
        });
        label.createSpan({ text: q.text });
      }
    }
  }

  private groupName(id: string): string {
    const known = (BUILT_IN_GROUPS as readonly string[]).includes(id) || id === OTHER_GROUP;
    return known ? this.t(`questions.group.${id as (typeof BUILT_IN_GROUPS)[number] | typeof OTHER_GROUP}`) : id;
  }

  private insert(path: string, heading: string): void {
    const chosen = this.picked.filter((q) => this.ticked.has(q));
    if (chosen.length === 0) {
      this.questionsEl?.querySelector(".network-notes-prep-hint")?.remove();
      this.questionsEl?.createEl("p", { cls: "network-notes-prep-hint mod-warning", text: this.t("prep.questions.pickFirst") });
      return;
    }
    this.close();
    void this.ui.insertQuestions(this.data.person, path, heading, renderQuestionLines(chosen));
  }
}
