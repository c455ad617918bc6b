import type { Pool } from "pg";
import { MIGRATIONS } from "./migrations";
import { openDatabase } from "./database";
import { POSTGRES_MIGRATIONS } from "./postgres-migrations";
import { postgresSql, quoteIdentifier } from "./postgres-sql";
import type { Sql } from "./sql";
import { sqliteSql } from "./sqlite-sql";

/** Held while a studio migrates its Postgres schema, so replicas starting together migrate once. */
const MIGRATE_LOCK = 0x6d696772; // "migr"

export type DatabaseSetting = { url: string | undefined; schema: string; file: string };

/**
 * The studio's database, migrated: PostgreSQL when `DATABASE_URL` is set (its tables in
 * `DATABASE_SCHEMA`), else SQLite in the data folder.
 */
export async function openSql(setting: DatabaseSetting): Promise<Sql> {
  if (!setting.url) return sqliteSql(openDatabase(setting.file, MIGRATIONS));
  const sql = postgresSql({ url: setting.url, schema: setting.schema });
  try {
    await migratePostgres(sql.pool, setting.schema, POSTGRES_MIGRATIONS);
  } catch (error) {
    await sql.close();
    throw error;
  }
  return sql;
}

async function migratePostgres(pool: Pool, schema: string, migrations: readonly string[]): Promise<void> {
  const client = await pool.connect();
  // A backend lost mid-migration fails the start-up through the query's own error, not an uncaught one.
  const ignore = () => undefined;
  client.on("error", ignore);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATE_LOCK]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(schema)}`);
    await client.query("CREATE TABLE IF NOT EXISTS dailies_schema (version BIGINT NOT NULL)");
    const row = (await client.query<{ version: number }>("SELECT version FROM dailies_schema")).rows[0];
    const current = row?.version ?? 0;
    if (current > migrations.length) {
      throw new Error(`The database is at schema version ${current}, newer than this build knows (${migrations.length}).`);
    }
    for (let index = current; index < migrations.length; index++) {
      await client.query("BEGIN");
      try {
        await client.query(migrations[index]!);
        await client.query("DELETE FROM dailies_schema");
        await client.query("INSERT INTO dailies_schema (version) VALUES ($1)", [index + 1]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATE_LOCK]).catch(() => undefined);
    client.off("error", ignore);
    client.release();
  }
}
