// The in-process benchmark runner. scripts/bench.mjs bundles this file with esbuild (bench/.cache/build/run.mjs)
// and starts it once per size and measurement (`node --expose-gc`), so every measurement gets a fresh heap; each
// run writes its result as JSON. The measurement logic is in the TypeScript modules (type-checked and linted with
// the plugin's rules); this file and the other .mjs files are the thin Node shell around them.
//
//   run.mjs generate      --people N --dated M --dir <folder>
//   run.mjs index         --people N --dated M --build-runs R --reps K --heap-runs H [--budget-ms B] --out <file.json>
//   run.mjs cli-breakdown --dir <folder> --date YYYY-MM-DD --warmup W --runs R --out <file.json>
//   run.mjs routine       --people N --dated M --reps K [--budget-ms B] --out <file.json>
//   run.mjs sliced        --people N --dated M --runs R --out <file.json>
import { writeFileSync } from "node:fs";
import { BENCH_TODAY } from "./generate";
import { setCollector } from "./stats";
import { runCliBreakdown } from "./suites/cli.mjs";
import { runIndexSuite } from "./suites/index";
import { runSlicedSuite } from "./suites/sliced";
import { runRoutineSuite } from "./suites/view";
import { ensureVaultFolder } from "./vault-folder.mjs";

const [command, ...rest] = process.argv.slice(2);
const o = new Map();
for (let i = 0; i < rest.length; i += 2) {
  if (!rest[i].startsWith("--")) throw new Error(`unexpected argument ${rest[i]}`);
  o.set(rest[i].slice(2), rest[i + 1] ?? "");
}
const num = (key, fallback) => {
  const value = o.get(key);
  if (value === undefined) {
    if (fallback === undefined) throw new Error(`--${key} is needed`);
    return fallback;
  }
  const n = Number(value);
  if (!Number.isFinite(n)) throw new Error(`--${key} must be a number`);
  return n;
};
const str = (key) => {
  const value = o.get(key);
  if (!value) throw new Error(`--${key} is needed`);
  return value;
};
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const log = (s) => process.stderr.write(`${s}\n`);
const write = (result) => writeFileSync(str("out"), JSON.stringify(result, null, 1));
setCollector(typeof globalThis.gc === "function" ? globalThis.gc : null);

if (command === "generate") {
  const r = ensureVaultFolder({ people: num("people"), datedNotes: num("dated") }, str("dir"));
  log(r.generated ? `  wrote ${r.stamp.files} notes (${(r.stamp.bytes / 1048576).toFixed(1)} MB) in ${(r.ms / 1000).toFixed(1)} s` : `  vault folder cached: ${r.stamp.files} notes`);
} else if (command === "index") {
  const spec = { people: num("people"), datedNotes: num("dated") };
  write(runIndexSuite({ spec, buildRuns: num("build-runs", 9), reps: num("reps", 200), heapRuns: num("heap-runs", 3), budgetMs: num("budget-ms", 6000), heapUsed: () => process.memoryUsage().heapUsed }, log));
} else if (command === "cli-breakdown") {
  write(runCliBreakdown(str("dir"), o.get("date") ?? BENCH_TODAY, { warmup: num("warmup", 1), runs: num("runs", 3) }));
} else if (command === "routine") {
  write(runRoutineSuite({ people: num("people"), datedNotes: num("dated") }, num("reps", 100), num("budget-ms", 6000)));
} else if (command === "sliced") {
  write(runSlicedSuite({ people: num("people"), datedNotes: num("dated") }, num("runs", 5), cpuMs, log));
} else {
  throw new Error(`unknown command ${command ?? "(none)"}`);
}
