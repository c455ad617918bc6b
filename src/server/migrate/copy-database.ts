import type { Db } from "../db/database";
import type { Sql } from "../db/sql";
import { copyTable, type Conflict } from "./copy-table";
import { advanceIdentities } from "./identity-sequences";
import { reasonOf } from "./refusal";
import { readSourceTables } from "./source-tables";
import { postgresChecksum, sqliteChecksum } from "./table-checksum";
import { matchTargetSchema } from "./target-schema";

export type TableReport = {
  table: string;
  /** Rows this run wrote to Postgres. */
  copied: number;
  /** Rows in SQLite, and in Postgres after the copy. */
  sourceRows: number;
  targetRows: number;
  /** Same count and same checksum over every row. */
  verified: boolean;
  conflicts: Conflict[];
};

/**
 * Copies every table of a migrated SQLite studio into a migrated Postgres schema, then checks
 * each table row for row. The source is read in one snapshot, so what is copied and what is
 * checked are the same rows even if something writes to the file meanwhile.
 */
export async function copyDatabase(source: Db, target: Sql): Promise<TableReport[]> {
  source.exec("BEGIN");
  try {
    const tables = await matchTargetSchema(target, readSourceTables(source));
    const copies = [];
    for (const table of tables) {
      copies.push(await copyTable(source, target, table).catch((error: unknown) => {
        throw new Error(`copying ${table.name}: ${reasonOf(error)}`, { cause: error });
      }));
    }
    await advanceIdentities(source, target);
    const reports: TableReport[] = [];
    for (const [index, table] of tables.entries()) {
      const [from, to] = [sqliteChecksum(source, table), await postgresChecksum(target, table)];
      const { copied, conflicts } = copies[index]!;
      reports.push({ table: table.name, copied, sourceRows: from.rows, targetRows: to.rows, verified: from.rows === to.rows && from.sha256 === to.sha256, conflicts });
    }
    return reports;
  } finally {
    source.exec("COMMIT");
  }
}
