// Lists the mutants Stryker would make in the given files, without running a test
// (`node scripts/list-mutants.mjs src/server/jobs/job-runner.ts`): each as file:line, mutator and
// replacement, with the reason when a `// Stryker disable` comment or the log-line ignorer
// covers it; `--live` leaves those out. Static (module-level) mutants are listed too, though a run
// leaves them out (`ignoreStatic`). For checking mutants and comments by hand between runs.
import { readFileSync } from "node:fs";
import { Instrumenter } from "@stryker-mutator/instrumenter";
import { strykerPlugins } from "./stryker-ignore-logs.mjs";

const live = process.argv.includes("--live");
const files = process.argv.slice(2).filter((arg) => arg !== "--live");
const quiet = () => {};
const logger = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, trace: quiet, debug: quiet, info: quiet, warn: console.warn, error: console.error, fatal: console.error };
const { mutants } = await new Instrumenter(logger).instrument(
  files.map((name) => ({ name, content: readFileSync(name, "utf8"), mutate: true })),
  { plugins: null, excludedMutations: [], ignorers: [strykerPlugins[0].value] },
);
for (const m of mutants) {
  if (live && m.status) continue;
  const reason = m.statusReason ? `  (ignored: ${m.statusReason})` : "";
  console.log(`${m.fileName}:${m.location.start.line + 1} ${m.mutatorName} → ${JSON.stringify(m.replacement).slice(0, 80)}${reason}`);
}
