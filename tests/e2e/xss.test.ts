/**
 * Markup in user data stays text: the built plugin over the hostile vault (payloads in names, aliases, fields,
 * log lines, tasks, note text, templates and settings), every view, modal, menu, notice, the status bar, the code
 * block and the settings tab opened in turn (tests/e2e/hostileWalk.ts). The same walk runs in real Chromium in
 * tests/browser/xss.test.ts, where a payload that became markup would also run.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { Harness } from "../harness/load-plugin";
import { standInApp } from "../harness/load-plugin";
import { FILES, IMG, NAMES, SETTINGS, SVG, VISIBLE_NAMES } from "../fixtures/hostileVault";
import { cleanUp, freezeClock, start } from "./support";
import { assertInert, walkHostileUi } from "./hostileWalk";

let h: Harness | undefined;

afterEach(async () => {
  await cleanUp(h, ".nn-selftest");
  h = undefined;
  delete (globalThis as { __nnXss?: unknown }).__nnXss;
});

describe("the inertness check", () => {
  it("catches a payload that became markup (so the walk below can fail)", () => {
    const box = document.body.createDiv("nn-selftest");
    box.textContent = IMG;
    expect(() => assertInert("as text")).not.toThrow();
    for (const html of [IMG, SVG, "<a href=\"javascript:x()\">x</a>", "<b onclick=\"x()\">x</b>", "<object></object>"]) {
      box.innerHTML = html;
      expect(() => assertInert(html), html).toThrow();
    }
    box.textContent = "";
    (globalThis as { __nnXss?: unknown }).__nnXss = 1;
    expect(() => assertInert("flag")).toThrow(/handler ran/);
  });
});

describe("hostile names, fields and notes", () => {
  it("render as text in every view, modal, menu, notice, the status bar, the code block and the settings", { timeout: 60_000 }, async () => {
    freezeClock();
    const s = await start({ fixture: undefined, files: FILES, settings: SETTINGS });
    h = s.h;
    expect(s.api.people().map((p) => p.name).sort()).toEqual(Object.values(NAMES).sort());

    const log = await walkHostileUi(h);
    expect(log.steps.length).toBeGreaterThan(25);

    // The payloads are shown, as the text they are.
    const view = log.text["the loose-touch view"] ?? "";
    for (const name of VISIBLE_NAMES) expect(view).toContain(name);
    const inModal = (step: string) => log.modalText[step] ?? "";
    expect(inModal("the person picker")).toContain(NAMES.svg);
    expect(inModal("the commitment preview")).toContain(`Something you promised ${NAMES.img}`);
    expect(inModal("the problems modal")).toContain(NAMES.svg);
    expect(inModal("the prep modal")).toContain(`I'm exploring ${IMG}`); // the ask from the settings
    expect(inModal("the message modal, hostile template")).toContain(IMG); // the template's title
    expect(inModal("before you ask")).toContain(NAMES.img);
    expect(log.text["the logged notice with Undo"]).toContain(`Logged for ${NAMES.img}`);
    expect(log.text["the code block"]).toContain(`“${SVG}: 1”`);
    expect(log.text["the new person notices"]).toContain(`Made a note for ${IMG}`);
    expect(standInApp(h.app).statusBarEl__.textContent).toMatch(/\d+ due/);

    // The new note: the name is in the properties as written, and escaped in the body so that the app's reading
    // view shows it as text rather than as an element (the template's own text stays as the user wrote it).
    const made = h.app.vault.getMarkdownFiles().map((f) => f.path).filter((p) => p.startsWith("People/img src=x"));
    expect(made).toHaveLength(1);
    const note = await h.read(made[0]!);
    expect(note).toContain(`  - ${IMG} <script data-nn-xss>window.__nnXss=1\n`);
    const heading = note.split("\n").find((l) => l.startsWith("# ")) ?? "";
    expect(heading).toMatch(/^# &lt;img src\\=x /);
    expect(heading.replace("<script data-nn-xss>window.__nnXss=1</script>", "")).not.toMatch(/<[a-z]/i);
  });
});
