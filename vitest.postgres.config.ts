import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

const alias = { "@": fileURLToPath(new URL("./src", import.meta.url)) };

// The Postgres lane (`npm test`'s "Vitest on PostgreSQL", README "Tests and CI"): the same
// tests on a studio whose database is PostgreSQL. One throwaway cluster for the run (the global
// setup); each harness studio and test file takes a schema of its own in it.
export default defineConfig({
  resolve: { alias },
  test: {
    name: "postgres",
    environment: "node",
    isolate: false,
    testTimeout: 30_000,
    // Two clean-clone CI runs of four (2026-12-01) each had one test here stall for its whole
    // 30 s (a different one each time; 1–2 s normally, passed when rerun), not yet explained.
    // One retry keeps CI from a lottery while it is found; a test that fails twice still fails,
    // and the JSON report keeps the retries.
    retry: 1,
    hookTimeout: 60_000,
    setupFiles: ["./src/test/setup.ts"],
    globalSetup: ["./src/server/testing/postgres-global-setup.ts"],
    include: [
      // The schema parity check (runs only here) and the engine-agnostic store and db tests.
      "src/server/db/*.test.ts",
      "src/server/store/*.test.ts",
      // BFF over HTTP through a harness studio, chosen to reach every store within the lane's
      // budget (about 90 s beside the other steps on two cores; README, "Tests and CI"):
      // takes, their actions, idempotent and ambiguous submits,
      "src/server/routes/takes-routes.test.ts",
      "src/server/routes/take-actions.test.ts",
      "src/server/routes/idempotency.test.ts",
      "src/server/jobs/ambiguous-create.test.ts",
      // the list's filters, search and cursor pages, and review,
      "src/server/routes/takes-list.test.ts",
      "src/server/routes/review-routes.test.ts",
      // projects, shots (selects, batches, families), notes and reels,
      "src/server/routes/projects-routes.test.ts",
      "src/server/routes/takes-in-shots.test.ts",
      "src/server/routes/notes-routes.test.ts",
      "src/server/routes/reels-routes.test.ts",
      // the upload library and last frames,
      "src/server/routes/upload-library.test.ts",
      // sign-in sessions and their revocation, the sign-in throttle and its count shared by studios,
      "src/server/auth/session-routes.test.ts",
      "src/server/auth/session-revocation.test.ts",
      "src/server/auth/sign-in-throttle.test.ts",
      "src/server/auth/sign-in-shared-count.test.ts",
      // spend limits and usage, the insights, the provider's ledger and catalogue,
      "src/server/jobs/spend-limits-http.test.ts",
      "src/server/routes/insights-routes.test.ts",
      "src/server/jobs/reconcile-usage.test.ts",
      // readiness, which asks the database,
      "src/server/ops/ready-route.test.ts",
      // and two replicas on one schema and one bucket, one killed with -9 (issue 16).
      "src/server/two-replicas.test.ts",
      // Moving a SQLite studio in (npm run migrate), which needs a Postgres to move to.
      "src/server/migrate/migrate-studio.test.ts",
    ],
    exclude: [
      ...configDefaults.exclude,
      // SQLite's own: they read or write the SQLite file or its query plans with raw SQL.
      "src/server/db/migration-6.test.ts",
      "src/server/store/list-query-plan.test.ts",
      "src/server/store/stored-error-codes.test.ts",
    ],
  },
});
