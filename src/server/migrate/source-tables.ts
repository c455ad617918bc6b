import type { Db } from "../db/database";
import { Refusal } from "./refusal";

/** A table as the copy sees it: its columns in SQLite's order and its primary key. */
export type TableShape = {
  name: string;
  columns: string[];
  key: string[];
  /** Key columns holding text: their order must be byte order on both engines. */
  textKey: string[];
};

type ColumnInfo = { name: string; type: string; pk: number };

/**
 * The studio's tables, read from the SQLite file itself so a table or column added by a later
 * migration is copied without a change here, in an order where every table comes after the
 * tables it references (Postgres checks each foreign key as a row goes in).
 */
export function readSourceTables(db: Db): TableShape[] {
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY rowid")
    .all()
    .map((row) => row.name);
  const shapes = new Map(names.map((name) => [name, shapeOf(db, name)]));
  const ordered: TableShape[] = [];
  const visit = (name: string, path: string[]) => {
    if (ordered.some((shape) => shape.name === name) || path.includes(name)) return;
    for (const parent of referencedBy(db, name)) if (parent !== name) visit(parent, [...path, name]);
    ordered.push(shapes.get(name)!);
  };
  for (const name of names) visit(name, []);
  refuseBrokenReferences(db);
  return ordered;
}

function shapeOf(db: Db, name: string): TableShape {
  const columns = db.prepare<[string], ColumnInfo>("SELECT name, type, pk FROM pragma_table_info(?)").all(name);
  const key = columns.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk);
  if (key.length === 0) throw new Refusal(`The SQLite table ${name} has no primary key: this build can't copy it row by row.`);
  return {
    name,
    columns: columns.map((column) => column.name),
    key: key.map((column) => column.name),
    textKey: key.filter((column) => !/INT/i.test(column.type)).map((column) => column.name),
  };
}

function referencedBy(db: Db, name: string): string[] {
  return db.prepare<[string], { table: string }>('SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)').all(name).map((row) => row.table);
}

/** Postgres would refuse such rows one batch in; better said before anything is copied. */
function refuseBrokenReferences(db: Db): void {
  const broken = db.prepare<[], { table: string; parent: string; count: number }>(
    'SELECT "table", parent, count(*) AS count FROM pragma_foreign_key_check GROUP BY "table", parent',
  ).all();
  if (broken.length === 0) return;
  const list = broken.map((row) => `${row.count} in ${row.table} → ${row.parent}`).join(", ");
  throw new Refusal(`The SQLite database has rows whose references lead nowhere (${list}); Postgres would refuse them. Run PRAGMA foreign_key_check on it and mend those rows first.`);
}
