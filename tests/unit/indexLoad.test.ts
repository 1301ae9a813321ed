/**
 * The index's bulk load in its two other forms: in slices (as the plugin loads a vault at start-up) and from what an
 * earlier load found in each note (as the CLI's note cache hands notes over). Both must give exactly the index a
 * one-shot load gives.
 */
import type { CachedMetadata } from "obsidian";
import { describe, expect, it } from "vitest";
import { generateVault } from "../../bench/generate";
import { buildIndex, loadVault, type LoadedVault } from "../../bench/vault";
import { indexConfig } from "../../src/index/build";
import { PeopleIndex, type IndexedNote, type ScannedNote } from "../../src/index/PeopleIndex";

const v = loadVault(generateVault({ people: 60, datedNotes: 600 }));

/** Everything a reader of the index can see, as plain data. */
function picture(index: PeopleIndex, vault: LoadedVault) {
  const statuses = index.statuses(vault.today).map((s) => ({ path: s.person.path, state: s.state, last: s.lastTouch, dueFrom: s.dueFrom }));
  statuses.sort((a, b) => (a.path < b.path ? -1 : 1));
  const touches = statuses.map((s) => [s.path, index.datedTouches(s.path).map(([p, d]) => `${p}@${d}`).sort()]);
  const tasks = index.openTasks().map((t) => `${t.path}:${t.line}:${t.person}`).sort();
  return { people: index.personCount, dated: index.datedNoteCount, statuses, touches, tasks, problems: index.problems(vault.today).length };
}

function notes(vault: LoadedVault): IndexedNote[] {
  return vault.files.map((f) => ({ path: f.path, ctime: f.ctime, meta: vault.cache.get(f.path) ?? null }));
}

describe("a load in slices", () => {
  it("gives the thread back between slices and ends with the index a one-shot load makes", () => {
    const expected = picture(buildIndex(v), v);
    const index = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
    const load = index.loadInSlices(notes(v));
    let slices = 0;
    // A budget of 0 ms: each run does one step (a few notes) and returns.
    while (!load.run(0)) slices++;
    expect(load.done).toBe(true);
    expect(slices).toBeGreaterThan(5);
    expect(picture(index, v)).toEqual(expected);
    expect(expected.people).toBe(60);
    expect(expected.tasks.length).toBeGreaterThan(0);
  });

  it("takes notes from a lazy source one slice at a time, not all at once", () => {
    const index = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
    let taken = 0;
    const all = notes(v);
    function* source(): Generator<IndexedNote> {
      for (const note of all) {
        taken++;
        yield note;
      }
    }
    const load = index.loadInSlices(source());
    load.run(0);
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThan(all.length);
    while (!load.run(0));
    expect(taken).toBe(all.length);
  });

  it("starts its revision after the one it replaces", () => {
    const index = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve), 41);
    index.load(notes(v));
    expect(index.revision).toBeGreaterThan(41);
  });
});

describe("a load from what an earlier load found", () => {
  it("gives the same index without looking at the metadata of notes that are not people", () => {
    const found = new Map<string, ScannedNote>();
    const first = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
    first.load(notes(v), (path, scanned) => found.set(path, scanned));
    expect(found.size).toBe(v.files.length);
    const expected = picture(first, v);

    let looked = 0;
    const again: IndexedNote[] = v.files.map((f) => {
      const scanned = found.get(f.path) as ScannedNote;
      const meta = v.cache.get(f.path) ?? null;
      if (scanned.person) return { path: f.path, ctime: f.ctime, meta, scanned };
      // Any look at the metadata of a note that is not a person is counted.
      return {
        path: f.path,
        ctime: f.ctime,
        scanned,
        get meta(): CachedMetadata | null {
          looked++;
          return meta;
        },
      };
    });
    const second = new PeopleIndex(indexConfig(v.settings, v.daily, v.resolve));
    second.load(again);
    expect(looked).toBe(0);
    expect(picture(second, v)).toEqual(expected);
    expect(picture(buildIndex(v), v)).toEqual(expected);
  });

  it("is refused by an index that already holds notes", () => {
    const index = buildIndex(v);
    expect(() => index.load([{ path: "Daily/x.md", ctime: 0, meta: null, scanned: { person: false, day: null, refs: [] } }])).toThrow(/empty index/);
  });
});
