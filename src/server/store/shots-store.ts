import type { Sql } from "../db/sql";
import type { DeleteEmptyOutcome, ShotOutcome, ShotRecord } from "../projects/project";
import { newId } from "./new-id";
import { shotSummaries, type ShotSummary } from "./shot-counts";

type ShotRow = { id: string; project_id: string; code: string; description: string | null; position: number; created_at: number };

type NewShot = { code: string; description: string | null; order?: number | undefined };
type ShotChanges = { code?: string | undefined; description?: string | null | undefined; order?: number | undefined };


const toRecord = (row: ShotRow, summary: ShotSummary): ShotRecord => ({
  id: row.id,
  projectId: row.project_id,
  code: row.code,
  description: row.description,
  order: row.position,
  createdAt: row.created_at,
  ...summary,
});

/**
 * The shots of projects, in order. Orders stay 1…n without gaps or repeats: every insert,
 * move and delete renumbers the project's shots in the same transaction.
 */
const BY_ID = "SELECT * FROM shots WHERE id = ?";
const OF_PROJECT = "SELECT * FROM shots WHERE project_id = ? ORDER BY position, created_at";
// lower() folds ASCII on SQLite, as the unique index's NOCASE does; on Postgres the index is on lower(code) too.
const SAME_CODE = "SELECT code FROM shots WHERE project_id = ? AND lower(code) = lower(?) AND id <> ?";

export function createShotsStore(sql: Sql, now: () => number) {
  /** Puts `shotId` at `order` (or, with null, takes it out) and renumbers the project's other `rows` 1…n. */
  async function place(tx: Sql, rows: readonly Pick<ShotRow, "id" | "position">[], shotId: string, order: number | null): Promise<void> {
    const ids = rows.map((row) => row.id).filter((id) => id !== shotId);
    if (order !== null) ids.splice(order - 1, 0, shotId);
    const current = new Map(rows.map((row) => [row.id, row.position]));
    for (const [index, id] of ids.entries()) {
      if (current.get(id) !== index + 1) await tx.run("UPDATE shots SET position = ? WHERE id = ?", [index + 1, id]);
    }
  }

  async function get(tx: Sql, id: string): Promise<ShotRecord | undefined> {
    const row = await tx.get<ShotRow>(BY_ID, [id]);
    return row && toRecord(row, (await shotSummaries(tx, row.project_id))(row.id));
  }

  return {
    /** The project a shot belongs to, or undefined for no such shot (without its counts: cheap). */
    projectOf: async (id: string) => (await sql.get<ShotRow>(BY_ID, [id]))?.project_id,
    /** A project's shots in order, each with its counts and circled take. */
    async ofProject(projectId: string): Promise<ShotRecord[]> {
      const summary = await shotSummaries(sql, projectId);
      return (await sql.all<ShotRow>(OF_PROJECT, [projectId])).map((row) => toRecord(row, summary(row.id)));
    },
    /** Adds a shot last, or at `order` with the later shots moved down one. */
    create: (projectId: string, input: NewShot) =>
      sql.transaction(async (tx): Promise<ShotOutcome> => {
        if (!(await tx.get("SELECT id FROM projects WHERE id = ?", [projectId]))) return { outcome: "missing" };
        const taken = await tx.get<{ code: string }>(SAME_CODE, [projectId, input.code, ""]);
        if (taken) return { outcome: "code_taken", code: taken.code };
        const rows = await tx.all<ShotRow>(OF_PROJECT, [projectId]);
        const count = rows.length;
        if (input.order !== undefined && input.order > count + 1) return { outcome: "bad_order", max: count + 1 };
        const id = newId();
        await tx.run("INSERT INTO shots (id, project_id, code, description, position, created_at) VALUES (@id, @project_id, @code, @description, @position, @created_at)", {
          id,
          project_id: projectId,
          code: input.code,
          description: input.description,
          position: count + 1,
          created_at: now(),
        });
        if (input.order !== undefined) await place(tx, [...rows, { id, position: count + 1 }], id, input.order);
        return { outcome: "done", shot: (await get(tx, id))! };
      }),
    /** A new order moves the shot there; the shots in between shift by one. Everything is checked before anything is written: an outcome returned is not a rollback. */
    update: (id: string, changes: ShotChanges) =>
      sql.transaction(async (tx): Promise<ShotOutcome> => {
        const row = await tx.get<ShotRow>(BY_ID, [id]);
        if (!row) return { outcome: "missing" };
        const taken = changes.code === undefined ? undefined : await tx.get<{ code: string }>(SAME_CODE, [row.project_id, changes.code, id]);
        if (taken) return { outcome: "code_taken", code: taken.code };
        const rows = await tx.all<ShotRow>(OF_PROJECT, [row.project_id]);
        if (changes.order !== undefined && changes.order > rows.length) return { outcome: "bad_order", max: rows.length };
        if (changes.code !== undefined) await tx.run("UPDATE shots SET code = ? WHERE id = ?", [changes.code, id]);
        if (changes.description !== undefined) await tx.run("UPDATE shots SET description = ? WHERE id = ?", [changes.description, id]);
        if (changes.order !== undefined) await place(tx, rows, id, changes.order);
        return { outcome: "done", shot: (await get(tx, id))! };
      }),
    /** Deletes an empty shot and closes the gap in the order; a shot's takes are never deleted with it, so a shot holding any stays. */
    delete: (id: string) =>
      sql.transaction(async (tx): Promise<DeleteEmptyOutcome> => {
        const row = await tx.get<ShotRow>(BY_ID, [id]);
        if (!row) return { outcome: "missing" };
        const takes = (await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM generations WHERE shot_id = ?", [id]))!.n;
        if (takes > 0) return { outcome: "has_takes", takes };
        const rows = await tx.all<ShotRow>(OF_PROJECT, [row.project_id]);
        await tx.run("DELETE FROM shots WHERE id = ?", [id]);
        await place(tx, rows, id, null);
        return { outcome: "deleted" };
      }),
  };
}
