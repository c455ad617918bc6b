// `npm test`: every check in order, then one plain "N passed, N failed" line that CI reads.
// Vitest and Playwright report through JSON files; the verdict's rules live in test-tally.mjs.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { tally } from "./test-tally.mjs";

// Stale reports must never stand in for a run that wrote none.
rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

function run(label, command, args) {
  console.log(`\n▶ ${label}: ${command} ${args.join(" ")}`);
  return { ok: spawnSync(command, args, { stdio: "inherit" }).status === 0 };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

const typecheck = run("typecheck", "npx", ["tsc", "-b"]);
const lint = run("lint", "npx", ["eslint", ".", "--max-warnings", "0"]);
const vitestRun = run("unit, component and BFF tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"]);
const vitest = { exitOk: vitestRun.ok, report: readJson("reports/vitest.json") };
const build = run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
let playwright = null;
if (build.ok) {
  const e2e = run("end-to-end (Playwright, Chromium)", "npx", ["playwright", "test"]);
  playwright = { exitOk: e2e.ok, report: readJson("reports/playwright.json") };
}

const verdict = tally({ typecheck, lint, vitest, build, playwright });
console.log(`\n${verdict.lines.join("\n")}`);
process.exit(verdict.ok ? 0 : 1);
