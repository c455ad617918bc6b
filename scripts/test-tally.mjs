// The `npm test` verdict, kept apart from the running so its rules can be tested. Nothing
// missing, skipped or unreported may read as green: CI trusts the last line alone.

/**
 * @typedef {{ ok: boolean }} Check
 * @typedef {{ title: string, status: string }} VitestTest
 * @typedef {{ numPassedTests: number, numFailedTests: number, numPendingTests?: number, numTodoTests?: number, numFailedTestSuites?: number, testResults?: { assertionResults: VitestTest[] }[] }} VitestReport
 * @typedef {{ stats: { expected: number, unexpected: number, flaky: number, skipped: number } }} PlaywrightReport
 * @typedef {{
 *   typecheck: Check, lint: Check, mutation?: Check,
 *   vitest: { exitOk: boolean, report: VitestReport | null },
 *   vitestDom?: { exitOk: boolean, report: VitestReport | null },
 *   vitestNode24?: { exitOk: boolean, report: VitestReport | null } | { off: string },
 *   vitestPostgres?: { exitOk: boolean, report: VitestReport | null, notRun?: string } | { off: string },
 *   build: Check,
 *   playwright: { exitOk: boolean, report: PlaywrightReport | null } | null,
 * }} Results
 */

/** @param {Results} results */
export function tally(results) {
  let passed = 0;
  let failed = 0;
  const lines = [];
  const failures = [];
  const fail = (count, why) => {
    failed += count;
    failures.push(why);
  };

  // Checks, not tests: a line of their own, never in the passed count, but a failure fails the run.
  for (const name of ["typecheck", "lint", "mutation"]) {
    if (!results[name]) continue;
    lines.push(`${name}: ${results[name].ok ? "ok" : "FAILED"}`);
    if (!results[name].ok) fail(1, name);
  }

  // Vitest's two projects may run as two steps (`npm test` runs the component tests in the lane
  // that frees first), the server-side project runs again on Node 24 (scripts/node24.mjs), and
  // the Postgres lane (vitest.postgres.config.ts) is a run of its own: same rules, own label.
  const vitestRuns = [
    ["Vitest", results.vitest],
    ["Vitest components", results.vitestDom],
    ["Vitest on Node 24", results.vitestNode24],
    ["Vitest on PostgreSQL", results.vitestPostgres],
  ];
  for (const [label, run] of vitestRuns) {
    if (!run || "off" in run) continue;
    const vitest = run.report;
    if (!vitest) {
      fail(1, "notRun" in run && run.notRun ? `${label} not run: ${run.notRun}` : `no ${label} report`);
      continue;
    }
    passed += vitest.numPassedTests;
    if (vitest.numFailedTests > 0) fail(vitest.numFailedTests, `${vitest.numFailedTests} ${label} test(s) failed`);
    const notRun = (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0);
    if (notRun > 0) fail(notRun, `${notRun} ${label} test(s) skipped or todo`);
    // A file that cannot even load reports no failed test, only a failed suite (or an exit code).
    if (vitest.numFailedTests === 0 && ((vitest.numFailedTestSuites ?? 0) > 0 || !run.exitOk)) fail(1, `a ${label} file failed to run or Vitest exited with an error`);
  }
  const node24 = results.vitestNode24;
  if (node24 && "off" in node24) lines.push(`node 24: not run (${node24.off})`);
  else if (node24?.report) {
    // src/server/runtime.test.ts names the Node it ran on: a run that fell back to Node 20 says so.
    const ranOn = ranOnNode(node24.report);
    lines.push(`node 24: ${node24.report.numPassedTests} server tests passed on Node ${ranOn ?? "?"}`);
    if (!ranOn?.startsWith("24.")) fail(1, `the Node 24 run did not run on Node 24 (${ranOn ?? "no passed runtime test"})`);
  }

  const postgres = results.vitestPostgres;
  if (postgres && "off" in postgres) lines.push(`postgres: not run (${postgres.off})`);
  else if (postgres?.report) {
    // src/server/db/postgres-lane.test.ts proves the lane's studios kept their rows in PostgreSQL.
    lines.push(`postgres: ${postgres.report.numPassedTests} tests passed on PostgreSQL`);
    if (!passedTitles(postgres.report).some((title) => title.startsWith("runs a harness studio on PostgreSQL"))) {
      fail(1, "the Postgres lane did not show its studios running on PostgreSQL (postgres-lane.test.ts did not pass)");
    }
  }

  if (!results.build.ok) fail(1, "vite build");
  const report = results.playwright?.report ?? null;
  if (!report) fail(1, "no Playwright report");
  else {
    const { expected, unexpected, flaky, skipped } = report.stats;
    passed += expected;
    if (unexpected + flaky > 0) fail(unexpected + flaky, `${unexpected + flaky} e2e test(s) failed or flaky`);
    if (skipped > 0) fail(skipped, `${skipped} e2e test(s) skipped`);
    if (!results.playwright.exitOk && unexpected + flaky + skipped === 0) fail(1, "Playwright exited with an error");
  }

  // An empty run proves nothing.
  if (passed === 0 && failed === 0) fail(1, "no tests ran");
  if (failures.length) lines.push(`Failed: ${failures.join(", ")}`);
  lines.push(`${passed} passed, ${failed} failed`);
  return { passed, failed, lines, ok: failed === 0 };
}

/** @param {VitestReport} report */
function passedTitles(report) {
  return (report.testResults ?? []).flatMap((file) => file.assertionResults).filter((test) => test.status === "passed").map((test) => test.title);
}

/** @param {VitestReport} report the Node version a passed runtime test names, if any */
function ranOnNode(report) {
  for (const title of passedTitles(report)) {
    const match = /^runs on Node (\S+) with/.exec(title);
    if (match) return match[1];
  }
  return undefined;
}
