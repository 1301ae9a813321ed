/**
 * The build step that writes message keys as numbers in main.js (scripts/catalogue-ids.mjs), on a small project
 * of its own: a key becomes an id only where the code expects a key, and stays a name everywhere when any use
 * needs the name. The e2e tests check the built main.js says the right words in both languages.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { analyseCatalogueUses, applyEdits } from "../../scripts/catalogue-ids.mjs";

interface Edit {
  start: number;
  end: number;
  id: number;
  key: string;
}
interface Analysis {
  edits: Map<string, { text: string; edits: Edit[] }>;
  named: Map<string, string>;
}
const analyse = analyseCatalogueUses as (root: string, keys: string[], bundled: string[]) => Analysis;
const apply = applyEdits as (text: string, edits: Edit[]) => string;

const KEYS = ["a.plain", "a.mapped", "tier.one", "tier.two", "b.compared", "b.asText", "b.property", "b.both"];

function project(files: Record<string, string>): { root: string; bundled: string[] } {
  const root = mkdtempSync(path.join(os.tmpdir(), "catalogue-ids-"));
  writeFileSync(path.join(root, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true, target: "ES2021", module: "ESNext", moduleResolution: "Bundler", lib: ["ES2021"], types: [] } }));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return { root, bundled: Object.keys(files) };
}

describe("message keys as ids in main.js", () => {
  const catalogue = `export const en = { ${KEYS.map((k) => `"${k}": "text of ${k}"`).join(", ")} } as const;\nexport type MessageKey = keyof typeof en;\n`;
  const use = `import type { MessageKey } from "./i18n/en";
declare function t(key: MessageKey): string;
declare function show(text: string): void;
const MAP: Record<string, MessageKey> = { x: "a.mapped" };
export function run(tier: "one" | "two", k: MessageKey, other: MessageKey) {
  t("a.plain");
  t(MAP.x ?? "a.plain");
  t(\`tier.\${tier}\`);
  if (k === "b.compared") t("b.compared");
  const shown: MessageKey = "b.asText";
  show(shown);
  t("b.asText");
  const table = { "b.property": 1 };
  t("b.property");
  void table;
  t(other);
  t("b.both");
  return "b.both".length;
}
`;

  it("rewrites a literal only where a key is expected and every use of that key allows it", () => {
    const { root, bundled } = project({ "src/i18n/en.ts": catalogue, "src/use.ts": use });
    const { edits, named } = analyse(root, KEYS, bundled);
    const file = edits.get(path.join(root, "src/use.ts"));
    expect(new Set(file?.edits.map((e) => e.key))).toEqual(new Set(["a.plain", "a.mapped"]));
    expect([...named.keys()].sort()).toEqual(["b.asText", "b.both", "b.compared", "b.property", "tier.one", "tier.two"]);
    const out = apply(file!.text, file!.edits);
    expect(out).toContain('t(0);');
    expect(out).toContain('t(MAP.x ?? 0);');
    expect(out).toContain('{ x: 1 }');
    expect(out).toContain('t("b.compared")'); // compared with a name somewhere: a name everywhere
    expect(out).toContain('return "b.both".length');
  });

  it("leaves the catalogue files and keys in other files untouched when nothing expects a key", () => {
    const { root, bundled } = project({ "src/i18n/en.ts": catalogue, "src/plain.ts": 'export const label = "a.plain";\n' });
    const { edits, named } = analyse(root, KEYS, bundled);
    expect(edits.size).toBe(0);
    expect(named.get("a.plain")).toMatch(/no key is expected/);
  });
});
