import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { openDatabase } from "../db/database";
import { openSql } from "../db/open-sql";
import type { Sql } from "../db/sql";
import { sqliteSql } from "../db/sqlite-sql";
import { freshSchema } from "./test-postgres";

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

/** The database a studio on `dataDir` opens: its SQLite file, or its schema on the lane. */
export function openStudioSql(dataDir: string): Promise<Sql> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return openSql({ url, schema: laneSchemaFor(dataDir), file: "" });
  return Promise.resolve(sqliteSql(openDatabase(join(dataDir, "dailies.sqlite"))));
}
