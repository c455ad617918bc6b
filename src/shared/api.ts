import { z } from "zod";
import { LIST_DEFAULT_LIMIT, LIST_MAX_LIMIT } from "./limits";
import { MODEL_IDS, DURATIONS } from "./models";

export const PROVIDERS = ["aimlapi", "simulator"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** `provider` is left out for a caller who is not signed in (when sign-in is on). */
/** The currency the studio reads money in (CURRENCY): amounts on the wire stay USD, the provider's; `perUsd` converts them for display. */
export const displayCurrencySchema = z.object({ code: z.string(), perUsd: z.number() });
export type DisplayCurrency = z.infer<typeof displayCurrencySchema>;

/** `provider` and `currency` only for someone signed in. */
export const healthSchema = z.object({ status: z.literal("ok"), provider: z.enum(PROVIDERS).optional(), currency: displayCurrencySchema.optional() });
export type Health = z.infer<typeof healthSchema>;

/** What `GET /api/ready` checks before a proxy sends the studio traffic. */
export const READY_CHECKS = ["database", "media"] as const;
export type ReadyCheck = (typeof READY_CHECKS)[number];

/** Each check is "ok", or why it failed in words that name no secret or path. */
export const readySchema = z.object({
  status: z.enum(["ready", "not_ready"]),
  /** Set while the studio shuts down: nothing is checked, and traffic should go elsewhere. */
  shuttingDown: z.literal(true).optional(),
  checks: z.object({ database: z.string(), media: z.string() }),
});
export type Ready = z.infer<typeof readySchema>;

export const modelCapabilitySchema = z.object({
  id: z.enum(MODEL_IDS),
  label: z.string(),
  description: z.string(),
  ratios: z.array(z.string()),
  defaultRatio: z.string(),
  durations: z.array(z.union(DURATIONS.map((d) => z.literal(d)))),
  acceptsLastImage: z.boolean(),
  promptRequired: z.boolean(),
  promptMaxLength: z.number(),
  typicalSeconds: z.number(),
  frameRate: z.number(),
  outputSizes: z.record(z.string(), z.object({ width: z.number(), height: z.number() })),
  lifecycle: z.object({ deprecatedSince: z.string().nullable(), note: z.string().nullable() }),
  /** Whether new takes of it can be made here now: "unavailable" when the provider refused it as retired or unknown, or MODELS_ENABLED leaves it out. */
  availability: z.object({ state: z.enum(["available", "deprecated", "unavailable"]), since: z.string().nullable(), reason: z.string().nullable() }),
});
export const modelsResponseSchema = z.object({ models: z.array(modelCapabilitySchema) });
export type ModelsResponse = z.infer<typeof modelsResponseSchema>;

/**
 * How long takes of each model and length have taken at the provider in this studio, from
 * the create to done (src/shared/completion-times.ts). `quantilesMs` holds the time by which
 * 0 %, 5 %, …, 100 % of the last takes were done; empty while fewer than five are known.
 */
export const completionTimingSchema = z.object({
  model: z.enum(MODEL_IDS),
  duration: z.union(DURATIONS.map((d) => z.literal(d))),
  samples: z.number().int().nonnegative(),
  quantilesMs: z.array(z.number().nonnegative()),
});
export type CompletionTiming = z.infer<typeof completionTimingSchema>;
export const timingsResponseSchema = z.object({ timings: z.array(completionTimingSchema) });
export type TimingsResponse = z.infer<typeof timingsResponseSchema>;

export const uploadSchema = z.object({
  id: z.string(),
  /** The original, as uploaded: for display and download. */
  url: z.string(),
  /** A small JPEG (at most 320 px) for pickers and lists. */
  thumbUrl: z.string(),
  /** Upright size (EXIF orientation applied). */
  width: z.number(),
  height: z.number(),
  contentType: z.string(),
  bytes: z.number(),
  name: z.string().nullable(),
  /** Who uploaded it (null for uploads older than attribution). */
  author: z.string().nullable(),
  createdAt: z.string(),
});
export type Upload = z.infer<typeof uploadSchema>;

export const uploadListSchema = z.object({
  items: z.array(uploadSchema),
  nextCursor: z.string().nullable(),
});
export type UploadList = z.infer<typeof uploadListSchema>;

/** `POST /api/uploads/from-video`: the final frame of a completed take, as a new upload. */
export const lastFrameRequestSchema = z.strictObject({
  generationId: z.string({ error: "Name the take to take the last frame from." }).min(1, "Name the take to take the last frame from."),
});

export const listQuerySchema = z.object({
  limit: z.coerce
    .number({ error: `limit must be a whole number from 1 to ${LIST_MAX_LIMIT}.` })
    .int(`limit must be a whole number from 1 to ${LIST_MAX_LIMIT}.`)
    .min(1, `limit must be a whole number from 1 to ${LIST_MAX_LIMIT}.`)
    .max(LIST_MAX_LIMIT, `limit must be a whole number from 1 to ${LIST_MAX_LIMIT}.`)
    .default(LIST_DEFAULT_LIMIT),
  cursor: z.string().max(200).optional(),
});
export type ListQuery = z.infer<typeof listQuerySchema>;
