import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshSchema } from "../testing/test-postgres";
import { openSql } from "./open-sql";
import { quoteIdentifier } from "./postgres-sql";
import type { Sql } from "./sql";

// The contract every store leans on (sql.ts): one transaction at a time, whatever the engine.
// SQLite always; Postgres too in the Postgres lane, which sets TEST_DATABASE_URL.
const lane = process.env.TEST_DATABASE_URL;
const engines = [
  { engine: "sqlite", url: undefined },
  ...(lane ? [{ engine: "postgres", url: lane }] : []),
];
const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe.each(engines)("$engine", ({ url }) => {
  const schema = freshSchema("tx");
  let sql: Sql;
  beforeAll(async () => {
    sql = await openSql({ url, schema, file: ":memory:" });
    await sql.run("INSERT INTO studio_state (key, value) VALUES ('count', '0')");
  });
  afterAll(async () => {
    if (url) await sql.run(`DROP SCHEMA ${quoteIdentifier(schema)} CASCADE`);
    await sql.close();
  });

  it("runs transactions started together one after the other, so none reads what another is about to change", async () => {
    const increment = () =>
      sql.transaction(async (tx) => {
        const { value } = (await tx.get<{ value: string }>("SELECT value FROM studio_state WHERE key = 'count'"))!;
        await pause();
        await tx.run("UPDATE studio_state SET value = ? WHERE key = 'count'", [String(Number(value) + 1)]);
      });
    await Promise.all([increment(), increment(), increment()]);
    expect(await sql.get("SELECT value FROM studio_state WHERE key = 'count'")).toEqual({ value: "3" });
  });

  it("rolls back only the transaction that failed, never a write made beside it", async () => {
    const failed = new Error("refused");
    const refused = sql.transaction(async (tx) => {
      await tx.run("INSERT INTO studio_state (key, value) VALUES ('refused', '1')");
      await pause();
      throw failed;
    });
    const beside = sql.run("INSERT INTO studio_state (key, value) VALUES ('beside', '1')");
    await expect(refused).rejects.toBe(failed);
    await beside;
    expect(await sql.all("SELECT key FROM studio_state WHERE key IN ('refused', 'beside')")).toEqual([{ key: "beside" }]);
  });
});
