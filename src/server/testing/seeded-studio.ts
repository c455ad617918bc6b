import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { seedTakes, type TakeSeed } from "./seed-takes";
import { startHarness, type Harness } from "./studio-harness";

/** A studio started on a data folder already holding `seeds` (settled takes, no renders); `ids` oldest first. */
export async function startSeededHarness(seeds: readonly TakeSeed[], overrides: Record<string, string> = {}): Promise<Harness & { ids: string[] }> {
  const dir = mkdtempSync(join(tmpdir(), "dailies-seeded-"));
  const ids = await seedTakes(dir, seeds);
  const h = await startHarness(overrides, dir);
  return {
    ...h,
    ids,
    async stop() {
      await h.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
