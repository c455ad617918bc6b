import type { Sql } from "../db/sql";

/**
 * A schema as comparable facts, "what → how": `column generations.seq` → `integer, not null,
 * default none`. The same key on both engines must read the same; schema-parity.test.ts says
 * which differ. Types are compared by class only (BIGINT and INTEGER are both integer).
 */
export type SchemaFacts = Map<string, string>;

/** SQLite's affinity rules (sqlite.org/datatype3.html, 3.1), in the order SQLite applies them. */
function sqliteClass(declared: string): string {
  const type = declared.toUpperCase();
  if (type.includes("INT")) return "integer";
  if (/CHAR|CLOB|TEXT/.test(type)) return "text";
  if (type === "" || type.includes("BLOB")) return "blob";
  if (/REAL|FLOA|DOUB/.test(type)) return "real";
  return "numeric";
}

function postgresClass(dataType: string): string {
  if (["bigint", "integer", "smallint"].includes(dataType)) return "integer";
  if (["double precision", "real"].includes(dataType)) return "real";
  if (["text", "character varying", "character"].includes(dataType)) return "text";
  return dataType;
}

/** `'pending'::text` and `'pending'` are the same default; so are `(0)` and `0`. */
function normalDefault(value: string | null): string {
  if (value === null) return "none";
  return value.replace(/::[a-z ]+$/, "").replace(/^\((.*)\)$/, "$1");
}

const column = (type: string, notNull: boolean, dflt: string | null) => `${type}, ${notNull ? "not null" : "nullable"}, default ${normalDefault(dflt)}`;

export async function sqliteSchemaFacts(sql: Sql): Promise<SchemaFacts> {
  const facts: SchemaFacts = new Map();
  const objects = await sql.all<{ name: string; type: string; table: string }>(
    "SELECT name, type, tbl_name AS \"table\" FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  for (const { name, type, table } of objects) {
    if (type === "trigger") facts.set(`trigger ${name}`, `on ${table}`);
    if (type !== "table" && type !== "view") continue;
    facts.set(`table ${name}`, type);
    const columns = await sql.all<{ name: string; type: string; notnull: number; dflt_value: string | null; pk: number }>("SELECT * FROM pragma_table_info(?)", [name]);
    // A key column counts as NOT NULL: SQLite lets a non-INTEGER primary key hold NULL (an old
    // quirk), Postgres does not, and the studio never writes one.
    for (const c of columns) facts.set(`column ${name}.${c.name}`, column(sqliteClass(c.type), c.notnull === 1 || c.pk > 0, c.dflt_value));
    // The rowid every table but a WITHOUT ROWID one has, unseen by table_info; the Postgres
    // schema makes it a real column where the stores order by it.
    const hasRowid = type === "table" && (await sql.get<{ wr: number }>("SELECT wr FROM pragma_table_list WHERE name = ?", [name]))?.wr === 0;
    if (hasRowid) {
      facts.set(`column ${name}.rowid`, column("integer", true, null));
      facts.set(`unique ${name} (rowid)`, "constraint");
    }
    const key = columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    if (key.length) facts.set(`primary key of ${name}`, `(${key.map((c) => c.name).join(", ")})`);
    for (const index of await sql.all<{ name: string; unique: number; origin: string; partial: number }>("SELECT * FROM pragma_index_list(?)", [name])) {
      if (index.origin === "c") facts.set(`index ${index.name}`, indexFact(name, index.unique === 1, index.partial === 1));
      if (index.origin === "u") {
        const on = await sql.all<{ name: string }>("SELECT name FROM pragma_index_info(?) ORDER BY seqno", [index.name]);
        facts.set(`unique ${name} (${on.map((c) => c.name).join(", ")})`, "constraint");
      }
    }
    for (const fk of await sql.all<{ from: string; table: string; to: string; on_delete: string }>("SELECT * FROM pragma_foreign_key_list(?)", [name])) {
      facts.set(`foreign key ${name}.${fk.from}`, `${fk.table}(${fk.to}) on delete ${fk.on_delete.toLowerCase()}`);
    }
  }
  return facts;
}

const indexFact = (table: string, unique: boolean, partial: boolean) => `on ${table}${unique ? ", unique" : ""}${partial ? ", partial" : ""}`;

const ON_DELETE: Record<string, string> = { a: "no action", r: "restrict", c: "cascade", n: "set null", d: "set default" };

