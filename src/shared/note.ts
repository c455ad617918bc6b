import { z } from "zod";
import { sendsAField } from "./patch-body";

export const NOTE_TEXT_MAX = 2000;

const AT_MESSAGE = "atSeconds must be a number of seconds into the take: 0 is its first frame.";
const atSeconds = z.number({ error: AT_MESSAGE }).min(0, AT_MESSAGE);
const fraction = (axis: "x" | "y") => {
  const message = `${axis} must be a fraction of the picture's ${axis === "x" ? "width (0 left, 1 right)" : "height (0 top, 1 bottom)"}.`;
  return z.number({ error: message }).min(0, message).max(1, message);
};
const text = z
  .string({ error: "Write the note as text." })
  .trim()
  .min(1, "Write the note: it is empty.")
  .max(NOTE_TEXT_MAX, `Shorten the note to ${NOTE_TEXT_MAX} characters.`);

/** A point on the picture is x and y together, or neither (a note on the whole frame). */
function bothOrNeither(note: { x?: number | null; y?: number | null }, ctx: z.RefinementCtx): void {
  const kind = (value: number | null | undefined) => (value === undefined ? "absent" : value === null ? "null" : "point");
  if (kind(note.x) === kind(note.y)) return;
  const missing = kind(note.x) === "point" ? "y" : kind(note.y) === "point" ? "x" : note.x === undefined ? "x" : "y";
  ctx.addIssue({ code: "custom", path: [missing], message: `Give ${missing} as well: a point on the picture needs both x and y, or neither.` });
}

/** `POST /api/generations/:id/notes`: a note pinned to a time in the take, optionally to a point. */
export const createNoteSchema = z.strictObject({ atSeconds, x: fraction("x").optional(), y: fraction("y").optional(), text }).superRefine(bothOrNeither);
export type CreateNoteRequest = z.output<typeof createNoteSchema>;

/** `PATCH /api/notes/:id`: what changes; x and y null together take the note off the picture. */
export const updateNoteSchema = z
  .strictObject({ atSeconds: atSeconds.optional(), x: fraction("x").nullable().optional(), y: fraction("y").nullable().optional(), text: text.optional() })
  .superRefine(bothOrNeither)
  .refine(sendsAField, { message: "Send atSeconds, x and y, or text: at least one of them." });
export type UpdateNoteRequest = z.output<typeof updateNoteSchema>;

export const noteSchema = z.object({
  id: z.string(),
  takeId: z.string(),
  atSeconds: z.number(),
  /** Fractions of the picture (0–1), or both null for a note on the whole frame. */
  x: z.number().nullable(),
  y: z.number().nullable(),
  text: z.string(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Note = z.infer<typeof noteSchema>;

/** A take's notes, in the order they come up in the take. */
export const noteListSchema = z.object({ items: z.array(noteSchema) });
