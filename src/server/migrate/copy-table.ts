import type { Db } from "../db/database";
import type { Sql } from "../db/sql";
import { rowText } from "./row-text";
import type { TableShape } from "./source-tables";
import { columnList, keyOrder, placeholders, quoted } from "./table-sql";

/** A source row Postgres already holds otherwise; it is left as it is. */
export type Conflict = {
  table: string;
  /** The row's primary key, as JSON. */
  key: string;
  /** The columns whose values differ; empty when another row holds one of its unique values. */
  columns: string[];
};

export type TableCopy = { copied: number; conflicts: Conflict[] };

/** Postgres takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 60_000;

/**
 * Copies a table's rows in primary-key order, a batch per transaction, so a run that stops
 * keeps what it copied and the next one goes on. A row already there is skipped (ON CONFLICT
 * DO NOTHING), then compared: one that differs is a conflict, never overwritten.
 */
export async function copyTable(source: Db, target: Sql, table: TableShape, batchRows = 500): Promise<TableCopy> {
  const limit = Math.max(1, Math.min(batchRows, Math.floor(MAX_PARAMETERS / table.columns.length)));
  const keyAt = table.key.map((column) => table.columns.indexOf(column));
  const select = `SELECT ${columnList(table)} FROM ${quoted(table.name)}`;
  const first = source.prepare(`${select} ORDER BY ${keyOrder(table, "sqlite")} LIMIT ${limit}`).raw();
  const after = source.prepare(`${select} WHERE (${table.key.map(quoted).join(", ")}) > ${placeholders(table.key.length)} ORDER BY ${keyOrder(table, "sqlite")} LIMIT ${limit}`).raw();
  const result: TableCopy = { copied: 0, conflicts: [] };
  let batch = first.all() as unknown[][];
  while (batch.length > 0) {
    const { copied, conflicts } = await copyBatch(target, table, batch, keyAt);
    result.copied += copied;
    result.conflicts.push(...conflicts);
    const last = batch[batch.length - 1]!;
    batch = after.all(...keyAt.map((index) => last[index])) as unknown[][];
  }
  return result;
}

async function copyBatch(target: Sql, table: TableShape, rows: unknown[][], keyAt: number[]): Promise<TableCopy> {
  const keyOf = (values: readonly unknown[]) => rowText(keyAt.map((index) => values[index]));
  const keys = table.key.map(quoted).join(", ");
  return target.transaction(async (tx) => {
    // A copy is not a change: triggers that derive rows (insight_days from generations) must not
    // fire, their rows come from the source. DDL is transactional, so no one else sees them off.
    await tx.run(`ALTER TABLE ${quoted(table.name)} DISABLE TRIGGER USER`);
    const inserted = await tx.all<Record<string, unknown>>(
      `INSERT INTO ${quoted(table.name)} (${columnList(table)}) VALUES ${rows.map(() => placeholders(table.columns.length)).join(", ")}
       ON CONFLICT DO NOTHING RETURNING ${keys}`,
      rows.flat(),
    );
    await tx.run(`ALTER TABLE ${quoted(table.name)} ENABLE TRIGGER USER`);
    const copiedKeys = new Set(inserted.map((row) => rowText(table.key.map((column) => row[column]))));
    const skipped = rows.filter((row) => !copiedKeys.has(keyOf(row)));
    return { copied: inserted.length, conflicts: await compareSkipped(tx, table, skipped, keyAt) };
  });
}

/** The rows ON CONFLICT skipped, against what Postgres holds under the same key. */
async function compareSkipped(tx: Sql, table: TableShape, skipped: unknown[][], keyAt: number[]): Promise<Conflict[]> {
  if (skipped.length === 0) return [];
  const keyTuple = placeholders(table.key.length);
  const held = await tx.all<Record<string, unknown>>(
    `SELECT ${columnList(table)} FROM ${quoted(table.name)} WHERE (${table.key.map(quoted).join(", ")}) IN (${skipped.map(() => keyTuple).join(", ")})`,
    skipped.flatMap((row) => keyAt.map((index) => row[index])),
  );
  const byKey = new Map(held.map((row) => [rowText(table.key.map((column) => row[column])), table.columns.map((column) => row[column])]));
  const conflicts: Conflict[] = [];
  for (const row of skipped) {
    const key = rowText(keyAt.map((index) => row[index]));
    const there = byKey.get(key);
    const columns = there ? table.columns.filter((_, index) => rowText([row[index]]) !== rowText([there[index]])) : [];
    if (!there || columns.length > 0) conflicts.push({ table: table.name, key, columns });
  }
  return conflicts;
}
