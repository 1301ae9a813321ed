/**
 * Importing people through the built plugin: the command, the file choice, the review, applying a selection, a
 * second import of the same file, Undo, and a 10,000-row file applied in chunks. What lands on disk is compared
 * byte for byte with what was there.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Harness } from "../harness/load-plugin";
import { cleanUp, freezeClock, start } from "./support";
import { clickButton, field, modal, modalOpen, type } from "./modalDom";

let h: Harness | undefined;

beforeEach(() => freezeClock());
afterEach(async () => {
  await cleanUp(h);
  h = undefined;
});

const FIXTURES = "tests/fixtures/import";
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), "utf8");

async function begin(files: Record<string, string> = {}, settings?: unknown): Promise<void> {
  const s = await start({ files: { "Imports/Connections.csv": fixture("Connections.csv"), "Imports/google.vcf": fixture("google.vcf"), ...files }, settings });
  h = s.h;
}

/** Waits on real time (only Date is frozen) until `ready` holds. */
async function until(ready: () => boolean, what: string, tries = 400): Promise<void> {
  for (let i = 0; i < tries; i++) {
    await h!.settle();
    if (ready()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every file in the vault folder with its bytes, leaving out the config folder and the local trash. */
function snapshot(): Map<string, string> {
  const root = h!.vaultDir;
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const child = rel === "" ? entry.name : `${rel}/${entry.name}`;
      if (child === ".obsidian" || child === ".trash") continue;
      if (entry.isDirectory()) walk(child);
      else out.set(child, readFileSync(path.join(root, child), "base64"));
    }
  };
  walk("");
  return out;
}

function changedBetween(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((p) => a.get(p) !== b.get(p)).sort();
}

const fm = (text: string) => parseYaml(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? "") as Record<string, unknown>;
const lastNotice = () => h!.notices().at(-1) ?? "";
/** Whether a notice said `text` (a notice with Undo reads `…Undo`). */
const noticed = (text: string) => h!.notices().some((n) => n === text || n === `${text}Undo`);
const group = (name: string) => modal().querySelector<HTMLElement>(`.network-notes-import-group[data-group="${name}"]`);
const rowBox = (groupName: string, text: string) => {
  const li = [...(group(groupName)?.querySelectorAll("li") ?? [])].find((el) => el.textContent?.includes(text));
  const box = li?.querySelector<HTMLInputElement>("input[type=checkbox]");
  if (!box) throw new Error(`no row "${text}" in ${groupName}`);
  return box;
};
const untick = (box: HTMLInputElement) => {
  box.checked = false;
  box.dispatchEvent(new Event("change"));
};

/** Runs the command and picks a file already in the vault; resolves once the review is open. */
async function reviewVaultFile(query: string): Promise<void> {
  expect(h!.runCommand("network-notes:import-people")).toBe(true);
  clickButton("Choose…");
  type(field(".prompt-input"), query);
  const item = [...modal().querySelectorAll<HTMLElement>(".suggestion-item")].find((el) => el.textContent?.includes(query));
  if (!item) throw new Error(`no file ${query} offered`);
  item.click();
  await until(() => modalOpen() && modal().querySelector(".network-notes-import-review") !== null, "the review");
}

async function applyReview(): Promise<void> {
  clickButton("Import");
  await until(() => !modalOpen(), "the import to finish", 4000);
  await h!.settle();
}

/**
 * For a long import: waits on real time without settling in between (settling drains every write as it comes,
 * and thousands of writes outlast its round limit), then settles once the import is over.
 */
async function applyLongReview(): Promise<void> {
  clickButton("Import");
  while (modalOpen()) await new Promise((r) => setTimeout(r, 20));
  await h!.settle();
}

describe("import people", () => {
  it("reviews LinkedIn's file, applies a selection, changes nothing on a second import, and undoes in one step", async () => {
    await begin();
    const original = snapshot();
    await reviewVaultFile("Connections.csv");

    const text = modal().textContent ?? "";
    expect(text).toContain("Connections.csv: 13 people read. New notes go to “People”.");
    expect(group("create")?.querySelector("h3")?.textContent).toBe("New people (8)");
    expect(group("update")?.querySelector("h3")?.textContent).toBe("People to add details to (3)");
    expect(group("ambiguous")?.textContent).toContain("Sam Lee (line 18): same name as line 17, but another email");
    expect(group("unreadable")?.textContent).toContain("line 16: no name");
    expect(group("merged")?.textContent).toContain("Priya Raman: line 10 → line 9");
    // Nothing is written while the review is open.
    expect(changedBetween(original, snapshot())).toEqual([]);

    untick(rowBox("create", "CON"));
    untick(rowBox("update", "Carmen Ruiz"));
    await applyReview();
    expect(noticed("Imported: 7 new people, 2 with added details.")).toBe(true);
    const afterFirst = snapshot();
    const changed = changedBetween(original, afterFirst);
    expect(changed).toEqual([
      "People/Alice Chen.md", "People/Ann Bob Smith.md", "People/Evil tag.md", "People/José Álvarez.md", "People/Priya Raman.md",
      "People/Sam Lee.md", "People/etc passwd.md", "People/李明.md", "People/王芳.md",
    ]);
    const ann = await h!.read("People/Ann Bob Smith.md");
    expect(fm(ann)).toMatchObject({ aliases: ["Ann/Bob Smith"], tier: null, company: "Acme", position: "Analyst", linkedin: "https://www.linkedin.com/in/annbob-example", met: "2020-07-01", how_we_met: "LinkedIn" });
    const alice = await h!.read("People/Alice Chen.md");
    expect(fm(alice)).toMatchObject({ tier: "meaningful", company: "Northwind", email: "alice@example.com", met: "2021-03-14" });
    // The new people are in the index, untracked, under the names they were given.
    const api = (h!.plugin as { api: { people(): { name: string; path: string; tier: unknown; aliases: string[] }[] } }).api;
    const ann2 = api.people().find((p) => p.path === "People/Ann Bob Smith.md");
    expect(ann2).toMatchObject({ tier: null, aliases: ["Ann/Bob Smith"] });
    const firstUndo = [...document.querySelectorAll<HTMLButtonElement>(".notice .network-notes-undo")].at(-1)!;

    // Importing the same file again with the same choice changes nothing, byte for byte.
    await reviewVaultFile("Connections.csv");
    expect(group("create")?.querySelector("h3")?.textContent).toBe("New people (1)");
    expect(group("update")?.querySelector("h3")?.textContent).toBe("People to add details to (1)");
    expect(group("upToDate")?.querySelector("h3")?.textContent).toBe("Already up to date (9)");
    untick(rowBox("create", "CON"));
    untick(rowBox("update", "Carmen Ruiz"));
    await applyReview();
    expect(lastNotice()).toBe("Nothing to do: everyone in this file is already up to date.");
    expect(changedBetween(afterFirst, snapshot())).toEqual([]);

    // Undo takes the whole import back: new notes to the trash, changed notes as they were.
    firstUndo.click();
    await until(() => h!.notices().some((n) => n.startsWith("The import was undone")), "the undo");
    expect(h!.notices()).toContain("The import was undone: 9 notes put back as they were.");
    expect(changedBetween(original, snapshot())).toEqual([]);
    expect(readdirSync(path.join(h!.vaultDir, ".trash")).sort()).toEqual(["Ann Bob Smith.md", "Evil tag.md", "José Álvarez.md", "Priya Raman.md", "Sam Lee.md", "etc passwd.md", "李明.md"]);
  });

  it("keeps a note changed after the import when undoing, and says so", async () => {
    await begin();
    await reviewVaultFile("google.vcf");
    await applyReview();
    expect(noticed("Imported: 1 new person, 1 with added details.")).toBe(true);
    await h!.write("People/Nadia Haddad.md", "I wrote this myself.\n");
    await h!.settle();
    expect(h!.runCommand("network-notes:undo")).toBe(true);
    await until(() => h!.notices().some((n) => n.startsWith("The import was undone")), "the undo");
    expect(h!.notices()).toContain("The import was undone: 1 note put back as it was.");
    expect(h!.notices()).toContain("1 note changed after the import and was kept: People/Nadia Haddad.md");
    expect(await h!.read("People/Nadia Haddad.md")).toBe("I wrote this myself.\n");
    expect(fm(await h!.read("People/Dev Patel.md")).email).toBeUndefined();
  });

  it("reads a vCard chosen on the device, with a tier for the new people", async () => {
    await begin();
    expect(h!.runCommand("network-notes:import-people")).toBe(true);
    const input = field<HTMLInputElement>("input.network-notes-import-file");
    const bytes = readFileSync(path.join(FIXTURES, "android.vcf"));
    Object.defineProperty(input, "files", { value: [new File([bytes], "android.vcf", { type: "text/vcard" })] });
    input.dispatchEvent(new Event("change"));
    await until(() => modalOpen() && modal().querySelector(".network-notes-import-review") !== null, "the review");
    expect(group("create")?.textContent).toContain("张伟");
    expect(group("create")?.textContent).toContain("Jörg Müller");
    type(field<HTMLSelectElement>("select.network-notes-import-tier"), "familiar", "change");
    await applyReview();
    const zhang = await h!.read("People/张伟.md");
    expect(fm(zhang)).toMatchObject({ tier: "familiar", company: "小米科技", email: "zhangwei@example.cn" });
    expect(zhang).toContain("大学同学。");
    expect(fm(await h!.read("People/Jörg Müller.md"))).toMatchObject({ tier: "familiar", birthday: "1978-12-03" });
  });

  it("says plainly when a file is of neither kind", async () => {
    await begin({ "Imports/notes.csv": "a,b\n1,2\n" });
    await reviewVaultFile("notes.csv").catch(() => undefined);
    expect(lastNotice()).toBe("“notes.csv” is neither a LinkedIn connections file nor a contacts (vCard) file, so nothing was imported.");
  });

  it("applies 10,000 rows in chunks, with progress between them, and keeps the app responsive", { timeout: 900_000 }, async () => {
    const rows = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"];
    for (let i = 0; i < 10_000; i++) rows.push(`Person${i},Generated,https://www.linkedin.com/in/p${i},p${i}@example.com,Company ${i % 97},Role,1 Jan 2024`);
    await begin({ "Imports/big.csv": `${rows.join("\r\n")}\r\n` });
    await reviewVaultFile("big.csv");
    expect(group("create")?.querySelector("h3")?.textContent).toBe("New people (10000)");
    expect(group("create")?.querySelectorAll("li")).toHaveLength(100);
    expect(group("create")?.textContent).toContain("…and 9900 more");

    const progress = modal().querySelector<HTMLElement>(".network-notes-import-progress")!;
    // At each progress report a timer is set; if the work yields to the app between chunks, that timer has run
    // by the next report. Work done in one go would show every report before any of these timers.
    const seen: { text: string; earlierTimerRan: boolean }[] = [];
    const ran = new Set<number>();
    const observer = new MutationObserver(() => {
      const at = seen.length;
      seen.push({ text: progress.textContent ?? "", earlierTimerRan: at === 0 || ran.has(at - 1) });
      setTimeout(() => ran.add(at), 0);
    });
    observer.observe(progress, { childList: true, characterData: true, subtree: true });
    try {
      await applyLongReview();
    } finally {
      observer.disconnect();
    }
    expect(noticed("Imported: 10000 new people, 0 with added details.")).toBe(true);
    const texts = seen.map((x) => x.text);
    const chunks = Array.from({ length: 49 }, (_, i) => `Imported ${(i + 1) * 200} of 10000…`);
    for (const chunk of chunks) expect(texts).toContain(chunk);
    expect(seen.filter((x) => chunks.includes(x.text)).every((x) => x.earlierTimerRan)).toBe(true);
    expect(h!.app.vault.getFiles().filter((f) => f.path.startsWith("People/Person")).length).toBe(10_000);
  });
});
