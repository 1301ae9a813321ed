#!/usr/bin/env node
// Screenshots of the plugin's UI in real Chromium: node scripts/screenshots.mjs [options]
//
// The built main.js runs inside the project's `obsidian` stand-in (tests/harness/obsidian), bundled for the
// browser with an in-memory vault (tests/harness/browser/entry.ts) holding a freshly generated demo vault for
// the chosen day, styled by our own Obsidian-like theme (tests/harness/browser/theme.css) plus styles.css.
// Shoots desktop (1280×800, the plugin's view in the right sidebar) and phone (390×844, is-mobile/is-phone,
// the view full width), each in light and dark. Until the plugin registers its sidebar view, it shows the
// "due today" modal instead.
//
// Needs Chromium at /usr/bin/chromium (sudo apt-get install -y chromium) and the dev dependencies (npm ci).
// Downloads nothing.
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const CHROMIUM = "/usr/bin/chromium";
const PAGE_URL = "http://network-notes.invalid/";
const VIEW_TYPE = "network-notes-loose-touch";
const VIEW_COMMAND = "network-notes:open-loose-touch";
const FALLBACK_COMMAND = "network-notes:show-due-today";
const GENERATED = ["People", "Contacts", "Daily", "Meetings"];

const SCENES = [
  { name: "view-light", mobile: false, dark: false },
  { name: "view-dark", mobile: false, dark: true },
  { name: "view-phone-light", mobile: true, dark: false },
  { name: "view-phone-dark", mobile: true, dark: true },
];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const USAGE = `Usage: node scripts/screenshots.mjs [options]

  --date YYYY-MM-DD   the day the page believes it is, and the day the demo vault is generated for
                      (default: this machine's local date)
  --out DIR           where to write the PNGs (default: docs/screenshots)
  --vault DIR         use this vault as it is instead of generating the demo vault (pass --date to match it)
  --note PATH         the note shown in the main area (default: People/Maya Lindqvist.md)
  --command ID        run this command instead of the automatic choice (repeatable, in order)
  --language CODE     Obsidian's language: en (default) or zh; other than en, the files end in -<code>
  --only NAME         shoot only this scene (repeatable): ${SCENES.map((s) => s.name).join(", ")}
  --scale N           device pixel ratio (default: 1 on desktop, 2 on the phone)
  --measure-view FILE also time the plugin's view in this browser (first paint, first frame, redraw; DOM
                      nodes) and write the figures to FILE as JSON (npm run bench does this over its vault)
  --profile-view FILE with --measure-view, also record a CPU profile (.cpuprofile, for Chrome's DevTools) of
                      the timed view runs
  --html              also save each page's DOM as <scene>.html next to the PNG (to debug the layout)
  --no-build          use the existing main.js instead of running the build first
  --main FILE         load this bundle instead of the repository's main.js (implies --no-build)
  --help              show this

Without --command it opens the plugin's view ("${VIEW_COMMAND}") when the plugin registers the
"${VIEW_TYPE}" view type, and otherwise runs "${FALLBACK_COMMAND}" (a modal).`;

function fail(message, code = 2) {
  console.error(`screenshots: ${message}`);
  process.exit(code);
}

function localToday() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

function parseArgs(argv) {
  const args = { date: null, out: path.join(ROOT, "docs", "screenshots"), vault: null, note: "People/Maya Lindqvist.md", commands: [], only: [], scale: null, language: "en", html: false, build: true, main: path.join(ROOT, "main.js") };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) fail(`${a} needs a value`);
      return v;
    };
    if (a === "--date") args.date = value();
    else if (a === "--out") args.out = path.resolve(value());
    else if (a === "--vault") args.vault = path.resolve(value());
    else if (a === "--note") args.note = value();
    else if (a === "--command") args.commands.push(value());
    else if (a === "--only") args.only.push(value());
    else if (a === "--measure-view") args.measure = path.resolve(value());
    else if (a === "--profile-view") args.profile = path.resolve(value());
    else if (a === "--scale") args.scale = Number(value());
    else if (a === "--no-build") args.build = false;
    else if (a === "--html") args.html = true;
    else if (a === "--language") args.language = value();
    else if (a === "--main") {
      args.main = path.resolve(value());
      args.build = false;
    }
    else if (a === "--help" || a === "-h") {
      console.log(USAGE);
      process.exit(0);
    } else fail(`unknown argument ${a}\n\n${USAGE}`);
  }
  if (args.date !== null) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(args.date);
    const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!d || d.toISOString().slice(0, 10) !== args.date) fail(`--date wants a real day as YYYY-MM-DD, not "${args.date}"`);
  }
  for (const name of args.only) if (!SCENES.some((s) => s.name === name)) fail(`--only: no scene "${name}" (${SCENES.map((s) => s.name).join(", ")})`);
  if (!["en", "zh"].includes(args.language)) fail(`--language: en or zh, not "${args.language}"`);
  if (args.scale !== null && !(args.scale > 0 && args.scale <= 4)) fail("--scale wants a number above 0, at most 4");
  return args;
}

