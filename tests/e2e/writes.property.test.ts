/**
 * Nothing lost on write, as properties over generated person notes, through the built main.js: arbitrary other
 * properties (text, numbers, lists, maps, comments, flow style), arbitrary bodies (headings, code fences, an
 * existing log, unicode, CRLF, a byte-order mark), then a random run of the plugin's writes. After every write:
 * the body changed only by the lines the write adds, every property the write does not own is as it was (values
 * and order), `last_touch` never moved back, no commitment vanished without a log line, and a write that changes
 * no property leaves the properties block byte for byte. Undo then walks back to the exact original bytes. Ticking
 * a task and the loose-touch section command get the same checks.
 */
import fc from "fast-check";
import { getFrontMatterInfo, TFile } from "obsidian";
import { parse as parseYaml, stringify as stringifyYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Harness } from "../harness/load-plugin";
import type { NetworkNotesApi } from "../../src/obsidian/api";
import { freezeClock, start } from "./support";

let h: Harness;
let api: NetworkNotesApi;
let serial = 0;

beforeAll(async () => {
  freezeClock();
  const s = await start();
  h = s.h;
  api = s.api;
});
afterAll(async () => {
  await h.unload();
  vi.useRealTimers();
});

const RUNS = 40;
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
const iso = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);

// ---- generated notes ----

const OWNED = ["tier", "tier_since", "last_touch", "commitments", "expecting", "snooze_until", "paused", "tier_goal"];
const CHARS = [..."abcXYZ019 -_:#'\"[]{},&*!|>%@`?éß王芳🙂\u00a0"];
const text = (max: number) => fc.string({ unit: fc.constantFrom(...CHARS), maxLength: max });
const wordy = fc.string({ unit: fc.constantFrom(..."abcdefé王 "), minLength: 1, maxLength: 12 }).map((s) => s.trim()).filter((s) => s !== "");
const isoDay = fc.integer({ min: day("2026-09-01"), max: day("2026-11-26") }).map(iso);
const scalar = fc.oneof(text(12), fc.integer({ min: -1000, max: 100000 }), fc.boolean(), fc.constant(null), isoDay, fc.constantFrom("true", "null", "123", "- x", "[[Alice Chen]]"));
const value = fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }), fc.dictionary(fc.stringMatching(/^[a-z]{1,5}$/), scalar, { maxKeys: 3 }));
const otherKeys = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_]{0,7}$/).filter((k) => !OWNED.includes(k)), value, { maxKeys: 5 });
const item = fc.tuple(wordy, fc.option(isoDay, { nil: undefined })).map(([w, due]) => (due ? `${w} 📅 ${due}` : w));
const list = fc.oneof(fc.array(item, { maxLength: 3 }), item);

const bodyLine = fc.oneof(
  { weight: 3, arbitrary: text(30) },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "# Title", "## Log", "### Notes", "## Loose touch", "## log", "```", "```md", "~~~", "## Log inside a fence?",
      "- [[2026-10-01]] #touch/met old coffee", "- [ ] a task about [[Alice Chen]]", "- [x] done", "", "", "> quote",
      "***", "#tag-only", "%% comment %%", "<!-- html -->", "| a | b |",
    ),
  },
);

interface Note { text: string; hasProperties: boolean }

/** True about `tenths` times in ten. */
const rarely = (tenths: number) => fc.integer({ min: 0, max: 9 }).map((n) => n < tenths);

