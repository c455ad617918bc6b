// @ts-check
// Mutation testing (`npm run mutate`). Surviving mutants either get a test or a
// `// Stryker disable next-line <mutator>: <reason>` comment where they live.
/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  // Mutants inside `log.<level>(...)` lines are ignored, with the reason, by this plugin.
  plugins: ["@stryker-mutator/*", "./scripts/stryker-ignore-logs.mjs"],
  ignorers: ["log-lines"],
  vitest: { configFile: "vitest.stryker.config.ts" },
  coverageAnalysis: "perTest",
  // Module-level mutants (zod schemas, constant tables) rerun every related test file, up to
  // ~6 min each here when they hang; they are reported as Ignored, not counted in the score.
  // A full run that counts them: `npm run mutate -- --ignoreStatic false`.
  ignoreStatic: true,
  mutate: [
    "src/server/jobs/**/*.ts",
    "src/server/upstream/**/*.ts",
    "src/server/auth/**/*.ts",
    "src/server/http/**/*.ts",
    "src/server/media/**/*.ts",
    "src/shared/**/*.ts",
    "!src/**/*.test.ts",
  ],
  // Committed, so a rerun only tests mutants whose code or covering tests changed.
  incremental: true,
  incrementalFile: ".stryker/incremental.json",
  // Two cores shared with everything else: one runner keeps the machine usable.
  concurrency: 1,
  // Slow shared machine: HTTP tests vary a lot, so be generous before calling a timeout.
  timeoutMS: 15_000,
  // The initial run (every test, with per-test coverage) takes 5+ min on a busy 2-core machine.
  dryRunTimeoutMinutes: 25,
  timeoutFactor: 2.5,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  thresholds: { high: 90, low: 80, break: null },
  ignorePatterns: ["dist", "data", "reports", "e2e", "test-results", "playwright-report", ".tmp", "docs", "public"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