function run(command, commandArgs) {
  const r = spawnSync(command, commandArgs, { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`\`${command} ${commandArgs.join(" ")}\` failed`);
}

/** Every file below `dir` as vault-relative path → UTF-8 text (the demo vault is all text). */
function readVault(dir) {
  const files = {};
  const visit = (rel) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        // The plugin folder is written below from this repository's build; the trash is not part of the vault.
        if (child === ".obsidian/plugins" || child === ".trash" || child === ".git") continue;
        visit(child);
      } else if (entry.isFile()) {
        if (/^\.obsidian\/workspace.*\.json$/.test(child)) continue;
        files[child] = readFileSync(path.join(dir, child), "utf8");
      }
    }
  };
  visit("");
  return files;
}

/** The demo vault for `date`, generated into a temporary copy so demo-vault/ is left as it is. */
function makeDemoVault(date, temp) {
  const vault = path.join(temp, "demo-vault");
  const source = path.join(ROOT, "demo-vault");
  cpSync(source, vault, {
    recursive: true,
    filter: (from) => {
      const rel = path.relative(source, from).split(path.sep).join("/");
      return !GENERATED.some((g) => rel === g || rel.startsWith(`${g}/`)) && !rel.startsWith(".obsidian/plugins");
    },
  });
  run(process.execPath, [path.join(ROOT, "scripts", "make-demo-vault.mjs"), "--vault", vault, "--today", date]);
  return vault;
}

