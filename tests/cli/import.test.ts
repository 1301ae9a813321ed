/** `network-notes import` run as a user runs it: the built CLI over a copy of the fixture vault. */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { listVaultFiles } from "../../src/cli/diskVault";

const BASIC = "tests/fixtures/vaults/basic";
const FIXTURES = path.resolve("tests/fixtures/import");

function cli(...args: string[]) {
  const r = spawnSync("node", ["bin/network-notes.mjs", ...args], { encoding: "utf8", env: { ...process.env, LANG: "C" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function vaultCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "network-notes-import-cli-"));
  dirs.push(dir);
  const vault = path.join(dir, "vault");
  cpSync(BASIC, vault, { recursive: true });
  return vault;
}

/** Every file of the vault folder (dot-folders too) with its bytes. */
function snapshot(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const name of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === "" ? name.name : `${rel}/${name.name}`;
      if (name.isDirectory()) walk(child);
      else out.set(child, readFileSync(path.join(root, child), "base64"));
    }
  };
  walk("");
  return out;
}

const fm = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "") as Record<string, unknown>;

describe.runIf(existsSync("dist/cli.mjs"))("network-notes import", { timeout: 60_000 }, () => {
  it("prints the review and writes nothing without --apply", () => {
    const vault = vaultCopy();
    const before = snapshot(vault);
    const r = cli("import", path.join(FIXTURES, "Connections.csv"), "--vault", vault);
    expect(r.code).toBe(0);
    expect(r.out).toContain("New people (8)");
    expect(r.out).toContain("+ Ann/Bob Smith → People/Ann Bob Smith.md");
    expect(r.out).toContain("~ Alice Chen → People/Alice Chen.md · adds company, position, email, linkedin, met, how_we_met");
    expect(r.out).toContain("? Sam Lee (line 18): same name as line 17, but another email");
    expect(r.out).toContain("! line 16: no name");
    expect(r.out).toContain("Nothing was written.");
    expect(snapshot(vault)).toEqual(before);
  });

  it("applies, writes only inside the people folder, and a second run changes nothing", () => {
    const vault = vaultCopy();
    const before = snapshot(vault);
    const r = cli("import", path.join(FIXTURES, "Connections.csv"), "--vault", vault, "--apply", "--tier", "familiar");
    expect(r.code).toBe(0);
    expect(r.out).toContain("Imported: 8 new people, 3 with added details.");
    const after = snapshot(vault);
    const changed = [...after.keys()].filter((p) => after.get(p) !== before.get(p));
    expect(changed.every((p) => p.startsWith("People/") && !p.slice(7).includes("/"))).toBe(true);
    expect(changed).toHaveLength(11);
    expect(listVaultFiles(path.dirname(vault)).some((p) => !p.startsWith("vault/"))).toBe(false);

    const ann = readFileSync(path.join(vault, "People/Ann Bob Smith.md"), "utf8");
    expect(fm(ann)).toMatchObject({ tier: "familiar", aliases: ["Ann/Bob Smith"], company: "Acme", position: "Analyst", met: "2020-07-01", how_we_met: "LinkedIn", linkedin: "https://www.linkedin.com/in/annbob-example" });
    const alice = readFileSync(path.join(vault, "People/Alice Chen.md"), "utf8");
    expect(fm(alice)).toMatchObject({ tier: "meaningful", last_touch: "2026-11-01", company: "Northwind", email: "alice@example.com", met: "2021-03-14" });
    // Alice's body and her other properties are exactly as they were.
    const original = readFileSync(path.join(BASIC, "People/Alice Chen.md"), "utf8");
    expect(alice.slice(alice.indexOf("\n---\n"))).toBe(original.slice(original.indexOf("\n---\n")));

    const again = cli("import", path.join(FIXTURES, "Connections.csv"), "--vault", vault);
    expect(again.out).not.toContain("New people");
    expect(again.out).not.toContain("People to add details to");
    expect(again.out).toContain("Already up to date (11)");
    expect(cli("import", path.join(FIXTURES, "Connections.csv"), "--vault", vault, "--apply").out).toContain("Imported: 0 new people, 0 with added details.");
    expect(snapshot(vault)).toEqual(after);
  });

  it("imports vCards from Google, iCloud and Android, and replaces values only with --overwrite", () => {
    const vault = vaultCopy();
    for (const f of ["google.vcf", "icloud.vcf", "android.vcf", "contacts-4.0.vcf"]) expect(cli("import", path.join(FIXTURES, f), "--vault", vault, "--apply").code).toBe(0);
    const zhang = readFileSync(path.join(vault, "People/张伟.md"), "utf8");
    expect(fm(zhang)).toMatchObject({ company: "小米科技", email: "zhangwei@example.cn", phone: ["+86 10 6000 0000", "+86 138 0000 0000"] });
    expect(fm(zhang).tier).toBeNull();
    expect(zhang).toContain("大学同学。");
    expect(fm(readFileSync(path.join(vault, "People/Dev Patel.md"), "utf8"))).toMatchObject({ email: "dev.patel@example.com", phone: "+1 555 0142" });

    // Frank's note already names his company: that is kept, the empty rest is filled.
    const frank = path.join(vault, "People/Frank Moreau.md");
    const filled = readFileSync(frank, "utf8");
    expect(fm(filled)).toMatchObject({ company: "Acme", birthday: "11-26", position: "Architect", email: "frank@atelier.example" });
    expect(filled.endsWith("---\nNot tracked: no tier.\n") || filled.endsWith("---\nNot tracked: no tier.")).toBe(true);
    expect(cli("import", path.join(FIXTURES, "icloud.vcf"), "--vault", vault, "--apply").out).toContain("0 with added details");
    expect(readFileSync(frank, "utf8")).toBe(filled);
    expect(cli("import", path.join(FIXTURES, "icloud.vcf"), "--vault", vault).out).toContain("yours differ: company");
    expect(cli("import", path.join(FIXTURES, "icloud.vcf"), "--vault", vault, "--apply", "--overwrite", "company").out).toContain("1 with added details");
    expect(readFileSync(frank, "utf8")).toBe(filled.replace("company: Acme", "company: Atelier Moreau"));
  });

  it("explains bad usage, missing files and files of neither kind", () => {
    const vault = vaultCopy();
    expect(cli("import", "--vault", vault).code).toBe(2);
    expect(cli("import", path.join(FIXTURES, "google.vcf")).code).toBe(2);
    expect(cli("import", "no/such.csv", "--vault", vault).code).toBe(1);
    expect(cli("import", path.join(FIXTURES, "google.vcf"), "--vault", vault, "--tier", "best").err).toContain("--tier must be one of");
    expect(cli("import", path.join(FIXTURES, "google.vcf"), "--vault", vault, "--overwrite", "shoe").err).toContain("--overwrite takes a list");
    const neither = cli("import", path.join(BASIC, "Projects.md"), "--vault", vault);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain("neither a LinkedIn connections file nor a contacts (vCard) file");
  });
});
