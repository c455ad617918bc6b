import { parseMigrateArgs } from "./migrate-args";
import { formatReport } from "./migrate-report";
import { migrateStudio } from "./migrate-studio";
import { Refusal, reasonOf } from "./refusal";

export type Output = { out(line: string): void; err(line: string): void };

/**
 * `npm run migrate`: 0 when everything copied verifies, 1 when a row conflicts or anything
 * differs (or the copy stopped), 2 when it refused to start. Never a stack trace.
 */
export async function runMigrate(argv: readonly string[], env: NodeJS.ProcessEnv, output: Output): Promise<number> {
  const started = performance.now();
  try {
    const report = await migrateStudio(parseMigrateArgs(argv, env));
    for (const line of formatReport(report, (performance.now() - started) / 1000)) output.out(line);
    return report.ok ? 0 : 1;
  } catch (error) {
    if (error instanceof Refusal) {
      output.err(error.message);
      return 2;
    }
    const reason = reasonOf(error);
    output.err(`The migration stopped: ${reason}. What it copied stays; running it again goes on from there.`);
    return 1;
  }
}
