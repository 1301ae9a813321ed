/**
 * network-notes: the plugin's picture of a vault, in the terminal.
 *   network-notes digest --vault <folder> [--date YYYY-MM-DD] [--json] [--lang en|zh] [--workers N] [--no-cache]
 *   network-notes import <file> --vault <folder> [--apply] [--tier <tier>] [--overwrite <field,…>] [--json] [--lang en|zh]
 */
import { PersonClassifier } from "../domain/classify";
import { dayFromISO, today } from "../domain/dates";
import { pickLanguage, translator } from "../i18n";
import { buildDigest, formatDigest, taskCommitments } from "../report/digest";
import { openDiskVault } from "./diskVault";
import { cacheCodeOf, cacheFileFor, defaultCacheDir } from "./noteCache";
import { runImport } from "./importCli";
import { repairText } from "../settings/migrate";

// A parse worker loads this bundle and runs this (see ./parseNotes.ts).
export { runParseWorker } from "./parseNotes";

const USAGE = `Usage:
  network-notes digest --vault <folder> [--date YYYY-MM-DD] [--json] [--lang en|zh] [--workers N] [--no-cache]
  network-notes import <file> --vault <folder> [--apply] [--tier <tier>] [--overwrite <field,…>] [--json] [--lang en|zh]

digest prints who is due for a touch (and why), open commitments, and problems found in person notes.
--workers N reads and parses notes on N threads (0: none); by default one per core but one for big vaults.
--no-cache reads every note; by default what was found in unchanged notes is kept between runs in
${defaultCacheDir()} (never in the vault).
import shows what importing LinkedIn's Connections.csv or a vCard file would do; --apply writes it.`;

interface Args {
  command: string | undefined; file?: string; vault?: string; date?: string; json: boolean; lang?: string; workers?: number; cache: boolean; help: boolean;
  apply: boolean; tier?: string; overwrite?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { command: undefined, json: false, cache: true, help: false, apply: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith("--")) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--vault") args.vault = value();
    else if (a === "--date") args.date = value();
    else if (a === "--lang") args.lang = value();
    else if (a === "--workers") {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0 || n > 64) throw new Error("--workers needs a whole number from 0 to 64");
      args.workers = n;
    }
    else if (a === "--json") args.json = true;
    else if (a === "--no-cache") args.cache = false;
    else if (a === "--apply") args.apply = true;
    else if (a === "--tier") args.tier = value();
    else if (a === "--overwrite") args.overwrite = value();
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a?.startsWith("--")) throw new Error(`Unknown option ${a}`);
    else if (args.command === undefined) args.command = a;
    else if (args.command === "import" && args.file === undefined) args.file = a;
    else throw new Error(`Unexpected argument ${a}`);
  }
  return args;
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Text for a terminal: control characters from notes (an escape sequence in a file name could retitle the window,
 * clear the screen or hide a line) are written as `\u001b`-style escapes, visible and still valid inside JSON.
 */
export function terminalSafe(text: string): string {
  return text.replace(TERMINAL_CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export function run(argv: string[], rawOut: (s: string) => void, rawErr: (s: string) => void): number {
  const out = (s: string) => rawOut(terminalSafe(s));
  const err = (s: string) => rawErr(terminalSafe(s));
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    err(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help || args.command === undefined) {
    out(USAGE);
    return args.help ? 0 : 2;
  }
  const language = pickLanguage(args.lang ?? process.env.LANG?.split(/[._]/)[0] ?? "en");
  if (args.command === "import") {
    if (!args.file || !args.vault) {
      err(`import needs a file and --vault <folder>\n\n${USAGE}`);
      return 2;
    }
    return runImport({ file: args.file, vault: args.vault, apply: args.apply, tier: args.tier, overwrite: args.overwrite, json: args.json }, translator(language), language, out, err);
  }
  if (args.command !== "digest") {
    err(`Unknown command ${args.command}\n\n${USAGE}`);
    return 2;
  }
  if (!args.vault) {
    err(`digest needs --vault <folder>\n\n${USAGE}`);
    return 2;
  }
  const day = args.date === undefined ? today() : dayFromISO(args.date);
  if (day === null) {
    err(`--date must be a real date written YYYY-MM-DD, not “${args.date}”`);
    return 2;
  }
  const t = translator(language);
  let vault;
  try {
    const cache = args.cache ? { cacheFile: cacheFileFor(defaultCacheDir(), args.vault), cacheCode: cacheCodeOf(workerModule()) } : {};
    vault = openDiskVault(args.vault, { workers: args.workers, workerModule: workerModule(), ...cache });
  } catch (e) {
    err((e as Error).message);
    return 1;
  }
  for (const repair of vault.settingsRepairs) err(`settings: ${repairText(repair, t)}`);
  const digest = buildDigest(vault.index, day, t, new PersonClassifier(vault.settings.people).describe(), taskCommitments(vault.index, (p) => vault.taskLines(p), day, undefined, vault.settings.dailySection.heading));
  out(args.json ? JSON.stringify({ ...digest, dailyNotes: vault.daily }, null, 2) : formatDigest(digest, t));
  return 0;
}

/** This module's own URL when it runs as the built bundle (which a worker can load); unset from source. */
function workerModule(): string | undefined {
  const url = import.meta.url;
  return url.endsWith(".mjs") || url.endsWith(".js") ? url : undefined;
}
