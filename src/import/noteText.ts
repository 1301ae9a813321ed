/**
 * The text of a note made by an import (from the person template, like New person), and the text-level
 * enrichment the terminal uses where Obsidian's property writer is not available.
 */
import type { Tier } from "../domain/tiers";
import { addProperties, replaceProperty, type ParseYaml } from "../prep/frontmatterText";
import { escapeInline } from "../prep/markdownText";
import { defaultPersonNote, formFrontmatter, renderPersonTemplate, type PersonForm, type PersonTemplateContext } from "../prep/personTemplate";
import type { ImportField, ImportKeys, ImportValue } from "./fields";
import { isEmptyValue, sameValue } from "./fields";
import type { CreateItem, FieldChange } from "./plan";

/** Fields the New person form already writes (under the configured keys). */
const FORM_FIELDS: ReadonlySet<ImportField> = new Set(["met", "how_we_met"]);

/**
 * A new person note for `item`: the user's template (or the built-in note) filled like New person, the imported
 * fields added as properties, and a contact card's note, if any, as plain text at the end. `tier` is the one
 * chosen for the batch; null leaves the person untracked.
 */
export function importedNoteText(item: CreateItem, tier: Tier | null, keys: ImportKeys, ctx: PersonTemplateContext, template: string | null, parseYaml: ParseYaml): string {
  const c = item.contact;
  const form: PersonForm = { name: c.name, tier, met: c.connected, howWeMet: c.how ?? "" };
  const props: Record<string, string | string[]> = {};
  for (const [field, value] of Object.entries(item.values) as [ImportField, ImportValue][]) {
    if (!FORM_FIELDS.has(field)) props[keys[field]] = value;
  }
  let text = template === null
    ? addProperties(defaultPersonNote(form, ctx), props, parseYaml)
    : addProperties(renderPersonTemplate(template, form, ctx), { ...formFrontmatter(form, ctx), ...props }, parseYaml);
  if (c.note !== null) {
    const eol = text.includes("\r\n") ? "\r\n" : "\n";
    const lines = c.note.split(/\r?\n/).map((l) => escapeInline(l, true)).filter((l) => l !== "");
    if (lines.length > 0) text = `${text.replace(/(\r?\n)*$/, "")}${eol}${eol}${lines.join(eol)}${eol}`;
  }
  return text;
}

export interface TextEnrichment {
  text: string;
  /** Fields written. */
  written: ImportField[];
  /** Fields to replace that could not be written as text (a list spread over lines, unreadable properties). */
  kept: ImportField[];
}

/**
 * Writes `changes` into a note's text: empty or missing properties are filled, a differing value is replaced
 * only for a field in `overwrite`. Nothing else in the note changes, byte for byte.
 */
export function enrichText(text: string, current: Record<string, unknown> | null, changes: readonly FieldChange[], overwrite: ReadonlySet<ImportField>, parseYaml: ParseYaml): TextEnrichment {
  const out: TextEnrichment = { text, written: [], kept: [] };
  const fills: Record<string, string | string[]> = {};
  const fillFields: ImportField[] = [];
  for (const change of changes) {
    const now = current?.[change.key];
    const present = current !== null && Object.prototype.hasOwnProperty.call(current, change.key);
    if (isEmptyValue(now)) {
      // An empty value on one line (`company: ""`, `email: [""]`) is replaced; a bare `key:` or a missing key is filled.
      const replaced = present ? replaceProperty(out.text, change.key, change.value) : null;
      if (replaced !== null) {
        out.text = replaced;
        out.written.push(change.field);
      } else {
        fills[change.key] = change.value;
        fillFields.push(change.field);
      }
    } else if (overwrite.has(change.field) && !sameValue(change.field, now, change.value)) {
      const replaced = replaceProperty(out.text, change.key, change.value);
      if (replaced === null) out.kept.push(change.field);
      else {
        out.text = replaced;
        out.written.push(change.field);
      }
    }
  }
  if (fillFields.length > 0) {
    const filled = addProperties(out.text, fills, parseYaml);
    if (filled === out.text) out.kept.push(...fillFields);
    else {
      out.text = filled;
      out.written.push(...fillFields);
    }
  }
  return out;
}
