import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { openDatabase } from "./database";
import { MIGRATIONS } from "./migrations";

const dir = mkdtempSync(join(tmpdir(), "dailies-migration-6-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("gives takes made before it a batch of their own, and their source's how from the seeds", () => {
  const file = join(dir, "dailies.sqlite");
  // A database as the build before migration 6 left it.
  const old = openDatabase(file, MIGRATIONS.slice(0, 6));
  const insert = old.prepare(`INSERT INTO generations (id, model, prompt, ratio, duration, seed, image_url, status, provider, created_at, updated_at, deadline_at, source_id)
    VALUES (?, 'gen4_turbo', 'p', '16:9', 5, ?, 'https://images.example.com/a.jpg', 'completed', 'aimlapi', 1, 1, 1, ?)`);
  insert.run("source", 7, null);
  insert.run("exact", 7, "source");
  insert.run("varied", 8, "source");
  insert.run("orphan", 7, "gone");
  old.close();

  const db = openDatabase(file);
  const rows = db.prepare("SELECT id, batch_id, source_kind, review_state, note_count, shot_id FROM generations ORDER BY seq").all();
  db.close();
  expect(rows).toEqual([
    { id: "source", batch_id: "source", source_kind: null, review_state: "unreviewed", note_count: 0, shot_id: null },
    { id: "exact", batch_id: "exact", source_kind: "rerun", review_state: "unreviewed", note_count: 0, shot_id: null },
    { id: "varied", batch_id: "varied", source_kind: "variation", review_state: "unreviewed", note_count: 0, shot_id: null },
    { id: "orphan", batch_id: "orphan", source_kind: null, review_state: "unreviewed", note_count: 0, shot_id: null },
  ]);
});
