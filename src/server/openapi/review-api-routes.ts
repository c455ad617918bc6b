import { FAMILY_LIMITS, familySchema } from "../../shared/family";
import { createNoteSchema, noteListSchema, noteSchema, updateNoteSchema } from "../../shared/note";
import { SMALL_JSON_KB } from "../http/request-guards";
import { empty, json, ok, routesTagged, type ApiRoute } from "./api-route";

const review = routesTagged("review");
const take = { id: "The take's id." };
const note = { id: "The note's id." };
const noSuchTake = { 404: "No take has this id." };
const noSuchNote = { 404: "No note has this id." };
const pastTheEnd = "A field is wrong (`fields` says what to change), `x` without `y` or the reverse, or `atSeconds` is past the end of the take (the message names its length).";
const notAuthor = { 403: "Only the note's author or an admin may change or delete it." };

/** Notes pinned to a time (and a point) of a take, and the family a take belongs to. */
export const reviewApiRoutes: ApiRoute[] = [
  review("get /api/generations/{id}/notes", "listNotes", "A take's notes, in the order they come up in it", { params: take, replies: ok(noteListSchema, "Every note on the take."), errors: noSuchTake }),
  review("post /api/generations/{id}/notes", "createNote", "Pin a note to a time of a take, optionally to a point of its picture", {
    description: "`atSeconds` from 0 up to, not including, the archived video's length (its end is past the last frame); `x` and `y` are fractions of the picture (0,0 top left), both or neither. The author is the caller.",
    params: take,
    body: { json: createNoteSchema, maxKb: SMALL_JSON_KB },
    replies: { 201: json(noteSchema, "The note.") },
    errors: { 400: pastTheEnd, ...noSuchTake, 409: "The take has no archived video yet: it is still running, or failed (`not_completed`)." },
  }),
  review("patch /api/notes/{id}", "updateNote", "Move or rewrite a note (its author or an admin)", {
    description: "`x` and `y` both null take the note off the picture, onto the whole frame.",
    params: note,
    body: { json: updateNoteSchema, maxKb: SMALL_JSON_KB },
    replies: ok(noteSchema, "The updated note."),
    errors: { 400: pastTheEnd, ...notAuthor, ...noSuchNote },
  }),
  review("delete /api/notes/{id}", "deleteNote", "Delete a note (its author or an admin)", { params: note, replies: { 204: empty("Deleted.") }, errors: { ...notAuthor, ...noSuchNote } }),
  review("get /api/generations/{id}/family", "getFamily", "Where a take came from, how, and what came from it", {
    description: `Its sources up to the root (at most ${FAMILY_LIMITS.ancestors}) and the takes made from it, level by level (at most ${FAMILY_LIMITS.depth} levels down, ${FAMILY_LIMITS.members} members in all; \`truncated\` says when some were left out). A deleted member is a tombstone: \`take\` null, \`deleted\` saying when and by whom.`,
    params: take,
    replies: ok(familySchema, "The family, parents before children."),
    errors: noSuchTake,
  }),
];
