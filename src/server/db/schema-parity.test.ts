import { afterAll, beforeAll, expect, it } from "vitest";
import type { PostgresCluster } from "../testing/postgres-cluster";
import { postgresSchemaFacts, schemaDifferences, sqliteSchemaFacts, type Allowance } from "../testing/schema-facts";
import { freshSchema, testPostgres } from "../testing/test-postgres";
import { openSql } from "./open-sql";
import { quoteIdentifier } from "./postgres-sql";
import type { Sql } from "./sql";

// The two engines' schemas come from two lists (migrations.ts for SQLite, postgres-migrations.ts
// for Postgres). A change made to one only must fail here, not in production on the other.
// Runs in the Postgres lane (vitest.postgres.config.ts), which CI always runs.
const ADD_TO_BOTH = "The SQLite and Postgres schemas differ: add the change as a migration to both MIGRATIONS (migrations.ts) and POSTGRES_MIGRATIONS (postgres-migrations.ts)";

const IMPLICIT_ROWID = "integer, not null, default none";
/** Differences made on purpose, each for a reason; anything else is drift. */
const ON_PURPOSE: Allowance[] = [
  { fact: /^table dailies_schema$/, sqlite: undefined, postgres: "table", why: "the schema version, which SQLite keeps in PRAGMA user_version" },
  { fact: /^column dailies_schema\.version$/, sqlite: undefined, postgres: "integer, not null, default none", why: "the same" },
  { fact: /^index generations_prompt_trgm$/, sqlite: undefined, postgres: "on generations", why: "the prompt search's LIKE '%…%' on a trigram index; SQLite scans" },
  // Postgres has a real rowid column only where the stores order or page by SQLite's implicit one.
  { fact: /^column \w+\.rowid$/, sqlite: IMPLICIT_ROWID, postgres: undefined, why: "SQLite's implicit rowid, unused on this table" },
  { fact: /^unique \w+ \(rowid\)$/, sqlite: "constraint", postgres: undefined, why: "the same" },
  {
    fact: /^column (generations|deleted_spend|spend)\.cost_credits$|^column (deleted_spend|spend)\.tokens_used$/,
    sqlite: "integer, nullable, default none",
    postgres: "real, nullable, default none",
    why: "declared INTEGER, SQLite keeps the fractions it is given; Postgres needs DOUBLE PRECISION for them",
  },
];

let cluster: PostgresCluster;
let sqlite: Sql;
let postgres: Sql;
let schema: string;

beforeAll(async () => {
  cluster = await testPostgres();
  schema = freshSchema("parity");
  sqlite = await openSql({ url: undefined, schema, file: ":memory:" });
  postgres = await openSql({ url: cluster.url, schema, file: "" });
});
afterAll(async () => {
  await postgres?.run(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
  await Promise.all([sqlite?.close(), postgres?.close()]);
  cluster?.stop();
});

it("has the same tables, views, columns, keys, indexes and triggers on SQLite and Postgres", async () => {
  const [onSqlite, onPostgres] = await Promise.all([sqliteSchemaFacts(sqlite), postgresSchemaFacts(postgres)]);
  // A reader that found nothing would make any two schemas agree.
  expect(onSqlite.get("column generations.seq")).toBe("integer, not null, default none");
  expect(onPostgres.get("trigger insight_days_update")).toBe("on generations");
  expect(schemaDifferences(onSqlite, onPostgres, ON_PURPOSE), ADD_TO_BOTH).toEqual([]);
});

it("names the table and column a migration changed on one engine only", async () => {
  const rolledBack = new Error("rolled back");
  // Postgres' DDL is transactional: the drift is seen, then undone.
  const drift = postgres.transaction(async (tx) => {
    await tx.run("ALTER TABLE notes ADD COLUMN colour TEXT");
    await tx.run("ALTER TABLE reels ALTER COLUMN bytes SET NOT NULL");
    const differences = schemaDifferences(await sqliteSchemaFacts(sqlite), await postgresSchemaFacts(tx), ON_PURPOSE);
    expect(differences).toEqual([
      'column notes.colour (text, nullable, default none) is in Postgres but not in SQLite',
      'column reels.bytes is "integer, nullable, default none" in SQLite but "integer, not null, default none" in Postgres',
    ]);
    throw rolledBack;
  });
  await expect(drift).rejects.toBe(rolledBack);
});

const DAY = 86_400_000;
const NEW_TAKE = `INSERT INTO generations (id, model, prompt, ratio, duration, seed, status, provider, created_at, updated_at, deadline_at)
  VALUES (?, 'gen4_turbo', 'a slow push-in', '16:9', 5, 1, 'queued', 'aimlapi', ?, 0, 0)`;
const LEDGER_LINE = "INSERT INTO deleted_spend (id, author, model, duration, status, created_at, deleted_at) VALUES (?, 'Ana', 'gen4_turbo', 5, 'failed', ?, 0)";

/** Each step, then the insight_days both engines must hold after it ({day: version}). */
const STEPS: { step: string; text: string; params: unknown[]; days: Record<number, number> }[] = [
  { step: "a take recorded on day 10", text: NEW_TAKE, params: ["a", 10 * DAY + 3_600_000], days: { 10: 1 } },
  { step: "a second take that day", text: NEW_TAKE, params: ["b", 10 * DAY], days: { 10: 2 } },
  { step: "a change the figures do not count (poll_count)", text: "UPDATE generations SET poll_count = 3 WHERE id = 'a'", params: [], days: { 10: 2 } },
  { step: "a change they count (status)", text: "UPDATE generations SET status = 'completed' WHERE id = 'a'", params: [], days: { 10: 3 } },
  { step: "created_at moved to day 12: both days", text: "UPDATE generations SET created_at = ? WHERE id = 'a'", params: [12 * DAY], days: { 10: 4, 12: 1 } },
  { step: "the take deleted", text: "DELETE FROM generations WHERE id = 'a'", params: [], days: { 10: 4, 12: 2 } },
  { step: "a ledger line of day 11", text: LEDGER_LINE, params: ["gone", 11 * DAY], days: { 10: 4, 11: 1, 12: 2 } },
  { step: "the ledger line deleted", text: "DELETE FROM deleted_spend WHERE id = 'gone'", params: [], days: { 10: 4, 11: 2, 12: 2 } },
];

async function insightDays(sql: Sql): Promise<Record<number, number>> {
  const rows = await sql.all<{ day: number; version: number }>("SELECT day, version FROM insight_days ORDER BY day");
  return Object.fromEntries(rows.map((row) => [row.day, row.version]));
}

it("bumps the same insight days on both engines as takes and ledger lines are written, moved and deleted", async () => {
  for (const { step, text, params, days } of STEPS) {
    await Promise.all([sqlite.run(text, params), postgres.run(text, params)]);
    const seen = { sqlite: await insightDays(sqlite), postgres: await insightDays(postgres) };
    expect(seen, `after ${step}: the insight_days triggers differ (migration 15 and its Postgres twin)`).toEqual({ sqlite: days, postgres: days });
  }
});
