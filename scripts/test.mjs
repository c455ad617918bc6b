// `npm test`: every check in order, then one plain "N passed, N failed" line that CI reads.
// Vitest and Playwright report through JSON files; the verdict's rules live in test-tally.mjs.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, openSync, readFileSync, rmSync } from "node:fs";
import { tally } from "./test-tally.mjs";

// Stale reports must never stand in for a run that wrote none.
rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

// With NODE24_TESTS=1, Node 24 is fetched and better-sqlite3 compiled for it
// (scripts/node24.mjs) on the second core while the checks below run; its server-side tests
// come last. Off by default: on a clean clone the swapped binding was still Node 20's (ABI 115).
const withNode24 = process.env.NODE24_TESTS === "1";
const node24Log = openSync("reports/node24-prepare.log", "w");
const node24Ready = !withNode24
  ? Promise.resolve(false)
  : new Promise((resolve) => {
      const child = spawn("node", ["scripts/node24.mjs", "prepare"], { stdio: ["ignore", node24Log, node24Log] });
      child.on("error", () => resolve(false));
      child.on("exit", (code) => resolve(code === 0));
    });

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
// Per-folder scores from the committed Stryker cache (seconds); `npm run mutate` refreshes it.
const mutation = run("mutation scores", "node", ["scripts/mutate-ci.mjs", "--check-only"]);
const vitestRun = run("unit, component and BFF tests", "npx", ["vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=reports/vitest.json"]);
const vitest = { exitOk: vitestRun.ok, report: readJson("reports/vitest.json") };
const build = run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
let playwright = null;
if (build.ok) {
  const e2e = run("end-to-end (Playwright, Chromium)", "npx", ["playwright", "test"]);
  playwright = { exitOk: e2e.ok, report: readJson("reports/playwright.json") };
}

let vitestNode24 = withNode24 ? { exitOk: false, report: null } : undefined;
if (!withNode24) console.log("\n▶ server tests on Node 24: not run (set NODE24_TESTS=1)");
else if (await node24Ready) {
  const node24Run = run("server tests on Node 24", "node", ["scripts/node24.mjs", "test"]);
  vitestNode24 = { exitOk: node24Run.ok, report: readJson("reports/vitest-node24.json") };
} else console.log(`\n▶ Node 24 could not be prepared:\n${readFileSync("reports/node24-prepare.log", "utf8").slice(-4000)}`);

const verdict = tally({ typecheck, lint, mutation, vitest, vitestNode24, build, playwright });
console.log(`\n${verdict.lines.join("\n")}`);
process.exit(verdict.ok ? 0 : 1);
