import type { Db } from "../db/database";
import type { DeleteEmptyOutcome, ProjectRecord } from "../projects/project";
import { newId } from "./new-id";

type ProjectRow = { id: string; name: string; description: string | null; created_at: number; created_by: string };

const toRecord = (row: ProjectRow): ProjectRecord => ({ id: row.id, name: row.name, description: row.description, createdAt: row.created_at, createdBy: row.created_by });

type NewProject = Pick<ProjectRecord, "name" | "description" | "createdBy">;
type ProjectChanges = Partial<Pick<ProjectRecord, "name" | "description">>;


/** Projects in SQLite; their shots are the shots store's. */
export function createProjectsStore(db: Db, now: () => number) {
  const byId = db.prepare<[string], ProjectRow>("SELECT * FROM projects WHERE id = ?");
  const all = db.prepare<[], ProjectRow>("SELECT * FROM projects ORDER BY created_at DESC, rowid DESC");
  const insert = db.prepare("INSERT INTO projects (id, name, description, created_at, created_by) VALUES (@id, @name, @description, @created_at, @created_by)");
  const takeCount = db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM generations WHERE project_id = ?");
  const remove = db.prepare<[string]>("DELETE FROM projects WHERE id = ?");
  const rename = db.prepare<{ id: string; name: string }>("UPDATE projects SET name = @name WHERE id = @id");
  const redescribe = db.prepare<{ id: string; description: string | null }>("UPDATE projects SET description = @description WHERE id = @id");

  const get = (id: string) => {
    const row = byId.get(id);
    return row && toRecord(row);
  };

  // Shots go with the project (ON DELETE CASCADE); takes never do, so a project holding any stays.
  const deleteEmpty = db.transaction((id: string): DeleteEmptyOutcome => {
    if (!byId.get(id)) return { outcome: "missing" };
    const takes = takeCount.get(id)!.n;
    if (takes > 0) return { outcome: "has_takes", takes };
    remove.run(id);
    return { outcome: "deleted" };
  });

  const update = db.transaction((id: string, changes: ProjectChanges) => {
    if (changes.name !== undefined) rename.run({ id, name: changes.name });
    if (changes.description !== undefined) redescribe.run({ id, description: changes.description });
    return get(id);
  });

  return {
    get: async (id: string) => get(id),
    /** Newest first. */
    list: async () => all.all().map(toRecord),
    async create(input: NewProject): Promise<ProjectRecord> {
      const id = newId();
      insert.run({ id, name: input.name, description: input.description, created_at: now(), created_by: input.createdBy });
      return get(id)!;
    },
    update: async (id: string, changes: ProjectChanges) => update(id, changes),
    /** Deletes a project and its shots unless takes belong to it; checked and done in one transaction. */
    delete: async (id: string) => deleteEmpty(id),
  };
}
