import type { Note } from "@/shared/note";

/** Who is looking, as the route tells it (the session's user); undefined before it is known. */
export type NoteViewer = { name: string; isAdmin: boolean } | undefined;

/** Only a note's author or an admin may change it (the BFF answers 403 otherwise). */
export function mayChangeNote(viewer: NoteViewer, note: Note): boolean {
  return viewer !== undefined && (viewer.isAdmin || viewer.name === note.author);
}