/** A generated note; `mixedTenths` is how often its body mixes LF and CRLF, `section` starts one with a loose-touch section. */
const makeNote = (mixedTenths: number, section = false, lastTouch?: string): fc.Arbitrary<Note> => fc
  .record({
    others: otherKeys,
    tier: fc.option(fc.constantFrom("meaningful", "intimate", "familiar", "unfamiliar", "close-ish"), { nil: undefined }),
    lastTouch: lastTouch === undefined ? fc.option(fc.oneof(isoDay, fc.constant("sometime")), { nil: undefined }) : fc.constant(lastTouch),
    commitments: fc.option(list, { nil: undefined }),
    expecting: fc.option(list, { nil: undefined }),
    comment: lastTouch === undefined ? fc.boolean() : fc.constant(true),
    flow: fc.boolean(),
    noProperties: lastTouch === undefined ? rarely(3) : fc.constant(false),
    lines: fc.array(bodyLine, { maxLength: 12 }),
    eol: fc.constantFrom("\n", "\n", "\r\n"),
    mixed: rarely(mixedTenths),
    finalEol: fc.boolean(),
    bom: lastTouch === undefined ? rarely(2) : fc.constant(false),
  })
  .map((g) => {
    const props: Record<string, unknown> = {};
    const entries: [string, unknown][] = Object.entries(g.others);
    const mine: [string, unknown][] = [["tier", g.tier], ["last_touch", g.lastTouch], ["commitments", g.commitments], ["expecting", g.expecting]];
    // The plugin's keys sit among the others, not always first.
    for (const [i, entry] of mine.entries()) entries.splice(Math.min(i * 2, entries.length), 0, entry);
    for (const [k, v] of entries) if (v !== undefined) props[k] = v;
    const eol = g.eol;
    let yaml = Object.keys(props).length > 0 ? stringifyYaml(props, { schema: "core", lineWidth: 0, collectionStyle: g.flow ? "flow" : "any" }) : "";
    if (g.comment) yaml = `# kept by hand\n${yaml}`;
    yaml = yaml.replace(/\n/g, eol);
    const hasProperties = !g.noProperties;
    const head = hasProperties ? `---${eol}${yaml}---${eol}` : "";
    const lines = section ? ["## Loose touch", "- [ ] Share something with [[Bob Okafor]]", ...g.lines] : g.lines;
    const body = lines.map((l, i) => l + (g.mixed && i % 2 === 1 ? (eol === "\n" ? "\r\n" : "\n") : eol)).join("");
    const trimmed = g.finalEol ? body : body.replace(/\r?\n$/, "");
    return { text: (g.bom ? "\uFEFF" : "") + head + trimmed, hasProperties };
  })
  // A body that itself starts with a frontmatter fence would be read as properties: not the case under test.
  .filter((n) => !/^\uFEFF?---/.test(n.hasProperties ? "" : n.text));
const note = makeNote(2);

// ---- actions ----

type Action =
  | { t: "log"; kind: "gave" | "asked" | "caught-up" | "met"; payload: "intro" | "article" | null; day: number; note: string }
  | { t: "add"; dir: "mine" | "theirs"; text: string; due: number | null }
  | { t: "complete"; dir: "mine" | "theirs"; pick: number }
  | { t: "tier"; to: "meaningful" | "intimate" | "familiar" | "unfamiliar" }
  | { t: "move"; step: 1 | -1 }
  | { t: "snooze"; until: number | null }
  | { t: "pause"; on: boolean }
  | { t: "goal"; goal: "meaningful" | "familiar" | null };

const someDay = fc.integer({ min: day("2026-08-01"), max: day("2026-11-26") });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ t: fc.constant("log" as const), kind: fc.constantFrom("gave", "asked", "caught-up", "met" as const), payload: fc.constantFrom("intro", "article", null), day: someDay, note: text(20) }),
  fc.record({ t: fc.constant("add" as const), dir: fc.constantFrom("mine", "theirs" as const), text: wordy, due: fc.option(someDay, { nil: null }) }),
  fc.record({ t: fc.constant("complete" as const), dir: fc.constantFrom("mine", "theirs" as const), pick: fc.nat(5) }),
  fc.record({ t: fc.constant("tier" as const), to: fc.constantFrom("meaningful", "intimate", "familiar", "unfamiliar" as const) }),
  fc.record({ t: fc.constant("move" as const), step: fc.constantFrom(1, -1 as const) }),
  fc.record({ t: fc.constant("snooze" as const), until: fc.option(someDay, { nil: null }) }),
  fc.record({ t: fc.constant("pause" as const), on: fc.boolean() }),
  fc.record({ t: fc.constant("goal" as const), goal: fc.constantFrom("meaningful", "familiar", null) }),
);

/** The keys each write may change, and whether it adds a log line. */
function owns(a: Action): { keys: string[]; logs: boolean } {
  switch (a.t) {
    case "log": return { keys: ["last_touch"], logs: true };
    case "add": return { keys: [a.dir === "mine" ? "commitments" : "expecting"], logs: false };
    case "complete": return { keys: [a.dir === "mine" ? "commitments" : "expecting", "last_touch"], logs: true };
    case "tier": case "move": return { keys: ["tier", "tier_since"], logs: true };
    case "snooze": return { keys: ["snooze_until"], logs: false };
    case "pause": return { keys: ["paused"], logs: false };
    case "goal": return { keys: ["tier_goal"], logs: false };
  }
}

