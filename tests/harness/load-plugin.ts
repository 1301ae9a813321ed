/**
 * Loads the BUILT plugin bundle (main.js) into the stand-in over a real temporary vault folder, the way the app
 * starts: App → plugin.load() → vault scan (a `create` per file) → layout ready → metadata `resolved`.
 */
import { createHash } from "node:crypto";
import { rmSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import vm from "node:vm";
import type { App as ObsidianApp, CachedMetadata } from "obsidian";
import { NodeBackend } from "./backend-node";
import type { VaultBackend } from "./obsidian/backend";
import * as obsidian from "./obsidian/index";
import { configurePlatform, MarkdownPreviewRenderer, Menu, runtime, type LinkResolverLike } from "./obsidian/internal";
import { obsidianModule, pluginClassOf, startPlugin } from "./browser/startup";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const repoRequire = createRequire(path.join(repoRoot, "package.json"));

export interface LoadOptions {
  fixture?: string; // a folder copied into a fresh temp dir (e.g. "tests/fixtures/vaults/basic")
  files?: Record<string, string>; // extra files written into the temp vault before start (vault-relative paths)
  settings?: unknown; // written as the plugin's data.json before start
  mainJs?: string; // path to the bundle, default "<repo>/main.js"
  language?: string; // getLanguage(), default "en"
  mobile?: boolean; // Platform.isMobile
  vaultDir?: string; // reuse an existing folder instead of copying (for restart tests)
  /**
   * Keep the vault in this backend instead of the folder on disk (e.g. a MemoryBackend for a vault of tens of
   * thousands of notes, so disk speed does not weigh on the suite). `files`, the manifest and `settings` are
   * written into it; `fixture` is not supported with it.
   */
  backend?: VaultBackend;
  /** Allow `require()` of Node built-ins and other packages from main.js (a desktop-only plugin). Default false. */
  desktop?: boolean;
  /** Manifest to use instead of the repo's manifest.json. */
  manifest?: Record<string, unknown>;
  /** Temporary test hooks; the defaults are the project's own parseMetadata / LinkResolver / getLinkpath. */
  parse?: (text: string) => CachedMetadata;
  resolver?: () => LinkResolverLike;
  getLinkpath?: (linktext: string) => string;
  /** Called right after onload, before the vault scan and layout ready: to check what onload did (and did not do). */
  afterOnload?: (plugin: obsidian.Plugin, app: obsidian.App) => void | Promise<void>;
}

export interface Harness {
  app: ObsidianApp;
  plugin: any;
  vaultDir: string;
  settle(): Promise<void>;
  runCommand(id: string): boolean;
  commandIds(): string[];
  notices(): string[];
  write(path: string, text: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  remove(path: string): Promise<void>;
  read(path: string): Promise<string>;
  unload(): Promise<void>;
  restart(): Promise<Harness>;
}

/** The stand-in's own type for `h.app`: the unofficial members it implements (`commands`, `plugins`, `setting`, …). */
export function standInApp(app: ObsidianApp): obsidian.App {
  return app as unknown as obsidian.App;
}

const tempRoots: string[] = [];
let cleanupRegistered = false;

async function makeVault(opts: LoadOptions): Promise<string> {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on("exit", () => {
      for (const dir of tempRoots) rmSync(dir, { recursive: true, force: true });
    });
  }
  const temp = await mkdtemp(path.join(os.tmpdir(), "network-notes-e2e-"));
  tempRoots.push(temp);
  const vaultDir = path.join(temp, opts.fixture ? path.basename(opts.fixture) : "vault");
  if (opts.fixture) await cp(path.resolve(repoRoot, opts.fixture), vaultDir, { recursive: true });
  else await mkdir(vaultDir, { recursive: true });
  return vaultDir;
}

async function writeVaultFile(vaultDir: string, file: string, text: string): Promise<void> {
  const target = path.join(vaultDir, ...file.split("/"));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, text, "utf8");
}

function setMomentLocale(language: string): void {
  const wanted = language.toLowerCase();
  const candidates = wanted === "en" ? [] : [wanted, wanted === "zh" ? "zh-cn" : wanted.replace("_", "-")];
  for (const candidate of candidates) {
    try {
      repoRequire(`moment/locale/${candidate}`);
      if (obsidian.moment.locale(candidate) === candidate) return;
    } catch {
      // no such moment locale: try the next spelling
    }
  }
  obsidian.moment.locale("en");
}

