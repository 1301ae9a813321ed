/**
 * The loose-touch sidebar: today's ten-minute routine, the follow-up checklist, new acquaintances, birthdays,
 * everyone due, and the network at a glance. It draws from the routine model (worked out once per index
 * revision) and redraws only when the revision or the day moved while it is visible; hidden, it only notes that
 * it is stale. Lists are windowed, and the first draw puts only about a screenful of rows in the document; the
 * filter works on the data.
 */
import { ItemView, Keymap, Menu, setIcon, setTooltip, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { dayToISO, type Day } from "../../domain/dates";
import type { Person } from "../../domain/person";
import type { Translate } from "../../i18n";
import type { NetworkNotesApi } from "../../obsidian/api";
import type { Routine, RoutineModel } from "../../obsidian/Routine";
import type { CommitmentEntry } from "../../report/digest";
import { matches, monthlyStrip, type BirthdayRow, type DueRow, type Move, type NewRow, type PickRow } from "../../report/looseTouch";
import { agoPhrase, originPhrase, tierName } from "../../report/wording";
import type { FollowUi } from "../follow/FollowUi";
import { noteName, openDetails } from "../follow/labels";
import { bars, tierBar } from "./charts";
import { WindowedList } from "./WindowedList";

export const VIEW_TYPE = "network-notes-loose-touch";

export interface LooseTouchHost {
  t: Translate;
  api: NetworkNotesApi;
  routine: Routine;
  ui: FollowUi;
  showProblems(): void;
  lookedIn(): { folders: string[]; tags: string[]; marker: string | null };
  /** Conversation prep and message templates, when they are wired in. */
  prep?: {
    prepare(person: Person): void;
    message(person: Person): void;
  };
}

type SectionId = "today" | "followups" | "new" | "birthdays" | "due" | "glance";

interface ViewState {
  collapsed: SectionId[];
  filter: string;
}

const MOVES: Move[] = ["share", "follow-through", "thanks"];

/**
 * About what a sidebar shows at once, in rows: a sidebar 800 to 1,000 px high shows the filter, the summary and
 * eight to twelve rows. A draw puts no more rows than this in lists that do not yet know where they are (today's
 * picks count first); each list draws the rest of what is in view once it has measured itself, after the first
 * frame.
 */
const FIRST_ROWS = 12;

/** One drawn section: its element, what it was drawn from, and the pieces a redraw patches in place. */
interface Part {
  el: HTMLElement;
  key?: readonly unknown[];
  text?: HTMLElement;
  count?: HTMLElement | undefined;
  body?: HTMLElement | undefined;
  list?: WindowedList<unknown>;
  /** Rows drawn outside a list (today's picks). */
  rows?: number;
  drawnFor?: RoutineModel;
}

function sameKey(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  if (!a || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class LooseTouchView extends ItemView {
  private state: ViewState = { collapsed: ["glance"], filter: "" };
  private drawnKey: string | null = null;
  private stale = true;
  /** How many times the view was drawn (for tests and the benchmark). */
  renders = 0;
  private model: RoutineModel | null = null;
  private lists: WindowedList<unknown>[] = [];
  /** The sections drawn, each with the data it was drawn from. */
  private readonly parts = new Map<SectionId | "summary", Part>();
  private measuring: number | null = null;
  private updating: number | null = null;
  private messageShown = false;
  private cancelGlance: (() => void) | null = null;
  private tasksTimer: number | null = null;
  private body!: HTMLElement;
  private filterEl!: HTMLInputElement;
  private tasks: CommitmentEntry[] | null = null;
  private readonly strips = new Map<string, number[]>();
  private stripsFor: RoutineModel | null = null;

  constructor(leaf: WorkspaceLeaf, private readonly host: LooseTouchHost) {
    super(leaf);
  }

  override getViewType(): string {
    return VIEW_TYPE;
  }

  override getDisplayText(): string {
    return this.host.t("view.title");
  }

  override getIcon(): string {
    return "users-round";
  }

  override getState(): Record<string, unknown> {
    return { ...super.getState(), collapsed: [...this.state.collapsed], filter: this.state.filter };
  }

  override async setState(state: unknown, result: ViewStateResult): Promise<void> {
    const s = (state ?? {}) as Partial<ViewState>;
    if (Array.isArray(s.collapsed)) this.state.collapsed = s.collapsed.filter((x): x is SectionId => typeof x === "string");
    if (typeof s.filter === "string") this.state.filter = s.filter;
    if (this.filterEl) this.filterEl.value = this.state.filter;
    this.refresh(true);
    await super.setState(state, result);
  }

  override onOpen(): Promise<void> {
    const root = this.contentEl;
    root.empty();
    root.addClass("network-notes-view");
    const top = root.createDiv({ cls: "network-notes-view-top" });
    this.filterEl = top.createEl("input", {
      type: "search",
      cls: "network-notes-filter",
      attr: { placeholder: this.host.t("view.filter"), "aria-label": this.host.t("view.filter"), spellcheck: "false" },
    });
    this.filterEl.value = this.state.filter;
    this.registerDomEvent(this.filterEl, "input", () => {
      this.state.filter = this.filterEl.value;
      this.refresh(true);
    });
    this.body = root.createDiv({ cls: "network-notes-view-body" });
    this.registerEvent(this.host.api.onChange(() => this.refresh()));
    this.registerEvent(this.app.workspace.on("layout-change", () => this.refresh()));
    this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.refresh()));
    this.registerDomEvent(root, "scroll", () => this.onScroll(), { passive: true });
    this.registerDomEvent(root, "mouseover", (evt) => this.stripTooltip(evt));
    // A new day needs new picks even when nothing in the vault changed.
    this.registerInterval(window.setInterval(() => this.refresh(), 60_000));
    this.refresh(true);
    return Promise.resolve();
  }

  override onResize(): void {
    this.refresh();
    this.onScroll();
  }

  override onClose(): Promise<void> {
    if (this.measuring !== null) window.cancelAnimationFrame(this.measuring);
    this.measuring = null;
    if (this.updating !== null) window.clearTimeout(this.updating);
    this.updating = null;
    this.cancelGlance?.();
    this.cancelGlance = null;
    if (this.tasksTimer !== null) window.clearTimeout(this.tasksTimer);
    this.tasksTimer = null;
    return Promise.resolve();
  }

  /** Draws when something moved and the view can be seen; otherwise remembers to draw when it is shown. */
  refresh(force = false): void {
    if (force) this.stale = true;
    if (!this.body) return;
    const key = `${this.host.api.revision}|${dayToISO(this.host.routine.today())}|${this.host.api.ready()}`;
    if (key !== this.drawnKey) this.stale = true;
    if (!this.stale || !this.containerEl.isShown()) return;
    this.stale = false;
    this.drawnKey = key;
    this.draw();
  }

  // Listeners on rows and section headers are plain addEventListener: they go with their elements, while the
  // view's own long-lived elements use registerDomEvent.
  private onScroll(): void {
    for (const list of this.lists) {
      list.measure();
      list.update();
    }
  }

  /**
   * Draws the view. Each section is kept with the data it was drawn from and is built again only when that data
   * changed (compared element by element, by identity); long lists keep their row elements and draw rows only for
   * rows they have not drawn. Nothing here reads layout: the lists measure themselves in the next frame and draw
   * the rest of what is in view after it (a first draw puts only about a screenful of rows in the document).
   */
  private draw(): void {
    this.renders++;
    const { t } = this.host;
    if (!this.host.api.ready()) {
      this.showMessage((el) => el.createDiv({ cls: "network-notes-empty", text: t("view.loading") }));
      return;
    }
    const model = this.host.routine.model();
    if (this.model !== model) this.tasks = null;
    this.model = model;
    if (model.people === 0) {
      this.showMessage((el) => this.noPeople(el));
      return;
    }
    this.placeSections(model);
    this.measureSoon();
    // The words of open tasks are read (from the notes that changed) and merged after this draw, not in it.
    if (this.tasksTimer !== null) window.clearTimeout(this.tasksTimer);
    this.tasksTimer = window.setTimeout(() => {
      this.tasksTimer = null;
      void this.loadTasks(model);
    }, 0);
  }

  /** A message instead of the sections (still loading, or no people). */
  private showMessage(build: (el: HTMLElement) => void): void {
    this.body.empty();
    this.parts.clear();
    this.lists = [];
    this.messageShown = true;
    build(this.body);
  }

  private placeSections(model: RoutineModel): void {
    const filter = this.state.filter;
    const open = (id: SectionId) => !this.state.collapsed.includes(id);
    if (this.messageShown) this.body.empty();
    this.messageShown = false;
    let at: HTMLElement | null = null;
    at = this.put("summary", [model.problems], at, () => this.summary(model), (part) => part.text?.setText(this.summaryText(model, this.followUpList(model).length)));
    const picks = model.picks;
    const pickKey = [open("today"), filter, model.done, JSON.stringify(picks), ...picks.map((p) => this.person(p.path)), ...picks.map((p) => this.stripMonths(p.path).join())];
    at = this.put("today", pickKey, at, () => this.today(model));
    // What is left of the first screenful for lists that have not measured themselves yet.
    const room = { rows: FIRST_ROWS - (this.parts.get("today")?.rows ?? 0) };
    at = this.put("followups", [open("followups"), this.followUpState(model)], at, () => this.followUps(model), (part) => {
      part.count?.setText(String(this.followUpList(model).length));
      this.fill(part.list, this.followUpRows(model), room);
    });
    if (model.newPeople.length > 0) {
      const rows = filter === "" ? model.newPeople : model.newPeople.filter((r) => matches(filter, r.name));
      at = this.put("new", [open("new"), model.newPeople.length], at, () => this.newPeople(model), (part) => this.fill(part.list, rows, room));
    } else this.drop("new");
    if (model.birthdays.length > 0) {
      const rows = filter === "" ? model.birthdays : model.birthdays.filter((r) => matches(filter, r.name));
      at = this.put("birthdays", [open("birthdays"), model.birthdays.length], at, () => this.birthdays(model), (part) => this.fill(part.list, rows, room));
    } else this.drop("birthdays");
    at = this.put("due", [open("due"), this.dueState(model)], at, () => this.due(model), (part) => {
      part.count?.setText(String(model.due.length));
      this.fill(part.list, this.dueRows(model), room);
    });
    this.put("glance", [open("glance")], at, () => this.glanceSection(), (part) => this.patchGlance(model, part));
    this.lists = [...this.parts.values()].flatMap((p) => (p.list ? [p.list] : []));
  }

  /** Gives a list its rows; a list that has not measured itself yet draws only what is left of the first screenful. */
  private fill(list: WindowedList<unknown> | undefined, rows: readonly unknown[], room: { rows: number }): void {
    if (!list) return;
    list.limitFirstDraw(room.rows);
    list.setItems(rows);
    if (!list.isMeasured) room.rows -= list.drawnRows;
  }

  /**
   * Keeps section `id` when `key` is what it was drawn from, else builds it again in place; puts it after `after`.
   * `patch` runs either way (for counts and lists, which change without the section being built again).
   */
  private put(id: SectionId | "summary", key: readonly unknown[], after: HTMLElement | null, build: () => Part, patch?: (part: Part) => void): HTMLElement {
    let part = this.parts.get(id);
    if (!part || !sameKey(part.key, key)) {
      const fresh = { ...build(), key };
      if (part) part.el.replaceWith(fresh.el);
      part = fresh;
      this.parts.set(id, part);
    }
    const wanted = after ? after.nextSibling : this.body.firstChild;
    if (wanted !== part.el) this.body.insertBefore(part.el, wanted);
    patch?.(part);
    return part.el;
  }

  private drop(id: SectionId): void {
    this.parts.get(id)?.el.remove();
    this.parts.delete(id);
  }

  /**
   * The lists measure where they are in the next frame, when the browser lays the view out anyway (never in the
   * middle of a draw), and draw the rows then in view once that frame is on screen.
   */
  private measureSoon(): void {
    if (this.measuring !== null) return;
    this.measuring = window.requestAnimationFrame(() => {
      this.measuring = null;
      if (!this.body.isConnected) return;
      for (const list of this.lists) list.measure();
      if (this.updating !== null) return;
      // A timeout set during a frame runs after the frame is painted.
      this.updating = window.setTimeout(() => {
        this.updating = null;
        if (this.body.isConnected) for (const list of this.lists) list.update();
      }, 0);
    });
  }

  /** Open tasks that link people join the checklist once their words are read (only when the revision holds). */
  private async loadTasks(model: RoutineModel): Promise<void> {
    const all = await this.host.routine.followUpsWithTasks();
    if (this.model !== model || !this.body.isConnected) return;
    if (all.length === model.followUps.length) return;
    this.tasks = all;
    this.placeSections(model);
  }

  private followUpList(model: RoutineModel): readonly CommitmentEntry[] {
    return this.tasks && this.model === model ? this.tasks : model.followUps;
  }

  private noPeople(parent: HTMLElement): void {
    const { t } = this.host;
    const where = this.host.lookedIn();
    const none = t("digest.none");
    const box = parent.createDiv({ cls: "network-notes-empty network-notes-nopeople" });
    box.createEl("p", { text: t("view.nopeople") });
    box.createEl("p", { text: t("digest.nopeople", { folders: where.folders.join(", ") || none, tags: where.tags.join(", ") || none, marker: where.marker ?? none }) });
    box.createEl("p", { text: t("digest.nopeople.fix") });
  }

  private summary(model: RoutineModel): Part {
    const { t } = this.host;
    const el = createDiv({ cls: "network-notes-summary" });
    const text = el.createSpan({ cls: "network-notes-summary-text" });
    if (model.problems > 0) {
      const button = el.createEl("button", { cls: "network-notes-problems-link", text: t("view.problems", { n: model.problems }) });
      button.addEventListener("click", () => this.host.showProblems());
    }
    return { el, text };
  }

  private summaryText(model: RoutineModel, open: number): string {
    return this.host.t("view.summary", { people: model.people, due: model.due.length, open });
  }

  /** A collapsible section (not yet in the document); `body` is null when it is collapsed. */
  private section(id: SectionId, title: string, count: string | null): { el: HTMLElement; body: HTMLElement | null; count: HTMLElement | undefined } {
    const open = !this.state.collapsed.includes(id);
    const el = createDiv({ cls: `network-notes-section network-notes-section-${id}`, attr: { "data-section": id } });
    const header = el.createEl("button", { cls: "network-notes-section-header", attr: { "aria-expanded": String(open) } });
    const chevron = header.createSpan({ cls: "network-notes-chevron" });
    setIcon(chevron, open ? "chevron-down" : "chevron-right");
    header.createSpan({ cls: "network-notes-section-title", text: title });
    const countEl = count !== null ? header.createSpan({ cls: "network-notes-count", text: count }) : undefined;
    header.addEventListener("click", () => {
      this.state.collapsed = open ? [...this.state.collapsed, id] : this.state.collapsed.filter((x) => x !== id);
      this.app.workspace.requestSaveLayout();
      this.refresh(true);
    });
    return { el, body: open ? el.createDiv({ cls: "network-notes-section-body" }) : null, count: countEl };
  }

  private today(model: RoutineModel): Part {
    const { t } = this.host;
    const picks = model.picks;
    const { el, body } = this.section("today", t("view.today"), picks.length === 0 ? null : t("view.today.progress", { done: model.done, n: picks.length }));
    if (!body) return { el };
    if (picks.length === 0) {
      body.createDiv({ cls: "network-notes-empty", text: t(model.due.length === 0 ? "view.today.none" : "view.today.empty") });
      return { el };
    }
    let drawn = 0;
    const progress = body.createDiv({ cls: "network-notes-progress", attr: { role: "progressbar", "aria-valuemin": "0", "aria-valuemax": String(picks.length), "aria-valuenow": String(model.done) } });
    progress.createDiv({ cls: "network-notes-progress-fill" }).setCssStyles({ width: `${Math.round((model.done / picks.length) * 100)}%` });
    for (const move of MOVES) {
      const rows = picks.filter((p) => p.move === move && matches(this.state.filter, p.name, p.interests, p.commitment?.text));
      if (rows.length === 0) continue;
      const group = body.createDiv({ cls: `network-notes-move network-notes-move-${move}` });
      group.createDiv({ cls: "network-notes-move-title", text: t(`view.move.${move}`) });
      group.createDiv({ cls: "network-notes-move-hint", text: t(`view.move.${move}.hint`) });
      for (const pick of rows) this.pickRow(group.createDiv({ cls: "network-notes-row network-notes-today-pick" }), pick);
      drawn += rows.length;
    }
    return { el, rows: drawn };
  }

  private pickRow(row: HTMLElement, pick: PickRow): void {
    const { t } = this.host;
    row.toggleClass("is-done", pick.done);
    row.toggleClass("is-skipped", pick.skipped);
    const person = this.person(pick.path);
    const check = row.createEl("button", { cls: "network-notes-check clickable-icon", attr: { "aria-label": t(pick.done ? "view.pick.done" : this.checkLabel(pick.move)) } });
    setIcon(check, pick.done ? "check-circle-2" : pick.skipped ? "circle-slash" : "circle");
    if (person && !pick.done && !pick.skipped) check.addEventListener("click", () => this.completePick(person, pick));
    else check.disabled = true;
    this.nameButton(row, pick.name, pick.path, pick.tier);
    row.createDiv({ cls: "network-notes-row-meta", text: this.pickMeta(pick) });
    if (pick.missing || !person) return;
    this.strip(row, pick.path, pick.name);
    this.moreButton(row, person, pick);
  }

  private checkLabel(move: Move): "view.pick.share" | "view.pick.follow-through" | "view.pick.thanks" {
    return `view.pick.${move}`;
  }

  private pickMeta(pick: PickRow): string {
    const { t } = this.host;
    if (pick.missing) return t("view.pick.missing");
    if (pick.skipped) return t("view.pick.skipped");
    const parts: string[] = [];
    if (pick.move === "follow-through" && pick.commitment) {
      parts.push(t("open.mine", { text: pick.commitment.text }), ...openDetails(pick.commitment.due, pick.commitment.overdue, null, t));
    } else if (pick.move === "thanks" && pick.daysSince !== null) {
      parts.push(t("view.thanks.since", { ago: agoPhrase(pick.daysSince, t) }));
    } else {
      if (pick.daysSince !== null) parts.push(t("view.lastTouch", { ago: agoPhrase(pick.daysSince, t) }));
      if (pick.interests.length > 0) parts.push(t("view.interests", { list: pick.interests.slice(0, 3).join(", ") }));
    }
    return parts.join(" · ");
  }

  private completePick(person: Person, pick: PickRow): void {
    if (pick.move === "follow-through" && pick.commitment) {
      void this.host.ui.complete(person, { direction: "mine", raw: pick.commitment.raw, text: pick.commitment.text });
      return;
    }
    // Sharing something is most often an article; a thank-you is kind words (both can be changed in the form).
    this.host.ui.logTouch(person, "gave", pick.move === "thanks" ? "kudos" : "article");
  }

  private followUpRows(model: RoutineModel): readonly CommitmentEntry[] {
    const all = this.followUpList(model);
    const filter = this.state.filter;
    return filter === "" ? all : all.filter((c) => matches(filter, c.name, c.text));
  }

  private followUpState(model: RoutineModel): "none" | "filtered" | "list" {
    if (this.followUpList(model).length === 0) return "none";
    return this.followUpRows(model).length === 0 ? "filtered" : "list";
  }

  private followUps(model: RoutineModel): Part {
    const { t } = this.host;
    return this.listSection("followups", t("view.followups"), this.followUpList(model).length, () => this.followUpState(model), t("view.followups.none"), (c: CommitmentEntry, row) => this.followUpRow(row, c));
  }

  /**
   * A section holding one windowed list, with its count in the heading: the list, or a line saying it is empty or
   * that the filter hides every row.
   */
  private listSection<T>(id: SectionId, title: string, size: number, state: () => "none" | "filtered" | "list", noneText: string, render: (item: T, row: HTMLElement) => void): Part {
    const { el, body, count } = this.section(id, title, String(size));
    if (!body) return { el, count };
    const shown = state();
    if (shown !== "list") {
      body.createDiv({ cls: "network-notes-empty", text: shown === "none" ? noneText : this.host.t("view.filtered") });
      return { el, count };
    }
    return { el, count, list: this.windowed(body, render) };
  }

  private followUpRow(row: HTMLElement, c: CommitmentEntry): void {
    const { t } = this.host;
    row.addClass("network-notes-followup");
    row.toggleClass("is-overdue", c.overdue);
    const person = this.person(c.path);
    // The checkbox sits inside its label, so a click on the words ticks this row's box and no other.
    const label = row.createEl("label", { cls: "network-notes-tick-label" });
    const box = label.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox network-notes-tick", attr: { "aria-label": t("view.followup.tick", { text: c.text }) } });
    if (person) {
      box.addEventListener("change", () => {
        box.disabled = true;
        void this.host.ui.complete(person, c);
      });
    } else box.disabled = true;
    const title = t(c.direction === "mine" ? "view.followup.mine" : "view.followup.theirs", { text: c.text });
    row.createDiv({ cls: "network-notes-row-title", text: title }).addEventListener("click", () => box.click());
    const meta = row.createDiv({ cls: "network-notes-row-meta" });
    this.link(meta, c.name, c.path);
    const details = openDetails(c.due, c.overdue, c.openDays, t);
    if (details.length > 0) meta.appendText(` · ${details.join(" · ")}`);
    if (c.task) {
      meta.appendText(" · ");
      this.link(meta, noteName(c.task.path), c.task.path, t("view.followup.task"));
    }
  }

  private newPeople(model: RoutineModel): Part {
    const { t } = this.host;
    const { el, body } = this.section("new", t("view.new"), String(model.newPeople.length));
    if (!body) return { el };
    body.createDiv({ cls: "network-notes-move-hint", text: t("view.new.hint") });
    return { el, list: this.windowed(body, (r: NewRow, row) => this.newRow(row, r)) };
  }

  private newRow(row: HTMLElement, r: NewRow): void {
    const { t } = this.host;
    this.nameButton(row, r.name, r.path, r.tier);
    row.createDiv({ cls: "network-notes-row-meta", text: t("view.new.met", { ago: agoPhrase(r.daysAgo, t), date: r.met }) });
    const person = this.person(r.path);
    if (person) this.moreButton(row, person, null);
  }

  private birthdays(model: RoutineModel): Part {
    const { t } = this.host;
    const { el, body } = this.section("birthdays", t("view.birthdays"), String(model.birthdays.length));
    if (!body) return { el };
    return { el, list: this.windowed(body, (b: BirthdayRow, row) => this.birthdayRow(row, b)) };
  }

  private birthdayRow(row: HTMLElement, b: BirthdayRow): void {
    const { t } = this.host;
    this.nameButton(row, b.name, b.path, null);
    const when = b.inDays === 0 ? t("view.birthday.today") : b.inDays === 1 ? t("view.birthday.tomorrow") : t("view.birthday.in", { n: b.inDays });
    const age = b.age === null ? "" : ` · ${t("view.birthday.age", { n: b.age })}`;
    row.createDiv({ cls: "network-notes-row-meta", text: `${when} (${b.date})${age}` });
  }

  private dueRows(model: RoutineModel): readonly DueRow[] {
    const { t } = this.host;
    const filter = this.state.filter;
    if (filter === "") return model.due;
    return model.due.filter((d) => matches(filter, d.name, d.interests, d.tier ? t(`tier.${d.tier}`) : null, d.tier));
  }

  private dueState(model: RoutineModel): "none" | "filtered" | "list" {
    if (model.due.length === 0) return "none";
    return this.dueRows(model).length === 0 ? "filtered" : "list";
  }

  private due(model: RoutineModel): Part {
    const { t } = this.host;
    return this.listSection("due", t("view.due"), model.due.length, () => this.dueState(model), t("view.due.none"), (d: DueRow, row) => this.dueRow(row, d));
  }

  private dueRow(row: HTMLElement, d: DueRow): void {
    const { t } = this.host;
    row.addClass("network-notes-due");
    this.nameButton(row, d.name, d.path, d.tier);
    const meta = row.createDiv({ cls: "network-notes-row-meta" });
    meta.appendText(t(d.estimate ? "view.lastTouch.none" : "view.lastTouch", { ago: agoPhrase(d.daysSince, t) }));
    if (!d.estimate) {
      meta.appendText(" · ");
      this.link(meta, originPhrase({ day: 0, origin: d.lastTouchOrigin, path: d.lastTouchPath, estimate: false }, t), d.lastTouchPath);
    }
    if (d.openCommitments > 0) meta.appendText(` · ${t("view.open", { n: d.openCommitments })}`);
    if (d.allAsks) meta.createSpan({ cls: "network-notes-asks", text: ` · ${t("view.allAsks", { n: d.asksSinceGive })}` });
    const person = this.person(d.path);
    this.strip(row, d.path, d.name);
    if (person) this.moreButton(row, person, null);
  }

  private glanceSection(): Part {
    const { el, body } = this.section("glance", this.host.t("view.glance"), null);
    return { el, body: body ?? undefined };
  }

  /**
   * The glance goes over everyone's touches: it is drawn after the rest, when the browser is idle (the last one
   * drawn stays until then), and again only when the vault changed.
   */
  private patchGlance(model: RoutineModel, part: Part): void {
    const body = part.body;
    if (!body || part.drawnFor === model) return;
    part.drawnFor = model;
    const draw = () => {
      if (this.parts.get("glance") !== part || part.drawnFor !== model || !body.isConnected) return;
      body.empty();
      this.glance(body);
    };
    this.cancelGlance?.();
    const win = window as Window & { requestIdleCallback?: (cb: () => void, options?: { timeout: number }) => number; cancelIdleCallback?: (id: number) => void };
    if (typeof win.requestIdleCallback === "function" && typeof win.cancelIdleCallback === "function") {
      const id = win.requestIdleCallback(() => { this.cancelGlance = null; draw(); }, { timeout: 500 });
      this.cancelGlance = () => win.cancelIdleCallback?.(id);
    } else {
      const id = window.setTimeout(() => { this.cancelGlance = null; draw(); }, 0);
      this.cancelGlance = () => window.clearTimeout(id);
    }
  }

  private glance(body: HTMLElement): void {
    const { t } = this.host;
    const g = this.host.routine.glance();
    const names = { meaningful: t("tier.meaningful"), intimate: t("tier.intimate"), familiar: t("tier.familiar"), unfamiliar: t("tier.unfamiliar"), untracked: t("view.untracked") };
    body.createDiv({ cls: "network-notes-glance-label", text: t("view.glance.tiers") });
    tierBar(body, g.byTier, names, t("view.glance.tiers"));
    const legend = body.createDiv({ cls: "network-notes-legend" });
    for (const key of ["meaningful", "intimate", "familiar", "unfamiliar", "untracked"] as const) {
      if (g.byTier[key] === 0) continue;
      const item = legend.createSpan({ cls: "network-notes-legend-item" });
      item.createSpan({ cls: `network-notes-swatch network-notes-tier-${key}` });
      item.appendText(`${names[key]} ${g.byTier[key]}`);
    }
    body.createDiv({ cls: "network-notes-glance-label", text: t("view.glance.due", { n: g.due, people: g.people }) });
    const total = g.weekly.reduce((a, b) => a + b, 0);
    body.createDiv({ cls: "network-notes-glance-label", text: t("view.glance.weekly", { n: total, weeks: g.weekly.length }) });
    const weeks = g.weekly.length;
    bars(body, g.weekly, t("view.glance.weekly", { n: total, weeks }), (i) => t("view.glance.week", { n: g.weekly[i] ?? 0, ago: weeks - 1 - i }), "network-notes-weekly");
  }

  /**
   * One person's last twelve months of touches, as a small strip. Worked out once per model: a pick's strip is
   * both part of what the section is drawn from and what its row shows.
   */
  private stripMonths(path: string): number[] {
    if (this.stripsFor !== this.model) {
      this.stripsFor = this.model;
      this.strips.clear();
    }
    let months = this.strips.get(path);
    if (months === undefined) {
      months = monthlyStrip(this.host.routine.touchDaysOf(path), this.host.routine.today());
      this.strips.set(path, months);
    }
    return months;
  }

  private strip(row: HTMLElement, path: string, name: string): void {
    const months = this.stripMonths(path);
    const total = months.reduce((a, b) => a + b, 0);
    const label = this.host.t("view.strip", { name, n: total, detail: months.join(" ") });
    // The label names the picture for screen readers; its tooltip (a <title>) is added when the pointer comes over it.
    const el = row.createSvg("svg", { cls: "network-notes-strip", attr: { viewBox: "0 0 48 12", width: "48", height: "12", role: "img", "aria-label": label } });
    // Two paths (months with and without touches) rather than a rect per month: a row stays a handful of nodes.
    const max = Math.max(1, ...months);
    let touched = "";
    let quiet = "";
    months.forEach((n, i) => {
      const h = n === 0 ? 1 : 3 + (n / max) * 9;
      const bar = `M${i * 4} 12v${(-h).toFixed(1)}h3v${h.toFixed(1)}z`;
      if (n === 0) quiet += bar;
      else touched += bar;
    });
    if (quiet) el.createSvg("path", { cls: "network-notes-bar is-empty", attr: { d: quiet } });
    if (touched) el.createSvg("path", { cls: "network-notes-bar", attr: { d: touched } });
  }

  /** A strip gets its tooltip the first time the pointer is over it (rows carry one node fewer until then). */
  private stripTooltip(evt: MouseEvent): void {
    const target = evt.target instanceof Element ? evt.target.closest("svg.network-notes-strip") : null;
    if (!target || target.querySelector(":scope > title")) return;
    const title = target.createSvg("title");
    title.textContent = target.getAttribute("aria-label");
    target.prepend(title);
  }

  private windowed<T>(body: HTMLElement, render: (item: T, row: HTMLElement) => void): WindowedList<unknown> {
    return new WindowedList<T>(this.contentEl, body.createDiv(), render) as WindowedList<unknown>;
  }

  private person(path: string): Person | undefined {
    return this.host.api.person(path);
  }

  private nameButton(parent: HTMLElement, name: string, path: string, tier: PickRow["tier"]): void {
    const line = parent.createDiv({ cls: "network-notes-row-title" });
    this.link(line, name, path);
    if (tier !== null) line.createSpan({ cls: `network-notes-tier network-notes-tier-${tier}`, text: tierName(tier, this.host.t) });
  }

  /** A link to a note: opens it (in a new tab with the modifier key), and is reachable with the keyboard. */
  private link(parent: HTMLElement, text: string, path: string, tooltip?: string): void {
    const a = parent.createEl("a", { cls: "network-notes-link internal-link", text, href: "#", attr: { "data-href": path } });
    if (tooltip) setTooltip(a, tooltip);
    a.addEventListener("click", (evt) => {
      evt.preventDefault();
      void this.app.workspace.openLinkText(path, "", Keymap.isModEvent(evt));
    });
  }

  private moreButton(row: HTMLElement, person: Person, pick: PickRow | null): void {
    const { t } = this.host;
    const button = row.createEl("button", { cls: "network-notes-more clickable-icon", attr: { "aria-label": t("view.actions", { name: person.name }) } });
    setIcon(button, "more-horizontal");
    button.addEventListener("click", (evt) => this.actionsMenu(person, pick).showAtMouseEvent(evt));
  }

  /** Everything one can do for a person from the view. */
  actionsMenu(person: Person, pick: PickRow | null): Menu {
    const { t, ui, routine } = this.host;
    const today: Day = routine.today();
    const menu = new Menu();
    menu.addItem((i) => i.setTitle(t("view.action.log")).setIcon("pencil").onClick(() => ui.logTouch(person)));
    menu.addItem((i) => i.setTitle(t("view.action.caughtUp")).setIcon("message-circle").onClick(() => ui.quickLog(person, "caught-up", null, today)));
    menu.addItem((i) => i.setTitle(t("view.action.article")).setIcon("newspaper").onClick(() => ui.quickLog(person, "gave", "article", today)));
    menu.addItem((i) => i.setTitle(t("view.action.kudos")).setIcon("heart").onClick(() => ui.quickLog(person, "gave", "kudos", today)));
    menu.addItem((i) => i.setTitle(t("view.action.intro")).setIcon("users").onClick(() => ui.quickLog(person, "gave", "intro", today)));
    menu.addSeparator();
    menu.addItem((i) => i.setTitle(t("view.action.snoozeWeek")).setIcon("alarm-clock").onClick(() => ui.snoozeFor(person, today + 7)));
    menu.addItem((i) => i.setTitle(t("view.action.snooze")).setIcon("calendar-clock").onClick(() => ui.snooze(person)));
    if (pick) {
      menu.addItem((i) => i.setTitle(t(pick.skipped ? "view.action.unskip" : "view.action.skip")).setIcon("skip-forward").onClick(() => {
        routine.setSkipped(person.path, !pick.skipped);
        this.refresh(true);
      }));
    }
    menu.addSeparator();
    const prep = this.host.prep;
    if (prep) {
      menu.addItem((i) => i.setTitle(t("view.action.prepare")).setIcon("messages-square").onClick(() => prep.prepare(person)));
      menu.addItem((i) => i.setTitle(t("view.action.message")).setIcon("mail").onClick(() => prep.message(person)));
    }
    menu.addItem((i) => i.setTitle(t("view.action.ask")).setIcon("scale").onClick(() => ui.beforeYouAsk(person)));
    menu.addItem((i) => i.setTitle(t("view.action.open")).setIcon("file-text").onClick(() => void this.app.workspace.openLinkText(person.path, "", false)));
    return menu;
  }
}
