/*
 * The loose-touch view of the BUILT plugin (main.js) in the test stand-in over a generated vault folder, started
 * the way the app starts it, with the clock at the benchmark's day.
 *
 * First paint: one daily note edited (so the routine model is worked out afresh, as after any change), the view
 * closed, then timed: opening it (`setViewState`, whose `onOpen` draws about a screenful; the lists draw the rest of
what is in view after the first frame, counted once settled but not timed). Redraw: the
 * view open and visible, one daily note edited, the index told (the stand-in's `settle()`), and timed: the view's
 * own draw (the model worked out again and the DOM rebuilt). DOM nodes are counted in the view after each.
 * Not timed: the words of open tasks that link people, read after the draw (asynchronously) to join the checklist.
 *
 *   view.mjs --dir <vault folder> [--repo <folder with main.js>] --date YYYY-MM-DD --warmup W --runs R --out <file.json>
 */
import "./dom-global.mjs";
import { writeFileSync } from "node:fs";
import { loadPlugin } from "../tests/harness/load-plugin";
import { pluginArgs } from "./plugin-args.mjs";
import { collect, now, setCollector, summarize } from "./stats";

const VIEW = "network-notes-loose-touch";

function freezeDate(iso) {
  const fixed = new Date(`${iso}T12:00:00`).getTime();
  const Real = Date;
  class Frozen extends Real {
    constructor(...args) {
      super(...(args.length === 0 ? [fixed] : args));
    }
    static now() {
      return fixed;
    }
  }
  globalThis.Date = Frozen;
  return () => (globalThis.Date = Real);
}

async function main() {
  setCollector(typeof globalThis.gc === "function" ? globalThis.gc : null);
  const { arg, dir, mainJs, manifest } = pluginArgs();
  const warmup = Number(arg("warmup", "3"));
  const runs = Number(arg("runs", "15"));
  const date = arg("date");
  freezeDate(date);

  const t0 = now();
  const h = await loadPlugin({ vaultDir: dir, mainJs, manifest, settings: { dailySection: { enabled: false } } });
  await h.settle();
  const startup = now() - t0;
  const api = h.plugin.api;
  const { workspace, vault } = h.app;

  // One daily note that links a person; each edit adds or removes a line, so every edit really changes the index.
  const [year, month] = date.split("-");
  const dailyPath = `Daily/${year}/${month}/${date}.md`;
  const person = api.people()[0];
  const link = `- [[${person.name}]] quick hello`;
  let file = vault.getFileByPath(dailyPath);
  if (!file) file = await vault.create(dailyPath, "");
  const base = await vault.read(file);
  let flip = false;
  const edit = async () => {
    flip = !flip;
    await vault.modify(file, flip ? `${base}\n${link}\n` : base);
    await h.settle();
  };
  const nodes = (view) => view.containerEl.querySelectorAll("*").length;

  const firstPaint = [];
  const model = [];
  const dom = [];
  let firstNodes = 0;
  let settledNodes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    workspace.detachLeavesOfType(VIEW);
    await edit();
    collect();
    const leaf = workspace.getRightLeaf(false);
    const t = now();
    api.routine(); // the model, worked out once per revision (what the view draws from)
    const t1 = now();
    await leaf.setViewState({ type: VIEW, active: true });
    const t2 = now();
    if (i >= warmup) {
      firstPaint.push(t2 - t);
      model.push(t1 - t);
      dom.push(t2 - t1);
    }
    firstNodes = nodes(leaf.view);
    // settle() does not wait for animation frames: one passes (the view's lists measure themselves in it), then the
    // timeout the view set there (the rest of each list drawn).
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    await h.settle();
    settledNodes = nodes(leaf.view);
  }

  const view = workspace.getLeavesOfType(VIEW)[0].view;
  await workspace.revealLeaf(view.leaf);
  const drawTimes = [];
  const original = view.draw;
  view.draw = function (...a) {
    const t = now();
    const result = original.apply(this, a);
    drawTimes.push(now() - t);
    return result;
  };
  // The draw alone, nothing changed (model cached): what the DOM work costs.
  const drawOnly = [];
  for (let i = 0; i < warmup + runs; i++) {
    collect();
    const t = now();
    view.refresh(true);
    if (i >= warmup) drawOnly.push(now() - t);
  }
  const redraw = [];
  let redrawNodes = 0;
  for (let i = 0; i < warmup + runs; i++) {
    drawTimes.length = 0;
    collect();
    await edit();
    if (drawTimes.length !== 1) throw new Error(`expected one redraw after one edit, saw ${drawTimes.length}`);
    if (i >= warmup) redraw.push(drawTimes[0]);
    redrawNodes = nodes(view);
  }
  const last = api.routine();
  writeFileSync(
    arg("out"),
    JSON.stringify(
      {
        status: "measured",
        firstPaint: summarize(firstPaint),
        firstPaintModel: summarize(model),
        firstPaintDom: summarize(dom),
        drawOnly: summarize(drawOnly),
        redraw: summarize(redraw),
        domNodesFirstPaint: firstNodes,
        domNodesSettled: settledNodes,
        domNodesRedraw: redrawNodes,
        standInStartup: startup,
        people: last.people,
        due: last.due.length,
        followUps: last.followUps.length,
        renders: view.renders,
      },
      null,
      1,
    ),
  );
  await h.unload();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
