/**
 * `network-notes import <file> --vault <folder>`: prints what importing a LinkedIn or vCard export would do, and
 * with `--apply` does it. New notes are written only directly inside the first people folder and never replace a
 * file; existing notes only gain properties (text-level, every other byte kept). There is no undo in a terminal,
 * so nothing is written without `--apply`.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { today } from "../domain/dates";
import { parseTier, type Tier } from "../domain/tiers";
import type { MessageKey, Translate, Language } from "../i18n";
import { decodeBytes } from "../import/contact";
import { IMPORT_FIELDS, importKeys, type ImportField } from "../import/fields";
import { enrichText, importedNoteText } from "../import/noteText";
import { planImport, workFor, type ExistingPerson, type Plan } from "../import/plan";
import { readContacts } from "../import/read";
import { isInsideFolder } from "../prep/fileName";
import { listVaultFiles, openDiskVault } from "./diskVault";

export interface ImportArgs {
  file: string;
  vault: string;
  apply: boolean;
  tier: string | undefined;
  overwrite: string | undefined;
  json: boolean;
}

function frontmatterOf(text: string): Record<string, unknown> | null {
  const block = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!block) return {};
  try {
    const value = parseYaml(block[1] ?? "") as unknown;
    if (value === null || value === undefined) return {};
    return typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function readText(file: string): string | null {
  try {
    return decodeBytes(new Uint8Array(readFileSync(file)));
  } catch {
    return null;
  }
}

/** The plan as text: each group with its count and one line per row. */
export function formatPlan(plan: Plan, fileName: string, t: Translate): string {
  const out: string[] = [t("import.review.summary", { name: fileName, people: plan.create.length + plan.update.length + plan.upToDate.length + plan.ambiguous.length + plan.merged.length, folder: plan.folder === "" ? t("import.review.rootFolder") : plan.folder })];
  const line = (n: number) => t("import.line", { line: n });
  const group = (key: MessageKey, rows: string[]) => {
    if (rows.length === 0) return;
    out.push("", `${t(key)} (${rows.length})`, ...rows.map((r) => `  ${r}`));
  };
  const fields = (fills: { key: string }[], differs: { key: string }[]) => [
    ...(fills.length > 0 ? [t("import.adds", { fields: fills.map((f) => f.key).join(", ") })] : []),
    ...(differs.length > 0 ? [t("import.differs", { fields: differs.map((f) => f.key).join(", ") })] : []),
  ];
  group("import.group.create", plan.create.map((c) => `+ ${c.contact.name} → ${c.path}`));
  group("import.group.update", plan.update.map((u) => [`~ ${u.contact.name} → ${u.path}`, ...fields(u.fills, u.differs)].join(" · ")));
  group("import.group.upToDate", plan.upToDate.map((u) => [`= ${u.contact.name} → ${u.path}`, ...fields(u.fills, u.differs)].join(" · ")));
  group("import.group.ambiguous", plan.ambiguous.map((a) => `? ${a.contact.name} (${line(a.contact.line)}): ${t(`import.reason.${a.reason}`, { list: a.candidates.map((c) => (c.startsWith("line ") ? line(Number(c.slice(5))) : c)).join(", ") })}`));
  group("import.group.unreadable", plan.unreadable.map((u) => `! ${line(u.line)}: ${t(`import.reason.${u.reason}`, { list: "" })} · ${u.excerpt}`));
  group("import.group.merged", plan.merged.map((m) => `${m.name}: ${line(m.line)} → ${line(m.into)}`));
  return out.join("\n");
}

