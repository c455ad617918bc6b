import type { Db } from "../db/database";
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
export function createNotesStore(db: Db, changes: ChangeCounter, now: () => number) {
  const byId = db.prepare<[string], NoteRow>("SELECT * FROM notes WHERE id = ?");
  const ofTake = db.prepare<[string], NoteRow>("SELECT * FROM notes WHERE take_id = ? ORDER BY at_seconds, created_at, rowid");
  const insert = db.prepare(`
    INSERT INTO notes (id, take_id, at_seconds, x, y, text, author, created_at, updated_at)
    VALUES (@id, @take_id, @at_seconds, @x, @y, @text, @author, @now, @now)`);
  const edit = db.prepare(`
    UPDATE notes SET at_seconds = @at_seconds, x = @x, y = @y, text = @text, updated_at = @now WHERE id = @id`);
  const remove = db.prepare<[string]>("DELETE FROM notes WHERE id = ?");
  const takeExists = db.prepare<[string]>("SELECT 1 FROM generations WHERE id = ?");
  const recount = db.prepare<[string, string]>("UPDATE generations SET note_count = (SELECT COUNT(*) FROM notes WHERE take_id = ?) WHERE id = ?");

  const get = (id: string) => {
    const row = byId.get(id);
    return row && toRecord(row);
  };

  // The take is checked here, not only by the route: it may be deleted in between.
  const create = db.transaction((note: NewNote): NoteRecord | undefined => {
    if (!takeExists.get(note.takeId)) return undefined;
    const id = newId();
    insert.run({ id, take_id: note.takeId, at_seconds: note.atSeconds, x: note.x, y: note.y, text: note.text, author: note.author, now: now() });
    recount.run(note.takeId, note.takeId);
    changes.bump();
    return get(id)!;
  });

  const update = db.transaction((id: string, changed: NoteChanges): NoteRecord | undefined => {
    const note = get(id);
    if (!note) return undefined;
    const next: NoteRecord = { ...note, ...Object.fromEntries(Object.entries(changed).filter(([, value]) => value !== undefined)), updatedAt: now() };
    edit.run({ id, at_seconds: next.atSeconds, x: next.x, y: next.y, text: next.text, now: next.updatedAt });
    return next;
  });

  const deleteOne = db.transaction((id: string): boolean => {
    const row = byId.get(id);
    if (!row) return false;
    remove.run(id);
    recount.run(row.take_id, row.take_id);
    changes.bump();
    return true;
  });

  return {
    get: async (id: string) => get(id),
    /** In the order they come up in the take. */
    ofTake: async (takeId: string) => ofTake.all(takeId).map(toRecord),
    /** The new note, or undefined when its take does not exist (any more). */
    create: async (note: NewNote) => create(note),
    update: async (id: string, changed: NoteChanges) => update(id, changed),
    delete: async (id: string) => deleteOne(id),
  };
}
