import { createHash } from "node:crypto";
import type { Db } from "../db/database";
import type { Sql } from "../db/sql";
import { rowText } from "./row-text";
import type { TableShape } from "./source-tables";
import { columnList, keyOrder, quoted } from "./table-sql";

/** A table's row count and the SHA-256 of its rows in primary-key order, one `rowText` line each. */
export type Checksum = { rows: number; sha256: string };

const FETCH_ROWS = 2_000;

export function sqliteChecksum(db: Db, table: TableShape): Checksum {
  const hash = createHash("sha256");
  let rows = 0;
  const statement = db.prepare(`SELECT ${columnList(table)} FROM ${quoted(table.name)} ORDER BY ${keyOrder(table, "sqlite")}`).raw();
  for (const row of statement.iterate() as Iterable<unknown[]>) {
    hash.update(`${rowText(row)}\n`);
    rows++;
  }
  return { rows, sha256: hash.digest("hex") };
}

/** Read through a cursor: one sort on the server, a bounded page in memory, whatever the table's size. */
export async function postgresChecksum(sql: Sql, table: TableShape): Promise<Checksum> {
  return sql.transaction(async (tx) => {
    await tx.run(`DECLARE checksum_rows NO SCROLL CURSOR FOR SELECT ${columnList(table)} FROM ${quoted(table.name)} ORDER BY ${keyOrder(table, "postgres")}`);
    const hash = createHash("sha256");
    let rows = 0;
    for (;;) {
      const page = await tx.all<Record<string, unknown>>(`FETCH ${FETCH_ROWS} FROM checksum_rows`);
      for (const row of page) hash.update(`${rowText(table.columns.map((column) => row[column]))}\n`);
      rows += page.length;
      if (page.length < FETCH_ROWS) break;
    }
    await tx.run("CLOSE checksum_rows");
    return { rows, sha256: hash.digest("hex") };
  });
}
