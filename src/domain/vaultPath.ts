/**
 * Folder and file paths typed by the user (settings, a template path), checked before the plugin reads from or
 * writes under them. Pure: no runtime import of `obsidian`; the result is already in the form Obsidian's
 * `normalizePath` gives (one `/` between parts, none at either end, NFC, no-break spaces as spaces).
 *
 * A backslash is read as a separator, as `normalizePath` reads it, so `People\Work` is `People/Work`; a single
 * leading `/` means the vault's root, as in the app's own folder settings. Anything that could point somewhere
 * else is refused rather than repaired, so the user sees why and nothing is written in a surprising place:
 *
 * - `climbs`: a `..` part (`../x`, `a/../../b`, `..\x`);
 * - `absolute`: a drive letter (`C:`, `C:\x`) or a network path (`\\server\x`, `//server/x`);
 * - `hidden`: a part starting with `.` (`.obsidian`, `.trash`, `.git`), or the vault's config folder by name;
 * - `control`: control characters (NUL included) or invisible direction overrides;
 * - `reserved`: a character no file system takes (`: * ? " < > |`) or a Windows device name (`CON`, `nul.txt`);
 * - `trailing`: a part ending in a dot (Windows drops it silently, so it would name another folder).
 */

export type PathProblem = "climbs" | "absolute" | "hidden" | "control" | "reserved" | "trailing";

export type PathCheck = { ok: true; path: string } | { ok: false; problem: PathProblem };

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/;
const RESERVED_CHARS = /[:*?"<>|]/;
const DEVICE = /^(?:con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/**
 * `raw` as a vault path confined to the vault, or the reason it cannot be one. The root is `""`.
 * `configDir` is the vault's config folder (`app.vault.configDir`); where it is not known (the settings file, the
 * CLI) every hidden part is still refused, and the app's config folder is a hidden one unless renamed.
 */
export function checkVaultPath(raw: string, configDir = ""): PathCheck {
  const text = raw.replace(/[\u00a0\u202f]/g, " ").normalize("NFC").trim();
  if (CONTROL.test(text)) return { ok: false, problem: "control" };
  if (/^[a-z]:/i.test(text) || /^[\\/]{2}/.test(text)) return { ok: false, problem: "absolute" };
  const parts = text.split(/[\\/]+/).map((p) => p.trim()).filter((p) => p !== "" && p !== ".");
  const config = configDir.replace(/^[\\/]+|[\\/]+$/g, "").toLowerCase();
  for (const part of parts) {
    if (part === "..") return { ok: false, problem: "climbs" };
    if (part.startsWith(".") || (config !== "" && part.toLowerCase() === config)) return { ok: false, problem: "hidden" };
    if (RESERVED_CHARS.test(part)) return { ok: false, problem: "reserved" };
    const stem = part.includes(".") ? part.slice(0, part.indexOf(".")) : part;
    if (DEVICE.test(stem.trimEnd())) return { ok: false, problem: "reserved" };
    if (part.endsWith(".")) return { ok: false, problem: "trailing" };
  }
  return { ok: true, path: parts.join("/") };
}

/** The checked path, or null when it is refused. */
export function vaultPathOrNull(raw: string, configDir?: string): string | null {
  const r = checkVaultPath(raw, configDir);
  return r.ok ? r.path : null;
}

/** Whether `path` is `folder` itself or inside it (both checked vault paths; the root `""` holds everything). */
export function isWithin(folder: string, path: string): boolean {
  return folder === "" || path === folder || path.startsWith(`${folder}/`);
}
