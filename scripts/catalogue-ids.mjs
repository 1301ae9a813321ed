// Build step for main.js: message keys written once. The sources call `t("command.rebuild")`; in main.js most such
// calls become `t(17)`, and the catalogues (src/i18n/en.ts, zh.ts) become arrays of their texts in the English key
// order, so a key's ~18 characters are not in the bundle at every call site and again in the catalogue.
//
// Which literals are rewritten is decided by the TypeScript checker, not by spelling: a string literal becomes an id
// only where the type the code expects there is a message key (the parameter of `t`, a `Record<…, MessageKey>`
// value, …). A key stays a name, everywhere and in the catalogue as well (`en["tier.familiar"]` still works), when
// any one of its uses is not such a place: reached through a template or a prefix (`tier.${tier}`, "questions."),
// compared with a literal (`=== "…"`), used as a property name, or when a value of a key type is used as text (`key.startsWith`).
// So a key is always either an id or a name throughout, never both. The source files do not change.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const isKeyLiteralType = (keys) => (type) => (type.flags & ts.TypeFlags.StringLiteral) !== 0 && keys.has(type.value);

/**
 * Reads the source files of main.js (`bundled`, paths from the root) with the type checker. `keys` are the
 * catalogue keys in order.
 * Returns the literal edits per file (absolute path → [{ start, end, id }]), the keys that keep their names, and
 * notes on why (for the test and for a reader of the build).
 */
export function analyseCatalogueUses(root, keys, bundled) {
  const keySet = new Set(keys);
  const idOf = new Map(keys.map((k, i) => [k, i]));
  const config = ts.readConfigFile(path.join(root, "tsconfig.json"), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const srcDir = path.join(root, "src") + path.sep;
  const catalogueFiles = new Set(["en.ts", "zh.ts"].map((f) => path.join(root, "src", "i18n", f)));
  // Only the modules in main.js are read (a key used by name only in the CLI or the tests does not count).
  const files = bundled.map((f) => path.resolve(root, f)).filter((f) => f.startsWith(srcDir) && f.endsWith(".ts"));
  const inBundle = new Set(files);
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const isKeyLiteral = isKeyLiteralType(keySet);
  /** A type made only of key literals (undefined/null allowed alongside): the places where a key is expected. */
  const keyish = (type) => {
    if (!type) return false;
    const parts = (type.isUnion() ? type.types : [type]).filter((t) => (t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) === 0);
    return parts.length > 0 && parts.every(isKeyLiteral);
  };
  const keyLiteralsOf = (type) => (type.isUnion() ? type.types : [type]).filter(isKeyLiteral).map((t) => t.value);

  const candidates = new Map(); // file → [{ node, key }]
  const named = new Map(); // key → first reason
  const keep = (key, why) => {
    if (!named.has(key)) named.set(key, why);
  };
  const keepPrefix = (text, why) => {
    if (text.length < 3 || !text.includes(".")) return;
    for (const k of keys) if (k.startsWith(text) || k.endsWith(text) || (text.startsWith(".") && k.includes(text))) keep(k, why);
  };
  const where = (sf, node) => `${path.relative(root, sf.fileName)}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`;
  /** Expressions of a key type used as text: their keys must stay names. */
  const usedAsText = (node) => {
    const parent = node.parent;
    if (!parent) return false;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return true;
    if (ts.isTemplateSpan(parent) && parent.expression === node) return true;
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken) return true;
    // A comparison needs no name: a key is an id or a name everywhere, and the literal it is compared with is
    // itself a use where no key is expected, which keeps that key a name.
    return false;
  };

  for (const sf of program.getSourceFiles()) {
    const file = path.resolve(sf.fileName);
    if (!inBundle.has(file) || sf.isDeclarationFile) continue;
    const inCatalogue = catalogueFiles.has(file);
    const visit = (node) => {
      if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return; // types are erased
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
      if (!inCatalogue) {
        if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
          const text = node.text;
          if (keySet.has(text)) {
            if (keyish(checker.getContextualType(node))) {
              const list = candidates.get(file) ?? [];
              list.push({ node, key: text, sf });
              candidates.set(file, list);
            } else keep(text, `used where no key is expected, ${where(sf, node)}`);
          } else keepPrefix(text, `a part of a key, "${text}", ${where(sf, node)}`);
        } else if (ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
          keepPrefix(node.text, `a key made from a template, ${where(sf, node)}`);
        } else if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node) || ts.isConditionalExpression(node)) {
          // A value of a key type that is used as text, or handed to a place that expects any string.
          const type = checker.getTypeAtLocation(node);
          const held = keyLiteralsOf(type);
          if (held.length > 0) {
            const context = ts.isExpression(node) ? checker.getContextualType(node) : undefined;
            if (usedAsText(node) || (context && !keyish(context))) for (const k of held) keep(k, `a key used as text, ${where(sf, node)}`);
          }
        }
      }
      ts.forEachChild(node, visit);
    };
    // The catalogues themselves are replaced whole; any other use of `en`/`zh` by key name is handled above.
    visit(sf);
  }

  const edits = new Map();
  for (const [file, list] of candidates) {
    const out = list.filter(({ key }) => !named.has(key)).map(({ node, key, sf }) => ({ start: node.getStart(sf), end: node.getEnd(), id: idOf.get(key), key }));
    if (out.length > 0) edits.set(file, { text: list[0].sf.text, edits: out });
  }
  return { edits, named, idOf };
}

