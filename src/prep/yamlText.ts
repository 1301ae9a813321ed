/**
 * Writing text into YAML frontmatter so that it reads back as exactly the same string: plain when that is safe,
 * double-quoted otherwise. Conservative on purpose: anything YAML 1.1 or 1.2 could read as another type (`yes`,
 * `null`, `1e3`, `2026-01-01`, `.inf`), anything starting with an indicator, and anything with `: ` or ` #` is quoted.
 * `<%` is always written as `\x3C%`, so a value can never become a Templater command.
 */

// eslint-disable-next-line no-control-regex -- control characters must be escaped
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- control characters rule out a plain scalar
const NOT_PLAIN_CHAR = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff\t]/;
const INDICATOR_START = /^[-?:,[\]{}#&*!|>'"%@`=~.+]/;
const OTHER_TYPE = /^(?:null|true|false|yes|no|on|off|y|n|<<)$/i;
const NUMBER_START = /^[-+]?\.?\d/;

function hex4(ch: string): string {
  return `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`;
}

/** The inside of a double-quoted YAML scalar (without the quotes) that reads back as `value`. */
export function yamlDoubleQuotedContent(value: string): string {
  return JSON.stringify(value).slice(1, -1).replace(NEEDS_ESCAPE, hex4).replace(/<%/g, "\\x3C%");
}

export function yamlDoubleQuoted(value: string): string {
  return `"${yamlDoubleQuotedContent(value)}"`;
}

/** Whether `value` can be written as a plain scalar (in a flow collection when `flow`) and read back unchanged. */
export function yamlPlainSafe(value: string, flow = false): boolean {
  if (value === "" || value !== value.trim()) return false;
  if (NOT_PLAIN_CHAR.test(value) || /[\s\u0085]/u.test(value.replace(/ /g, ""))) return false;
  if (INDICATOR_START.test(value) || OTHER_TYPE.test(value) || NUMBER_START.test(value)) return false;
  if (/:(?: |$)| #/.test(value) || value.includes("<%")) return false;
  if (flow && /[,[\]{}:]/.test(value)) return false;
  return true;
}

/** A YAML scalar for `value`: plain when safe, double-quoted otherwise. */
export function yamlScalar(value: string, flow = false): string {
  return yamlPlainSafe(value, flow) ? value : yamlDoubleQuoted(value);
}

/** An ISO day written plain (so Obsidian's Properties panel shows a date); any other text as `yamlScalar`. */
export function yamlDateOrScalar(value: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : yamlScalar(value);
}

/** `[a, "b: c"]`, `[]` when empty. */
export function yamlFlowSequence(values: readonly string[]): string {
  return `[${values.map((v) => yamlScalar(v, true)).join(", ")}]`;
}

/** A mapping key: plain when safe, double-quoted otherwise. */
export function yamlKey(key: string): string {
  return yamlPlainSafe(key) && !key.includes(":") ? key : yamlDoubleQuoted(key);
}
