import type { Note } from "../../shared/note";
import type { NoteRecord } from "./note";
import { iso } from "../iso-time";

/** The one mapper from a note to what goes on the wire (`Note` in src/shared/note.ts). */
export function wireNote(note: NoteRecord): Note {
  return {
    id: note.id,
    takeId: note.takeId,
    atSeconds: note.atSeconds,
    x: note.x,
    y: note.y,
    text: note.text,
    author: note.author,
    createdAt: iso(note.createdAt),
    updatedAt: iso(note.updatedAt),
  };
}
