import { Hono } from "hono";
import { ERROR_CODES } from "../../shared/api-error";
import { createNoteSchema, updateNoteSchema } from "../../shared/note";
import { requireAuthorOrAdmin } from "../auth/authorship";
import type { AppEnv } from "../http/app-env";
import { HttpError } from "../http/http-error";
import { smallJsonBody } from "../http/request-guards";
import { parseOrThrow, readJsonBody } from "../http/validate";
import { checkNoteTime } from "../notes/note-time";
import { wireNote } from "../notes/wire-note";
import type { StudioDeps } from "../studio";
import { noSuchTake } from "../takes/no-such-take";

type Deps = Pick<StudioDeps, "store" | "notes">;

const noSuchNote = (id: string) => new HttpError(ERROR_CODES.notFound, `There is no note with id "${id}".`);

/** `/api/generations/:id/notes`: a take's notes, and a new one on it. */
export function takeNotesRoutes(deps: Deps) {
  return new Hono<AppEnv>()
    .get("/:id/notes", async (c) => {
      const id = c.req.param("id");
      if (!(await deps.store.get(id))) throw noSuchTake(id);
      return c.json({ items: (await deps.notes.ofTake(id)).map(wireNote) });
    })
    .post("/:id/notes", smallJsonBody(), async (c) => {
      const { atSeconds, x, y, text } = parseOrThrow(createNoteSchema, await readJsonBody(c.req.raw));
      const take = await deps.store.get(c.req.param("id"));
      if (!take) throw noSuchTake(c.req.param("id"));
      checkNoteTime(take, atSeconds);
      const note = await deps.notes.create({ takeId: take.id, atSeconds, x: x ?? null, y: y ?? null, text, author: c.get("user").name });
      if (!note) throw noSuchTake(take.id);
      return c.json(wireNote(note), 201);
    });
}

/** `/api/notes/:id`: only the note's author or an admin changes or deletes it, as with takes. */
export function notesRoutes(deps: Deps) {
  async function ownNote(id: string, user: AppEnv["Variables"]["user"]) {
    const note = await deps.notes.get(id);
    if (!note) throw noSuchNote(id);
    requireAuthorOrAdmin(note.author, user, { authorOf: "who wrote this note", can: "change or delete it" });
    return note;
  }
  return new Hono<AppEnv>()
    .patch("/:id", smallJsonBody(), async (c) => {
      const changes = parseOrThrow(updateNoteSchema, await readJsonBody(c.req.raw));
      const note = await ownNote(c.req.param("id"), c.get("user"));
      const take = await deps.store.get(note.takeId);
      if (take && changes.atSeconds !== undefined) checkNoteTime(take, changes.atSeconds);
      const updated = await deps.notes.update(note.id, changes);
      if (!updated) throw noSuchNote(note.id);
      return c.json(wireNote(updated));
    })
    .delete("/:id", async (c) => {
      const note = await ownNote(c.req.param("id"), c.get("user"));
      if (!(await deps.notes.delete(note.id))) throw noSuchNote(note.id);
      return c.body(null, 204);
    });
}
