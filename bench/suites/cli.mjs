// Where the CLI digest's time goes, in process, over a generated vault folder: the same steps as `openDiskVault`
// (src/cli/diskVault.ts) and `run` (src/cli/main.ts), each timed on its own on this thread, then the whole
// `openDiskVault` + digest as the CLI runs it (parse workers as the CLI starts them, which load the built
// dist/cli.mjs), and the same on this thread only for comparison. Bundled into bench/.cache/build/run.mjs by
// scripts/bench.mjs.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { defaultWorkers, listVaultFiles, openDiskVault } from "../../src/cli/diskVault";
import { PersonClassifier } from "../../src/domain/classify";
import { DAILY_CONFIG_FILES, dailyConfigFromFiles } from "../../src/domain/datedNotes";
import { dayFromISO } from "../../src/domain/dates";
import { translator } from "../../src/i18n";
import { indexConfig } from "../../src/index/build";
import { PeopleIndex } from "../../src/index/PeopleIndex";
import { parseMetadata } from "../../src/metadata/parse";
import { bareName, resolverForNames } from "../../src/metadata/resolve";
import { buildDigest, formatDigest, taskCommitments } from "../../src/report/digest";
import { migrateSettings } from "../../src/settings/migrate";
import { collect, keep, now, summarize } from "../stats";

function readConfig(root, rel) {
  try {
    return readFileSync(path.join(root, ".obsidian", rel), "utf8");
  } catch {
    return null;
  }
}

/**
 * Phases (ms, summarised over `runs` after `warmup`): walk (list the folder), read (readFileSync utf8 of every
 * Markdown file), stat (statSync of each; the CLI now reads the creation time of people only), parse
 * (parseMetadata, every note's metadata held at once), resolver (fill a LinkResolver with the files that could
 * answer a person's link, as the CLI does at the index's first question), index (`index.load`, links resolved),
 * digest (buildDigest + formatDigest), and, in the last run only, total (openDiskVault + open tasks + digest,
 * as the CLI runs them: `workers` parse workers, 0 when dist/cli.mjs is missing or the vault is small) and
 * totalInThread (the same with no workers).
 */
export function runCliBreakdown(root, date, { warmup, runs }) {
  const day = dayFromISO(date);
  if (day === null) throw new Error(`bad date ${date}`);
  const t = translator("en");
  const phases = { walk: [], read: [], stat: [], parse: [], resolver: [], index: [], digest: [], total: [], totalInThread: [] };
  let files = 0;
  let markdown = 0;
  for (let run = 0; run < warmup + runs; run++) {
    const record = (phase, ms) => {
      if (run >= warmup) phases[phase].push(ms);
    };
    collect();
    const { settings } = migrateSettings(null);
    const daily = dailyConfigFromFiles({ core: readConfig(root, DAILY_CONFIG_FILES.core), periodic: readConfig(root, DAILY_CONFIG_FILES.periodic), community: readConfig(root, DAILY_CONFIG_FILES.community) }, settings.dailyNotes);

    let t0 = now();
    const paths = listVaultFiles(root);
    record("walk", now() - t0);
    const md = paths.filter((p) => p.endsWith(".md"));
    files = paths.length;
    markdown = md.length;

    t0 = now();
    const texts = md.map((p) => readFileSync(path.join(root, p), "utf8"));
    record("read", now() - t0);

    t0 = now();
    const ctimes = md.map((p) => {
      const stat = statSync(path.join(root, p));
      return stat.birthtimeMs > 0 ? stat.birthtimeMs : stat.mtimeMs;
    });
    record("stat", now() - t0);

    t0 = now();
    const metas = texts.map((text) => parseMetadata(text));
    record("parse", now() - t0);

    // As the CLI does it: the resolver is made at the index's first question, over the files that could answer a
    // person's link; its time is taken out of the index's.
    let resolver = null;
    let resolverMs = 0;
    const resolve = (linkpath, source) => {
      if (resolver === null) {
        const t1 = now();
        resolver = resolverForNames(paths, new Set(index.allPeople().map((person) => bareName(person.path))));
        resolverMs = now() - t1;
      }
      return resolver.resolve(linkpath, source);
    };
    t0 = now();
    const index = new PeopleIndex(indexConfig(settings, daily, resolve));
    index.load(md.map((p, i) => ({ path: p, ctime: ctimes[i] ?? 0, meta: metas[i] ?? null })));
    const indexMs = now() - t0;
    record("resolver", resolverMs);
    record("index", indexMs - resolverMs);

    t0 = now();
    keep(formatDigest(buildDigest(index, day, t, new PersonClassifier(settings.people).describe()), t));
    record("digest", now() - t0);

  }
  // After the phases, so none of their texts and metadata is still held.
  const cli = path.resolve("dist/cli.mjs");
  const workerModule = existsSync(cli) ? pathToFileURL(cli).href : undefined;
  const whole = (options) => {
    collect();
    const t1 = now();
    const vault = openDiskVault(root, options);
    const commitments = taskCommitments(vault.index, (p) => vault.taskLines(p), day);
    keep(formatDigest(buildDigest(vault.index, day, t, new PersonClassifier(vault.settings.people).describe(), commitments), t));
    return now() - t1;
  };
  const workers = workerModule === undefined ? 0 : defaultWorkers(markdown);
  phases.total.push(whole({ workerModule }));
  phases.totalInThread.push(whole({ workers: 0 }));
  const out = { files, markdown, workers };
  for (const [phase, samples] of Object.entries(phases)) out[phase] = summarize(samples);
  return out;
}