/** `require` as the app offers it to plugins. */
function pluginRequire(desktop: boolean, moduleObject: object): (id: string) => unknown {
  return (id: string) => {
    if (id === "obsidian") return moduleObject;
    if (id === "@codemirror/state" || id === "@codemirror/view") return repoRequire(id);
    if (desktop) return repoRequire(id);
    throw new Error(`Cannot find module '${id}' (the stand-in only provides obsidian and @codemirror/*: main.js must run on mobile)`);
  };
}

export async function loadPlugin(opts: LoadOptions = {}): Promise<Harness> {
  const vaultDir = opts.vaultDir ? path.resolve(opts.vaultDir) : await makeVault(opts);
  const manifest = (opts.manifest ?? JSON.parse(await readFile(path.join(repoRoot, "manifest.json"), "utf8"))) as obsidian.PluginManifest;
  const configDir = ".obsidian";
  const pluginDir = `${configDir}/plugins/${manifest.id}`;
  if (opts.backend && opts.fixture) throw new Error("loadPlugin: a fixture is copied to disk, so it cannot go with a backend");
  const backend = opts.backend ?? new NodeBackend(vaultDir);
  const put = async (file: string, text: string) => {
    if (!opts.backend) return writeVaultFile(vaultDir, file, text);
    if (file.includes("/")) await backend.mkdir(file.slice(0, file.lastIndexOf("/")));
    await backend.write(file, text);
  };
  for (const [file, text] of Object.entries(opts.files ?? {})) await put(file, text);
  await put(`${pluginDir}/manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
  if (opts.settings !== undefined) await put(`${pluginDir}/data.json`, JSON.stringify(opts.settings, null, 2));

  if (opts.mobile && manifest.isDesktopOnly) throw new Error(`${manifest.id} is desktop-only: the app would not load it on mobile`);
  runtime.language = opts.language ?? "en";
  setMomentLocale(runtime.language);
  configurePlatform(opts.mobile ?? false);
  runtime.takeHandlerErrors();
  const startSequence = runtime.currentSequence;

  const app = new obsidian.App({
    backend,
    vaultName: path.basename(vaultDir),
    appId: createHash("sha1").update(vaultDir).digest("hex").slice(0, 16),
    parse: opts.parse,
    resolver: opts.resolver,
    getLinkpath: opts.getLinkpath,
  });

  const mainJs = path.resolve(repoRoot, opts.mainJs ?? "main.js");
  const code = await readFile(mainJs, "utf8");
  const moduleObject = { exports: {} as Record<string, unknown> };
  const wrapper = vm.runInThisContext(`(function(exports, require, module) {${code}\n})`, { filename: mainJs }) as (
    exports: unknown,
    require: (id: string) => unknown,
    module: unknown,
  ) => void;
  wrapper(moduleObject.exports, pluginRequire(opts.desktop ?? false, obsidianModule()), moduleObject);
  const PluginClass = pluginClassOf(moduleObject.exports, mainJs);
  const plugin = await startPlugin({ app, PluginClass, manifest, pluginDir, afterOnload: opts.afterOnload });

  return makeHarness({ opts, app, plugin, vaultDir, manifest, startSequence });
}

interface Loaded {
  opts: LoadOptions;
  app: obsidian.App;
  plugin: obsidian.Plugin;
  vaultDir: string;
  manifest: obsidian.PluginManifest;
  startSequence: number;
}

function makeHarness(loaded: Loaded): Harness {
  const { opts, app, plugin, vaultDir, manifest } = loaded;
  let unloaded = false;

  const settle = async () => {
    await runtime.drain();
    const errors = runtime.takeHandlerErrors();
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} errors in event handlers or background work`);
  };

  const fileAt = (file: string) => {
    const found = app.vault.getAbstractFileByPath(obsidian.normalizePath(file));
    if (!found) throw new Error(`no file or folder "${file}" in the vault`);
    return found;
  };

  const harness: Harness = {
    app: app as unknown as ObsidianApp,
    plugin,
    vaultDir,
    settle,
    runCommand: (id) => app.commands.executeCommandById(id),
    commandIds: () => Object.keys(app.commands.commands).sort(),
    notices: () => app.noticeLog__.map((notice) => notice.message),

    async write(file, text) {
      const target = obsidian.normalizePath(file);
      if (!app.vault.isIndexable(target)) {
        await app.vault.adapter.write(target, text);
        if (target === plugin.dataPath__()) {
          const changed = (plugin as { onExternalSettingsChange?: () => unknown }).onExternalSettingsChange?.();
          if (changed instanceof Promise) await changed;
        }
        return;
      }
      const existing = app.vault.getAbstractFileByPath(target);
      if (existing instanceof obsidian.TFile) return app.vault.modify(existing, text);
      if (existing) throw new Error(`write: "${target}" is a folder`);
      const folder = target.includes("/") ? target.slice(0, target.lastIndexOf("/")) : "";
      if (folder && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
      await app.vault.create(target, text);
    },

    rename: (from, to) => app.fileManager.renameFile(fileAt(from), to),
    remove: (file) => app.vault.delete(fileAt(file), true),
    read: (file) => opts.backend ? opts.backend.read(obsidian.normalizePath(file)) : readFile(path.join(vaultDir, ...obsidian.normalizePath(file).split("/")), "utf8"),

    async unload() {
      if (unloaded) return;
      unloaded = true;
      plugin.unload();
      await runtime.drain();
      const leaks = findLeaks(loaded);
      const errors = runtime.takeHandlerErrors();
      for (const menu of Menu.shown__.slice()) menu.hide();
      delete app.plugins.plugins[manifest.id];
      app.plugins.enabledPlugins.delete(manifest.id);
      app.destroy__();
      if (leaks.length > 0 || errors.length > 0) {
        const lines = [...leaks.map((l) => `- ${l}`), ...errors.map((e) => `- error: ${e instanceof Error ? e.message : String(e)}`)];
        throw new Error(`${manifest.id} left things behind after unload():\n${lines.join("\n")}`);
      }
    },

    async restart() {
      await harness.unload();
      return loadPlugin({ ...opts, fixture: undefined, files: undefined, settings: undefined, vaultDir });
    },
  };
  return harness;
}

