import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isInsideFolder, MAX_NAME_BYTES, normaliseFolder, safeChildPath, safeFileName, truncateBytes, utf8Length } from "../../src/prep/fileName";

const name = (raw: string, max?: number) => {
  const r = safeFileName(raw, max);
  return r.ok ? r.name : null;
};

const RESERVED = /[\\/:*?"<>|#^[\]]/;
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** Everything a safe name promises, checked on its own terms. */
function assertSafe(out: string, max = MAX_NAME_BYTES) {
  expect(out).not.toBe("");
  expect(out).not.toMatch(RESERVED);
  // eslint-disable-next-line no-control-regex
  expect(out).not.toMatch(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/);
  expect(out.startsWith(".")).toBe(false);
  expect(out).toBe(out.trim());
  expect(out).not.toMatch(/[. ]$/);
  expect(out).not.toMatch(/\s{2}/u);
  expect(out).not.toMatch(/[^\S ]/u); // only plain spaces
  expect(DEVICE.test((out.split(".")[0] ?? "").trimEnd())).toBe(false);
  expect(utf8Length(out)).toBeLessThanOrEqual(max);
  expect(out).toBe(out.normalize("NFC"));
  expect(Array.from(out).some((c) => /^[\ud800-\udfff]$/.test(c))).toBe(false);
}

describe("safe file names", () => {
  it("keeps ordinary names as they are, and says so", () => {
    expect(safeFileName("Ann Lee")).toEqual({ ok: true, name: "Ann Lee", changed: false });
    expect(safeFileName("王小明")).toEqual({ ok: true, name: "王小明", changed: false });
    expect(safeFileName("José Ñúñez")).toEqual({ ok: true, name: "José Ñúñez", changed: false });
    expect(name("O'Brien-Smith, Jr")).toBe("O'Brien-Smith, Jr");
    expect(name("AT&T (Sam)")).toBe("AT&T (Sam)");
  });

  it("keeps right-to-left names, emoji sequences and Chinese", () => {
    expect(name("محمد علي")).toBe("محمد علي");
    expect(name("שרה כהן")).toBe("שרה כהן");
    expect(name("Ann 👩🏽‍💻")).toBe("Ann 👩🏽‍💻");
    expect(name("🇨🇳 李雷")).toBe("🇨🇳 李雷");
    expect(name("欧阳 娜娜")).toBe("欧阳 娜娜");
  });

  it("makes hostile names safe", () => {
    expect(name("../x")).toBe("x");
    expect(name("..\\..\\x")).toBe("x");
    expect(name("a/b")).toBe("a b");
    expect(name("/etc/passwd")).toBe("etc passwd");
    expect(name("#tag")).toBe("tag");
    expect(name("[[x]]")).toBe("x");
    expect(name("Ann|Bob")).toBe("Ann Bob");
    expect(name("|")).toBeNull();
    expect(name("a^b")).toBe("a b");
    expect(name('Dr. "Who": ok?*<>')).toBe("Dr. Who ok");
    expect(name(".hidden")).toBe("hidden");
    expect(name("...")).toBeNull();
    expect(name("..")).toBeNull();
    expect(name("name. . .")).toBe("name");
    expect(name("tab\there\nnew\r\nline")).toBe("tab here new line");
    expect(name("a\u202Egnp.exe")).toBe("a gnp.exe");
    expect(name("zero\u0000byte")).toBe("zero byte");
    expect(name("half \ud800 pair")).toBe("half pair");
  });

  it("gives Windows device names an underscore, in any case and before a dot", () => {
    expect(name("CON")).toBe("CON_");
    expect(name("con")).toBe("con_");
    expect(name("NUL.txt")).toBe("NUL_.txt");
    expect(name("com1")).toBe("com1_");
    expect(name("LPT9")).toBe("LPT9_");
    expect(name("AUX ")).toBe("AUX_");
    expect(name("CON.")).toBe("CON_");
    expect(name("Connie")).toBe("Connie");
    expect(name("COM10")).toBe("COM10");
    expect(name("prn tools")).toBe("prn tools");
  });

  it("returns an error value, not a name, when nothing is left", () => {
    for (const raw of ["", "   ", "\n\t", "///", "[[]]", "#", ". .", "\u202E"]) expect(safeFileName(raw), JSON.stringify(raw)).toEqual({ ok: false, error: "empty" });
  });

  it("limits length in UTF-8 bytes without splitting characters", () => {
    const long = "王".repeat(200); // 3 bytes each
    const cut = name(long);
    expect(cut).toBe("王".repeat(66)); // 199 bytes budget (one kept for a device-name underscore) → 66 characters
    const emoji = "👩‍👩‍👧‍👦".repeat(20); // 25 bytes each
    const e = name(emoji) ?? "";
    expect(utf8Length(e)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    expect(e).toBe("👩‍👩‍👧‍👦".repeat(7));
    expect(name(`${"a".repeat(198)} b`)).toBe("a".repeat(198));
    expect(name("a".repeat(500), 20)).toBe("a".repeat(19));
    expect(() => safeFileName("a", 4)).toThrow(RangeError);
  });

  it("keeps emoji sequences and accents whole where Intl.Segmenter is missing", () => {
    const intl = Intl as unknown as { Segmenter?: unknown };
    const saved = intl.Segmenter;
    try {
      delete intl.Segmenter;
      expect(truncateBytes("👩🏽‍💻👩🏽‍💻", 20)).toBe("👩🏽‍💻");
      expect(truncateBytes("ae\u0301", 2)).toBe("a");
      expect(truncateBytes("王小明", 7)).toBe("王小");
    } finally {
      intl.Segmenter = saved;
    }
    expect(typeof intl.Segmenter).toBe("function");
  });

  it("cuts bytes at character boundaries", () => {
    expect(truncateBytes("aé", 2)).toBe("a");
    expect(truncateBytes("e\u0301x", 2)).toBe("");
    expect(truncateBytes("abc", 10)).toBe("abc");
  });

  it("always produces a safe name or the error (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), fc.string({ unit: "binary", maxLength: 80 }), fc.integer({ min: 16, max: 255 }), (a, b, max) => {
        const r = safeFileName(a + b, max);
        if (r.ok) assertSafe(r.name, max);
        else expect(r.error).toBe("empty");
      }),
      { numRuns: 800 },
    );
  });

  it("is idempotent and keeps safe names unchanged (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-composite", maxLength: 120 }), (raw) => {
        const once = safeFileName(raw);
        if (!once.ok) return;
        expect(safeFileName(once.name)).toEqual({ ok: true, name: once.name, changed: false });
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every letter, digit and emoji of a name that had nothing unsafe (property)", () => {
    const safeChar = fc.constantFrom(..."abcXYZ019王小明李雷😀🎉محمدשרה-_()'&!,", "👩‍💻");
    fc.assert(
      fc.property(fc.array(safeChar, { minLength: 1, maxLength: 40 }), (chars) => {
        const raw = chars.join("");
        expect(name(raw)).toBe(DEVICE.test(raw) ? `${raw}_` : raw);
      }),
    );
  });
});

