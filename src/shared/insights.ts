import { z } from "zod";

export const INSIGHT_GROUPS = ["model", "author", "week"] as const;

const isoDate = (name: string) =>
  z
    .string({ error: `${name} must be a date (YYYY-MM-DD) or an ISO instant.` })
    .refine((v) => !Number.isNaN(Date.parse(v)), `${name} must be a date (YYYY-MM-DD) or an ISO instant.`);

/** `GET /api/insights?from=&to=&groupBy=` (and `/api/insights/csv`): the window is [from, to), in UTC; default the last 28 days by model. */
export const insightsQuerySchema = z.object({
  from: isoDate("from").optional(),
  to: isoDate("to").optional(),
  groupBy: z.enum(INSIGHT_GROUPS, { error: `groupBy must be one of ${INSIGHT_GROUPS.join(", ")}.` }).default("model"),
});

/** Why failed takes failed, in the four kinds a studio lead asks about. */
export const failureKindsSchema = z.object({ moderation: z.number(), provider: z.number(), timeout: z.number(), unknown: z.number() });

export const insightRowSchema = z.object({
  /** The model id, the author's name, or the week's Monday (YYYY-MM-DD, UTC). */
  key: z.string(),
  takes: z.number(),
  completed: z.number(),
  failed: z.number(),
  /** completed / (completed + failed); null while none has settled. */
  successRate: z.number().nullable(),
  failures: failureKindsSchema,
  /** From the create's acceptance to done at the provider, of completed takes; null without any. */
  medianSeconds: z.number().nullable(),
  p90Seconds: z.number().nullable(),
  /** What the provider charged (reported, or estimated from its catalogue), deleted takes included. */
  spendUsd: z.number(),
  circled: z.number(),
  favourites: z.number(),
  /** Spend divided by the takes kept, both ways a studio keeps them; null when none was kept. */
  costPerCircledUsd: z.number().nullable(),
  costPerFavouriteUsd: z.number().nullable(),
});
export type InsightRow = z.infer<typeof insightRowSchema>;

export const insightsSchema = z.object({
  from: z.string(),
  to: z.string(),
  groupBy: z.enum(INSIGHT_GROUPS),
  rows: z.array(insightRowSchema),
  /** The prompts whose takes failed moderation most in the window (the team learns what to avoid). */
  moderatedPrompts: z.array(z.object({ prompt: z.string(), failures: z.number() })),
  /** The first frames whose takes failed moderation most (ten at most): an upload (`uploadId`, its image and thumbnail) or an HTTPS image by URL. */
  moderatedFrames: z.array(z.object({ url: z.string(), uploadId: z.string().nullable(), thumbUrl: z.string().nullable(), failures: z.number() })),
});
export type Insights = z.infer<typeof insightsSchema>;
