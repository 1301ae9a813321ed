/**
 * The loose-touch view through the built plugin: the right people in each section on a fixed date, picks that
 * hold for the day and move on the next, ticking in the view, redrawing only when visible, the status bar, the
 * code block, the empty states and a long due list drawn in a window.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Harness } from "../harness/load-plugin";
import { standInApp } from "../harness/load-plugin";
import { MarkdownPreviewRenderer } from "../harness/obsidian/internal";
import type { MarkdownRenderChild } from "../harness/obsidian/index";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { freezeClock, start } from "./support";
import { dayFromISO } from "../../src/domain/dates";

const VIEW = "network-notes-loose-touch";

/** A person met three days before 2026-11-26, with a birthday five days after it. */
const NINA = "---\ntier: familiar\nmet: 2026-11-23\nbirthday: 1990-12-01\ninterests: [ceramics, jazz]\n---\n# Nina Park\n";

interface ViewLike {
  containerEl: HTMLElement;
  renders: number;
}

let harness: Harness | null = null;

afterEach(async () => {
  await harness?.unload();
  harness = null;
  vi.useRealTimers();
});

async function open(options: Parameters<typeof start>[0] = {}): Promise<{ h: Harness; api: NetworkNotesApi; view: ViewLike }> {
  const { h, api } = await start(options);
  harness = h;
  expect(h.runCommand("network-notes:open-loose-touch")).toBe(true);
  await h.settle();
  const leaves = h.app.workspace.getLeavesOfType(VIEW);
  expect(leaves).toHaveLength(1);
  return { h, api, view: leaves[0]?.view as unknown as ViewLike };
}

function section(view: ViewLike, id: string): HTMLElement {
  const el = view.containerEl.querySelector<HTMLElement>(`[data-section="${id}"]`);
  if (!el) throw new Error(`no section ${id}`);
  return el;
}

function rowTitles(el: HTMLElement): string[] {
  return [...el.querySelectorAll(".network-notes-row-title")].map((r) => r.textContent ?? "");
}

function names(el: HTMLElement): string[] {
  return [...el.querySelectorAll(".network-notes-row-title > .network-notes-link")].map((a) => a.textContent ?? "");
}

describe("the loose-touch view on 2026-11-26", () => {
  it("shows today's three moves, follow-ups, new acquaintances, birthdays and who is due", async () => {
    freezeClock();
    const { view, h } = await open({ files: { "People/Nina Park.md": NINA } });

    const today = section(view, "today");
    const move = (m: string) => today.querySelector<HTMLElement>(`.network-notes-move-${m}`);
    expect(names(move("follow-through") as HTMLElement)).toEqual(["Alice Chen"]);
    expect(move("follow-through")?.textContent).toContain("Send the book list");
    expect(names(move("thanks") as HTMLElement)).toEqual(["Nina Park"]);
    // Share: closer tiers first (王芳 is intimate, Dev familiar); Alice is already picked to follow through.
    expect(names(move("share") as HTMLElement)).toEqual(["王芳", "Dev Patel"]);
    expect(today.querySelector(".network-notes-section-header")?.textContent).toContain("0 of 4 done");

    const due = section(view, "due");
    expect(names(due)).toEqual(["Alice Chen", "Dev Patel", "王芳"]);
    const alice = due.querySelector(".network-notes-row");
    expect(alice?.textContent).toContain("last touch 4 weeks ago");
    expect(alice?.textContent).toContain("3 open");
    expect(view.containerEl.textContent).not.toMatch(/overdue|neglect/i);

    const follow = section(view, "followups");
    const texts = rowTitles(follow);
    expect(texts).toContain("You: Send the book list");
    expect(texts).toContain("Them: Share her deck");
    // An open task elsewhere that links a person is a follow-up too (its words are read when shown).
    expect(texts).toContain("You: Call Dev Patel about the meetup");
    expect(texts[0]).toBe("You: Send the book list"); // past due first

    expect(names(section(view, "new"))).toEqual(["Nina Park"]);
    expect(section(view, "new").textContent).toContain("met 3 days ago (2026-11-23)");
    expect(section(view, "birthdays").textContent).toContain("in 5 days (2026-12-01) · turns 36");

    expect(view.containerEl.querySelector(".network-notes-problems-link")?.textContent).toBe("6 notes need a look");
    const status = standInApp(h.app).statusBarEl__.querySelector(".plugin-network-notes");
    expect(status?.textContent).toBe("3 due");
  });

  it("opens the note a touch came from, and offers actions for each person", async () => {
    freezeClock();
    const { view, h } = await open();
    const carmenTouch = [...section(view, "due").querySelectorAll<HTMLAnchorElement>(".network-notes-row-meta .network-notes-link")];
    const origin = carmenTouch.find((a) => a.textContent === "the last_touch property");
    expect(origin?.dataset.href).toBe("People/Alice Chen.md");
    origin?.click();
    await h.settle();
    expect(h.app.workspace.getActiveFile()?.path).toBe("People/Alice Chen.md");

    const more = section(view, "due").querySelector<HTMLButtonElement>(".network-notes-more");
    more?.click();
    const items = [...document.querySelectorAll(".menu .menu-item")].map((i) => i.textContent);
    expect(items).toEqual(expect.arrayContaining(["Log a touch…", "We caught up today", "Snooze for a week", "Before you ask…", "Open note"]));
  });

  it("says so kindly when nobody is due, and explains where it looked when there are no people", async () => {
    freezeClock("2026-11-02T09:00:00");
    const { view } = await open({ settings: { cadenceDays: { meaningful: 60, intimate: 90, familiar: 200 } } });
    expect(section(view, "due").textContent).toContain("Nobody is due today.");
    await harness?.unload();
    harness = null;

    const empty = await start({ fixture: undefined, files: { "Notes/Groceries.md": "milk\n" } });
    harness = empty.h;
    empty.h.runCommand("network-notes:open-loose-touch");
    await empty.h.settle();
    const text = (empty.h.app.workspace.getLeavesOfType(VIEW)[0]?.view as unknown as ViewLike).containerEl.textContent;
    expect(text).toContain("No person notes yet.");
    expect(text).toContain("People");
  });

  it("speaks Chinese when Obsidian does", async () => {
    freezeClock();
    const { view } = await open({ language: "zh" });
    expect(section(view, "today").querySelector(".network-notes-section-title")?.textContent).toBe("今天");
    expect(section(view, "due").querySelector(".network-notes-section-title")?.textContent).toBe("该联系的人");
  });
});