async function run(path: string, a: Action) {
  const actions = api.actions;
  switch (a.t) {
    case "log": return actions.logTouch(path, { day: a.day, kind: a.kind, payload: a.kind === "gave" ? a.payload : null, note: a.note });
    case "add": return actions.addCommitment(path, a.dir, a.text, a.due);
    case "complete": {
      const person = api.people().find((p) => p.path === path);
      const open = (a.dir === "mine" ? person?.commitments : person?.expecting) ?? [];
      const chosen = open[a.pick % Math.max(open.length, 1)];
      if (!chosen) return actions.completeCommitment(path, a.dir, "not there", "not there");
      return actions.completeCommitment(path, a.dir, chosen.raw, chosen.text);
    }
    case "tier": return actions.setTier(path, a.to);
    case "move": return actions.moveTier(path, a.step);
    case "snooze": return actions.snooze(path, a.until);
    case "pause": return actions.setPaused(path, a.on);
    case "goal": return actions.setGoal(path, a.goal);
  }
}

// ---- checks ----

function split(text: string): { props: Record<string, unknown>; block: string; body: string } {
  const info = getFrontMatterInfo(text);
  if (!info.exists) return { props: {}, block: "", body: text };
  const parsed = parseYaml(info.frontmatter, { schema: "core" }) as unknown;
  const props = parsed !== null && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  return { props, block: text.slice(0, info.contentStart), body: text.slice(info.contentStart) };
}

/** What was inserted into `before` to make `after`, or null when `after` is not `before` plus one insertion. */
function insertion(before: string, after: string): string | null {
  let p = 0;
  while (p < before.length && before[p] === after[p]) p++;
  const rest = before.slice(p);
  if (!after.endsWith(rest)) return null;
  return after.slice(p, after.length - rest.length);
}

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null || v === "" ? [] : [v]);
const ISO = /^\d{4}-\d{2}-\d{2}$/;

