// Per-folder mutation scores from a Stryker (mutation-testing-elements) report, such as the
// committed incremental cache. Score = (killed + timeout) / (killed + timeout + survived +
// no coverage), as Stryker counts it; ignored mutants and compile/runtime errors don't count.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createInstrumenter } from "@stryker-mutator/instrumenter";
import { createInjector } from "typed-inject";

export const FOLDERS = ["src/server/jobs", "src/server/upstream", "src/server/auth", "src/server/http", "src/server/media", "src/shared"];
export const MIN_SCORE = 80;

/** The files Stryker mutates in a folder: its TypeScript, without the tests. */
export function mutatedFiles(folder) {
  return readdirSync(folder, { recursive: true })
    .map((name) => join(folder, String(name)).replaceAll("\\", "/"))
    .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
    .sort();
}

const quiet = { isTraceEnabled: () => false, isDebugEnabled: () => false, isInfoEnabled: () => false, trace() {}, debug() {}, info() {}, warn() {}, error() {}, fatal() {} };

/** Whether Stryker finds anything to mutate: type-only files never show up in a report. */
export async function hasMutants(file) {
  const options = { plugins: null, excludedMutations: [], ignorers: [], noHeader: true };
  const instrumenter = createInstrumenter(createInjector().provideValue("logger", quiet).provideValue("options", { plugins: [], mutator: options }));
  const { mutants } = await instrumenter.instrument([{ name: file, content: readFileSync(file, "utf8"), mutate: true }], options);
  return mutants.length > 0;
}

export function readReport(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

export function folderScores(report) {
  return FOLDERS.map((folder) => {
    const tally = { folder, files: 0, killed: 0, timeout: 0, survived: 0, noCoverage: 0, score: null };
    for (const [file, result] of Object.entries(report?.files ?? {})) {
      if (!file.startsWith(`${folder}/`)) continue;
      tally.files += 1;
      for (const { status } of result.mutants) {
        if (status === "Killed") tally.killed += 1;
        else if (status === "Timeout") tally.timeout += 1;
        else if (status === "Survived") tally.survived += 1;
        else if (status === "NoCoverage") tally.noCoverage += 1;
      }
    }
    const detected = tally.killed + tally.timeout;
    const valid = detected + tally.survived + tally.noCoverage;
    if (valid > 0) tally.score = (100 * detected) / valid;
    return tally;
  });
}

export function printScores(scores) {
  for (const s of scores) {
    const line = s.score === null ? "not measured yet" : `${s.score.toFixed(1)} % (killed ${s.killed}, timeout ${s.timeout}, survived ${s.survived}, no coverage ${s.noCoverage}; ${s.files} files)`;
    console.log(`mutation: ${s.folder.padEnd(20)} ${line}`);
  }
}
