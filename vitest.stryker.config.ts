import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// The Vitest setup Stryker drives (`npm run mutate`): server and shared tests only, since
// the mutated folders live there. Left out, because a mutant can't be seen from them or
// they would make every mutant run minutes long:
// - restart, shutdown and submit-interrupted spawn `src/server/main.ts` as a child process, where Stryker's
//   active-mutant switch does not reach, so they can never kill a mutant;
// - bundle-scan runs a full `vite build` of the SPA, which imports none of these folders;
// - data-dir checks files made under the umask Dailies sets, and Stryker's runner runs tests
//   in worker threads, where process.umask() cannot be set;
// - chaos (about two minutes of fault storms) is a load test whose cases the HTTP tests
//   already cover one by one;
// - uploads-routes: its 41 MB upload through fetch failed ("fetch failed") in Stryker's
//   initial run twice on 2026-11-30, and passes in this same config without Stryker's
//   instrumentation (`vitest run --config vitest.stryker.config.ts --pool threads`: 670 of 670);
//   upload-safety runs the same refusals (size, chunked, slow senders) and stays in;
// - schema-parity, postgres-lane, migrate-studio and two-replicas need PostgreSQL, and
//   src/server/db and src/server/migrate are not mutated (the Postgres lane runs them).
const alias = { "@": fileURLToPath(new URL("./src", import.meta.url)) };

// Stryker stops at the first failing test, so small (mostly pure) test files go first:
// a mutant that a unit test kills never waits for an HTTP harness to start.
class SmallFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const size = (spec: TestSpecification) => statSync(spec.moduleId).size;
    return [...files].sort((a, b) => size(a) - size(b));
  }
}

export default defineConfig({
  resolve: { alias },
  test: {
    name: "node",
    environment: "node",
    // One module graph per runner, as in vitest.config.ts: Stryker switches mutants through a
    // global at call time, so only static mutants (ignored, see stryker.config.mjs) would need
    // fresh modules, and each mutant's run skips re-importing the server (import time 66 s → 9 s over a full run).
    isolate: false,
    // Stryker's initial run must pass every test on a machine busy with its own runners (the
    // slowest here took 14 s). A mutant that makes a request hang fails at this limit instead
    // of waiting out Stryker's timeout (2.5 × the covering tests' time + 15 s, minutes for a
    // route every HTTP test covers). Tests that set a longer limit of their own (archive-attempts,
    // job-runner's slow cases) keep theirs.
    testTimeout: 40_000,
    hookTimeout: 60_000,
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/{server,shared}/**/*.test.ts"],
    exclude: [
      "src/server/restart.test.ts",
      "src/server/shutdown.test.ts",
      "src/server/submit-interrupted.test.ts",
      "src/server/bundle-scan.test.ts",
      "src/server/chaos.test.ts",
      "src/server/data-dir.test.ts",
      "src/server/routes/uploads-routes.test.ts",
      "src/server/db/schema-parity.test.ts",
      "src/server/db/postgres-lane.test.ts",
      "src/server/migrate/migrate-studio.test.ts",
      "src/server/two-replicas.test.ts",
    ],
    sequence: { sequencer: SmallFilesFirst },
  },
});
