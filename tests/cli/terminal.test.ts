/**
 * The terminal digest prints names and commitments from notes; an escape sequence hidden in them must not reach
 * the terminal as one (it could retitle the window, clear the screen or hide a line). Run as a user runs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { terminalSafe } from "../../src/cli/main";

const ESC = "\u001b";
const CSI = "\u009b";

describe("text for the terminal", () => {
  it("shows control characters as escapes and keeps everything else", () => {
    expect(terminalSafe(`a${ESC}]0;owned\u0007b`)).toBe("a\\u001b]0;owned\\u0007b");
    expect(terminalSafe(`x${CSI}2Jy\rz`)).toBe("x\\u009b2Jy\\u000dz");
    expect(terminalSafe("line one\n\tline two 王芳 👩‍💻")).toBe("line one\n\tline two 王芳 👩‍💻");
  });
});

describe.runIf(existsSync("dist/cli.mjs"))("the digest with escape sequences in notes", () => {
  it("prints them as visible escapes, in text and in JSON", () => {
    const vault = mkdtempSync(path.join(tmpdir(), "network-notes-cli-esc-"));
    try {
      mkdirSync(path.join(vault, "People"));
      const name = `Eve${ESC}]0;owned${"\u0007"}`;
      writeFileSync(path.join(vault, "People", `${name}.md`), `---\ntier: meaningful\nlast_touch: 2026-10-01\ncommitments:\n  - "Send it ${CSI}2J${ESC}[8m now"\n---\n`);
      for (const json of [false, true]) {
        const r = spawnSync("node", ["bin/network-notes.mjs", "digest", "--vault", vault, "--date", "2026-11-26", "--no-cache", ...(json ? ["--json"] : [])], { encoding: "utf8" });
        expect(r.status).toBe(0);
        expect(r.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
        if (json) {
          const digest = JSON.parse(r.stdout) as { due: { name: string }[] };
          expect(digest.due.map((d) => d.name)).toEqual([name]);
        } else {
          expect(r.stdout).toContain("Eve\\u001b]0;owned\\u0007");
          expect(r.stdout).toContain("Send it \\u009b2J\\u001b[8m now");
        }
      }
    } finally {
      rmSync(vault, { recursive: true, force: true });
    }
  });
});
