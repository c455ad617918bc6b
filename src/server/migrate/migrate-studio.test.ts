import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { parseEnv } from "../env";
import { postgresSql } from "../db/postgres-sql";
import { openMediaStore } from "../media/open-media-store";
import { startS3Server, type TestS3 } from "../testing/s3-server";
import { seedWholeStudio } from "../testing/seed-whole-studio";
import { freshSchema, testPostgres } from "../testing/test-postgres";
import type { PostgresCluster } from "../testing/postgres-cluster";
import { parseMigrateArgs } from "./migrate-args";
import { migrateStudio } from "./migrate-studio";
import { runMigrate } from "./run-migrate";

// One studio of 1,000 takes moved into one schema and bucket; the tests run in order, each
// going on from where the last left the target.
const dataDir = mkdtempSync(join(tmpdir(), "dailies-migrate-"));
const schema = freshSchema("migrate");
let cluster: PostgresCluster;
let s3: TestS3;
let seeded: Awaited<ReturnType<typeof seedWholeStudio>>;
let argv: string[];
let env: Record<string, string>;

beforeAll(async () => {
  [cluster, s3, seeded] = await Promise.all([testPostgres(), startS3Server(), seedWholeStudio(dataDir, 1_000)]);
  argv = ["--from", `sqlite:${dataDir}`, "--to", cluster.url, "--schema", schema, "--media-to", `s3://${s3.bucket}/moved`];
  // The bucket's address and keys; --media-to names the bucket and prefix.
  env = s3.studioEnv("ignored/");
});
afterAll(async () => {
  await s3?.stop();
  cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const migrate = () => migrateStudio(parseMigrateArgs(argv, env));

async function inPostgres<T>(work: (sql: ReturnType<typeof postgresSql>) => Promise<T>): Promise<T> {
  const sql = postgresSql({ url: cluster.url, schema, max: 1 });
  try {
    return await work(sql);
  } finally {
    await sql.close();
  }
}

async function run(): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runMigrate(argv, env, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

it("copies every table and every media file, and verifies them row by row and byte by byte", async () => {
  const report = await migrate();

  expect(report.ok).toBe(true);
  const tables = report.tables.map((table) => table.table);
  expect(tables.indexOf("generations")).toBeGreaterThan(tables.indexOf("shots"));
  expect(tables.indexOf("notes")).toBeGreaterThan(tables.indexOf("generations"));
  for (const table of report.tables) {
    expect(table, table.table).toMatchObject({ verified: true, conflicts: [], copied: table.sourceRows, targetRows: table.sourceRows });
    expect(table.sourceRows, `${table.table} has rows to copy (seed-whole-studio.ts fills every table)`).toBeGreaterThan(0);
  }
  expect(report.tables.find((table) => table.table === "generations")?.copied).toBe(1_000);
  expect(report.media).toEqual({ files: seeded.media.length, copied: seeded.media.length, present: 0, replaced: 0, mismatched: [] });
  expect(await s3.keys()).toEqual(seeded.media.map((path) => `moved/${path}`).sort());
});

it("gives each table the same row count on both engines, and hands out seq values SQLite never used", async () => {
  const sqlite = new Database(join(dataDir, "dailies.sqlite"), { readonly: true });
  const tables = sqlite.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all();
  const sqliteCounts = Object.fromEntries(tables.map(({ name }) => [name, sqlite.prepare<[], { n: number }>(`SELECT count(*) AS n FROM "${name}"`).get()!.n]));
  const lastSeq = sqlite.prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'generations'").get()!.seq;
  sqlite.close();

  const [postgresCounts, nextSeq] = await inPostgres(async (sql) => {
    const counts: Record<string, number> = {};
    for (const { name } of tables) counts[name] = (await sql.get<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`))!.n;
    return [counts, (await sql.get<{ next: number }>("SELECT nextval(pg_get_serial_sequence('generations', 'seq')) AS next"))!.next] as const;
  });
  expect(postgresCounts).toEqual(sqliteCounts);
  expect(nextSeq).toBe(lastSeq + 1);
});

it("copies nothing the second time, and says everything verifies", async () => {
  const report = await migrate();
  expect(report.ok).toBe(true);
  expect(report.tables.map((table) => [table.table, table.copied])).toEqual(report.tables.map((table) => [table.table, 0]));
  expect(report.media).toMatchObject({ copied: 0, present: seeded.media.length, replaced: 0 });

  const { code, out } = await run();
  expect(code).toBe(0);
  expect(out).toMatch(/^generations\s+0\s+1000\s+1000\s+ok$/m);
  expect(out).toContain("Verified");
});

it("reports a row Postgres holds otherwise as a conflict, leaves it, and exits non-zero", async () => {
  await inPostgres((sql) => sql.run("UPDATE notes SET text = 'changed on Postgres' WHERE id = 'no-1'"));

  const { code, out } = await run();

  expect(code).toBe(1);
  expect(out).toMatch(/^notes\s+0\s+2\s+2\s+DIFFERS$/m);
  expect(out).toContain('notes: 1 rows already in Postgres hold something else (left as they are):\n  key ["no-1"]: differs in text');
  expect(out).toContain("Not verified");
  expect(await inPostgres((sql) => sql.get("SELECT text FROM notes WHERE id = 'no-1'"))).toEqual({ text: "changed on Postgres" });
});

it("copies a media file again when the bucket holds other bytes under its name", async () => {
  const bucket = await openMediaStore(parseEnv({ ...env, MEDIA_STORE: `s3://${s3.bucket}/moved` }), dataDir);
  await bucket.writeAtomic("reels", "rl-1.mp4", Buffer.from("not the reel"));

  const report = await migrate();

  expect(report.media).toMatchObject({ copied: 0, present: seeded.media.length - 1, replaced: 1, mismatched: [] });
});

it("leaves Postgres as a studio needs it: SQLite's row ids kept and handed out after, the insights' triggers firing again", async () => {
  const sqlite = new Database(join(dataDir, "dailies.sqlite"), { readonly: true });
  const uploads = sqlite.prepare("SELECT rowid, id FROM uploads ORDER BY rowid").all();
  const take = sqlite.prepare<[string], { day: number }>("SELECT created_at / 86400000 AS day FROM generations WHERE id = ?").get(seeded.ids[0]!)!;
  sqlite.close();

  await inPostgres(async (sql) => {
    expect(await sql.all("SELECT rowid, id FROM uploads ORDER BY rowid")).toEqual(uploads);
    expect((await sql.get<{ next: number }>("SELECT nextval(pg_get_serial_sequence('uploads', 'rowid')) AS next"))!.next).toBe(uploads.length + 1);
    const version = async () => (await sql.get<{ version: number }>("SELECT version FROM insight_days WHERE day = ?", [take.day]))!.version;
    const before = await version();
    await sql.run("UPDATE generations SET favourite = 1 - favourite WHERE id = ?", [seeded.ids[0]]);
    expect(await version()).toBe(before + 1);
  });
});
