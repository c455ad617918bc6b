import { startPostgresCluster } from "./postgres-cluster";

/**
 * Vitest's global setup for the Postgres lane (vitest.postgres.config.ts): one cluster for the
 * whole run, its URL in `TEST_DATABASE_URL` before the workers start so they inherit it. Each
 * harness studio then takes a schema of its own in it (studio-harness.ts). A URL already set
 * (a developer's own server) is used as it is.
 */
export default async function setup(): Promise<() => void> {
  if (process.env.TEST_DATABASE_URL) return () => undefined;
  const cluster = await startPostgresCluster();
  process.env.TEST_DATABASE_URL = cluster.url;
  return () => {
    delete process.env.TEST_DATABASE_URL;
    cluster.stop();
  };
}
