/**
 * The browser side of tests/browser/xss.test.ts (bundled with esbuild into the page): the stand-in over an
 * in-memory copy of the hostile vault, the built main.js loaded the way the app loads it, then the same walk as
 * the stand-in test (tests/e2e/hostileWalk.ts). Real Chromium runs any handler a payload could smuggle in, so here
 * the flag, the report-only content security policy and the dialogs say whether anything ran.
 */
import * as obsidian from "../harness/obsidian/index";
import { configurePlatform, runtime } from "../harness/obsidian/internal";
import { MemoryBackend } from "../harness/browser/memory-backend";
import { obsidianModule, pluginClassOf, startPlugin } from "../harness/browser/startup";
import { walkHostileUi } from "../e2e/hostileWalk";

export interface XssRunOptions {
  files: Record<string, string>;
  manifest: obsidian.PluginManifest;
}

export interface XssRunResult {
  steps: string[];
  text: Record<string, string>;
  modalText: Record<string, string>;
  violations: string[];
  /** The walk's own failure (an element from a payload, a handler that ran), if any. */
  failure: string | null;
  flag: unknown;
  errors: string[];
  notices: string[];
}

type Factory = (exports: unknown, require: (id: string) => unknown, module: unknown) => void;

const violations: string[] = [];
document.addEventListener("securitypolicyviolation", (e) => {
  violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sample || "no sample"}) at ${e.sourceFile}:${e.lineNumber}`);
});

async function run(options: XssRunOptions): Promise<XssRunResult> {
  runtime.language = "en";
  configurePlatform(false);
  runtime.takeHandlerErrors();
  const app = new obsidian.App({ backend: MemoryBackend.from(options.files), vaultName: "hostile", appId: "xss" });
  // main.js came in its own script element (with the page's nonce), so nothing here turns text into code.
  const factory = (window as unknown as { networkNotesMain?: Factory }).networkNotesMain;
  if (!factory) throw new Error("main.js was not loaded into the page");
  const moduleObject = { exports: {} as Record<string, unknown> };
  const module = obsidianModule();
  factory(moduleObject.exports, (id) => {
    if (id === "obsidian") return module;
    throw new Error(`Cannot find module '${id}'`);
  }, moduleObject);
  const manifest = options.manifest;
  await startPlugin({ app, PluginClass: pluginClassOf(moduleObject.exports, "main.js"), manifest, pluginDir: `${app.vault.configDir}/plugins/${manifest.id}` });

  const errors: string[] = [];
  const host = {
    app: app as unknown as import("obsidian").App,
    async settle() {
      await runtime.drain();
      await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      errors.push(...runtime.takeHandlerErrors().map((e) => (e instanceof Error ? (e.stack ?? e.message) : String(e))));
    },
    runCommand: (id: string) => app.commands.executeCommandById(id),
    notices: () => app.noticeLog__.map((n) => n.message),
  };
  let failure: string | null = null;
  let log = { steps: [] as string[], text: {} as Record<string, string>, modalText: {} as Record<string, string> };
  try {
    log = await walkHostileUi(host);
  } catch (error) {
    failure = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  // Image errors and the like arrive a moment later: give them time before reading the flag.
  await new Promise((r) => setTimeout(r, 300));
  return { ...log, violations: [...violations], failure, flag: (window as unknown as { __nnXss?: unknown }).__nnXss, errors, notices: host.notices() };
}

(window as unknown as { networkNotesXss: { run: typeof run } }).networkNotesXss = { run };
