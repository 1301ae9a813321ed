/**
 * Paths built from user input stay inside the vault and outside hidden folders: the folder check, the child path
 * New person writes to, and the settings that hold paths. Hostile examples first, then properties.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkVaultPath, isWithin } from "../../src/domain/vaultPath";
import { safeChildPath } from "../../src/prep/fileName";
import { dailyFormatUsable, migrateSettings } from "../../src/settings/migrate";
import { normalizePath } from "../harness/obsidian/utils";

const problem = (raw: string, configDir?: string) => {
  const r = checkVaultPath(raw, configDir);
  return r.ok ? `ok:${r.path}` : r.problem;
};

/** What every accepted path promises. */
function assertConfined(path: string, configDir = ".obsidian") {
  if (path === "") return;
  expect(normalizePath(path)).toBe(path);
  const parts = path.split("/");
  expect(parts).not.toContain("..");
  expect(parts.some((p) => p === "" || p.startsWith("."))).toBe(false);
  expect(parts.some((p) => p.toLowerCase() === configDir.toLowerCase())).toBe(false);
  // eslint-disable-next-line no-control-regex
  expect(path).not.toMatch(/[\u0000-\u001f\u007f\\:*?"<>|]/);
  expect(path).not.toMatch(/^[a-z]:/i);
}

describe("checking a vault path typed by the user", () => {
  it("keeps ordinary folders, in Obsidian's normal form", () => {
    expect(problem("People")).toBe("ok:People");
    expect(problem(" /People/Work/ ")).toBe("ok:People/Work");
    expect(problem("People\\Work")).toBe("ok:People/Work");
    expect(problem("./People//x")).toBe("ok:People/x");
    expect(problem("人物/同事")).toBe("ok:人物/同事");
    expect(problem("Cafe\u0301")).toBe("ok:Café");
    expect(problem("A\u00a0B")).toBe("ok:A B");
    expect(problem("")).toBe("ok:");
    expect(problem("/")).toBe("ok:");
    expect(problem("Templates/Person.md")).toBe("ok:Templates/Person.md");
    expect(problem("Con Edison")).toBe("ok:Con Edison");
  });

  it("refuses paths that climb, are absolute, hidden or unusable", () => {
    expect(problem("..")).toBe("climbs");
    expect(problem("../People")).toBe("climbs");
    expect(problem("People/../../etc")).toBe("climbs");
    expect(problem("..\\x")).toBe("climbs");
    expect(problem("People/..")).toBe("climbs");
    expect(problem("C:\\Users\\x")).toBe("absolute");
    expect(problem("c:/x")).toBe("absolute");
    expect(problem("C:")).toBe("absolute");
    expect(problem("\\\\server\\share")).toBe("absolute");
    expect(problem("//server/share")).toBe("absolute");
    expect(problem(".obsidian")).toBe("hidden");
    expect(problem(".obsidian/plugins/x")).toBe("hidden");
    expect(problem("People/.trash")).toBe("hidden");
    expect(problem("...")).toBe("hidden");
    expect(problem("config/plugins", "config")).toBe("hidden");
    expect(problem("Config", "config")).toBe("hidden");
    expect(problem("Peo\u0000ple")).toBe("control");
    expect(problem("People\n")).toBe("ok:People"); // trimmed at the ends, as every typed setting is
    expect(problem("Peo\nple")).toBe("control");
    expect(problem("a\u202Eb")).toBe("control");
    expect(problem("CON")).toBe("reserved");
    expect(problem("People/nul.txt")).toBe("reserved");
    expect(problem("lpt1")).toBe("reserved");
    expect(problem("ab:c")).toBe("reserved");
    expect(problem("a:b")).toBe("absolute"); // reads as a drive letter
    expect(problem("what?")).toBe("reserved");
    expect(problem("a|b")).toBe("reserved");
    expect(problem("People.")).toBe("trailing");
    expect(problem("People./x")).toBe("trailing");
  });

  it("knows what is within a folder", () => {
    expect(isWithin("People", "People/Ann.md")).toBe(true);
    expect(isWithin("People", "People")).toBe(true);
    expect(isWithin("People", "People2/Ann.md")).toBe(false);
    expect(isWithin("", "Ann.md")).toBe(true);
  });

  const segment = fc.oneof(
    fc.constantFrom("..", ".", "", "People", "a b", "..\\..", "人", ".obsidian", "C:", "CON", "x.", " ", "\u0000", "\\\\", "Ä", "A\u0308"),
    fc.string({ maxLength: 8 }),
    fc.string({ unit: "binary", maxLength: 4 }),
  );
  const hostilePath = fc.tuple(fc.array(segment, { maxLength: 7 }), fc.constantFrom("/", "\\", "//")).map(([parts, sep]) => parts.join(sep));

  it("accepts only confined paths, in normal form, and is idempotent (property)", () => {
    fc.assert(
      fc.property(hostilePath, fc.constantFrom(".obsidian", ".config", "config"), (raw, configDir) => {
        const r = checkVaultPath(raw, configDir);
        if (!r.ok) return;
        assertConfined(r.path, configDir);
        expect(checkVaultPath(r.path, configDir)).toEqual({ ok: true, path: r.path });
      }),
      { numRuns: 2000 },
    );
  });
});

describe("the path of a new person's note", () => {
  it("refuses an unusable folder instead of guessing one", () => {
    expect(safeChildPath("../..", "Ann")).toEqual({ ok: false, error: "folder", problem: "climbs" });
    expect(safeChildPath(".obsidian/plugins", "Ann")).toEqual({ ok: false, error: "folder", problem: "hidden" });
    expect(safeChildPath("C:\\x", "Ann")).toEqual({ ok: false, error: "folder", problem: "absolute" });
    expect(safeChildPath("cfg", "Ann", "md", undefined, "cfg")).toEqual({ ok: false, error: "folder", problem: "hidden" });
  });

  it("puts hostile names directly in the folder", () => {
    const path = (name: string) => {
      const r = safeChildPath("People", name);
      return r.ok ? r.path : r.error;
    };
    expect(path("../../etc/passwd")).toBe("People/etc passwd.md");
    expect(path("..\\x")).toBe("People/x.md");
    expect(path("/abs")).toBe("People/abs.md");
    expect(path("C:\\x")).toBe("People/C x.md");
    expect(path(".obsidian/plugins/x")).toBe("People/obsidian plugins x.md");
    expect(path("")).toBe("empty");
    expect(path("CON")).toBe("People/CON_.md");
    expect(path("<img src=x onerror=alert(1)>")).toBe("People/img src=x onerror=alert(1).md");
  });

  it("always lands directly inside the folder, never empty, never the config folder, and is stable (property)", () => {
    const folder = fc.oneof(fc.constantFrom("", "People", "People/Work", "人物", "a b/c"), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(folder, fc.string({ unit: "grapheme", maxLength: 80 }), fc.string({ unit: "binary", maxLength: 20 }), (dir, a, b) => {
        const r = safeChildPath(dir, a + b);
        if (!r.ok) return;
        assertConfined(r.path);
        expect(r.path.startsWith(r.folder === "" ? "" : `${r.folder}/`)).toBe(true);
        const file = r.folder === "" ? r.path : r.path.slice(r.folder.length + 1);
        expect(file).not.toContain("/");
        expect(file).toBe(`${r.name}.md`);
        expect(r.name).not.toBe("");
        expect(r.name.toLowerCase()).not.toBe(".obsidian");
        // Idempotent: the same folder and the safe name give the same path, unchanged.
        expect(safeChildPath(r.folder, r.name)).toEqual({ ok: true, path: r.path, folder: r.folder, name: r.name, changed: false });
      }),
      { numRuns: 1000 },
    );
  });
});

describe("paths in the settings file", () => {
  it("leaves out folders that climb or hide, and says so", () => {
    const { settings, repaired } = migrateSettings({
      version: 1,
      people: { folders: ["People", "../Outside", ".obsidian", "C:\\x", "People\\Work", "People"], excludeFolders: ["Templates", "../../x"] },
    });
    expect(settings.people.folders).toEqual(["People", "People/Work"]);
    expect(settings.people.excludeFolders).toEqual(["Templates"]);
    expect(repaired.filter((r) => r.includes("left out"))).toHaveLength(4);
  });

  it("falls back to the default for unusable prep paths, daily folder and daily format", () => {
    const { settings, repaired } = migrateSettings({
      version: 1,
      prep: { personTemplate: "../../secret.md", questionFolder: ".obsidian", templateFolder: "C:/Templates" },
      dailyNotes: { folder: "../Daily", format: "[../../]YYYY-MM-DD" },
    });
    expect(settings.prep).toMatchObject({ personTemplate: "", questionFolder: "", templateFolder: "" });
    expect(settings.dailyNotes).toEqual({ folder: "", format: "YYYY-MM-DD" });
    expect(repaired).toHaveLength(5);
  });

  it("keeps nested daily formats and refuses formats that leave the folder", () => {
    expect(dailyFormatUsable("YYYY-MM-DD")).toBe(true);
    expect(dailyFormatUsable("YYYY/MM/YYYY-MM-DD dddd")).toBe(true);
    expect(dailyFormatUsable("YYYY年M月D日")).toBe(true);
    expect(dailyFormatUsable("[..]/YYYY")).toBe(false);
    expect(dailyFormatUsable("[.obsidian/]YYYY")).toBe(false);
    expect(dailyFormatUsable("[C:]YYYY")).toBe(false);
  });
});

describe("a settings file whose every people folder is unusable", () => {
  it("keeps the default folders rather than none", () => {
    const { settings, repaired } = migrateSettings({ version: 1, people: { folders: ["../a", ".obsidian"] } });
    expect(settings.people.folders).toEqual(["People"]);
    expect(repaired).toHaveLength(2);
  });
});
