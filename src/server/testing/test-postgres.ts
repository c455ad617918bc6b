import { randomBytes } from "node:crypto";
import { startPostgresCluster, type PostgresCluster } from "./postgres-cluster";

/**
 * The PostgreSQL a test file talks to: the lane's cluster (`TEST_DATABASE_URL`, set by
 * postgres-global-setup.ts) or, when the file is run alone, a throwaway cluster of its own.
 * Never a server found on the default port: Debian's package may start one there.
 */
export async function testPostgres(): Promise<PostgresCluster> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return { url, stop: () => undefined };
  return startPostgresCluster();
}

/** A schema no other test uses, so files sharing the lane's cluster never see each other's rows. */
export const freshSchema = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;