function checkWrite(a: Action, before: string, after: string): void {
  const b = split(before);
  const c = split(after);
  const { keys, logs } = owns(a);
  // The body: only an insertion, and only log lines, a log heading, line breaks (and the fence closing a code
  // block the note left open at its end) in it.
  const added = insertion(b.body, c.body);
  expect(added, "the body changed other than by an insertion").not.toBeNull();
  if (!logs) expect(added).toBe("");
  for (const line of (added ?? "").split(/\r?\n/)) expect(line).toMatch(/^(|## Log|`{3,}|~{3,}|- \[\[[^\]]+\]\] #touch\/[^\r\n]*)$/);
  // Every property the write does not own: same value, same order.
  const others = (p: Record<string, unknown>) => Object.entries(p).filter(([k]) => !keys.includes(k));
  expect(others(c.props)).toEqual(others(b.props));
  // No property changed: the block is byte for byte what it was (comments and all).
  if (JSON.stringify(b.props) === JSON.stringify(c.props)) expect(c.block).toBe(b.block);
  // last_touch never moves back, and an unreadable one is left alone.
  const was = b.props.last_touch;
  const now = c.props.last_touch;
  if (typeof was === "string" && ISO.test(was)) expect(typeof now === "string" && now >= was).toBe(true);
  else if (was !== undefined && was !== null && was !== "") expect(now).toEqual(was);
  // No commitment disappears without a log line saying it was followed through.
  for (const key of ["commitments", "expecting"]) {
    const left = asList(c.props[key]).map(String);
    for (const item of asList(b.props[key]).map(String)) {
      const i = left.indexOf(item);
      if (i >= 0) left.splice(i, 1);
      else expect(added).toContain("#touch/followed-through");
    }
  }
}

async function fresh(text: string): Promise<string> {
  const path = `People/Generated ${++serial}.md`;
  await h.write(path, text);
  await h.settle();
  return path;
}

describe("every follow-through write keeps what it does not own", () => {
  it("logs, commitments, tiers, snooze, pause and goals, then undo back to the original bytes", async () => {
    let changed = 0;
    await fc.assert(
      fc.asyncProperty(note, fc.array(action, { minLength: 1, maxLength: 4 }), async (n, actions) => {
        const path = await fresh(n.text);
        const original = await h.read(path);
        expect(original).toBe(n.text);
        const undoable: string[] = [];
        const logged = () => api.people().find((p) => p.path === path)?.log.length ?? 0;
        for (const a of actions) {
          const before = await h.read(path);
          const entries = logged();
          const result = await run(path, a).then((step) => ({ step }), (error: unknown) => ({ error }));
          await h.settle();
          const after = await h.read(path);
          if ("error" in result) {
            expect(after, `refused (${String(result.error)}) but the note changed`).toBe(before);
            // Properties behind a byte-order mark are refused, never duplicated.
            if (n.text.startsWith("\uFEFF") && n.hasProperties) expect(String(result.error)).toMatch(/properties-behind-bom|tier-|commitment-changed/);
            continue;
          }
          expect(result.step.undoable).toBe(true);
          checkWrite(a, before, after);
          // A logged touch is read back as a touch (not hidden in a code block, say).
          if (a.t === "log") expect(logged()).toBe(entries + 1);
          if (result.step.before !== result.step.after) {
            undoable.push(before);
            changed++;
          }
        }
        // Undo walks back one change at a time, each to the exact bytes before it.
        for (const expected of undoable.reverse()) {
          await api.actions.undo();
          expect(await h.read(path)).toBe(expected);
        }
        expect(await h.read(path)).toBe(original);
      }),
      { numRuns: RUNS },
    );
    // The runs did write (they are not all refusals).
    expect(changed).toBeGreaterThan(RUNS / 2);
  }, 120_000);

  it("logging an older touch keeps last_touch, and the hand-written properties block byte for byte", async () => {
    await fc.assert(
      fc.asyncProperty(makeNote(2, false, "2026-11-26"), fc.integer({ min: 1, max: 60 }), async (n, back) => {
        const path = await fresh(n.text);
        expect(n.text).toContain("# kept by hand");
        await api.actions.logTouch(path, { day: day("2026-11-26") - back, kind: "caught-up", payload: null, note: "older" });
        await h.settle();
        const after = await h.read(path);
        expect(split(after).props.last_touch).toBe("2026-11-26");
        expect(split(after).block).toBe(split(n.text).block);
        expect(after).toContain("#touch/caught-up older");
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("ticking a task that is a commitment", () => {
  it("changes only its checkbox, refuses when the line changed, and undo restores the note", async () => {
    await fc.assert(
      fc.asyncProperty(note, fc.nat(20), wordy, async (n, where, words) => {
        const lines = n.text.split("\n");
        const first = split(n.text).block.split("\n").length - 1;
        const at = first + (where % (lines.length - first + 1));
        const raw = `- [ ] ${words} with [[Alice Chen]]`;
        lines.splice(at, 0, n.text.includes("\r\n") ? `${raw}\r` : raw);
        const text = lines.join("\n");
        const path = await fresh(text);
        await expect(api.actions.completeTask(path, at, `${raw} changed`)).rejects.toThrow("commitment-changed");
        expect(await h.read(path)).toBe(text);
        await api.actions.completeTask(path, at, raw);
        const offset = lines.slice(0, at).reduce((sum, l) => sum + l.length + 1, 0) + 2;
        expect(await h.read(path)).toBe(`${text.slice(0, offset)}[x]${text.slice(offset + 3)}`);
        await api.actions.undo();
        expect(await h.read(path)).toBe(text);
      }),
      { numRuns: 20 },
    );
  }, 60_000);
});

describe("the loose-touch section command", () => {
  it("only adds lines to the body, keeps the properties block byte for byte, and undo restores the note", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(makeNote(2), makeNote(5, true)), async (n) => {
        const path = `Notes/Generated ${++serial}.md`;
        await h.write(path, n.text);
        await h.settle();
        const file = h.app.vault.getFileByPath(path);
        if (!(file instanceof TFile)) throw new Error("no note");
        await h.app.workspace.getLeaf().openFile(file);
        expect(h.runCommand("network-notes:insert-loose-touch-section")).toBe(true);
        await h.settle();
        const after = await h.read(path);
        const b = split(n.text);
        const c = split(after);
        expect(c.block).toBe(b.block);
        const added = insertion(b.body, c.body);
        expect(added, "the body changed other than by an insertion").not.toBeNull();
        for (const line of (added ?? "").split(/\r?\n/)) expect(line).toMatch(/^(|## Loose touch|- \[ \] .*\[\[.*\]\].*)$/);
        if (after !== n.text) {
          expect(h.runCommand("network-notes:undo")).toBe(true);
          await h.settle();
          expect(await h.read(path)).toBe(n.text);
        }
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});
