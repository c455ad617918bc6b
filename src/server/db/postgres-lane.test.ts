import pg from "pg";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startHarness, uploadedId, type Harness } from "../testing/studio-harness";
import { quoteIdentifier } from "./postgres-sql";

// The Postgres lane proves nothing if its studios quietly keep SQLite: an upload made over HTTP
// must land in one of the harness's schemas. scripts/test-tally.mjs fails a Postgres report in
// which this test did not pass (keep its title in step with the tally's).
const url = process.env.TEST_DATABASE_URL;
let h: Harness;
let client: pg.Client;

beforeAll(async () => {
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run this file in the Postgres lane (npx vitest run --config vitest.postgres.config.ts)");
  h = await startHarness();
  client = new pg.Client({ connectionString: url });
  await client.connect();
});
afterAll(async () => {
  await client?.end();
  await h?.stop();
});

it("runs a harness studio on PostgreSQL: an upload lands in the studio's schema", async () => {
  const id = await uploadedId(h.url);
  const schemas = (await client.query<{ name: string }>("SELECT schema_name AS name FROM information_schema.schemata WHERE schema_name LIKE 't\\_%'")).rows;
  const holding: string[] = [];
  for (const { name } of schemas) {
    const table = (await client.query("SELECT to_regclass($1) AS found", [`${quoteIdentifier(name)}.uploads`])).rows[0] as { found: string | null };
    if (!table.found) continue;
    const { rowCount } = await client.query(`SELECT 1 FROM ${quoteIdentifier(name)}.uploads WHERE id = $1`, [id]);
    if (rowCount) holding.push(name);
  }
  expect(holding, "the studio's upload is in no Postgres schema: the studio ignored DATABASE_URL").toHaveLength(1);
});