/** The facts of the Postgres schema `sql`'s search_path points at. */
export async function postgresSchemaFacts(sql: Sql): Promise<SchemaFacts> {
  const facts: SchemaFacts = new Map();
  for (const r of await sql.all<{ name: string; type: string }>("SELECT table_name AS name, table_type AS type FROM information_schema.tables WHERE table_schema = current_schema()")) {
    facts.set(`table ${r.name}`, r.type === "VIEW" ? "view" : "table");
  }
  const columns = await sql.all<{ relation: string; name: string; type: string; nullable: string; dflt: string | null }>(
    `SELECT table_name AS relation, column_name AS name, data_type AS type, is_nullable AS nullable, column_default AS dflt
       FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  for (const c of columns) facts.set(`column ${c.relation}.${c.name}`, column(postgresClass(c.type), c.nullable === "NO", c.dflt));
  // Indexes behind a primary key or UNIQUE constraint are SQLite's autoindexes: the constraint is the fact.
  const indexes = await sql.all<{ name: string; table: string; unique: boolean; partial: boolean }>(
    `SELECT i.relname AS name, t.relname AS "table", x.indisunique AS unique, x.indpred IS NOT NULL AS partial
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relnamespace = current_schema()::regnamespace AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)`,
  );
  for (const index of indexes) facts.set(`index ${index.name}`, indexFact(index.table, index.unique, index.partial));
  const constraints = await sql.all<{ table: string; kind: string; columns: string; ref: string | null; refColumn: string | null; onDelete: string }>(
    `SELECT t.relname AS "table", k.contype AS kind, r.relname AS ref, ra.attname AS "refColumn", k.confdeltype AS "onDelete",
            (SELECT string_agg(a.attname, ', ' ORDER BY u.ord) FROM unnest(k.conkey) WITH ORDINALITY u(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = u.attnum) AS columns
       FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
       LEFT JOIN pg_class r ON r.oid = k.confrelid LEFT JOIN pg_attribute ra ON ra.attrelid = r.oid AND ra.attnum = k.confkey[1]
      WHERE k.contype IN ('p', 'u', 'f') AND t.relnamespace = current_schema()::regnamespace`,
  );
  for (const k of constraints) {
    if (k.kind === "p") facts.set(`primary key of ${k.table}`, `(${k.columns})`);
    if (k.kind === "u") facts.set(`unique ${k.table} (${k.columns})`, "constraint");
    if (k.kind === "f") facts.set(`foreign key ${k.table}.${k.columns}`, `${k.ref}(${k.refColumn}) on delete ${ON_DELETE[k.onDelete] ?? k.onDelete}`);
  }
  const triggers = await sql.all<{ name: string; table: string }>(
    "SELECT DISTINCT trigger_name AS name, event_object_table AS \"table\" FROM information_schema.triggers WHERE trigger_schema = current_schema()",
  );
  for (const t of triggers) facts.set(`trigger ${t.name}`, `on ${t.table}`);
  return facts;
}

export type Difference = { fact: string; sqlite: string | undefined; postgres: string | undefined };

/** A difference made on purpose: the fact, both sides exactly as they must read (undefined: absent), and why. */
export type Allowance = { fact: RegExp; sqlite: string | undefined; postgres: string | undefined; why: string };

/**
 * Every fact that differs or is on one side only, less the `allowed` ones, in words. An
 * allowance that no longer matches anything is reported too, so the list cannot go stale.
 */
export function schemaDifferences(sqlite: SchemaFacts, postgres: SchemaFacts, allowed: readonly Allowance[]): string[] {
  const differences: Difference[] = [];
  for (const fact of [...new Set([...sqlite.keys(), ...postgres.keys()])].sort()) {
    const difference = { fact, sqlite: sqlite.get(fact), postgres: postgres.get(fact) };
    if (difference.sqlite !== difference.postgres) differences.push(difference);
  }
  const matches = (a: Allowance, d: Difference) => a.fact.test(d.fact) && a.sqlite === d.sqlite && a.postgres === d.postgres;
  const words = differences.filter((d) => !allowed.some((a) => matches(a, d))).map(({ fact, sqlite: s, postgres: p }) => {
    if (p === undefined) return `${fact} (${s}) is in SQLite but not in Postgres`;
    if (s === undefined) return `${fact} (${p}) is in Postgres but not in SQLite`;
    return `${fact} is "${s}" in SQLite but "${p}" in Postgres`;
  });
  for (const a of allowed) {
    if (!differences.some((d) => matches(a, d))) words.push(`the allowed difference ${a.fact} (${a.why}) is no longer there: drop it from the list`);
  }
  return words;
}
