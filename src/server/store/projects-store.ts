import type { Sql } from "../db/sql";
import type { DeleteEmptyOutcome, ProjectRecord } from "../projects/project";
import { newId } from "./new-id";

type ProjectRow = { id: string; name: string; description: string | null; created_at: number; created_by: string };

const toRecord = (row: ProjectRow): ProjectRecord => ({ id: row.id, name: row.name, description: row.description, createdAt: row.created_at, createdBy: row.created_by });

type NewProject = Pick<ProjectRecord, "name" | "description" | "createdBy">;
type ProjectChanges = Partial<Pick<ProjectRecord, "name" | "description">>;


/** Projects; their shots are the shots store's. */
export function createProjectsStore(sql: Sql, now: () => number) {
  const get = async (id: string, via: Sql = sql) => {
    const row = await via.get<ProjectRow>("SELECT * FROM projects WHERE id = ?", [id]);
    return row && toRecord(row);
  };

  return {
    get: (id: string) => get(id),
    /** Newest first. */
    list: async () => (await sql.all<ProjectRow>("SELECT * FROM projects ORDER BY created_at DESC, rowid DESC")).map(toRecord),
    async create(input: NewProject): Promise<ProjectRecord> {
      const id = newId();
      await sql.run("INSERT INTO projects (id, name, description, created_at, created_by) VALUES (@id, @name, @description, @created_at, @created_by)", {
        id,
        name: input.name,
        description: input.description,
        created_at: now(),
        created_by: input.createdBy,
      });
      return (await get(id))!;
    },
    update: (id: string, changes: ProjectChanges) =>
      sql.transaction(async (tx) => {
        if (changes.name !== undefined) await tx.run("UPDATE projects SET name = @name WHERE id = @id", { id, name: changes.name });
        if (changes.description !== undefined) await tx.run("UPDATE projects SET description = @description WHERE id = @id", { id, description: changes.description });
        return get(id, tx);
      }),
    /** Deletes a project and its shots (ON DELETE CASCADE) unless takes belong to it, which never go with it; checked and done in one transaction. */
    delete: (id: string) =>
      sql.transaction(async (tx): Promise<DeleteEmptyOutcome> => {
        if (!(await get(id, tx))) return { outcome: "missing" };
        const takes = (await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM generations WHERE project_id = ?", [id]))!.n;
        if (takes > 0) return { outcome: "has_takes", takes };
        await tx.run("DELETE FROM projects WHERE id = ?", [id]);
        return { outcome: "deleted" };
      }),
  };
}
