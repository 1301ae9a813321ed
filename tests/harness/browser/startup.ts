/**
 * The app's startup order, shared by the Node loader (../load-plugin.ts) and the browser entry (./entry.ts).
 * No Node imports here: it is bundled for a real browser too.
 */
import * as obsidian from "../obsidian/index";
import { runtime, strict } from "../obsidian/internal";

export type PluginClass = new (app: obsidian.App, manifest: obsidian.PluginManifest) => obsidian.Plugin;

/** The `obsidian` module as main.js sees it: every export, and a loud error for any the stand-in lacks. */
export function obsidianModule(): object {
  return strict({ ...obsidian }, "obsidian");
}

/** The plugin class from a CommonJS `module.exports` (default export or the exports object itself). */
export function pluginClassOf(exported: unknown, source: string): PluginClass {
  const module = exported as { default?: unknown };
  const PluginClass = module.default ?? module;
  if (typeof PluginClass !== "function") throw new Error(`${source} does not export a plugin class`);
  return PluginClass as PluginClass;
}

export interface StartOptions {
  app: obsidian.App;
  PluginClass: PluginClass;
  manifest: obsidian.PluginManifest;
  /** `<configDir>/plugins/<id>`. */
  pluginDir: string;
  /** Called right after onload, before the vault scan and layout ready. */
  afterOnload?: (plugin: obsidian.Plugin, app: obsidian.App) => void | Promise<void>;
}

/**
 * As the app starts: the plugin is constructed and enabled, `load()` (→ onload), the vault scan (a `create` per
 * file), layout ready, then metadata `resolved`. Throws if any event handler threw during startup.
 */
export async function startPlugin({ app, PluginClass, manifest, pluginDir, afterOnload }: StartOptions): Promise<obsidian.Plugin> {
  const plugin = new PluginClass(app, { ...manifest, dir: pluginDir });
  app.plugins.plugins[manifest.id] = plugin;
  app.plugins.manifests[manifest.id] = manifest;
  app.plugins.enabledPlugins.add(manifest.id);
  await plugin.load();
  await afterOnload?.(plugin, app);
  await app.vault.load__();
  app.workspace.layoutReady__();
  app.metadataCache.startupResolved__();
  const startupErrors = runtime.takeHandlerErrors();
  if (startupErrors.length > 0) {
    throw new AggregateError(startupErrors, `${startupErrors.length} error(s) in event handlers during startup: ${String(startupErrors[0])}`);
  }
  return plugin;
}
