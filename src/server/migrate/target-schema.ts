import type { Sql } from "../db/sql";
import { Refusal } from "./refusal";
import type { TableShape } from "./source-tables";

/** SQLite's implicit row id, which Postgres keeps as a real column where the stores order by it. */
const ROWID = "rowid";

/**
 * The tables as they are copied: each SQLite table must be in the Postgres schema with the same
 * columns, plus `rowid` where Postgres keeps one (copied from SQLite's implicit one, so what was
 * newest stays newest). Anything else means the two schemas drifted apart (or the Postgres one
 * is from another version), and a copy would drop columns.
 */
export async function matchTargetSchema(target: Sql, tables: readonly TableShape[]): Promise<TableShape[]> {
  const rows = await target.all<{ table: string; column: string }>(
    `SELECT c.table_name AS "table", c.column_name AS "column" FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`,
  );
  const held = new Map<string, Set<string>>();
  for (const { table, column } of rows) held.set(table, (held.get(table) ?? new Set()).add(column));
  const differences: string[] = [];
  const matched = tables.map((table) => {
    const columns = held.get(table.name);
    if (!columns) {
      differences.push(`no table ${table.name}`);
      return table;
    }
    const keepsRowid = columns.has(ROWID) && !table.columns.includes(ROWID);
    const missing = table.columns.filter((column) => !columns.has(column));
    const extra = [...columns].filter((column) => !table.columns.includes(column) && !(keepsRowid && column === ROWID));
    if (missing.length) differences.push(`${table.name} lacks ${missing.join(", ")}`);
    if (extra.length) differences.push(`${table.name} also has ${extra.join(", ")}`);
    return keepsRowid ? { ...table, columns: [ROWID, ...table.columns] } : table;
  });
  if (differences.length) {
    throw new Refusal(`The Postgres schema doesn't match the SQLite one (${differences.join("; ")}): are both from this build?`);
  }
  return matched;
}
