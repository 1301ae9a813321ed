/**
 * The hostile vault in real Chromium: the built main.js inside the stand-in, bundled into one page, walked through
 * every view and modal (tests/e2e/hostileWalk.ts). Unlike happy-dom, Chromium runs an injected handler, loads an
 * injected image and reports inline script, so here "nothing ran" is observed, not inferred:
 *
 * - the page's `window.__nnXss` flag stays unset (every payload's handler would set it);
 * - a report-only content security policy (scripts only with the page's nonce, no eval, no connections) reports
 *   no violation: no inline handler, no injected script, no eval, no request was even attempted;
 * - no dialog opened, and the page asked for nothing but itself.
 *
 * Needs /usr/bin/chromium (Debian's `chromium` package). Without it the test is skipped and says so; it never
 * passes without running. One browser launch.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { repoRoot } from "../harness/load-plugin";
import { FILES, IMG, NAMES, SETTINGS } from "../fixtures/hostileVault";
import type { XssRunResult } from "./xssEntry";

const CHROMIUM = "/usr/bin/chromium";
const PAGE_URL = "http://network-notes.invalid/";
const NONCE = "nn-xss-test";
const HAS_CHROMIUM = existsSync(CHROMIUM);

const title = HAS_CHROMIUM ? "in real Chromium" : `in real Chromium (NOT RUN: chromium missing at ${CHROMIUM}; install Debian's chromium package)`;

describe.skipIf(!HAS_CHROMIUM)(title, () => {
  let browser: Browser;
  beforeAll(async () => {
    const { chromium } = await import("playwright-core");
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("hostile names and fields run nothing, inject nothing and request nothing", { timeout: 120_000 }, async () => {
    const esbuild = await import("esbuild");
    const bundle = await esbuild.build({
      entryPoints: [path.join(repoRoot, "tests", "browser", "xssEntry.ts")],
      bundle: true, write: false, format: "iife", platform: "browser", target: "es2021", logLevel: "warning",
    });
    const manifest = JSON.parse(readFileSync(path.join(repoRoot, "manifest.json"), "utf8")) as { id: string };
    const files: Record<string, string> = {
      ...FILES,
      [`.obsidian/plugins/${manifest.id}/manifest.json`]: JSON.stringify(manifest),
      [`.obsidian/plugins/${manifest.id}/data.json`]: JSON.stringify(SETTINGS),
    };
    const mainJs = readFileSync(path.join(repoRoot, "main.js"), "utf8");
    // A script's text cannot contain `</script`; main.js has none, and this says so if that ever changes.
    expect(mainJs.includes("</script") || bundle.outputFiles[0]!.text.includes("</script")).toBe(false);
    // The page's own scripts are in the head; the walk looks at the body, where the app and the plugin draw.
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>xss</title>
<script nonce="${NONCE}">${bundle.outputFiles[0]!.text}</script>
<script nonce="${NONCE}">window.networkNotesMain = function (exports, require, module) {${mainJs}\n};</script>
</head><body></body></html>`;
    // Report-only: a payload is not stopped by the policy, so if one ran the flag would show it too.
    const policy = `default-src 'none'; script-src 'nonce-${NONCE}'; style-src 'unsafe-inline'; img-src 'none'; connect-src 'none'; frame-src 'none'`;

    const requests: string[] = [];
    const dialogs: string[] = [];
    const pageErrors: string[] = [];
    let result: XssRunResult;
    const context = await browser.newContext({ timezoneId: "UTC", locale: "en-US" });
    try {
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url === PAGE_URL) return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", headers: { "Content-Security-Policy-Report-Only": policy }, body: html });
        requests.push(url);
        return route.abort();
      });
      const page = await context.newPage();
      page.on("dialog", (d) => {
        dialogs.push(`${d.type()}: ${d.message()}`);
        void d.dismiss();
      });
      page.on("pageerror", (e) => pageErrors.push(e.message));
      await page.clock.setFixedTime(new Date("2026-11-26T09:00:00Z"));
      await page.goto(PAGE_URL);
      result = await page.evaluate((o) => (window as unknown as { networkNotesXss: { run(o: unknown): Promise<XssRunResult> } }).networkNotesXss.run(o), { files, manifest });
    } finally {
      await context.close();
    }

    expect(result.failure).toBeNull();
    expect(result.steps.length).toBeGreaterThan(25);
    expect(result.flag).toBeUndefined();
    // The browser asks for the page's icon by itself; that is Chromium, not the plugin.
    const browserOwn = (line: string) => line.includes(`${PAGE_URL}favicon.ico`);
    expect(result.violations.filter((v) => !browserOwn(v))).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(requests.filter((r) => !browserOwn(r))).toEqual([]);
    expect(pageErrors).toEqual([]);
    expect(result.errors).toEqual([]);
    // The payloads were on screen, as text.
    expect(result.text["the loose-touch view"]).toContain(NAMES.img);
    expect(result.modalText["the message modal, hostile template"]).toContain(IMG);
  });

  it("the page would notice a payload that ran (so the test above can fail)", { timeout: 60_000 }, async () => {
    const context = await browser.newContext();
    try {
      await context.route("**/*", (route) => route.request().url() === PAGE_URL
        ? route.fulfill({ status: 200, contentType: "text/html", headers: { "Content-Security-Policy-Report-Only": `script-src 'nonce-${NONCE}'` }, body: `<body><script nonce="${NONCE}">window.v=[];document.addEventListener("securitypolicyviolation",(e)=>v.push(e.violatedDirective))</script></body>` })
        : route.abort());
      const page = await context.newPage();
      await page.goto(PAGE_URL);
      const seen = await page.evaluate(async (payload) => {
        const box = document.createElement("div");
        document.body.appendChild(box);
        box.innerHTML = payload;
        await new Promise((r) => setTimeout(r, 300));
        return { flag: (window as unknown as { __nnXss?: unknown }).__nnXss, violations: (window as unknown as { v: string[] }).v };
      }, IMG);
      expect(seen.flag).toBe(1);
      expect(seen.violations.length).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
