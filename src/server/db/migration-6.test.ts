import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "./database";
import { MIGRATIONS } from "./migrations";

const dir = mkdtempSync(join(tmpdir(), "dailies-migration-6-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database as the build before migration 6 left it, holding `rows` of [id, seed, source_id, idempotency_key]. */
function oldDatabase(name: string, rows: [string, number, string | null, string | null][]): string {
  const file = join(dir, name);
  const old = openDatabase(file, MIGRATIONS.slice(0, 6));
  const insert = old.prepare(`INSERT INTO generations (id, model, prompt, ratio, duration, seed, image_url, status, provider, created_at, updated_at, deadline_at, source_id, idempotency_key)
    VALUES (?, 'gen4_turbo', 'p', '16:9', 5, ?, 'https://images.example.com/a.jpg', 'completed', 'aimlapi', 1, 1, 1, ?, ?)`);
  for (const row of rows) insert.run(...row);
  old.close();
  return file;
}

function migratedRows(file: string, columns: string): unknown[] {
  const db = openDatabase(file);
  try {
    return db.prepare(`SELECT ${columns} FROM generations ORDER BY seq`).all();
  } finally {
    db.close();
  }
}

it("gives takes made before it a batch of their own, and their source's how from the seeds", () => {
  const file = oldDatabase("sources.sqlite", [
    ["source", 7, null, null],
    ["exact", 7, "source", null],
    ["varied", 8, "source", null],
    ["orphan", 7, "gone", null],
  ]);
  expect(migratedRows(file, "id, batch_id, source_kind, review_state, note_count, shot_id")).toEqual([
    { id: "source", batch_id: "source", source_kind: null, review_state: "unreviewed", note_count: 0, shot_id: null },
    { id: "exact", batch_id: "exact", source_kind: "rerun", review_state: "unreviewed", note_count: 0, shot_id: null },
    { id: "varied", batch_id: "varied", source_kind: "variation", review_state: "unreviewed", note_count: 0, shot_id: null },
    { id: "orphan", batch_id: "orphan", source_kind: null, review_state: "unreviewed", note_count: 0, shot_id: null },
  ]);
});

it("puts the takes of one keyed submit (batch:<key>:<n>) in the batch of its take 0, and any other take in its own", () => {
  const file = oldDatabase("batches.sqlite", [
    ["a0", 1, null, "batch:Key-AAAA1:0"],
    ["b1", 2, null, "batch:Key_BBBB2:1"],
    ["a2", 3, null, "batch:Key-AAAA1:2"],
    ["a1", 4, null, "batch:Key-AAAA1:1"],
    ["single", 5, null, "batch:Key-CCCC3:0"],
    // A key that only shares a beginning with another is another submit.
    ["longer", 6, null, "batch:Key-AAAA10:1"],
    ["plain", 7, null, "PlainKey-0001"],
    ["unkeyed", 8, null, null],
  ]);
  const batches = Object.fromEntries(migratedRows(file, "id, batch_id").map((row) => Object.values(row as object)));
  expect(batches).toEqual({ a0: "a0", b1: "b1", a2: "a0", a1: "a0", single: "single", longer: "longer", plain: "plain", unkeyed: "unkeyed" });
});
