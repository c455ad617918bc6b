import { z } from "zod";
import { takeSchema } from "./take";

/** How a take came from its source: re-run exactly, a new variation, edited in the form, continued from its last frame, re-run with another model (its own gone). */
export const SOURCE_KINDS = ["rerun", "variation", "edited", "last_frame", "other_model"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** How far `GET /api/generations/:id/family` walks: ancestors up, levels of descendants down, members in all. */
export const FAMILY_LIMITS = { ancestors: 20, depth: 5, members: 100 } as const;

export const familyMemberSchema = z.object({
  id: z.string(),
  /** The member it came from; null for the root. */
  parentId: z.string().nullable(),
  /** How it came from its parent; null for the root, and for takes made before Dailies recorded how. */
  how: z.enum(SOURCE_KINDS).nullable(),
  /** The take, or null once it is deleted. */
  take: takeSchema.nullable(),
  /** A deleted member's tombstone (fields null when it was deleted before Dailies kept tombstones). */
  deleted: z.object({ at: z.string().nullable(), by: z.string().nullable(), prompt: z.string().nullable() }).nullable(),
});
export type FamilyMember = z.infer<typeof familyMemberSchema>;

/** A take's family as a flat tree: parents before children, each member naming its parent. */
export const familySchema = z.object({
  takeId: z.string(),
  rootId: z.string(),
  members: z.array(familyMemberSchema),
  /** Some ancestors or descendants were left out (see FAMILY_LIMITS). */
  truncated: z.boolean(),
});
export type Family = z.infer<typeof familySchema>;
