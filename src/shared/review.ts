import { z } from "zod";
import { sendsAField } from "./patch-body";

/** A take's standing in the studio's review: circled is a select; the state is shared, unlike a favourite. */
export const REVIEW_STATES = ["unreviewed", "circled", "maybe", "rejected"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

const REVIEW_MESSAGE = `review must be one of ${REVIEW_STATES.join(", ")}.`;
const SHOT_ID_MESSAGE = "shotId must be a shot's id, or null for no shot.";

export const reviewStateField = z.enum(REVIEW_STATES, { error: REVIEW_MESSAGE });

/** A take's shot: the id of one, or null to take it out of its shot. */
export const shotIdField = z.string({ error: SHOT_ID_MESSAGE }).trim().min(1, SHOT_ID_MESSAGE).max(100, SHOT_ID_MESSAGE);

/** `PATCH /api/generations/:id`: any of a personal mark, the studio's review state and the take's shot. */
export const updateTakeSchema = z
  .strictObject({
    favourite: z.boolean({ error: "favourite must be true or false." }).optional(),
    review: reviewStateField.optional(),
    shotId: shotIdField.nullable().optional(),
  })
  .refine(sendsAField, { message: "Send favourite, review or shotId: at least one of them." });
export type UpdateTakeRequest = z.output<typeof updateTakeSchema>;

/** Who set a take's review state and when; both null while it is unreviewed. */
export const takeReviewSchema = z.object({
  state: z.enum(REVIEW_STATES),
  by: z.string().nullable(),
  at: z.string().nullable(),
});
