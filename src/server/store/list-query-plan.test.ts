import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../db/database";
import { seedTakes, type TakeSeed } from "../testing/seed-takes";
import { listQuery, type ListFilters } from "./list-takes";

// What the list costs is decided by SQLite's plan, not by how fast this machine is: each
// filter must be answered from its `(column, seq)` index in page order, never by reading
// the whole table or sorting it. The timings live in the bench (scripts/bench/throughput.ts).
const ROWS = 2000;
let dataDir: string;
let db: Db;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "dailies-plan-"));
  const seeds: TakeSeed[] = Array.from({ length: ROWS }, (_, i) => ({
    model: i % 3 === 0 ? "gen3a_turbo" : "gen4_turbo",
    ratio: i % 3 === 0 ? "16:9" : ["16:9", "9:16", "1:1", "21:9"][i % 4]!,
    duration: i % 2 === 0 ? 5 : 10,
    status: i % 11 === 0 ? "failed" : "completed",
    favourite: i % 50 === 0,
    prompt: `A slow push-in on a harbour at dusk, take ${i}`,
  }));
  await seedTakes(dataDir, seeds);
  db = openDatabase(join(dataDir, "dailies.sqlite"));
});
afterAll(() => {
  db.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** SQLite's plan for one page of the list, one line per step. */
function plan(filters: ListFilters, cursor: number | null = null): string {
  const { sql, params } = listQuery(filters, 24, cursor);
  const steps = db.prepare<Record<string, unknown>, { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`).all(params);
  return steps.map((step) => step.detail).join("\n");
}

const SINGLE_FILTERS: [string, ListFilters][] = [
  ["status", { status: "completed" }],
  ["model", { model: "gen4_turbo" }],
  ["ratio", { ratio: "9:16" }],
  ["duration", { duration: 10 }],
  ["favourite", { favourite: "true" }],
  ["author", { author: "studio" }],
  ["project_id", { projectId: "p1" }],
  ["shot_id", { shotId: "s1" }],
  ["review_state", { review: "circled" }],
  ["batch_id", { batchId: "b1" }],
];

describe("the list's query plan", () => {
  it.each(SINGLE_FILTERS)("filters on %s through its (column, seq) index, in page order, on the first and a deep page", (column, filters) => {
    for (const cursor of [null, 200]) {
      const steps = plan(filters, cursor);
      expect(steps).toMatch(new RegExp(`^SEARCH generations USING (COVERING )?INDEX generations_${column}_seq \\(${column}=\\?`));
      if (cursor !== null) expect(steps).toMatch(/ AND seq<\?\)$/);
      expect(steps).not.toMatch(/SCAN generations|TEMP B-TREE/);
    }
  });

  it("answers combined filters and a search from one of their indexes, without sorting", () => {
    for (const cursor of [null, 200]) {
      const steps = plan({ status: "completed", model: "gen4_turbo", q: "harbour" }, cursor);
      expect(steps).toMatch(/^SEARCH generations USING (COVERING )?INDEX generations_(status|model)_seq /);
      expect(steps).not.toMatch(/SCAN generations|TEMP B-TREE/);
      const board = plan({ projectId: "p1", shotId: "s1", review: "circled" }, cursor);
      expect(board).toMatch(/^SEARCH generations USING (COVERING )?INDEX generations_(project_id|shot_id|review_state)_seq /);
      expect(board).not.toMatch(/SCAN generations|TEMP B-TREE/);
    }
  });

  it("pages the unfiltered list by the primary key, reading rows newest first without sorting", () => {
    expect(plan({}, 200)).toMatch(/^SEARCH generations USING INTEGER PRIMARY KEY \(rowid<\?\)$/);
    // No filter: reading in seq order and stopping at the page size is the cheapest plan there is.
    expect(plan({})).toBe("SCAN generations");
  });
});
