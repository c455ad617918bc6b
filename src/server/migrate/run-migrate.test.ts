import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "../db/database";
import { runMigrate } from "./run-migrate";

const dir = mkdtempSync(join(tmpdir(), "dailies-migrate-refusals-"));
const studio = join(dir, "studio");
openDatabase(join(studio, "dailies.sqlite")).close();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Nothing listens on port 1: the connection is refused at once. */
const NOWHERE = "postgres://dailies:secret@127.0.0.1:1/dailies";

async function run(...argv: string[]): Promise<{ code: number; err: string }> {
  const err: string[] = [];
  const code = await runMigrate(argv, {}, { out: () => undefined, err: (line) => err.push(line) });
  return { code, err: err.join("\n") };
}

it.each([
  { what: "a --from without sqlite:", argv: ["--from", "./data", "--to", NOWHERE], reason: "--from must name the studio's data folder as sqlite:<folder>" },
  { what: "a --to that isn't Postgres", argv: ["--from", `sqlite:${studio}`, "--to", "mysql://db/dailies"], reason: "--to must be a PostgreSQL URL" },
  { what: "no --to", argv: ["--from", `sqlite:${studio}`], reason: "--to must be a PostgreSQL URL" },
  { what: "a --media-to that isn't a bucket", argv: ["--from", `sqlite:${studio}`, "--to", NOWHERE, "--media-to", "./bucket"], reason: "--media-to must be a bucket" },
  { what: "a schema name Postgres would need quoted", argv: ["--from", `sqlite:${studio}`, "--to", NOWHERE, "--schema", "Bad-Name"], reason: "DATABASE_SCHEMA must be a lower-case name" },
  { what: "an unknown flag", argv: ["--form", `sqlite:${studio}`], reason: "Unknown option '--form'" },
  { what: "a folder without a studio", argv: ["--from", `sqlite:${join(dir, "empty")}`, "--to", NOWHERE], reason: `There is no studio database at ${join(dir, "empty", "dailies.sqlite")}` },
])("refuses $what, saying why, without a stack trace", async ({ argv, reason }) => {
  const { code, err } = await run(...argv);
  expect(code).toBe(2);
  expect(err).toContain(reason);
  expect(err).not.toMatch(/^\s+at /m);
});

it("refuses a database it can't reach, naming where without the password", async () => {
  const { code, err } = await run("--from", `sqlite:${studio}`, "--to", NOWHERE);
  expect(code).toBe(2);
  expect(err).toBe("Can't open the PostgreSQL database at 127.0.0.1:1/dailies (schema public): connect ECONNREFUSED 127.0.0.1:1");
});

it("refuses a file that isn't a SQLite database", async () => {
  mkdirSync(join(dir, "junk"));
  writeFileSync(join(dir, "junk", "dailies.sqlite"), "not a database, just text that is long enough to have a header".repeat(4));
  const { code, err } = await run("--from", `sqlite:${join(dir, "junk")}`, "--to", NOWHERE);
  expect(code).toBe(2);
  expect(err).toMatch(/^Can't read .*dailies\.sqlite as a SQLite database: file is not a database$/);
});
