import type { Db } from "../db/database";
import type { Sql } from "../db/sql";
import { quoted } from "./table-sql";

/**
 * Copied rows keep their `seq`, given explicitly, so Postgres' identity sequences have not
 * moved: each is set past the highest value used. SQLite's AUTOINCREMENT remembers values of
 * rows since deleted (sqlite_sequence), which Postgres must not hand out again either. A
 * sequence already further on (a second run, a studio that ran since) is left where it is.
 */
export async function advanceIdentities(source: Db, target: Sql): Promise<void> {
  const identities = await target.all<{ table: string; column: string }>(
    `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
      WHERE table_schema = current_schema() AND is_identity = 'YES'`,
  );
  const hasSequences = source.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
  for (const { table, column } of identities) {
    const remembered = hasSequences ? (source.prepare<[string], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = ?").get(table)?.seq ?? 0) : 0;
    const highest = (await target.get<{ max: number | null }>(`SELECT max(${quoted(column)}) AS max FROM ${quoted(table)}`))?.max ?? 0;
    const used = Math.max(remembered, highest);
    if (used === 0) continue;
    await target.run(
      `SELECT setval(s, @used) FROM (SELECT pg_get_serial_sequence(@table, @column)::regclass AS s) q
        WHERE coalesce(pg_sequence_last_value(s), 0) < @used`,
      { used, table: quoted(table), column },
    );
  }
}
