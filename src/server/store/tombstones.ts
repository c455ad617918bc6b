import type { Db } from "../db/database";
import type { TakeRecord } from "../takes/take";

/** Keeps what a family tree needs of a deleted take: where it came from, its words, who deleted it. */
export function createTombstoneWriter(db: Db) {
  const insert = db.prepare(`
    INSERT OR REPLACE INTO deleted_takes (id, source_id, source_kind, prompt, author, created_at, deleted_at, deleted_by)
    VALUES (@id, @source_id, @source_kind, @prompt, @author, @created_at, @deleted_at, @deleted_by)`);
  return (take: TakeRecord, deletedBy: string, at: number): void => {
    insert.run({
      id: take.id,
      source_id: take.sourceId,
      source_kind: take.sourceKind,
      prompt: take.prompt,
      author: take.author,
      created_at: take.createdAt,
      deleted_at: at,
      deleted_by: deletedBy,
    });
  };
}
