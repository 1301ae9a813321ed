/*
 * `onload` time of the BUILT plugin (main.js), loaded into the test stand-in for the `obsidian` module
 * (tests/harness/load-plugin.ts) over a generated vault folder, the way the app starts it.
 *
 * Timed: `plugin.load()`, which awaits `onload()` (settings read through the adapter included) and loads its
 * children, as Obsidian reports a plugin's load time; also its synchronous part alone. The plugin defers indexing
 * to layout-ready, so onload does not depend on the vault (the stand-in loads the plugin before scanning it).
 * For information: the whole stand-in start-up (reading and parsing every file) and the wait until the index is
 * built, which are the stand-in's costs, not the plugin's.
 *
 *   onload.mjs --dir <vault folder> [--repo <folder with main.js>] --warmup W --runs R --out <file.json>
 */
import "./dom-global.mjs";
import { writeFileSync } from "node:fs";
import * as obsidian from "../tests/harness/obsidian/index";
import { loadPlugin } from "../tests/harness/load-plugin";
import { pluginArgs } from "./plugin-args.mjs";
import { collect, now, setCollector, summarize } from "./stats";

async function main() {
  setCollector(typeof globalThis.gc === "function" ? globalThis.gc : null);
  const { arg, dir, mainJs, manifest } = pluginArgs();
  const warmup = Number(arg("warmup", "3"));
  const runs = Number(arg("runs", "20"));

  const timings = [];
  const proto = obsidian.Plugin.prototype;
  const original = proto.load;
  proto.load = async function () {
    const t0 = now();
    const pending = original.call(this);
    const t1 = now();
    await pending;
    timings.push({ sync: t1 - t0, total: now() - t0 });
  };

  const start = [];
  const settle = [];
  let people = -1;
  let dated = -1;
  for (let i = 0; i < warmup + runs; i++) {
    collect();
    const t0 = now();
    const h = await loadPlugin({ vaultDir: dir, mainJs, manifest });
    const t1 = now();
    await h.settle();
    const t2 = now();
    if (i >= warmup) {
      start.push(t1 - t0);
      settle.push(t2 - t1);
    }
    const index = h.plugin.api;
    people = index?.people().length ?? -1;
    dated = index?.digest().datedNotes ?? -1;
    await h.unload();
  }
  const measured = timings.slice(warmup);
  writeFileSync(
    arg("out"),
    JSON.stringify(
      {
        onload: summarize(measured.map((t) => t.total)),
        onloadSync: summarize(measured.map((t) => t.sync)),
        standInStart: summarize(start),
        untilIndexed: summarize(settle),
        people,
        datedNotes: dated,
      },
      null,
      1,
    ),
  );
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