describe("today's picks", () => {
  const many: Record<string, string> = {};
  for (let i = 1; i <= 24; i++) {
    const tier = ["familiar", "intimate", "meaningful"][i % 3];
    many[`People/Due ${String(i).padStart(2, "0")}.md`] = `---\ntier: ${tier}\nlast_touch: 2026-0${1 + (i % 6)}-1${i % 10}\n---\n`;
  }

  it("stay the same through a touch, a rebuild and a restart, and move on the next day", async () => {
    freezeClock();
    const { api, h } = await open({ files: many });
    const first = api.routine().picks.map((p) => `${p.move}:${p.path}`);
    expect(first).toHaveLength(5);
    const tiers = new Set(api.routine().picks.filter((p) => p.move === "share").map((p) => p.tier));
    expect(tiers.size).toBeGreaterThan(1); // a mix of tiers

    const share = api.routine().picks.find((p) => p.move === "share");
    await api.actions.logTouch(share?.path ?? "", { day: dayFromISO("2026-11-26") ?? 0, kind: "gave", payload: "article", note: "" });
    await h.settle();
    expect(api.routine().picks.map((p) => `${p.move}:${p.path}`)).toEqual(first);
    expect(api.routine().picks.find((p) => p.path === share?.path)?.done).toBe(true);
    expect(api.routine().done).toBe(1);

    h.runCommand("network-notes:rebuild-index");
    await h.settle();
    expect(api.routine().picks.map((p) => `${p.move}:${p.path}`)).toEqual(first);

    const again = await h.restart();
    harness = again;
    await again.settle();
    const api2 = (again.plugin as { api: NetworkNotesApi }).api;
    expect(api2.routine().picks.map((p) => `${p.move}:${p.path}`)).toEqual(first);

    vi.setSystemTime(new Date("2026-11-27T08:00:00"));
    const next = api2.routine().picks.map((p) => `${p.move}:${p.path}`);
    expect(next).toHaveLength(5);
    expect(next).not.toEqual(first);
    const dueTomorrow = new Set(api2.statuses("2026-11-27").filter((s) => s.state === "due").map((s) => s.person.path));
    for (const p of api2.routine().picks.filter((x) => x.move === "share")) expect(dueTomorrow.has(p.path)).toBe(true);
  });

  it("can skip someone for today, from the row's menu", async () => {
    freezeClock();
    const { api, view, h } = await open();
    const row = section(view, "today").querySelector(".network-notes-move-share .network-notes-row");
    const name = row?.querySelector(".network-notes-row-title .network-notes-link")?.textContent;
    row?.querySelector<HTMLButtonElement>(".network-notes-more")?.click();
    const skip = [...document.querySelectorAll<HTMLElement>(".menu .menu-item")].find((i) => i.textContent === "Skip for today");
    skip?.click();
    await h.settle();
    const pick = api.routine().picks.find((p) => p.name === name);
    expect(pick?.skipped).toBe(true);
    const skippedRow = [...section(view, "today").querySelectorAll(".network-notes-row")].find((r) => r.textContent?.includes(name ?? "?"));
    expect(skippedRow?.classList.contains("is-skipped")).toBe(true);
    expect(skippedRow?.textContent).toContain("Skipped for today");
  });
});