/**
 * The same, remembered under node_modules/.cache for the same sources (type checking the project takes seconds,
 * and the result only changes when a bundled file or the catalogue does).
 */
export function analyseCatalogueUsesCached(root, keys, bundled) {
  const files = bundled.map((f) => path.resolve(root, f)).filter((f) => f.startsWith(path.join(root, "src") + path.sep) && f.endsWith(".ts")).sort();
  const hash = createHash("sha256");
  hash.update(readFileSync(new URL(import.meta.url), "utf8"));
  hash.update(JSON.stringify(keys));
  for (const f of files) hash.update(`\0${path.relative(root, f)}\0`).update(readFileSync(f));
  const dir = path.join(root, "node_modules", ".cache", "catalogue-ids");
  const cacheFile = path.join(dir, `${hash.digest("hex").slice(0, 32)}.json`);
  const idOf = new Map(keys.map((k, i) => [k, i]));
  try {
    const cached = JSON.parse(readFileSync(cacheFile, "utf8"));
    const edits = new Map(cached.edits.map(([file, list]) => [path.join(root, file), { text: readFileSync(path.join(root, file), "utf8"), edits: list }]));
    return { edits, named: new Map(cached.named), idOf };
  } catch {
    // not analysed yet
  }
  const result = analyseCatalogueUses(root, keys, bundled);
  mkdirSync(dir, { recursive: true });
  const edits = [...result.edits].map(([file, { edits: list }]) => [path.relative(root, file), list]);
  // Only the latest result is kept.
  for (const old of readdirSync(dir)) if (old.endsWith(".json")) rmSync(path.join(dir, old));
  writeFileSync(cacheFile, JSON.stringify({ named: [...result.named], edits }));
  return result;
}

/** Applies the edits to the text the checker read (the same bytes esbuild would load). */
export function applyEdits(text, edits) {
  let out = "";
  let at = 0;
  for (const e of [...edits].sort((a, b) => a.start - b.start)) {
    out += `${text.slice(at, e.start)}${e.id}`;
    at = e.end;
  }
  return out + text.slice(at);
}

/**
 * The esbuild plugin. `loadCatalogue(file)` returns the module's exports (`{ en }` or `{ zh }`) as plain objects.
 * `report(info)` hears how many keys became ids, for the build log.
 */
export function catalogueIds({ root, loadCatalogue, report = () => {} }) {
  return {
    name: "catalogue-ids",
    setup(build) {
      let state = null;
      build.onStart(() => {
        state = null;
      });
      const analyse = async () => {
        if (state) return state;
        const enFile = path.join(root, "src", "i18n", "en.ts");
        const { en } = await loadCatalogue(enFile);
        const { zh } = await loadCatalogue(path.join(root, "src", "i18n", "zh.ts"));
        const keys = Object.keys(en);
        const extra = Object.keys(zh).filter((k) => !(k in en));
        const missing = keys.filter((k) => typeof zh[k] !== "string");
        if (extra.length > 0 || missing.length > 0) throw new Error(`zh.ts and en.ts differ: missing ${missing.join(", ") || "none"}; extra ${extra.join(", ") || "none"}`);
        // The modules that make up main.js, from a plain pass over the same entry point.
        const plain = await build.esbuild.build({ ...build.initialOptions, plugins: [], write: false, metafile: true, minify: false, logLevel: "silent" });
        const result = analyseCatalogueUsesCached(root, keys, Object.keys(plain.metafile.inputs));
        report({ keys: keys.length, ids: keys.length - result.named.size, named: result.named.size });
        state = { en, zh, keys, ...result };
        return state;
      };
      const catalogueModule = (texts, named, importNames) =>
        [
          importNames ? `import { NAMED } from "./en";` : `export const NAMED = ${JSON.stringify(named)};`,
          `const texts = ${JSON.stringify(texts)};`,
          // Keys that stay names are looked up through the same array: texts[name] is texts[its id].
          `for (const k in NAMED) texts[k] = texts[NAMED[k]];`,
        ].join("\n");
      build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => {
        const s = await analyse();
        const file = path.resolve(args.path);
        const named = Object.fromEntries([...s.named.keys()].map((k) => [k, s.idOf.get(k)]));
        if (file === path.join(root, "src", "i18n", "en.ts")) {
          return { loader: "js", resolveDir: path.dirname(file), contents: `${catalogueModule(s.keys.map((k) => s.en[k]), named, false)}\nexport const en = texts;\n` };
        }
        if (file === path.join(root, "src", "i18n", "zh.ts")) {
          return { loader: "js", resolveDir: path.dirname(file), contents: `${catalogueModule(s.keys.map((k) => s.zh[k]), named, true)}\nexport const zh = texts;\n` };
        }
        const edit = s.edits.get(file);
        if (!edit) return undefined;
        return { loader: "ts", resolveDir: path.dirname(file), contents: applyEdits(edit.text, edit.edits) };
      });
    },
  };
}
