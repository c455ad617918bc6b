import { join } from "node:path";
import { startPostgresCluster } from "../../src/server/testing/postgres-cluster";
import { startChildStudio, type ChildStudio } from "./child-studio";
import { loadStudioEnv, startChildSimulator, type LoadStack } from "./load-stack";

/** What s3-child.ts says the studios need to reach its bucket. */
function mediaSettings(s3: ChildStudio): Record<string, string> {
  const line = s3.logLines.find((l) => l.startsWith("studio media "));
  if (!line) throw new Error("the S3 child did not say where its bucket is");
  return JSON.parse(line.slice("studio media ".length)) as Record<string, string>;
}

/**
 * The scaled shape on one machine: a throwaway Postgres cluster, an s3rver bucket, the simulator
 * and `replicas` studios on one schema and one bucket, each a child process with its own
 * REPLICA_ID and data folder (only media/tmp and the session secret live there).
 */
export async function startReplicaStack(repoRoot: string, dataDir: string, replicas: number): Promise<LoadStack> {
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const next of stops.reverse()) await next();
  };
  try {
    const postgres = await startPostgresCluster();
    stops.push(() => postgres.stop());
    const s3 = await startChildStudio(repoRoot, {}, "scripts/load/s3-child.ts");
    stops.push(() => s3.stop());
    const apiKey = `load-${Date.now()}`;
    const simulator = await startChildSimulator(repoRoot, dataDir, apiKey);
    stops.push(() => simulator.stop());
    const shared = {
      ...loadStudioEnv(apiKey, simulator.url),
      ...mediaSettings(s3),
      DATABASE_URL: postgres.url,
      DATABASE_SCHEMA: "dailies",
      // The SDK's notice that its 2027 releases need Node 22 would fill the report's studio log.
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    };
    // One at a time: the first migrates the schema, the others find it ready.
    const studios: ChildStudio[] = [];
    for (let n = 1; n <= replicas; n++) {
      const studio = await startChildStudio(repoRoot, { ...shared, REPLICA_ID: `replica-${n}`, DATA_DIR: join(dataDir, `studio-${n}`), LOAD_LOG_FILE: join(dataDir, `studio-${n}.log`) });
      stops.push(() => studio.stop());
      studios.push(studio);
    }
    return { studio: studios[0]!, studios, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
