// CI's bounded mutation check (`node scripts/mutate-ci.mjs`). Full runs are local
// (`npm run mutate`, slow on 2 cores) and commit .stryker/incremental.json; CI only
// 1. runs Stryker on the few files in the six folders whose source differs from the cache
//    (capped by MUTATE_CI_MAX_FILES, default 2, and MUTATE_CI_BUDGET_S, default 300 s), and
// 2. fails when any measured folder scores under 80 % in the (updated) cache.
// `--check-only` skips step 1 (lists the stale files instead): a few seconds, no Stryker.
// Test-only changes are not rerun here; the next local `npm run mutate` picks them up.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { FOLDERS, MIN_SCORE, folderScores, hasMutants, mutatedFiles, printScores, readReport } from "./mutation-scores.mjs";

const CACHE = ".stryker/incremental.json";
const maxFiles = Number(process.env.MUTATE_CI_MAX_FILES ?? 2);
const budgetMs = Number(process.env.MUTATE_CI_BUDGET_S ?? 300) * 1000;
const checkOnly = process.argv.includes("--check-only");

async function staleFiles(report) {
  const files = FOLDERS.flatMap(mutatedFiles);
  const stale = [];
  for (const file of files) {
    const cached = report?.files?.[file];
    if (cached ? cached.source !== readFileSync(file, "utf8") : await hasMutants(file)) stale.push(file);
  }
  return { total: files.length, stale };
}

/** Stryker on `files`, killed (with its runners) when the budget runs out. */
function runStryker(files) {
  return new Promise((resolve) => {
    const child = spawn("npx", ["stryker", "run", "--mutate", files.join(","), "--reporters", "clear-text,json"], { stdio: "inherit", detached: true });
    const timer = setTimeout(() => {
      console.log(`mutation: over the ${budgetMs / 1000} s budget, stopping Stryker`);
      process.kill(-child.pid, "SIGTERM");
    }, budgetMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve(code === 0);
    });
  });
}

const started = Date.now();
const { total, stale } = await staleFiles(readReport(CACHE));
if (stale.length === 0) {
  console.log(`mutation: cache up to date for ${total} files`);
} else if (checkOnly) {
  console.log(`mutation: ${stale.length} of ${total} files changed since the cache (not rerun: --check-only): ${stale.join(", ")}`);
} else {
  // Smallest first: more files checked within the cap; the rest wait for a local run.
  const picked = stale.toSorted((a, b) => readFileSync(a, "utf8").length - readFileSync(b, "utf8").length).slice(0, maxFiles);
  console.log(`mutation: ${stale.length} of ${total} files changed since the cache; mutating ${picked.join(", ")}`);
  if (stale.length > picked.length) console.log(`mutation: not rerun here (over MUTATE_CI_MAX_FILES=${maxFiles}): ${stale.filter((f) => !picked.includes(f)).join(", ")}`);
  if (!(await runStryker(picked))) {
    console.log("mutation: Stryker did not finish; run `npm run mutate` locally and commit .stryker/incremental.json");
    process.exit(1);
  }
}

const scores = folderScores(readReport(CACHE));
printScores(scores);
const low = scores.filter((s) => s.score !== null && s.score < MIN_SCORE);
console.log(`mutation: checked in ${Math.round((Date.now() - started) / 1000)} s`);
if (low.length > 0) {
  console.log(`mutation: under ${MIN_SCORE} %: ${low.map((s) => s.folder).join(", ")}. Add tests, or a one-line \`// Stryker disable next-line <mutator>: <reason>\` for equivalent mutants.`);
  process.exit(1);
}
