// `npm test`: every check, then one plain "N passed, N failed" line that CI reads. Vitest and
// Playwright report through JSON files; the verdict's rules live in test-tally.mjs.
// Steps that do not depend on each other run side by side to fit CI's budget on two cores
// (README, "Tests and CI"); each one's output is kept in reports/<step>.log and printed whole
// when it ends, so the log reads one step at a time.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { node24Vitest, restoreBindings, useBothBindings } from "./node24.mjs";
import { tally } from "./test-tally.mjs";

// The Postgres lane starts a throwaway cluster of its own; a URL left in the shell would send
// every lane's harness studios to that server instead (studio-harness.ts).
delete process.env.TEST_DATABASE_URL;

// Stale reports must never stand in for a run that wrote none.
rmSync("reports", { recursive: true, force: true });
mkdirSync("reports", { recursive: true });

const GNU_TIME = "/usr/bin/time";

/** ", 812 CPU-s" from the step's GNU time record (user + system, children included), or "". */
function cpuSeconds(name) {
  try {
    const [user, system] = readFileSync(`reports/${name}.cpu`, "utf8").trim().split("\n").pop().split(" ").map(Number);
    return Number.isFinite(user + system) ? `, ${Math.round(user + system)} CPU-s` : "";
  } catch {
    return "";
  }
}

/** @returns {Promise<{ ok: boolean }>} */
function step(name, label, command, args, env = process.env) {
  const from = Date.now();
  const out = openSync(`reports/${name}.log`, "w");
  return new Promise((resolve) => {
    const done = (ok) => {
      closeSync(out);
      console.log(`\n▶ ${label}: ${command} ${args.join(" ")} — ${ok ? "ok" : "FAILED"} in ${Math.round((Date.now() - from) / 1000)} s${cpuSeconds(name)}`);
      process.stdout.write(readFileSync(`reports/${name}.log`, "utf8"));
      resolve({ ok });
    };
    // CPU time as well as wall time where GNU time is installed: on two shared cores the CPU
    // seconds say which step costs the budget, the wall seconds only which one waited longest.
    const [file, argv] = existsSync(GNU_TIME) ? [GNU_TIME, ["-f", "%U %S", "-o", `reports/${name}.cpu`, command, ...args]] : [command, args];
    const child = spawn(file, argv, { env, stdio: ["ignore", out, out] });
    child.on("error", () => done(false));
    child.on("exit", (code) => done(code === 0));
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

// On unless NODE24_TESTS=0: Node 24 and better-sqlite3 built for it (scripts/node24.mjs),
// cached in .tmp/node24; .ci/run builds it beside `npm ci`.
const withNode24 = process.env.NODE24_TESTS !== "0";
const node24Ready = withNode24 ? step("node24-prepare", "Node 24 and better-sqlite3 for it", "node", ["scripts/node24.mjs", "prepare"]) : null;

const reporters = (report) => ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`];
const vitestArgs = (project, report) => ["vitest", "run", "--project", project, ...reporters(report)];

// Two lanes on two cores: the server-side Vitest project on Node 20 starts at once, beside the
// checks; the end-to-end run waits for the checks and the build. The component tests, the
// server tests on Node 24 and the Postgres lane follow in whichever lane is free (followUps).
async function vitestOnNode20() {
  const run = await step("vitest", "unit and BFF tests (Vitest, node)", "npx", vitestArgs("node", "reports/vitest.json"));
  return { exitOk: run.ok, report: readJson("reports/vitest.json") };
}
const vitestLane = vitestOnNode20();

// The end-to-end run starts once the checks are done too: started beside them (with only the
// build before it) it made the first minute four CPU-heavy steps on two cores, and CI slower
// (682 s against 640 s, with Vitest's heaviest renders timing out).
const [typecheck, lint, mutation, build] = await Promise.all([
  step("typecheck", "typecheck", "npx", ["tsc", "-b"]),
  step("lint", "lint", "npx", ["eslint", ".", "--max-warnings", "0"]),
  // Per-folder scores from the committed Stryker cache (seconds); `npm run mutate` refreshes it.
  step("mutation", "mutation scores", "node", ["scripts/mutate-ci.mjs", "--check-only"]),
  step("build", "build", "npx", ["vite", "build", "--logLevel", "warn"]),
]);

async function playwrightLane() {
  if (!build.ok) return null;
  const e2e = await step("playwright", "end-to-end (Playwright, Chromium)", "npx", ["playwright", "test"]);
  return { exitOk: e2e.ok, report: readJson("reports/playwright.json") };
}
const playwrightDone = playwrightLane();

async function componentTests() {
  const run = await step("vitest-dom", "component tests (Vitest, jsdom)", "npx", vitestArgs("dom", "reports/vitest-dom.json"));
  return { exitOk: run.ok, report: readJson("reports/vitest-dom.json") };
}

async function node24Tests() {
  if (!withNode24) return { off: "NODE24_TESTS=0" };
  if (!(await node24Ready).ok) return { exitOk: false, report: null };
  // Restored only once every lane is done: Node 20 processes start all along in the others.
  try {
    useBothBindings();
  } catch (error) {
    console.log(`\n▶ server tests on Node 24 — not run: ${error.message}`);
    return { exitOk: false, report: null };
  }
  const { command, args, env } = node24Vitest("reports/vitest-node24.json");
  const run = await step("vitest-node24", "server tests on Node 24", command, args, env);
  return { exitOk: run.ok, report: readJson("reports/vitest-node24.json") };
}

/** Debian keeps PostgreSQL's programs under /usr/lib/postgresql/<major>/bin (.ci/run installs them). */
function postgresMissing() {
  const root = "/usr/lib/postgresql";
  const installed = existsSync(root) && readdirSync(root).some((major) => existsSync(`${root}/${major}/bin/initdb`));
  return installed ? null : "PostgreSQL is not installed, no /usr/lib/postgresql/*/bin/initdb; apt-get install postgresql";
}

// CI installs PostgreSQL, so there a missing one fails the run; elsewhere the lane is left out
// and the tally says why.
async function postgresTests() {
  const missing = postgresMissing();
  if (missing) {
    const inCi = process.env.CI === "true";
    console.log(`\n▶ Vitest on PostgreSQL — ${inCi ? "FAILED, CI must run it" : "skipped"}: ${missing}`);
    return inCi ? { exitOk: false, report: null, notRun: missing } : { off: missing };
  }
  const args = ["vitest", "run", "--config", "vitest.postgres.config.ts", ...reporters("reports/vitest-postgres.json")];
  const run = await step("vitest-postgres", "Vitest on PostgreSQL", "npx", args);
  return { exitOk: run.ok, report: readJson("reports/vitest-postgres.json") };
}

// After their first step each lane takes the next of these, so two run at a time on two cores
// whichever lane frees first; the component tests keep their place at the head.
const followUps = [
  ["vitestDom", componentTests],
  ["vitestNode24", node24Tests],
  ["vitestPostgres", postgresTests],
];
const followed = {};
async function thenFollowUps(lane) {
  const result = await lane;
  for (let next = followUps.shift(); next; next = followUps.shift()) followed[next[0]] = await next[1]();
  return result;
}

let lanes;
try {
  lanes = await Promise.all([thenFollowUps(vitestLane), thenFollowUps(playwrightDone)]);
} finally {
  if (withNode24) restoreBindings();
}
const [vitest, playwright] = lanes;
const verdict = tally({ typecheck, lint, mutation, vitest, build, playwright, ...followed });
console.log(`\n${verdict.lines.join("\n")}`);
process.exit(verdict.ok ? 0 : 1);
