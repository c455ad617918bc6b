import Database from "better-sqlite3";
import { expect, it } from "vitest";

// The title names the Node that ran it, so the tally can check the Node 24 run's report
// really came from Node 24 (scripts/test-tally.mjs) and not from the Node that started it.
it(`runs on Node ${process.versions.node} with a better-sqlite3 built for it`, () => {
  const db = new Database(":memory:");
  expect(db.prepare("select sqlite_version() is not null as ok").get()).toEqual({ ok: 1 });
  db.close();
});