/** Everything a plugin can register that must be gone after `plugin.unload()`. */
function findLeaks({ app, plugin, manifest, startSequence }: Loaded): string[] {
  const leaks: string[] = [];
  const sources: [string, obsidian.Events][] = [
    ["app.vault", app.vault],
    ["app.metadataCache", app.metadataCache],
    ["app.workspace", app.workspace],
  ];
  app.workspace.iterateAllLeaves((leaf) => sources.push([`leaf ${leaf.id}`, leaf]));
  for (const [name, events] of sources) {
    for (const [event, count] of Object.entries(events.handlerCounts__())) leaks.push(`${count} "${event}" handler(s) on ${name}`);
  }
  if (plugin._loaded) leaks.push("the plugin is still loaded");
  const commands = Object.keys(app.commands.commands).filter((id) => id.startsWith(`${manifest.id}:`));
  if (commands.length > 0) leaks.push(`commands: ${commands.join(", ")}`);
  const builtInViews = new Set(["empty", "markdown"]);
  const viewTypes = Object.keys(app.viewRegistry.viewByType).filter((t) => !builtInViews.has(t));
  if (viewTypes.length > 0) leaks.push(`registered view types: ${viewTypes.join(", ")}`);
  app.workspace.iterateAllLeaves((leaf) => {
    const type = leaf.view.getViewType();
    if (!builtInViews.has(type)) leaks.push(`an open "${type}" view`);
  });
  if (app.setting.pluginTabs.length > 0) leaks.push(`${app.setting.pluginTabs.length} settings tab(s)`);
  if (app.workspace.ribbonEl__.childElementCount > 0) leaks.push(`${app.workspace.ribbonEl__.childElementCount} ribbon icon(s)`);
  if (app.statusBarEl__.childElementCount > 0) leaks.push(`${app.statusBarEl__.childElementCount} status bar item(s)`);
  for (const [id, what] of runtime.liveRegistrations) if (id > startSequence) leaks.push(what);
  if (MarkdownPreviewRenderer.postProcessors__.size > 0) leaks.push(`${MarkdownPreviewRenderer.postProcessors__.size} Markdown post-processor(s)`);
  if (MarkdownPreviewRenderer.codeBlockProcessors__.size > 0) leaks.push(`code block processors: ${[...MarkdownPreviewRenderer.codeBlockProcessors__.keys()].join(", ")}`);
  if (app.editorExtensions__.length > 0) leaks.push(`${app.editorExtensions__.length} editor extension(s)`);
  return leaks;
}
