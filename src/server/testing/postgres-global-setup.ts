import { startPostgresCluster } from "./postgres-cluster";
import { startS3Server } from "./s3-server";

/**
 * Vitest's global setup for the Postgres lane (vitest.postgres.config.ts): one cluster and one
 * S3-compatible server for the whole run, their addresses in `TEST_DATABASE_URL` and
 * `TEST_S3_ENDPOINT` before the workers start so they inherit them. Each harness studio then
 * takes a schema and a prefix of the bucket of its own (studio-harness.ts): the scaled setup,
 * Postgres and S3 together. A database URL already set (a developer's own server) is used as it is.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const s3 = await startS3Server();
  process.env.TEST_S3_ENDPOINT = s3.endpoint;
  const cluster = process.env.TEST_DATABASE_URL ? null : await startPostgresCluster();
  if (cluster) process.env.TEST_DATABASE_URL = cluster.url;
  return async () => {
    delete process.env.TEST_S3_ENDPOINT;
    if (cluster) {
      delete process.env.TEST_DATABASE_URL;
      cluster.stop();
    }
    await s3.stop();
  };
}
