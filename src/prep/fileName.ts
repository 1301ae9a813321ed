/**
 * Safe note file names from a person's name, and a path for the note that can never leave its folder.
 *
 * A name is made safe in this order:
 *
 * 1. Unicode is normalised to NFC (macOS hands out decomposed names; both spell the same person).
 * 2. Control characters and the invisible bidirectional overrides and isolates (U+202A–202E, U+2066–2069, which
 *    can make a name display as something else) are removed. Right-to-left letters, Chinese, emoji and the
 *    joiners inside emoji are kept.
 * 3. Characters that a file system reserves or that mean something in an Obsidian link (`\ / : * ? " < > | # ^
 *    [ ]`) become spaces, so `Ann/Bob` becomes `Ann Bob` and `[[x]]` becomes `x`.
 * 4. Runs of white space become one space; the name is trimmed; leading dots (hidden files, `..`) and trailing
 *    dots and spaces (which Windows drops silently) are removed.
 * 5. The name is cut to a number of UTF-8 bytes (file systems count bytes, not characters), never inside a
 *    character, an emoji sequence or an accent.
 * 6. A Windows device name (`CON`, `PRN`, `AUX`, `NUL`, `COM0`–`COM9`, `LPT0`–`LPT9`, also before a dot, in any
 *    case) gets an underscore: `CON` → `CON_`, `nul.txt` → `nul_.txt`.
 *
 * Nothing is left: an error value, never an empty or made-up name.
 */

import { checkVaultPath, type PathProblem } from "../domain/vaultPath";

/** 255 bytes is the usual file-name limit; this leaves room for `.md` and a ` 2` that tells two people apart. */
export const MAX_NAME_BYTES = 200;

export type FileNameResult =
  | { ok: true; name: string; changed: boolean }
  | { ok: false; error: "empty" };

export type ChildPathResult =
  | { ok: true; path: string; folder: string; name: string; changed: boolean }
  | { ok: false; error: "empty" }
  | { ok: false; error: "folder"; problem: PathProblem };

/** Reserved on Windows, macOS, Android or in Obsidian links. */
const RESERVED = /[\\/:*?"<>|#^[\]]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  return encoder.encode(text).length;
}

interface SegmenterLike { segment(text: string): Iterable<{ segment: string }> }
type SegmenterCtor = new (locale?: string, options?: { granularity: "grapheme" }) => SegmenterLike;

/** The user-perceived characters of a text (an emoji family is one), or code points where Intl.Segmenter is missing. */
function graphemes(text: string): string[] {
  const Ctor = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter;
  if (Ctor) return Array.from(new Ctor(undefined, { granularity: "grapheme" }).segment(text), (s) => s.segment);
  // Fallback: keep marks, joiners and variation selectors with the character before them.
  const out: string[] = [];
  let joinNext = false;
  for (const ch of Array.from(text)) {
    const cp = ch.codePointAt(0) ?? 0;
    const attaches = /^\p{M}$/u.test(ch) || cp === 0x200d || cp === 0xfe0e || cp === 0xfe0f || (cp >= 0x1f3fb && cp <= 0x1f3ff) || (cp >= 0xe0020 && cp <= 0xe007f);
    if ((attaches || joinNext) && out.length > 0) out[out.length - 1] += ch;
    else out.push(ch);
    joinNext = ch === "\u200d";
  }
  return out;
}

/** Cuts `text` to at most `maxBytes` UTF-8 bytes without splitting a character. */
export function truncateBytes(text: string, maxBytes: number): string {
  if (utf8Length(text) <= maxBytes) return text;
  let out = "";
  let used = 0;
  for (const g of graphemes(text)) {
    const size = utf8Length(g);
    if (used + size > maxBytes) break;
    out += g;
    used += size;
  }
  return out;
}

/** Half of a surrogate pair on its own is not a character and no file system can store it. */
function dropLoneSurrogates(text: string): string {
  return Array.from(text).filter((ch) => !/^[\ud800-\udfff]$/.test(ch)).join("");
}

function tidyEnds(text: string): string {
  return text.trim().replace(/^[.\s]+/u, "").replace(/[.\s]+$/u, "");
}

/** Adds `_` to a Windows device name (the part before the first dot counts: `CON.txt` is reserved too). */
function avoidDeviceName(name: string): string {
  const dot = name.indexOf(".");
  const stem = dot < 0 ? name : name.slice(0, dot);
  if (!DEVICE.test(stem.trimEnd())) return name;
  return `${stem.trimEnd()}_${dot < 0 ? "" : name.slice(dot)}`;
}

/** A file name (without extension) for a person called `raw`; see the module comment for the rules. */
export function safeFileName(raw: string, maxBytes: number = MAX_NAME_BYTES): FileNameResult {
  if (!Number.isInteger(maxBytes) || maxBytes < 16) throw new RangeError("maxBytes must be an integer of at least 16");
  let name = dropLoneSurrogates(raw).normalize("NFC").replace(CONTROL, " ").replace(RESERVED, " ").replace(/\s+/gu, " ");
  name = tidyEnds(name);
  // Leave one byte for a device-name underscore.
  name = tidyEnds(truncateBytes(name, maxBytes - 1));
  name = avoidDeviceName(name);
  if (name === "") return { ok: false, error: "empty" };
  return { ok: true, name, changed: name !== raw };
}

/**
 * A vault folder path in its plain form: `\` read as `/`, empty, `.` and `..` segments dropped (a vault path
 * cannot climb above the vault), no leading or trailing slash. The root is `""`.
 */
export function normaliseFolder(folder: string): string {
  return folder
    .replace(/\\/g, "/")
    .split("/")
    .map((s) => s.trim())
    .filter((s) => s !== "" && s !== "." && s !== "..")
    .join("/");
}

/** Whether `path` is strictly inside `folder` (both vault paths; the root `""` holds everything). */
export function isInsideFolder(folder: string, path: string): boolean {
  const f = normaliseFolder(folder);
  if (path.startsWith("/") || path.split("/").some((s) => s === "" || s === "." || s === "..")) return false;
  return f === "" ? path !== "" : path.startsWith(`${f}/`) && path.length > f.length + 1;
}

/**
 * The path of a note for `name` directly inside `folder`: the folder checked (see domain/vaultPath.ts: a folder
 * that climbs, is absolute, hidden, the config folder or otherwise unusable is refused, never repaired), the name
 * made safe, and `.md` (or `extension`) added. The result is always a direct child of the folder.
 */
export function safeChildPath(folder: string, name: string, extension = "md", maxBytes: number = MAX_NAME_BYTES, configDir = ""): ChildPathResult {
  const checked = checkVaultPath(folder, configDir);
  if (!checked.ok) return { ok: false, error: "folder", problem: checked.problem };
  const safe = safeFileName(name, maxBytes);
  if (!safe.ok) return safe;
  const dir = checked.path;
  const ext = extension.replace(/^\.+/, "");
  if (!/^[a-z0-9]*$/i.test(ext)) throw new RangeError(`not a file extension: ${JSON.stringify(extension)}`);
  const file = ext === "" ? safe.name : `${safe.name}.${ext}`;
  const path = dir === "" ? file : `${dir}/${file}`;
  if (!isInsideFolder(dir, path) || (configDir !== "" && file.toLowerCase() === configDir.toLowerCase())) throw new Error(`unsafe path ${JSON.stringify(path)}`);
  return { ok: true, path, folder: dir, name: safe.name, changed: safe.changed };
}
