import { describe, expect, it } from "vitest";
import { tally } from "./test-tally.mjs";

const vitestReport = (counts = {}) => ({ numPassedTests: 10, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numFailedTestSuites: 0, ...counts });
/** What src/server/runtime.test.ts leaves in a report when it passed on `node`. */
const ranOn = (node) => ({ testResults: [{ assertionResults: [{ title: `runs on Node ${node} with a better-sqlite3 built for it`, status: "passed" }] }] });
const playwrightReport = (stats = {}) => ({ stats: { expected: 5, unexpected: 0, flaky: 0, skipped: 0, ...stats } });

/** A green run, with `changes` applied on top. */
function results(changes = {}) {
  return {
    typecheck: { ok: true },
    lint: { ok: true },
    vitest: { exitOk: true, report: vitestReport() },
    vitestNode24: { exitOk: true, report: vitestReport({ numPassedTests: 4, ...ranOn("24.22.3") }) },
    build: { ok: true },
    playwright: { exitOk: true, report: playwrightReport() },
    ...changes,
  };
}

describe("the npm test verdict", () => {
  it("is green with every report and no failures, reporting typecheck, lint and Node 24 on their own lines and the tally last", () => {
    const verdict = tally(results());
    expect(verdict).toMatchObject({ ok: true, passed: 19, failed: 0 });
    expect(verdict.lines).toEqual(["typecheck: ok", "lint: ok", "node 24: 4 server tests passed on Node 24.22.3", "19 passed, 0 failed"]);
  });

  it("fails when the Node 24 run left no report or failed a test, naming Node 24", () => {
    const missing = tally(results({ vitestNode24: { exitOk: false, report: null } }));
    expect(missing).toMatchObject({ ok: false, passed: 15, failed: 1 });
    expect(missing.lines.at(-2)).toMatch(/no Vitest on Node 24 report/);
    const failing = tally(results({ vitestNode24: { exitOk: false, report: vitestReport({ numPassedTests: 3, numFailedTests: 1, ...ranOn("24.22.3") }) } }));
    expect(failing).toMatchObject({ ok: false, passed: 18, failed: 1 });
    expect(failing.lines.at(-2)).toMatch(/1 Vitest on Node 24 test\(s\) failed/);
  });

  it("fails a Node 24 report whose runtime test ran on another Node or did not run", () => {
    const onNode20 = tally(results({ vitestNode24: { exitOk: true, report: vitestReport({ numPassedTests: 4, ...ranOn("20.20.2") }) } }));
    expect(onNode20).toMatchObject({ ok: false, passed: 19, failed: 1 });
    expect(onNode20.lines.at(-2)).toMatch(/did not run on Node 24 \(20\.20\.2\)/);
    const without = tally(results({ vitestNode24: { exitOk: true, report: vitestReport({ numPassedTests: 4 }) } }));
    expect(without).toMatchObject({ ok: false, failed: 1 });
    expect(without.lines.at(-2)).toMatch(/no passed runtime test/);
  });

  it("says so when the Node 24 run was switched off, without failing the run", () => {
    const verdict = tally(results({ vitestNode24: { off: "NODE24_TESTS=0" } }));
    expect(verdict).toMatchObject({ ok: true, passed: 15, failed: 0 });
    expect(verdict.lines).toContain("node 24: not run (NODE24_TESTS=0)");
  });

  it("counts the Postgres lane's tests with a line of its own, once its studios showed they ran on PostgreSQL", () => {
    const onPostgres = { testResults: [{ assertionResults: [{ title: "runs a harness studio on PostgreSQL: an upload lands in the studio's schema", status: "passed" }] }] };
    const verdict = tally(results({ vitestPostgres: { exitOk: true, report: vitestReport({ numPassedTests: 6, ...onPostgres }) } }));
    expect(verdict).toMatchObject({ ok: true, passed: 25, failed: 0 });
    expect(verdict.lines).toContain("postgres: 6 tests passed on PostgreSQL");
    const onSqlite = tally(results({ vitestPostgres: { exitOk: true, report: vitestReport({ numPassedTests: 6 }) } }));
    expect(onSqlite).toMatchObject({ ok: false, failed: 1 });
    expect(onSqlite.lines.at(-2)).toMatch(/did not show its studios running on PostgreSQL/);
  });

  it("fails a missing or failing Postgres report, and says why the lane did not run in CI", () => {
    expect(tally(results({ vitestPostgres: { exitOk: false, report: vitestReport({ numPassedTests: 5, numFailedTests: 2 }) } }))).toMatchObject({ ok: false, failed: 3 });
    const missing = tally(results({ vitestPostgres: { exitOk: false, report: null } }));
    expect(missing.lines.at(-2)).toMatch(/no Vitest on PostgreSQL report/);
    const notInstalled = tally(results({ vitestPostgres: { exitOk: false, report: null, notRun: "PostgreSQL is not installed" } }));
    expect(notInstalled).toMatchObject({ ok: false, passed: 19, failed: 1 });
    expect(notInstalled.lines.at(-2)).toMatch(/Vitest on PostgreSQL not run: PostgreSQL is not installed/);
  });

  it("says so when the Postgres lane was left out, counting none of it as passed", () => {
    const verdict = tally(results({ vitestPostgres: { off: "PostgreSQL is not installed" } }));
    expect(verdict).toMatchObject({ ok: true, passed: 19, failed: 0 });
    expect(verdict.lines).toContain("postgres: not run (PostgreSQL is not installed)");
  });

  it("counts the component tests when they ran as a step of their own, and fails on a missing or failing report", () => {
    expect(tally(results({ vitestDom: { exitOk: true, report: vitestReport({ numPassedTests: 7 }) } }))).toMatchObject({ ok: true, passed: 26, failed: 0 });
    const missing = tally(results({ vitestDom: { exitOk: true, report: null } }));
    expect(missing).toMatchObject({ ok: false, failed: 1 });
    expect(missing.lines.at(-2)).toMatch(/no Vitest components report/);
    const failing = tally(results({ vitestDom: { exitOk: false, report: vitestReport({ numPassedTests: 6, numFailedTests: 1 }) } }));
    expect(failing).toMatchObject({ ok: false, passed: 25, failed: 1 });
  });

  it("fails when the Vitest report is missing, even if Vitest exited cleanly", () => {
    const verdict = tally(results({ vitest: { exitOk: true, report: null } }));
    expect(verdict).toMatchObject({ ok: false, passed: 9, failed: 1 });
    expect(verdict.lines.at(-2)).toMatch(/no Vitest report/);
  });

  it("fails when the Playwright report is missing, or the build stopped it from running", () => {
    expect(tally(results({ playwright: { exitOk: true, report: null } }))).toMatchObject({ ok: false, passed: 14, failed: 1 });
    expect(tally(results({ build: { ok: false }, playwright: null }))).toMatchObject({ ok: false, passed: 14, failed: 2 });
  });

  it("counts skipped and todo Vitest tests as failures", () => {
    expect(tally(results({ vitest: { exitOk: true, report: vitestReport({ numPendingTests: 2 }) } }))).toMatchObject({ ok: false, failed: 2 });
    expect(tally(results({ vitest: { exitOk: true, report: vitestReport({ numTodoTests: 1 }) } }))).toMatchObject({ ok: false, failed: 1 });
  });

  it("counts failed, flaky and skipped Playwright tests as failures", () => {
    const verdict = tally(results({ playwright: { exitOk: false, report: playwrightReport({ unexpected: 1, flaky: 1, skipped: 1 }) } }));
    expect(verdict).toMatchObject({ ok: false, passed: 19, failed: 3 });
  });

  it("fails on a failing typecheck or lint without adding them to the passed count", () => {
    const verdict = tally(results({ typecheck: { ok: false } }));
    expect(verdict).toMatchObject({ ok: false, passed: 19, failed: 1 });
    expect(verdict.lines.slice(0, 2)).toEqual(["typecheck: FAILED", "lint: ok"]);
    expect(verdict.lines.at(-1)).toBe("19 passed, 1 failed");
    expect(tally(results({ lint: { ok: false } }))).toMatchObject({ ok: false, failed: 1 });
  });

  it("fails when a test file cannot load or a runner exits with an error but reports no failed test", () => {
    expect(tally(results({ vitest: { exitOk: false, report: vitestReport({ numFailedTestSuites: 1 }) } }))).toMatchObject({ ok: false, failed: 1 });
    expect(tally(results({ vitest: { exitOk: false, report: vitestReport() } }))).toMatchObject({ ok: false, failed: 1 });
    expect(tally(results({ playwright: { exitOk: false, report: playwrightReport() } }))).toMatchObject({ ok: false, failed: 1 });
  });

  it("fails a run in which no test ran", () => {
    const empty = results({ vitest: { exitOk: true, report: vitestReport({ numPassedTests: 0 }) }, vitestNode24: { exitOk: true, report: vitestReport({ numPassedTests: 0 }) }, playwright: { exitOk: true, report: playwrightReport({ expected: 0 }) } });
    expect(tally(empty)).toMatchObject({ ok: false, failed: 1 });
  });
});