describe("ticking in the view", () => {
  it("opens the log form for a share or thanks pick, with what was most likely given chosen", async () => {
    freezeClock();
    const { view } = await open({ files: { "People/Nina Park.md": NINA } });
    const circle = (move: string) => section(view, "today").querySelector<HTMLButtonElement>(`.network-notes-move-${move} .network-notes-check`);
    expect(circle("thanks")?.getAttribute("aria-label")).toBe("Log your thank-you");
    circle("thanks")?.click();
    expect(document.querySelector<HTMLSelectElement>(".modal .network-notes-touch-kind")?.value).toBe("gave");
    expect(document.querySelector<HTMLSelectElement>(".modal .network-notes-touch-payload")?.value).toBe("kudos");
    document.querySelector<HTMLElement>(".modal-close-button")?.click();
    document.querySelectorAll(".modal-container").forEach((m) => m.remove());
    circle("share")?.click();
    expect(document.querySelector<HTMLSelectElement>(".modal .network-notes-touch-payload")?.value).toBe("article");
  });

  it("completes a due commitment from today's follow-through, with a log line", async () => {
    freezeClock();
    const { view, h, api } = await open();
    section(view, "today").querySelector<HTMLButtonElement>(".network-notes-move-follow-through .network-notes-check")?.click();
    await h.settle();
    const text = await h.read("People/Alice Chen.md");
    expect(text).not.toContain("Send the book list 📅");
    expect(text).toMatch(/- \[\[2026-11-26\]\] #touch\/followed-through Send the book list/);
    expect(api.routine().picks.find((p) => p.move === "follow-through")?.done).toBe(true);
    expect(section(view, "today").querySelector(".network-notes-section-header")?.textContent).toContain("1 of 3 done");
  });

  it("does not call a follow-through done when its promise was edited by hand rather than kept", async () => {
    freezeClock();
    const { h, api } = await open();
    const text = await h.read("People/Alice Chen.md");
    await h.write("People/Alice Chen.md", text.replace("Send the book list 📅 2026-11-20", "Send the book list 📅 2026-12-20"));
    await h.settle();
    const pick = api.routine().picks.find((p) => p.move === "follow-through");
    expect(pick?.name).toBe("Alice Chen");
    expect(pick?.done).toBe(false);
  });

  it("ticks a follow-up in the checklist, and ticks an open task in its own note", async () => {
    freezeClock();
    const { view, h } = await open();
    const tick = (label: string) => {
      const row = [...section(view, "followups").querySelectorAll(".network-notes-row")].find((r) => r.querySelector(".network-notes-row-title")?.textContent === label);
      const box = row?.querySelector<HTMLInputElement>("input[type=checkbox]");
      if (!box) throw new Error(`no checkbox for ${label}`);
      box.checked = true;
      box.dispatchEvent(new Event("change"));
    };
    tick("You: Intro to Sam");
    await h.settle();
    expect(await h.read("People/Alice Chen.md")).not.toContain("  - Intro to Sam");

    const before = await h.read("Daily/2026-11-25.md");
    tick("You: Call Dev Patel about the meetup");
    await h.settle();
    const after = await h.read("Daily/2026-11-25.md");
    expect(after).toBe(before.replace("- [ ] Call [[Dev Patel]] about the meetup", "- [x] Call [[Dev Patel]] about the meetup"));
    expect(rowTitles(section(view, "followups"))).not.toContain("You: Call Dev Patel about the meetup");
  });
});

describe("redrawing", () => {
  it("redraws after an edit while visible, not while hidden, and catches up when shown again", async () => {
    freezeClock();
    const { view, h } = await open();
    const app = standInApp(h.app);
    const base = view.renders;
    await h.write("People/Dev Patel.md", "---\ntier: familiar\nlast_touch: 2026-11-25\n---\n");
    await h.settle();
    expect(view.renders).toBe(base + 1);
    expect(names(section(view, "due"))).not.toContain("Dev Patel");

    app.workspace.rightSplit.collapse();
    await h.settle();
    const hidden = view.renders;
    await h.write("People/Zoe Quinn.md", "---\ntier: familiar\nlast_touch: 2026-01-01\n---\n");
    await h.settle();
    expect(view.renders).toBe(hidden);

    app.workspace.rightSplit.expand();
    await h.settle();
    expect(view.renders).toBe(hidden + 1);
    expect(names(section(view, "due"))).toContain("Zoe Quinn");

    // Nothing moved: no redraw.
    app.workspace.trigger("layout-change");
    await h.settle();
    expect(view.renders).toBe(hidden + 1);
  });

  it("patches a redraw in place: only the changed person's row is new, other rows and unchanged sections stay", async () => {
    freezeClock();
    const { view, h } = await open({ files: { "People/Nina Park.md": NINA } });
    const rowOf = (name: string) => [...section(view, "due").querySelectorAll<HTMLElement>(".network-notes-row")].find((r) => r.querySelector(".network-notes-link")?.textContent === name);
    const alice = rowOf("Alice Chen");
    const wang = rowOf("王芳");
    const dev = rowOf("Dev Patel");
    const birthdays = section(view, "birthdays");
    const due = section(view, "due");
    const base = view.renders;

    // Dev is touched today: his row goes; nobody else's data changed.
    await h.write("People/Dev Patel.md", "---\ntier: familiar\nlast_touch: 2026-11-26\n---\n");
    await h.settle();
    expect(view.renders).toBe(base + 1);
    expect(names(section(view, "due"))).toEqual(["Alice Chen", "王芳"]);
    expect(rowOf("Alice Chen")).toBe(alice);
    expect(rowOf("王芳")).toBe(wang);
    expect(dev?.isConnected).toBe(false);
    expect(section(view, "due")).toBe(due);
    expect(due.querySelector(".network-notes-count")?.textContent).toBe("2");
    expect(section(view, "birthdays")).toBe(birthdays);

    // Alice's note changes: her row is drawn again, 王芳's stays.
    await h.write("People/Alice Chen.md", "---\ntier: intimate\nlast_touch: 2026-10-01\n---\n# Alice Chen\n");
    await h.settle();
    expect(rowOf("Alice Chen")).not.toBe(alice);
    expect(rowOf("Alice Chen")?.textContent).toContain("Intimate");
    expect(rowOf("王芳")).toBe(wang);
  });

  it("reads task words again only from the notes that changed", async () => {
    freezeClock();
    const { view, h } = await open();
    expect(rowTitles(section(view, "followups"))).toContain("You: Call Dev Patel about the meetup");
    const read = vi.spyOn(h.app.vault, "cachedRead");
    await h.write("Meetings/2026-11-24 Sync.md", "- [ ] Send [[Dev Patel]] the notes\n");
    await h.settle();
    expect(rowTitles(section(view, "followups"))).toEqual(expect.arrayContaining(["You: Call Dev Patel about the meetup", "You: Send Dev Patel the notes"]));
    expect(read.mock.calls.map(([file]) => file.path)).toEqual(["Meetings/2026-11-24 Sync.md"]);

    read.mockClear();
    await h.write("Daily/2026-11-25.md", "- [ ] Call [[Dev Patel]] about the venue\n");
    await h.settle();
    expect(rowTitles(section(view, "followups"))).toContain("You: Call Dev Patel about the venue");
    expect(rowTitles(section(view, "followups"))).not.toContain("You: Call Dev Patel about the meetup");
    expect(read.mock.calls.map(([file]) => file.path)).toEqual(["Daily/2026-11-25.md"]);
  });

  it("draws the glance after the rest of the view, once it is opened", async () => {
    freezeClock();
    const { view, h } = await open();
    const header = section(view, "glance").querySelector<HTMLElement>(".network-notes-section-header");
    expect(section(view, "glance").querySelector(".network-notes-section-body")).toBeNull(); // collapsed by default
    const due = section(view, "due");
    header?.click();
    const glance = section(view, "glance");
    expect(glance.querySelector(".network-notes-section-body")).not.toBeNull();
    expect(glance.querySelector(".network-notes-tier-bar")).toBeNull(); // not drawn in the click's draw
    expect(section(view, "due")).toBe(due); // the other sections were kept
    await h.settle();
    expect(section(view, "glance").querySelector(".network-notes-tier-bar")).not.toBeNull();
    expect(section(view, "glance").querySelector(".network-notes-weekly")).not.toBeNull();
  });

  it("reuses the open view, including one the app restored before the plugin was ready", async () => {
    freezeClock();
    const { h } = await start({
      afterOnload: async (_plugin, app) => {
        const leaf = app.workspace.getRightLeaf(false);
        await leaf?.setViewState({ type: VIEW });
      },
    });
    harness = h;
    h.runCommand("network-notes:open-loose-touch");
    await h.settle();
    const leaves = h.app.workspace.getLeavesOfType(VIEW);
    expect(leaves).toHaveLength(1);
    expect((leaves[0]?.view as unknown as ViewLike).containerEl.textContent).toContain("Due for a touch");
  });
});

describe("routine settings", () => {
  it("are found by the settings search, validated, saved, and the picks count applies from the next day", async () => {
    freezeClock();
    const { h, api } = await open({ files: { "People/Nina Park.md": NINA } });
    const setting = standInApp(h.app).setting;
    expect(setting.search("picked each day").map((hit) => hit.name)).toContain("People picked each day");
    expect(setting.search("daily note section").map((hit) => hit.name)).toContain("Daily note section heading");
    const tab = setting.openTabById("network-notes");
    const before = api.routine().picks.length;
    await tab.setControlValue("routine.picksPerDay", "2");
    await tab.setControlValue("routine.birthdayDays", "400"); // out of range: ignored
    await tab.setControlValue("dailySection.heading", "## People today");
    await h.settle();
    const saved = JSON.parse(await h.read(".obsidian/plugins/network-notes/data.json")) as { routine: { picksPerDay: number; birthdayDays: number }; dailySection: { heading: string } };
    expect(saved.routine).toMatchObject({ picksPerDay: 2, birthdayDays: 14 });
    expect(saved.dailySection.heading).toBe("People today");
    expect(api.routine().picks).toHaveLength(before); // today's picks hold
    vi.setSystemTime(new Date("2026-11-27T08:00:00"));
    expect(api.routine().picks).toHaveLength(2);
  });
});

describe("a long due list", () => {
  it("draws a window of rows, and filters on the data", async () => {
    freezeClock();
    const files: Record<string, string> = {};
    for (let i = 0; i < 400; i++) files[`People/Many/Person ${String(i).padStart(3, "0")}.md`] = "---\ntier: familiar\nlast_touch: 2025-01-01\n---\n";
    const { view, h } = await open({ files });
    const due = section(view, "due");
    expect(due.querySelector(".network-notes-section-header")?.textContent).toContain("403");
    const drawn = due.querySelectorAll(".network-notes-row").length;
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThan(60);
    expect(view.containerEl.querySelectorAll("*").length).toBeLessThan(2000);

    const filter = view.containerEl.querySelector<HTMLInputElement>(".network-notes-filter");
    if (!filter) throw new Error("no filter");
    filter.value = "Person 377";
    filter.dispatchEvent(new Event("input"));
    await h.settle();
    expect(names(section(view, "due"))).toEqual(["Person 377"]);
  });
});

describe("the first paint", () => {
  const many: Record<string, string> = {};
  for (let i = 0; i < 400; i++) many[`People/Many/Person ${String(i).padStart(3, "0")}.md`] = "---\ntier: familiar\nlast_touch: 2025-01-01\n---\n";

  it("draws about a screenful of rows, and the rest of each list after the first frame", async () => {
    freezeClock();
    const { h } = await start({ files: many });
    harness = h;
    const leaf = h.app.workspace.getRightLeaf(false);
    if (!leaf) throw new Error("no right leaf");
    await leaf.setViewState({ type: VIEW, active: true });
    const view = leaf.view as unknown as ViewLike;
    const rows = () => view.containerEl.querySelectorAll(".network-notes-row").length;
    const dueRows = () => section(view, "due").querySelectorAll(".network-notes-row").length;

    // Before any frame: every section's header, today's picks, and rows up to a screenful in all.
    for (const id of ["today", "followups", "due", "glance"]) expect(section(view, id).querySelector(".network-notes-section-header")).not.toBeNull();
    expect(section(view, "due").querySelector(".network-notes-count")?.textContent).toBe("403");
    expect(section(view, "today").querySelectorAll(".network-notes-today-pick").length).toBeGreaterThan(0);
    expect(section(view, "followups").querySelectorAll(".network-notes-row").length).toBeGreaterThan(0);
    const first = rows();
    expect(first).toBeLessThanOrEqual(12);
    expect(view.containerEl.querySelectorAll("*").length).toBeLessThan(250);
    const dueFirst = dueRows();
    expect(dueFirst).toBeLessThan(12);

    // settle() does not wait for animation frames: let one pass (the view's callback runs before this one), then the
    // timeout the view set in it (set before this one).
    await new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await h.settle();
    // The lists measured themselves and drew what is in view (happy-dom lays nothing out: a default window).
    expect(dueRows()).toBeGreaterThan(Math.max(dueFirst, 12));
    expect(rows()).toBeGreaterThan(first);
    const due = section(view, "due");
    expect(due.querySelector(".network-notes-window")?.getAttribute("role")).toBe("list");
    expect([...due.querySelectorAll<HTMLElement>(".network-notes-row")].map((r) => r.dataset.index)).toEqual(Array.from({ length: dueRows() }, (_, i) => String(i)));
    expect([...due.querySelectorAll(".network-notes-row")].every((r) => r.getAttribute("role") === "listitem")).toBe(true);
  });

  it("names each row's twelve-month strip for screen readers, and gives it a tooltip when the pointer comes over it", async () => {
    freezeClock();
    const { view } = await open();
    const strip = section(view, "due").querySelector<SVGElement>("svg.network-notes-strip");
    if (!strip) throw new Error("no strip");
    expect(strip.getAttribute("role")).toBe("img");
    const label = strip.getAttribute("aria-label") ?? "";
    expect(label).toMatch(/^Alice Chen: \d+ touch/);
    expect(strip.querySelector("title")).toBeNull();
    strip.querySelector("path")?.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    expect(strip.querySelector("title")?.textContent).toBe(label);
    strip.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
    expect(strip.querySelectorAll("title")).toHaveLength(1);
  });
});

describe("the network-notes code block", () => {
  function render(source: string): { el: HTMLElement; child: MarkdownRenderChild } {
    const processor = MarkdownPreviewRenderer.codeBlockProcessors__.get("network-notes") as unknown as { handler__: (s: string, el: HTMLElement, ctx: unknown) => void };
    const el = document.createElement("div");
    let child: MarkdownRenderChild | null = null;
    processor.handler__(source, el, { sourcePath: "Daily/2026-11-25.md", addChild: (c: MarkdownRenderChild) => { child = c; c.load(); } });
    if (!child) throw new Error("the block added no child");
    return { el, child };
  }

  it("renders live lists and explains an option it cannot use", async () => {
    freezeClock();
    const { h } = await start();
    harness = h;
    const { el, child } = render("show: due, follow-ups\nlimit: 2\n");
    const titles = [...el.querySelectorAll(".network-notes-block-title")].map((e) => e.textContent);
    expect(titles).toEqual(["Due for a touch", "Follow-ups"]);
    const lists = el.querySelectorAll(".network-notes-block-list");
    expect([...(lists[0]?.querySelectorAll("a") ?? [])].map((a) => a.textContent)).toEqual(["Alice Chen", "Dev Patel"]);
    expect(lists[0]?.textContent).toContain("and 1 more");

    await h.write("People/Alice Chen.md", "---\ntier: meaningful\nlast_touch: 2026-11-26\n---\n");
    await h.settle();
    expect([...(el.querySelectorAll(".network-notes-block-list")[0]?.querySelectorAll("a") ?? [])].map((a) => a.textContent)).toEqual(["Dev Patel", "王芳"]);
    child.unload();

    const bad = render("show: everyone\ncolour: red\n");
    expect([...bad.el.querySelectorAll(".network-notes-block-error")].map((e) => e.textContent)).toEqual([
      "Network Notes cannot use “show: everyone”. Write show: today, due, follow-ups and limit: a number.",
      "Network Notes cannot use “colour: red”. Write show: today, due, follow-ups and limit: a number.",
    ]);
    expect(bad.el.querySelector(".network-notes-block-title")?.textContent).toBe("Today");
    bad.child.unload();
  });
});
