import { z } from "zod";
import { MAX_VARIATIONS } from "./take";
import { MODEL_IDS } from "./models";

/** `usd`: what the provider reported it charged, takes deleted since included. */
const spend = { takes: z.number(), tokens: z.number(), usd: z.number() };

/** `GET /api/usage`: spend per person and per model for today, this week and this month (UTC). */
export const usageSchema = z.object({
  periods: z.array(
    z.object({
      period: z.enum(["today", "week", "month"]),
      since: z.string(),
      ...spend,
      byUser: z.array(z.object({ name: z.string(), ...spend })),
      byModel: z.array(z.object({ model: z.enum(MODEL_IDS), ...spend })),
    }),
  ),
});
export type Usage = z.infer<typeof usageSchema>;

export const estimateQuerySchema = z.object({
  model: z.enum(MODEL_IDS, { error: `model must be one of ${MODEL_IDS.join(", ")}.` }),
  duration: z.coerce.number().pipe(z.union([z.literal(5), z.literal(10)], { error: "duration must be 5 or 10." })),
  variations: z.coerce
    .number()
    .pipe(z.number().int().min(1).max(MAX_VARIATIONS, `variations must be 1 to ${MAX_VARIATIONS}.`))
    .default(1),
});

/**
 * `GET /api/usage/estimate`: what a submit is expected to cost, from the typical usage of
 * past takes of that model and duration ("learned"), else the operator's price table.
 */
const budgetLineSchema = z.object({ limitUsd: z.number(), spentUsd: z.number(), leftUsd: z.number() });

export const estimateSchema = z.object({
  perTake: z.number().nullable(),
  total: z.number().nullable(),
  basis: z.enum(["learned", "price_table", "unknown"]),
  sampleSize: z.number(),
  /** In USD: the provider's catalogue price, else what it charged for recent takes of this kind; null when neither is known. */
  perTakeUsd: z.number().nullable(),
  totalUsd: z.number().nullable(),
  usdBasis: z.enum(["catalogue", "learned"]).nullable(),
  /** This calendar month's budgets (UTC) for the asking person and the studio; null where none is set. */
  budget: z.object({ user: budgetLineSchema.nullable(), studio: budgetLineSchema.nullable() }),
});
export type Estimate = z.infer<typeof estimateSchema>;
