// npm test: every check the project has, in order, ending with one line `N passed, N failed` that sums them all.
// Typecheck, lint and build count as one check each; every Vitest test counts as one. Exit code 1 if anything failed.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

let passed = 0;
let failed = 0;

function step(name, command, args) {
  process.stdout.write(`\n▶ ${name}: ${command} ${args.join(" ")}\n`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  const ok = result.status === 0;
  if (ok) passed++;
  else failed++;
  process.stdout.write(`${ok ? "✔" : "✘"} ${name}\n`);
  return ok;
}

step("typecheck", "npx", ["tsc", "--noEmit", "-p", "."]);
step("lint", "npx", ["eslint", "--max-warnings", "0", "."]);
const built = step("build", "node", ["esbuild.config.mjs"]);

if (built) {
  const dir = mkdtempSync(path.join(tmpdir(), "network-notes-vitest-"));
  const report = path.join(dir, "report.json");
  process.stdout.write("\n▶ vitest\n");
  const run = spawnSync("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`], { stdio: "inherit", env: { ...process.env, FORCE_COLOR: "0" } });
  try {
    const json = JSON.parse(readFileSync(report, "utf8"));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    // A file that failed to load has no tests counted; count it as a failure so it cannot pass silently.
    for (const file of json.testResults ?? []) if (file.status === "failed" && (file.assertionResults ?? []).length === 0) failed++;
    // A skipped test is neither passed nor failed: name each, so a check that did not run is never mistaken for one that did.
    for (const file of json.testResults ?? []) {
      for (const test of file.assertionResults ?? []) if (test.status === "skipped" || test.status === "pending") process.stdout.write(`↓ skipped: ${test.fullName}\n`);
    }
    if (run.status !== 0 && (json.numFailedTests ?? 0) === 0) failed++;
  } catch {
    process.stdout.write("✘ vitest produced no report\n");
    failed++;
  }
  rmSync(dir, { recursive: true, force: true });
} else {
  process.stdout.write("✘ vitest skipped: the build failed\n");
  failed++;
}

process.stdout.write(`\n${passed} passed, ${failed} failed\n`);
process.exitCode = failed === 0 ? 0 : 1;
