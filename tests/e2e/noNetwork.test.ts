/**
 * The bundle makes no network requests and evaluates no code: a static look at the built main.js for every way a
 * browser script can reach the network or turn text into code, and a full run over the hostile vault (whose
 * templates and notes hold `{{…}}`, `<% … %>` and `${…}`) with those globals trapped.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Harness } from "../harness/load-plugin";
import { repoRoot } from "../harness/load-plugin";
import { FILES, SETTINGS } from "../fixtures/hostileVault";
import { cleanUp, freezeClock, start } from "./support";
import { walkHostileUi } from "./hostileWalk";

const FORBIDDEN: [string, RegExp][] = [
  ["fetch()", /\bfetch\s*\(/],
  ["XMLHttpRequest", /\bXMLHttpRequest\b/],
  ["WebSocket", /\bWebSocket\b/],
  ["EventSource", /\bEventSource\b/],
  ["navigator.sendBeacon", /\bsendBeacon\b/],
  ["Obsidian's requestUrl", /\brequestUrl\b/],
  ["Obsidian's request()", /\.request\s*\(/],
  ["eval()", /\beval\s*\(/],
  ["new Function / Function()", /\bFunction\s*\(/],
  ["import()", /\bimport\s*\(/],
  ["a worker", /\b(?:Shared)?Worker\s*\(|\bimportScripts\b/],
  ["setTimeout or setInterval with a string", /\bset(?:Timeout|Interval)\s*\(\s*["'`]/],
  ["an HTML sink", /\b(?:innerHTML|outerHTML|insertAdjacentHTML|createContextualFragment|DOMParser|document\.write|srcdoc)\b/],
  ["Obsidian's HTML or Markdown rendering", /\b(?:sanitizeHTMLToDom|MarkdownRenderer|setHTML|renderMarkdown)\b/],
  ["a URL", /\b(?:https?|wss?|ftp):\/\//],
  ["a javascript: URL", /javascript:/i],
  ["window.open", /\bwindow\.open\b/],
  ["a script element", /createElement\(\s*["']script/],
];

/** Every `navigator.` use, with why it is fine. */
const ALLOWED_NAVIGATOR = new Map([["navigator.clipboard.writeText", "copies a message the user asked to copy; nothing leaves the device"]]);

describe("the built main.js", () => {
  const code = readFileSync(path.join(repoRoot, "main.js"), "utf8");

  it("has no way to reach the network or evaluate text as code", () => {
    const found = FORBIDDEN.filter(([, pattern]) => pattern.test(code)).map(([what]) => what);
    expect(found).toEqual([]);
  });

  it("requires only obsidian, and uses navigator only to copy to the clipboard", () => {
    const required = [...code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)].map((m) => m[1]);
    expect(required.length).toBeGreaterThan(0);
    expect(new Set(required)).toEqual(new Set(['"obsidian"']));
    const navigator = [...code.matchAll(/\bnavigator\.[\w.]+/g)].map((m) => m[0]);
    for (const use of navigator) expect(ALLOWED_NAVIGATOR.has(use), use).toBe(true);
  });

  it("the patterns above find what they look for (so the check can fail)", () => {
    const samples = ['fetch("x")', "new XMLHttpRequest", "eval(s)", "new Function(s)", "import(u)", 'setTimeout("x()", 1)', "el.innerHTML=s", "https://x.invalid", "app.requestUrl({})"];
    for (const sample of samples) expect(FORBIDDEN.some(([, p]) => p.test(sample)), sample).toBe(true);
  });
});

interface Trapped { calls: string[]; restore(): void }

