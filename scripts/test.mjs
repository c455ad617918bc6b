// `npm test`: every check in order, then one plain "N passed, N failed" line that CI reads.
// Vitest and Playwright report through JSON files; typecheck and lint count as one check each.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";

const tally = { passed: 0, failed: 0 };
const failures = [];
rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, ...env } });
  return result.status === 0;
}

function check(label, command, args) {
  const ok = run(label, command, args);
  tally[ok ? "passed" : "failed"] += 1;
  if (!ok) failures.push(label);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

check("typecheck", "npx", ["tsc", "-p", "tsconfig.json", "--noEmit"]);
check("lint", "npx", ["eslint", ".", "--max-warnings", "0"]);

const unitOk = run("unit, component and BFF tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"]);
const vitest = readJson("reports/vitest.json");
if (vitest) {
  tally.passed += vitest.numPassedTests;
  tally.failed += vitest.numFailedTests;
  if (vitest.numFailedTests > 0) failures.push(`${vitest.numFailedTests} vitest test(s)`);
}
if (!unitOk && (!vitest || vitest.numFailedTests === 0)) {
  tally.failed += 1;
  failures.push("vitest run (crashed or had failing suites)");
}

const buildOk = run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
if (!buildOk) {
  tally.failed += 1;
  failures.push("vite build");
} else {
  const e2eOk = run("end-to-end (Playwright, Chromium)", "npx", ["playwright", "test"]);
  const report = readJson("reports/playwright.json");
  if (report) {
    tally.passed += report.stats.expected;
    tally.failed += report.stats.unexpected + report.stats.flaky;
    // Skipped e2e tests are not allowed in CI: they count as failures.
    tally.failed += report.stats.skipped;
    if (report.stats.unexpected + report.stats.skipped > 0) failures.push("e2e");
  }
  if (!e2eOk && (!report || report.stats.unexpected === 0)) {
    tally.failed += 1;
    failures.push("playwright run (crashed)");
  }
}

if (!existsSync("reports/vitest.json")) failures.push("no vitest report");
if (failures.length) console.log(`\nFailed: ${failures.join(", ")}`);
console.log(`\n${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed === 0 && tally.passed > 0 ? 0 : 1);