/** Runs in the page before its scripts: `new Date()` and `Date.now()` give `iso`; everything else is the browser's. */
function freezeDate(iso) {
  const Real = Date;
  const fixed = new Real(iso).getTime();
  class Frozen extends Real {
    constructor(...args) {
      super(...(args.length === 0 ? [fixed] : args));
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = Frozen;
}

/** True when fontconfig knows a font matching `pattern` (or when fc-list cannot tell). */
function hasFont(pattern) {
  const r = spawnSync("fc-list", [pattern, "family"], { encoding: "utf8" });
  return r.status !== 0 || r.stdout.trim() !== "";
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(CHROMIUM)) {
    console.error(`screenshots: Chromium is not installed at ${CHROMIUM}. Install it with:\n\n  sudo apt-get install -y chromium\n`);
    process.exit(1);
  }
  if (!existsSync(path.join(ROOT, "node_modules", "playwright-core"))) fail("the dev dependencies are missing: run `npm ci` first", 1);
  const date = args.date ?? localToday();
  const { chromium } = await import("playwright-core");
  const esbuild = await import("esbuild");

  if (args.build) run(process.execPath, [path.join(ROOT, "esbuild.config.mjs")]);
  if (!existsSync(args.main)) fail(`${path.relative(process.cwd(), args.main)} is missing: run \`npm run build\` (or drop --no-build)`, 1);
  if (!hasFont(":lang=zh")) console.warn("screenshots: no Chinese font (fc-list :lang=zh): Chinese names will show as boxes. Debian: sudo apt-get install -y fonts-wqy-microhei");
  if (!hasFont(":charset=1f4c5")) console.warn("screenshots: no emoji font (fc-list :charset=1f4c5): 📅 due dates will show as boxes. Debian: sudo apt-get install -y fonts-noto-color-emoji");

  const temp = mkdtempSync(path.join(os.tmpdir(), "network-notes-shots-"));
  let browser = null;
  try {
    const vaultDir = args.vault ?? makeDemoVault(date, temp);
    if (!existsSync(vaultDir)) throw new Error(`no vault folder at ${vaultDir}`);
    const manifest = JSON.parse(readFileSync(path.join(ROOT, "manifest.json"), "utf8"));
    const files = readVault(vaultDir);
    files[`.obsidian/plugins/${manifest.id}/manifest.json`] = `${JSON.stringify(manifest, null, 2)}\n`;
    const settingsFile = path.join(vaultDir, ".obsidian", "plugins", manifest.id, "data.json");
    if (existsSync(settingsFile)) files[`.obsidian/plugins/${manifest.id}/data.json`] = readFileSync(settingsFile, "utf8");
    const notePath = args.note && args.note in files ? args.note : undefined;
    if (args.note && !notePath) console.warn(`screenshots: no note "${args.note}" in the vault; the main area stays empty`);

    const bundle = await esbuild.build({
      entryPoints: [path.join(ROOT, "tests", "harness", "browser", "entry.ts")],
      bundle: true,
      write: false,
      format: "iife",
      platform: "browser",
      target: "es2021",
      logLevel: "warning",
    });
    const script = bundle.outputFiles[0].text;
    const theme = readFileSync(path.join(ROOT, "tests", "harness", "browser", "theme.css"), "utf8");
    const styles = readFileSync(path.join(ROOT, "styles.css"), "utf8");
    const mainJs = readFileSync(args.main, "utf8");
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Network Notes</title><style id="theme">${theme}</style><style id="plugin-styles">${styles}</style></head><body></body></html>`;

    mkdirSync(args.out, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
    });
    const scenes = SCENES.filter((s) => args.only.length === 0 || args.only.includes(s.name));
    let failures = 0;
    for (const scene of scenes) {
      const viewport = scene.mobile ? PHONE : DESKTOP;
      const context = await browser.newContext({
        viewport,
        deviceScaleFactor: args.scale ?? (scene.mobile ? 2 : 1),
        isMobile: scene.mobile,
        hasTouch: scene.mobile,
        colorScheme: scene.dark ? "dark" : "light",
        timezoneId: "UTC",
        locale: "en-US",
        reducedMotion: "reduce",
      });
      // The page comes from a made-up origin (so it has localStorage, which about:blank lacks); nothing else
      // loads: the plugin must make no network requests, and the page needs none.
      await context.route("**/*", (route) =>
        route.request().url() === PAGE_URL ? route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }) : route.abort(),
      );
      const page = await context.newPage();
      const problems = [];
      page.on("pageerror", (error) => problems.push(`page error: ${error.stack ?? error.message}`));
      page.on("console", (message) => {
        if (message.type() === "error") problems.push(`console error: ${message.text()}`);
      });
      // Midday on the chosen day (UTC, the page's time zone): timers keep running, the date stands still.
      // Playwright's clock also replaces performance.now (whole milliseconds) and requestAnimationFrame (a timer),
      // so timing the view uses a Date of our own and leaves the browser's clock and frames as they are.
      if (args.measure) await page.addInitScript(freezeDate, `${date}T12:00:00Z`);
      else await page.clock.setFixedTime(new Date(`${date}T12:00:00Z`));
      await page.goto(PAGE_URL);
      await page.addScriptTag({ content: script });
      const result = await page.evaluate((options) => window.networkNotesShots.start(options), {
        files,
        vaultName: path.basename(vaultDir),
        manifest,
        mainJs,
        mobile: scene.mobile,
        dark: scene.dark,
        language: args.language,
        notePath,
        commands: args.commands.length > 0 ? args.commands : "auto",
        viewType: VIEW_TYPE,
        viewCommand: VIEW_COMMAND,
        fallbackCommand: FALLBACK_COMMAND,
      });
      if (args.measure) {
        const [y, m] = date.split("-");
        const dailyConfig = files[".obsidian/daily-notes.json"] ? JSON.parse(files[".obsidian/daily-notes.json"]) : { folder: "", format: "YYYY-MM-DD" };
        const fmt = dailyConfig.format ?? "YYYY-MM-DD";
        const dailyPath = `${dailyConfig.folder ? `${dailyConfig.folder}/` : ""}${fmt.replace(/YYYY|MM|DD/g, (t) => ({ YYYY: y, MM: m, DD: date.slice(8) })[t])}.md`;
        const cdp = args.profile ? await context.newCDPSession(page) : null;
        if (cdp) {
          await cdp.send("Profiler.enable");
          await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
          await cdp.send("Profiler.start");
        }
        const measured = await page.evaluate((o) => window.networkNotesShots.measureView(o), { viewType: VIEW_TYPE, viewCommand: VIEW_COMMAND, dailyPath, runs: 15 });
        if (cdp) {
          const { profile } = await cdp.send("Profiler.stop");
          writeFileSync(args.profile, JSON.stringify(profile));
          console.log(`CPU profile of the timed view runs written to ${path.relative(process.cwd(), args.profile)}`);
        }
        writeFileSync(args.measure, JSON.stringify({ scene: scene.name, vault: path.basename(vaultDir), files: Object.keys(files).length, ...measured }, null, 1));
        console.log(`view timings in Chromium written to ${path.relative(process.cwd(), args.measure)}`);
      }
      const base = args.language === "en" ? scene.name : `${scene.name}-${args.language}`;
      const file = path.join(args.out, `${base}.png`);
      await page.screenshot({ path: file, animations: "disabled", caret: "hide" });
      if (args.html) writeFileSync(path.join(args.out, `${base}.html`), await page.content());
      await context.close();

      problems.push(...result.errors.map((e) => `handler error: ${e}`));
      const what = result.showing === "view" ? `the "${VIEW_TYPE}" view` : result.showing === "modal" ? "a modal" : "no view or modal";
      const note = result.showing !== "view" && args.commands.length === 0 ? ` (the plugin registers no "${VIEW_TYPE}" view yet)` : "";
      console.log(`${path.relative(process.cwd(), file)}: ${what} after ${result.ran.join(", ") || "no command"}${note}`);
      for (const notice of result.notices) console.log(`  notice: ${notice}`);
      for (const problem of problems) console.error(`  ${problem}`);
      if (problems.length > 0) failures++;
    }
    console.log(`\n${scenes.length} screenshot(s) for ${date} in ${path.relative(process.cwd(), args.out) || "."}`);
    if (failures > 0) {
      // Not fail(): process.exit() here would skip the clean-up below.
      console.error(`screenshots: ${failures} scene(s) had errors (listed above)`);
      process.exitCode = 1;
    }
  } finally {
    await browser?.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

try {
  await main();
} catch (error) {
  console.error(`screenshots: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
}
