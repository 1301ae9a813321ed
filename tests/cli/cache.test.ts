/**
 * The CLI's note cache (src/cli/noteCache.ts): a second run over an unchanged vault parses no note and gives the
 * same digest; a changed note is parsed again, and only it; other settings or code, or a damaged cache file, mean
 * every note is read again. Run from source on this thread (no workers), with every parse counted.
 */
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { generateVault } from "../../bench/generate";
import { openDiskVault, type DiskVault } from "../../src/cli/diskVault";
import { cacheFileFor } from "../../src/cli/noteCache";
import { PersonClassifier } from "../../src/domain/classify";
import { dayFromISO } from "../../src/domain/dates";
import { translator } from "../../src/i18n";
import { buildDigest, formatDigest, taskCommitments } from "../../src/report/digest";

const parses = vi.hoisted(() => ({ count: 0 }));
vi.mock("../../src/metadata/parse", async (importOriginal) => {
  const actual = await importOriginal<typeof import("../../src/metadata/parse")>();
  return {
    ...actual,
    parseMetadata: (...args: Parameters<typeof actual.parseMetadata>) => {
      parses.count++;
      return actual.parseMetadata(...args);
    },
  };
});

const work = mkdtempSync(path.join(tmpdir(), "network-notes-cache-test-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const vaultDir = path.join(work, "vault");
const cacheFile = cacheFileFor(path.join(work, "cache"), vaultDir);
const today = dayFromISO("2026-11-26") as number;
const t = translator("en");
/** Files written an hour ago, so the cache may keep them (it leaves out notes modified just before a run). */
const anHourAgo = new Date(Date.now() - 3_600_000);

function write(rel: string, text: string, when = anHourAgo): void {
  const file = path.join(vaultDir, rel);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
  utimesSync(file, when, when);
}

const generated = generateVault({ people: 40, datedNotes: 400 });
for (const [rel, text] of generated.files) write(rel, text);
for (const [rel, text] of generated.config) write(`.obsidian/${rel}`, text);
const markdown = [...generated.files.keys()].filter((p) => p.endsWith(".md")).length;

function digestOf(vault: DiskVault): string {
  const tasks = taskCommitments(vault.index, (p) => vault.taskLines(p), today, undefined, vault.settings.dailySection.heading);
  return formatDigest(buildDigest(vault.index, today, t, new PersonClassifier(vault.settings.people).describe(), tasks), t);
}

function open(code = "test code") {
  parses.count = 0;
  const vault = openDiskVault(vaultDir, { workers: 0, cacheFile, cacheCode: code });
  return { vault, parsed: parses.count, digest: digestOf(vault) };
}

describe("the CLI's note cache", () => {
  beforeEach(() => rmSync(path.join(work, "cache"), { recursive: true, force: true }));

  it("parses no note on a second run over an unchanged vault, and gives the same digest", () => {
    const none = openDiskVault(vaultDir, { workers: 0 });
    const first = open();
    expect(first.parsed).toBe(markdown);
    expect(first.vault.cache).toEqual({ file: cacheFile, hits: 0, parsed: markdown, written: true });
    expect(first.digest).toBe(digestOf(none));
    const second = open();
    expect(second.parsed).toBe(0);
    expect(second.vault.cache).toMatchObject({ hits: markdown, parsed: 0, written: false });
    expect(second.digest).toBe(first.digest);
    expect(second.digest).toContain("Due for a touch");
  });

  it("parses a changed note and a new one, and only them", () => {
    open();
    const daily = [...generated.files.keys()].find((p) => p.startsWith("Daily/")) as string;
    const person = [...generated.files.keys()].find((p) => p.startsWith("People/") && !p.includes("/", 7)) as string;
    const name = path.basename(person, ".md");
    write(daily, `${generated.files.get(daily) ?? ""}\n- Coffee with [[${name}]]\n`);
    write("Daily/2026/11/2026-11-27.md", `- Lunch with [[${name}]]\n`);
    const third = open();
    expect(third.parsed).toBe(2);
    expect(third.vault.cache).toMatchObject({ hits: markdown - 1, parsed: 2, written: true });
    expect(third.digest).toBe(digestOf(openDiskVault(vaultDir, { workers: 0 })));
    const fourth = open();
    expect(fourth.parsed).toBe(0);
    expect(fourth.digest).toBe(third.digest);
    rmSync(path.join(vaultDir, "Daily/2026/11/2026-11-27.md"));
    write(daily, generated.files.get(daily) ?? "");
  });

  it("keeps no record of a note modified just before the run", () => {
    open();
    const topic = [...generated.files.keys()].find((p) => p.startsWith("Topics/") || p.startsWith("Projects/")) as string;
    write(topic, `${generated.files.get(topic) ?? ""}\nmore\n`, new Date());
    expect(open().parsed).toBe(1);
    expect(open().parsed).toBe(1);
    write(topic, generated.files.get(topic) ?? "");
  });

  it("reads every note again for other code, other settings, or a damaged cache file", () => {
    open();
    expect(open("other code").parsed).toBe(markdown);
    writeFileSync(cacheFile, "not a cache");
    const damaged = open("other code");
    expect(damaged.parsed).toBe(markdown);
    expect(damaged.digest).toBe(digestOf(openDiskVault(vaultDir, { workers: 0 })));
    const settings = path.join(vaultDir, ".obsidian/plugins/network-notes/data.json");
    mkdirSync(path.dirname(settings), { recursive: true });
    writeFileSync(settings, JSON.stringify({ keys: { lastTouch: "last_contact" } }));
    try {
      expect(open("other code").parsed).toBe(markdown);
    } finally {
      rmSync(settings);
    }
  });
});
