/**
 * The command-line tool, run as a user runs it: the built dist/cli.mjs through bin/network-notes.mjs
 * (npm test builds before running the tests).
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate";

const BASIC = "tests/fixtures/vaults/basic";
/** The CLI keeps a note cache in the user's cache folder: here, a folder of the tests' own. */
const CACHE_HOME = mkdtempSync(path.join(tmpdir(), "network-notes-cache-"));
afterAll(() => rmSync(CACHE_HOME, { recursive: true, force: true }));

function cli(...args: string[]) {
  const r = spawnSync("node", ["bin/network-notes.mjs", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C", XDG_CACHE_HOME: CACHE_HOME } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.runIf(existsSync("dist/cli.mjs"))("network-notes digest", () => {
  it("prints who is due with why, open commitments and problems", () => {
    const { code, out } = cli("digest", "--vault", BASIC, "--date", "2026-11-26");
    expect(code).toBe(0);
    expect(out).toContain("Network Notes for 2026-11-26");
    expect(out).toContain("Due for a touch (3)");
    const due = out.split("Due for a touch")[1]!.split("Open commitments")[0]!;
    expect(due.indexOf("Alice Chen")).toBeLessThan(due.indexOf("Dev Patel"));
    expect(due.indexOf("Dev Patel")).toBeLessThan(due.indexOf("王芳"));
    expect(due).toContain("Alice Chen (Meaningful): last touch 4 weeks ago, from the last_touch property; every 14 days");
    expect(out).toContain("You promised Alice Chen: Send the book list (was due 2026-11-20)");
    expect(out).toContain("Alice Chen promised you: Share her deck (due 2026-12-05)");
    expect(out).toContain("Notes to tidy (6)");
    expect(out).toContain("Open commitments (6): 0 due today, 1 past their day");
    expect(out).toContain("You promised Dev Patel: Call Dev Patel about the meetup");
  });

  it("gives the same data as JSON", () => {
    const { code, out } = cli("digest", "--vault", BASIC, "--date", "2026-11-26", "--json");
    expect(code).toBe(0);
    const digest = JSON.parse(out) as { due: { name: string }[]; problems: { path: string; code: string }[]; dailyNotes: { folder: string } };
    expect(digest.due.map((d) => d.name)).toEqual(["Alice Chen", "Dev Patel", "王芳"]);
    expect(digest.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual([
      "People/Grace Kim.md tier-unknown",
      "People/Hugo Lind.md date-unreadable",
      "People/Iris Novak.md yaml-unreadable",
      "People/Jon Berg.md list-expected",
      "People/Kim Osei.md date-in-future",
      "People/Leo Rossi.md cadence-unreadable",
    ]);
    expect(digest.dailyNotes.folder).toBe("Daily");
    expect((digest as unknown as { commitmentCounts: { open: number; byPerson: Record<string, { open: number; overdue: number }> } }).commitmentCounts)
      .toMatchObject({ open: 6, dueToday: 0, overdue: 1, byPerson: { "People/Alice Chen.md": { open: 3, overdue: 1 } } });
  });

  it("speaks Chinese when asked", () => {
    const { out } = cli("digest", "--vault", BASIC, "--date", "2026-11-26", "--lang", "zh");
    expect(out).toContain("该联系一下了（3）");
    expect(out).toContain("你答应 Alice Chen：Send the book list（原定 2026-11-20）");
  });

  it("explains bad usage and missing folders instead of crashing", () => {
    expect(cli("digest").code).toBe(2);
    expect(cli("digest", "--vault", BASIC, "--date", "2026-02-30").err).toContain("--date must be a real date");
    const missing = cli("digest", "--vault", "no/such/folder");
    expect(missing.code).toBe(1);
    expect(missing.err).toContain("No vault folder at no/such/folder");
    expect(cli("frobnicate").code).toBe(2);
    expect(cli("digest", "--vault", BASIC, "--workers", "two").err).toContain("--workers needs a whole number");
  });

  it("gives the same digest whether notes are parsed on worker threads or not", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "network-notes-workers-"));
    try {
      const vault = generateVault({ people: 150, datedNotes: 1500 });
      for (const [rel, text] of [...vault.files, ...[...vault.config].map(([rel, text]) => [`.obsidian/${rel}`, text] as const)]) {
        mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        writeFileSync(path.join(dir, rel), text);
      }
      for (const folder of [BASIC, dir]) {
        // No note cache here, so every run reads and parses every note.
        const inThread = cli("digest", "--vault", folder, "--date", "2026-11-26", "--json", "--workers", "0", "--no-cache");
        expect(inThread.code).toBe(0);
        for (const workers of ["1", "3"]) {
          const threaded = cli("digest", "--vault", folder, "--date", "2026-11-26", "--json", "--workers", workers, "--no-cache");
          expect(threaded.code).toBe(0);
          expect(threaded.out).toBe(inThread.out);
        }
      }
      const digest = JSON.parse(cli("digest", "--vault", dir, "--date", "2026-11-26", "--json", "--workers", "2", "--no-cache").out) as { people: number; commitments: unknown[] };
      expect(digest.people).toBe(150);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("gives the same digest from a note cache written on a run with parse workers, with workers or not", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "network-notes-workers-cache-"));
    const cacheHome = path.join(dir, "cache");
    const vaultDir = path.join(dir, "vault");
    // Written an hour ago: the cache leaves out notes modified just before a run.
    const anHourAgo = new Date(Date.now() - 3_600_000);
    try {
      const vault = generateVault({ people: 150, datedNotes: 1500 });
      for (const [rel, text] of [...vault.files, ...[...vault.config].map(([rel, text]) => [`.obsidian/${rel}`, text] as const)]) {
        const file = path.join(vaultDir, rel);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
        utimesSync(file, anHourAgo, anHourAgo);
      }
      const run = (...args: string[]) => {
        const r = spawnSync("node", ["bin/network-notes.mjs", "digest", "--vault", vaultDir, "--date", "2026-11-26", "--json", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C", XDG_CACHE_HOME: cacheHome } });
        expect(r.status).toBe(0);
        return r.stdout;
      };
      const expected = run("--workers", "0", "--no-cache");
      expect(JSON.parse(expected)).toMatchObject({ people: 150 });
      expect(run("--workers", "2")).toBe(expected);
      const [file] = readdirSync(path.join(cacheHome, "network-notes"));
      const written = statSync(path.join(cacheHome, "network-notes", file as string)).mtimeMs;
      for (const workers of ["2", "0"]) expect(run("--workers", workers)).toBe(expected);
      // Every note came from the cache: nothing new, so the file was not written again.
      expect(statSync(path.join(cacheHome, "network-notes", file as string)).mtimeMs).toBe(written);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("does not count the tasks of a daily note's loose-touch section as commitments", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "nn-cli-section-"));
    try {
      cpSync(BASIC, dir, { recursive: true });
      writeFileSync(path.join(dir, "Daily", "2026-11-26.md"), "## Today\n- [ ] Ring [[Bob Okafor]] about the boat\n\n## Loose touch\n- [ ] Share something with [[Dev Patel]]\n- [ ] Say thanks to [[王芳]]\n");
      for (const workers of ["0", "1"]) {
        const { code, out } = cli("digest", "--vault", dir, "--date", "2026-11-26", "--workers", workers, "--no-cache");
        expect(code).toBe(0);
        expect(out).toContain("You promised Bob Okafor: Ring Bob Okafor about the boat");
        expect(out).not.toContain("Share something with");
        expect(out).not.toContain("Say thanks to");
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says where it looked when it finds no people", () => {
    const { code, out } = cli("digest", "--vault", "tests/fixtures/vaults/basic/Daily", "--date", "2026-11-26");
    expect(code).toBe(0);
    expect(out).toContain("No person notes found. Looked in folders: People; for tags: #person, #people; for the property: type: person.");
  });
});

describe.runIf(existsSync("dist/cli.mjs"))("the demo vault", () => {
  it("is generated for any day and gives a sensible digest: a few due, every deliberate problem named", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "network-notes-demo-"));
    try {
      cpSync("demo-vault/.obsidian", path.join(dir, ".obsidian"), { recursive: true, filter: (src) => !src.includes(`${path.sep}plugins${path.sep}`) });
      for (const today of ["2026-11-26", "2027-06-15"]) {
        const gen = spawnSync("node", ["scripts/make-demo-vault.mjs", "--vault", dir, "--today", today], { encoding: "utf8" });
        expect(gen.status).toBe(0);
        const { code, out } = cli("digest", "--vault", dir, "--date", today, "--json");
        expect(code).toBe(0);
        const digest = JSON.parse(out) as { people: number; due: { name: string; estimate: boolean }[]; problems: { path: string; code: string }[]; dailyNotes: { format: string } };
        expect(digest.dailyNotes.format).toBe("YYYY/MM/YYYY-MM-DD");
        expect(digest.people).toBe(31);
        // People never touched count from their note's creation (the real file time), so only real touches are compared.
        expect(digest.due.filter((d) => !d.estimate).map((d) => d.name).sort()).toEqual(["Hannah Cohen", "Ingrid Johansen", "Kenji Watanabe", "Lucas Martin", "Rafael Souza", "Tomás Herrera"]);
        expect(digest.problems.map((p) => `${p.path} ${p.code}`).sort()).toEqual([
          "People/Aisha Khan.md cadence-unreadable",
          "People/Chloe Bennett.md tier-unknown",
          "People/Elif Demir.md yaml-unreadable",
          "People/Jonas Berg.md date-unreadable",
          "People/Omar Haddad.md list-expected",
          "People/Sofia Rossi.md date-in-future",
        ]);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