/** Replaces the network and code-evaluation globals with traps that record each use (and refuse it). */
function trapGlobals(): Trapped {
  const g = globalThis as Record<string, unknown>;
  const calls: string[] = [];
  const saved = new Map<string, PropertyDescriptor | undefined>();
  const replace = (name: string, value: unknown, target: object = g) => {
    saved.set(name, Object.getOwnPropertyDescriptor(target, name));
    Object.defineProperty(target, name, { value, configurable: true, writable: true });
  };
  const refuse = (name: string) => {
    calls.push(name);
    throw new Error(`${name} is not allowed in the plugin`);
  };
  const trapClass = (name: string) => function Trap() { refuse(`new ${name}`); };
  replace("fetch", () => refuse("fetch"));
  for (const name of ["XMLHttpRequest", "WebSocket", "EventSource", "Worker", "SharedWorker"]) replace(name, trapClass(name));
  replace("eval", () => refuse("eval"));
  const RealFunction = Function;
  replace("Function", new Proxy(RealFunction, { apply: () => refuse("Function()"), construct: () => refuse("new Function") }));
  const realTimeout = g.setTimeout as (...a: unknown[]) => unknown;
  const realInterval = g.setInterval as (...a: unknown[]) => unknown;
  replace("setTimeout", (fn: unknown, ...rest: unknown[]) => (typeof fn === "string" ? refuse("setTimeout(string)") : realTimeout(fn, ...rest)));
  replace("setInterval", (fn: unknown, ...rest: unknown[]) => (typeof fn === "string" ? refuse("setInterval(string)") : realInterval(fn, ...rest)));
  const nav = g.navigator as object | undefined;
  const beacon = nav ? Object.getOwnPropertyDescriptor(nav, "sendBeacon") : undefined;
  if (nav) Object.defineProperty(nav, "sendBeacon", { value: () => refuse("navigator.sendBeacon"), configurable: true, writable: true });
  return {
    calls,
    restore() {
      for (const [name, descriptor] of saved) {
        if (descriptor) Object.defineProperty(g, name, descriptor);
        else delete g[name];
      }
      if (nav) {
        if (beacon) Object.defineProperty(nav, "sendBeacon", beacon);
        else delete (nav as Record<string, unknown>).sendBeacon;
      }
    },
  };
}

let h: Harness | undefined;
let traps: Trapped | undefined;

afterEach(async () => {
  traps?.restore();
  traps = undefined;
  await cleanUp(h);
  h = undefined;
});

describe("a full run with the network and eval trapped", () => {
  it("the traps catch each use (so the run below can fail)", () => {
    traps = trapGlobals();
    const g = globalThis as unknown as { fetch(u: string): unknown; eval(s: string): unknown; XMLHttpRequest: new () => unknown; WebSocket: new (u: string) => unknown };
    expect(() => g.fetch("x")).toThrow();
    expect(() => g.eval("1")).toThrow();
    expect(() => new g.XMLHttpRequest()).toThrow();
    expect(() => new g.WebSocket("ws://x")).toThrow();
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    expect(() => new Function("return 1")).toThrow();
    expect(() => (setTimeout as unknown as (s: string) => void)("x()")).toThrow();
    expect(traps.calls).toEqual(["fetch", "eval", "new XMLHttpRequest", "new WebSocket", "new Function", "setTimeout(string)"]);
  });

  it("loads, indexes, opens every view and modal, writes, undoes and restarts without calling any of them", { timeout: 60_000 }, async () => {
    freezeClock();
    traps = trapGlobals();
    const s = await start({ fixture: undefined, files: FILES, settings: SETTINGS });
    h = s.h;
    const log = await walkHostileUi(h);
    expect(log.steps.length).toBeGreaterThan(25);
    // Today's daily note made now: the section goes in from the hostile names.
    await h.write("Daily/2026-11-26.md", "# Today\n");
    await vi.waitFor(async () => {
      await h!.settle();
      expect(await h!.read("Daily/2026-11-26.md")).toContain("Loose touch");
    }, { timeout: 10_000 });
    expect(h.runCommand("network-notes:rebuild-index")).toBe(true);
    await h.settle();
    h = await h.restart();
    await h.settle();
    expect(traps.calls).toEqual([]);
  });
});
