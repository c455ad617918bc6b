import type { Db } from "../db/database";
import type { DeleteEmptyOutcome, ShotOutcome, ShotRecord } from "../projects/project";
import { newId } from "./new-id";
import { createShotCounts, type ShotSummary } from "./shot-counts";

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
export function createShotsStore(db: Db, now: () => number) {
  const byId = db.prepare<[string], ShotRow>("SELECT * FROM shots WHERE id = ?");
  const ofProject = db.prepare<[string], ShotRow>("SELECT * FROM shots WHERE project_id = ? ORDER BY position, created_at");
  const projectExists = db.prepare<[string], { id: string }>("SELECT id FROM projects WHERE id = ?");
  const sameCode = db.prepare<[string, string, string], { code: string }>("SELECT code FROM shots WHERE project_id = ? AND code = ? COLLATE NOCASE AND id <> ?");
  const insert = db.prepare("INSERT INTO shots (id, project_id, code, description, position, created_at) VALUES (@id, @project_id, @code, @description, @position, @created_at)");
  const setPosition = db.prepare<[number, string]>("UPDATE shots SET position = ? WHERE id = ?");
  const setCode = db.prepare<[string, string]>("UPDATE shots SET code = ? WHERE id = ?");
  const setDescription = db.prepare<[string | null, string]>("UPDATE shots SET description = ? WHERE id = ?");
  const takeCount = db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM generations WHERE shot_id = ?");
  const remove = db.prepare<[string]>("DELETE FROM shots WHERE id = ?");
  const summaries = createShotCounts(db);

  /** Puts `shotId` at `order` (or, with null, takes it out) and renumbers the project's other `rows` 1…n. */
  function place(rows: readonly Pick<ShotRow, "id" | "position">[], shotId: string, order: number | null): void {
    const ids = rows.map((row) => row.id).filter((id) => id !== shotId);
    if (order !== null) ids.splice(order - 1, 0, shotId);
    const current = new Map(rows.map((row) => [row.id, row.position]));
    ids.forEach((id, index) => {
      if (current.get(id) !== index + 1) setPosition.run(index + 1, id);
    });
  }

  function get(id: string): ShotRecord | undefined {
    const row = byId.get(id);
    return row && toRecord(row, summaries(row.project_id)(row.id));
  }

  const create = db.transaction((projectId: string, input: NewShot): ShotOutcome => {
    if (!projectExists.get(projectId)) return { outcome: "missing" };
    const taken = sameCode.get(projectId, input.code, "");
    if (taken) return { outcome: "code_taken", code: taken.code };
    const rows = ofProject.all(projectId);
    const count = rows.length;
    if (input.order !== undefined && input.order > count + 1) return { outcome: "bad_order", max: count + 1 };
    const id = newId();
    insert.run({ id, project_id: projectId, code: input.code, description: input.description, position: count + 1, created_at: now() });
    if (input.order !== undefined) place([...rows, { id, position: count + 1 }], id, input.order);
    return { outcome: "done", shot: get(id)! };
  });

  // Everything is checked before anything is written: an outcome returned is not a rollback.
  const update = db.transaction((id: string, changes: ShotChanges): ShotOutcome => {
    const row = byId.get(id);
    if (!row) return { outcome: "missing" };
    const taken = changes.code === undefined ? undefined : sameCode.get(row.project_id, changes.code, id);
    if (taken) return { outcome: "code_taken", code: taken.code };
    const rows = ofProject.all(row.project_id);
    if (changes.order !== undefined && changes.order > rows.length) return { outcome: "bad_order", max: rows.length };
    if (changes.code !== undefined) setCode.run(changes.code, id);
    if (changes.description !== undefined) setDescription.run(changes.description, id);
    if (changes.order !== undefined) place(rows, id, changes.order);
    return { outcome: "done", shot: get(id)! };
  });

  // A shot's takes are never deleted with it: a shot holding any stays.
  const deleteEmpty = db.transaction((id: string): DeleteEmptyOutcome => {
    const row = byId.get(id);
    if (!row) return { outcome: "missing" };
    const takes = takeCount.get(id)!.n;
    if (takes > 0) return { outcome: "has_takes", takes };
    const rows = ofProject.all(row.project_id);
    remove.run(id);
    place(rows, id, null);
    return { outcome: "deleted" };
  });

  return {
    /** The project a shot belongs to, or undefined for no such shot (without its counts: cheap). */
    projectOf: async (id: string) => byId.get(id)?.project_id,
    /** A project's shots in order, each with its counts and circled take. */
    async ofProject(projectId: string): Promise<ShotRecord[]> {
      const summary = summaries(projectId);
      return ofProject.all(projectId).map((row) => toRecord(row, summary(row.id)));
    },
    /** Adds a shot last, or at `order` with the later shots moved down one. */
    create: async (projectId: string, input: NewShot) => create(projectId, input),
    /** A new order moves the shot there; the shots in between shift by one. */
    update: async (id: string, changes: ShotChanges) => update(id, changes),
    /** Deletes an empty shot and closes the gap in the order. */
    delete: async (id: string) => deleteEmpty(id),
  };
}
