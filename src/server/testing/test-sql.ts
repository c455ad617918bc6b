import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { openDatabase } from "../db/database";
import { openSql } from "../db/open-sql";
import type { Sql } from "../db/sql";
import { sqliteSql } from "../db/sqlite-sql";
import { s3rverStudioEnv } from "./s3-server";
import { freshSchema } from "./test-postgres";

const LANE_BUCKET = "dailies-test";

/**
 * A fresh, migrated studio database for a store test: SQLite in memory, or a new schema on the
 * Postgres lane's cluster (`TEST_DATABASE_URL`, vitest.postgres.config.ts), so the same test
 * checks the store on both engines.
 */
export function openTestSql(): Promise<Sql> {
  return openSql({ url: process.env.TEST_DATABASE_URL, schema: freshSchema("t"), file: ":memory:" });
}

/**
 * The Postgres schema of the studio on a data folder, on the lane: one folder, one schema, so a
 * studio started again on its folder finds its takes, and a test that writes before the studio
 * starts (seed-takes.ts) writes where the studio will read.
 */
export const laneSchemaFor = (dataDir: string) => `t_${createHash("sha256").update(resolve(dataDir)).digest("hex").slice(0, 16)}`;

/** The lane's bucket (postgres-global-setup.ts) under a prefix per data folder, as a studio's settings. */
export const laneMediaFor = (dataDir: string, endpoint: string) => s3rverStudioEnv(endpoint, LANE_BUCKET, laneSchemaFor(dataDir));

/** The database a studio on `dataDir` opens: its SQLite file, or its schema on the lane (unless `where` says the SQLite file: a studio to move with npm run migrate). */
export function openStudioSql(dataDir: string, where: "studio" | "sqlite" = "studio"): Promise<Sql> {
  const url = process.env.TEST_DATABASE_URL;
  if (url && where === "studio") return openSql({ url, schema: laneSchemaFor(dataDir), file: "" });
  return Promise.resolve(sqliteSql(openDatabase(join(dataDir, "dailies.sqlite"))));
}
