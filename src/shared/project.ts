import { z } from "zod";
import { sendsAField } from "./patch-body";

export const PROJECT_NAME_MAX = 120;
const DESCRIPTION_MAX = 2000;
const SHOT_DESCRIPTION_MAX = 500;
const SHOT_CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/;

const name = z
  .string({ error: "Name the project." })
  .trim()
  .min(1, "Name the project: the name is empty.")
  .max(PROJECT_NAME_MAX, `Shorten the name to ${PROJECT_NAME_MAX} characters.`);
// An empty description is none: "" reads as null.
const description = z
  .string({ error: "The description must be text." })
  .trim()
  .max(DESCRIPTION_MAX, `Shorten the description to ${DESCRIPTION_MAX} characters.`)
  .transform((text) => text || null);

/** `POST /api/projects`. */
export const createProjectSchema = z.strictObject({ name, description: description.nullish() });
export type CreateProjectRequest = z.output<typeof createProjectSchema>;

/** `PATCH /api/projects/:id`: a description of null (or "") removes it. */
export const updateProjectSchema = z.strictObject({ name: name.optional(), description: description.nullable().optional() }).refine(sendsAField, { message: "Send name or description: at least one of them." });
export type UpdateProjectRequest = z.output<typeof updateProjectSchema>;

const CODE_MESSAGE = "Give the shot a code such as SH010: up to 32 letters, digits, '-', '_' or '.', starting with a letter or digit.";
const code = z.string({ error: CODE_MESSAGE }).trim().regex(SHOT_CODE, CODE_MESSAGE);
const shotDescription = z
  .string({ error: "The description must be text." })
  .trim()
  .max(SHOT_DESCRIPTION_MAX, `Shorten the description to ${SHOT_DESCRIPTION_MAX} characters.`)
  .transform((text) => text || null);
const ORDER_MESSAGE = "order must be a whole number: 1 is the project's first shot.";
const order = z.number({ error: ORDER_MESSAGE }).int(ORDER_MESSAGE).min(1, ORDER_MESSAGE);

/** `POST /api/projects/:id/shots`: without an order the shot goes last; with one, later shots move down. */
export const createShotSchema = z.strictObject({ code, description: shotDescription.nullish(), order: order.optional() });
export type CreateShotRequest = z.output<typeof createShotSchema>;

/** `PATCH /api/shots/:id`: a new order moves the shot there, and the shots between shift by one. */
export const updateShotSchema = z
  .strictObject({ code: code.optional(), description: shotDescription.nullable().optional(), order: order.optional() })
  .refine(sendsAField, { message: "Send code, description or order: at least one of them." });
export type UpdateShotRequest = z.output<typeof updateShotSchema>;

export const projectSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: z.string(),
  /** Who made it: the signed-in name, or "studio" when the studio runs without sign-in. */
  createdBy: z.string(),
});
export type Project = z.infer<typeof projectSchema>;

/** Every project, newest first (a studio has tens, not thousands: no paging). */
export const projectListSchema = z.object({ items: z.array(projectSchema) });

export const shotSchema = z.object({
  id: z.string(),
  projectId: z.string(),
  code: z.string(),
  description: z.string().nullable(),
  /** 1, 2, 3…: unique and without gaps within the project. */
  order: z.number().int(),
  counts: z.object({ takes: z.number(), circled: z.number(), rejected: z.number(), notes: z.number() }),
  /** The circled take; with several circled, the one circled last. */
  circledTakeId: z.string().nullable(),
  createdAt: z.string(),
});
export type Shot = z.infer<typeof shotSchema>;

/** `GET /api/projects/:id`: the project and its shots in order. */
export const projectDetailSchema = projectSchema.extend({ shots: z.array(shotSchema) });
export type ProjectDetail = z.infer<typeof projectDetailSchema>;