describe("paths inside a folder", () => {
  it("normalises the folder", () => {
    expect(normaliseFolder("People")).toBe("People");
    expect(normaliseFolder("/People/Work/")).toBe("People/Work");
    expect(normaliseFolder("People\\Work")).toBe("People/Work");
    expect(normaliseFolder("./People/../x")).toBe("People/x");
    expect(normaliseFolder("")).toBe("");
    expect(normaliseFolder("/")).toBe("");
    expect(normaliseFolder("../..")).toBe("");
  });

  it("puts the note directly in the folder", () => {
    expect(safeChildPath("People", "Ann Lee")).toEqual({ ok: true, path: "People/Ann Lee.md", folder: "People", name: "Ann Lee", changed: false });
    expect(safeChildPath("", "王小明")).toMatchObject({ ok: true, path: "王小明.md" });
    expect(safeChildPath("/People/", "../../etc/passwd")).toMatchObject({ ok: true, path: "People/etc passwd.md", changed: true });
    expect(safeChildPath("People", "CON")).toMatchObject({ path: "People/CON_.md" });
    expect(safeChildPath("People", "a/b", ".md")).toMatchObject({ path: "People/a b.md" });
    expect(safeChildPath("People", "[[x]]", "")).toMatchObject({ path: "People/x" });
    expect(safeChildPath("People", "  ")).toEqual({ ok: false, error: "empty" });
    expect(() => safeChildPath("People", "x", "md/../..")).toThrow(RangeError);
  });

  it("knows what is inside a folder", () => {
    expect(isInsideFolder("People", "People/Ann.md")).toBe(true);
    expect(isInsideFolder("People", "People2/Ann.md")).toBe(false);
    expect(isInsideFolder("People", "People/../Ann.md")).toBe(false);
    expect(isInsideFolder("People", "People/")).toBe(false);
    expect(isInsideFolder("", "Ann.md")).toBe(true);
    expect(isInsideFolder("", "/Ann.md")).toBe(false);
  });

  it("never leaves the folder, whatever the folder and the name (property)", () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "People", "a b", "..\\..", "人"), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), fc.constantFrom("/", "\\"), fc.string({ unit: "grapheme", maxLength: 60 }), (parts, sep, raw) => {
        const folder = parts.join(sep);
        const r = safeChildPath(folder, raw);
        if (!r.ok) return;
        const dir = normaliseFolder(folder);
        expect(r.folder).toBe(dir);
        expect(isInsideFolder(dir, r.path)).toBe(true);
        const rest = dir === "" ? r.path : r.path.slice(dir.length + 1);
        expect(rest).not.toContain("/");
        expect(rest).toBe(`${r.name}.md`);
        expect(r.path.split("/")).not.toContain("..");
        assertSafe(r.name);
      }),
      { numRuns: 800 },
    );
  });
});
