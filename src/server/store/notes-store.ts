import type { Sql } from "../db/sql";
import type { NoteRecord } from "../notes/note";
import type { ChangeCounter } from "./change-counter";
import { newId } from "./new-id";

type NoteRow = { id: string; take_id: string; at_seconds: number; x: number | null; y: number | null; text: string; author: string; created_at: number; updated_at: number };

type NewNote = Pick<NoteRecord, "takeId" | "atSeconds" | "x" | "y" | "text" | "author">;
type NoteChanges = Partial<Pick<NoteRecord, "atSeconds" | "x" | "y" | "text">>;


const toRecord = (row: NoteRow): NoteRecord => ({
  id: row.id,
  takeId: row.take_id,
  atSeconds: row.at_seconds,
  x: row.x,
  y: row.y,
  text: row.text,
  author: row.author,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/**
 * Notes on takes. A take's `noteCount` is kept on its row, recounted in the same transaction
 * as each insert and delete, and `changes` is bumped so cached take bodies are rebuilt.
 */
export function createNotesStore(sql: Sql, changes: ChangeCounter, now: () => number) {
  const get = async (id: string, via: Sql = sql) => {
    const row = await via.get<NoteRow>("SELECT * FROM notes WHERE id = ?", [id]);
    return row && toRecord(row);
  };
  const recount = (tx: Sql, takeId: string) => tx.run("UPDATE generations SET note_count = (SELECT COUNT(*) FROM notes WHERE take_id = ?) WHERE id = ?", [takeId, takeId]);

  return {
    get: (id: string) => get(id),
    /** In the order they come up in the take. */
    ofTake: async (takeId: string) => (await sql.all<NoteRow>("SELECT * FROM notes WHERE take_id = ? ORDER BY at_seconds, created_at, rowid", [takeId])).map(toRecord),
    /** The new note, or undefined when its take does not exist (any more): checked here, not only by the route. */
    async create(note: NewNote): Promise<NoteRecord | undefined> {
      const created = await sql.transaction(async (tx) => {
        if (!(await tx.get("SELECT 1 AS found FROM generations WHERE id = ?", [note.takeId]))) return undefined;
        const id = newId();
        await tx.run(
          `INSERT INTO notes (id, take_id, at_seconds, x, y, text, author, created_at, updated_at)
           VALUES (@id, @take_id, @at_seconds, @x, @y, @text, @author, @now, @now)`,
          { id, take_id: note.takeId, at_seconds: note.atSeconds, x: note.x, y: note.y, text: note.text, author: note.author, now: now() },
        );
        await recount(tx, note.takeId);
        return get(id, tx);
      });
      if (created) changes.bump();
      return created;
    },
    update: (id: string, changed: NoteChanges) =>
      sql.transaction(async (tx): Promise<NoteRecord | undefined> => {
        const note = await get(id, tx);
        if (!note) return undefined;
        const next: NoteRecord = { ...note, ...Object.fromEntries(Object.entries(changed).filter(([, value]) => value !== undefined)), updatedAt: now() };
        await tx.run("UPDATE notes SET at_seconds = @at_seconds, x = @x, y = @y, text = @text, updated_at = @now WHERE id = @id", {
          id,
          at_seconds: next.atSeconds,
          x: next.x,
          y: next.y,
          text: next.text,
          now: next.updatedAt,
        });
        return next;
      }),
    async delete(id: string): Promise<boolean> {
      const deleted = await sql.transaction(async (tx) => {
        const row = await tx.get<NoteRow>("SELECT * FROM notes WHERE id = ?", [id]);
        if (!row) return false;
        await tx.run("DELETE FROM notes WHERE id = ?", [id]);
        await recount(tx, row.take_id);
        return true;
      });
      if (deleted) changes.bump();
      return deleted;
    },
  };
}
