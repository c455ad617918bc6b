import { quoteIdentifier } from "../db/postgres-sql";
import type { TableShape } from "./source-tables";

/** Double quotes name a table or column on both engines. */
export const quoted = quoteIdentifier;

export const columnList = (table: TableShape) => table.columns.map(quoted).join(", ");

/**
 * The primary key, for ORDER BY on `engine`. SQLite compares text byte by byte; Postgres by the
 * database's collation unless told "C", which is the same byte order for UTF-8.
 */
export function keyOrder(table: TableShape, engine: "sqlite" | "postgres"): string {
  return table.key.map((column) => (engine === "postgres" && table.textKey.includes(column) ? `${quoted(column)} COLLATE "C"` : quoted(column))).join(", ");
}

/** `(?, ?, …)` for `count` values. */
export const placeholders = (count: number) => `(${Array.from({ length: count }, () => "?").join(", ")})`;
