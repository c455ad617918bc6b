import { z } from "zod";

/** One UTC day of spend: what Dailies' ledger says it spent, beside what the provider's `GET /v2/usage` says it charged. */
export const reconciliationDaySchema = z.object({
  /** `YYYY-MM-DD`, UTC. */
  day: z.string(),
  /** Whether the day was still running when it was checked (today's figures can still grow). */
  partial: z.boolean(),
  ledgerUsd: z.number(),
  /** Takes with a charge in the ledger (kept and deleted). */
  ledgerTakes: z.number().int(),
  /** Null when the provider's totals could not be read (`error` says why). */
  providerUsd: z.number().nullable(),
  providerRequests: z.number().int().nullable(),
  /** providerUsd − ledgerUsd: positive is spend Dailies did not make or record (another tool on the same key, charges not yet known here); negative, refunds or estimates above the charge. */
  differenceUsd: z.number().nullable(),
  error: z.string().nullable(),
  checkedAt: z.string(),
});
export type ReconciliationDay = z.infer<typeof reconciliationDaySchema>;

/** `GET /api/insights/reconciliation` (and `POST` to check now): admins only. */
export const reconciliationSchema = z.object({
  days: z.array(reconciliationDaySchema),
  /** What the figures leave out, in words (e.g. the simulator forgetting its usage on a restart). */
  note: z.string().nullable(),
});
export type Reconciliation = z.infer<typeof reconciliationSchema>;

/** A model the provider's catalogue started or stopped listing, noticed on one of its daily reads. */
export const catalogueChangeSchema = z.object({
  model: z.string(),
  change: z.enum(["appeared", "disappeared"]),
  at: z.string(),
  /** Whether Dailies makes takes with it (a Runway model in its capability table). */
  usedHere: z.boolean(),
});
export type CatalogueChange = z.infer<typeof catalogueChangeSchema>;

/** `GET /api/insights/catalogue`: admins only. */
export const catalogueWatchSchema = z.object({
  /** When the catalogue last answered; null before it has. */
  readAt: z.string().nullable(),
  /** Video models it lists now. */
  listed: z.number().int(),
  changes: z.array(catalogueChangeSchema),
});
export type CatalogueWatch = z.infer<typeof catalogueWatchSchema>;