/** Runs the import command; returns the exit code (0 done, 1 no such file or folder, 2 bad usage). */
export function runImport(args: ImportArgs, t: Translate, language: Language, out: (s: string) => void, err: (s: string) => void): number {
  let tier: Tier | null = null;
  if (args.tier !== undefined) {
    tier = parseTier(args.tier);
    if (tier === null) {
      err(`--tier must be one of unfamiliar, familiar, intimate, meaningful, not “${args.tier}”`);
      return 2;
    }
  }
  const overwrite = new Set<ImportField>();
  for (const f of (args.overwrite ?? "").split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    const field = IMPORT_FIELDS.find((x) => x === f);
    if (!field) {
      err(`--overwrite takes a list of ${IMPORT_FIELDS.join(", ")}, not “${f}”`);
      return 2;
    }
    overwrite.add(field);
  }
  const text = readText(args.file);
  if (text === null) {
    err(`No file at ${args.file}`);
    return 1;
  }
  let vault;
  try {
    vault = openDiskVault(args.vault, { workers: 0 });
  } catch (e) {
    err((e as Error).message);
    return 1;
  }
  const root = vault.root;
  const settings = vault.settings;
  const keys = importKeys(settings.keys);
  const people: ExistingPerson[] = vault.index.allPeople().map((p) => ({
    path: p.path, name: p.name, aliases: p.aliases, frontmatter: frontmatterOf(readText(path.join(root, p.path)) ?? ""),
  }));
  const taken = new Set(listVaultFiles(root).map((p) => p.toLowerCase()));
  const folder = settings.people.folders[0] ?? "";
  const plan = planImport(readContacts(text), people, { keys, folder, exists: (p) => taken.has(p.toLowerCase()) });
  const name = path.basename(args.file);
  if (plan.format === "unknown") {
    err(t("import.unknownFormat", { name }));
    return 2;
  }
  if (!args.apply) {
    out(args.json ? JSON.stringify(plan, null, 2) : `${formatPlan(plan, name, t)}\n\nNothing was written. Run again with --apply to import (--tier <tier> tracks the new people; --overwrite <field,…> replaces values that differ).`);
    return 0;
  }

  const work = workFor(plan, { ids: new Set([...plan.create, ...plan.update, ...plan.upToDate].map((i) => i.id)), overwrite });
  const templatePath = settings.prep.personTemplate;
  const template = templatePath === "" ? null : (readText(path.join(root, templatePath)) ?? readText(path.join(root, `${templatePath}.md`)));
  const people0 = settings.people;
  const ctx = {
    keys: settings.keys, logHeading: settings.log.heading, language, today: today(),
    marker: people0.folders.length === 0 && people0.markerKey !== "" && (people0.markerValues[0] ?? "") !== "" ? { key: people0.markerKey, value: people0.markerValues[0] ?? "" } : null,
    tierLabel: (x: Tier) => t(`tier.${x}`),
  };
  let created = 0;
  let updated = 0;
  const failed: string[] = [];
  const folderAbs = path.resolve(root, plan.folder);
  for (const item of work.create) {
    const target = path.resolve(root, item.path);
    if (!isInsideFolder(plan.folder, item.path) || path.dirname(target) !== folderAbs) {
      failed.push(`${item.path} (outside-folder)`);
      continue;
    }
    try {
      mkdirSync(folderAbs, { recursive: true });
      writeFileSync(target, importedNoteText(item, tier, keys, ctx, template, parseYaml), { encoding: "utf8", flag: "wx" });
      created++;
    } catch (e) {
      failed.push(`${item.path} (${(e as { code?: string }).code ?? (e as Error).message})`);
    }
  }
  for (const { item, changes } of work.update) {
    const file = path.join(root, item.path);
    const before = readText(file);
    if (before === null) {
      failed.push(`${item.path} (note-gone)`);
      continue;
    }
    const result = enrichText(before, frontmatterOf(before), changes, overwrite, parseYaml);
    if (result.kept.length > 0) failed.push(`${item.path} (kept: ${result.kept.join(", ")})`);
    if (result.text !== before) {
      writeFileSync(file, result.text, "utf8");
      updated++;
    }
  }
  out(t("import.done", { created, updated }));
  if (failed.length > 0) err(t("import.failed", { n: failed.length, list: failed.join(", ") }));
  return 0;
}
