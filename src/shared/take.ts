import { z } from "zod";
import { errorCodeSchema } from "./api-error";
import { imageUrlSchema } from "./image-url";
import { SEED_MAX } from "./limits";
import { MODEL_IDS, MODELS } from "./models";
import { reviewStateField, shotIdField, takeReviewSchema } from "./review";
import { GENERATION_STATUSES } from "./status";

/** A frame is either an HTTPS address or an image uploaded to the studio. */
export const imageRefSchema = z.union(
  [
    z.strictObject({ url: imageUrlSchema }),
    z.strictObject({ uploadId: z.string().trim().min(1, "Upload the image again: its id is empty.") }),
  ],
  { error: "Choose an image: upload a file or paste an https:// address." },
);
export type ImageRef = z.infer<typeof imageRefSchema>;

export const seedSchema = z
  .number({ error: `The seed must be a whole number from 0 to ${SEED_MAX}.` })
  .int(`The seed must be a whole number from 0 to ${SEED_MAX}.`)
  .min(0, `The seed must be a whole number from 0 to ${SEED_MAX}.`)
  .max(SEED_MAX, `The seed must be a whole number from 0 to ${SEED_MAX}.`);

const SOURCE_ID_MESSAGE = "sourceId must be the id of the take this one was edited from, or left out.";

const createTakeFields = z.strictObject({
  model: z.enum(MODEL_IDS, { error: `Choose a model: ${MODEL_IDS.join(" or ")}.` }),
  prompt: z.string({ error: "The prompt must be text." }).trim().default(""),
  image: imageRefSchema.optional(),
  lastImage: imageRefSchema.nullish(),
  ratio: z.string({ error: "Choose a ratio." }),
  duration: z.union([z.literal(5), z.literal(10)], { error: "Choose a duration of 5 or 10 seconds." }),
  seed: seedSchema.nullish(),
  /** The shot the new takes land in. */
  shotId: shotIdField.nullish(),
  /** The take the form was filled from and then edited: the new takes join its family as "edited". */
  sourceId: z.string({ error: SOURCE_ID_MESSAGE }).trim().min(1, SOURCE_ID_MESSAGE).max(100, SOURCE_ID_MESSAGE).nullish(),
});

type CreateFields = z.output<typeof createTakeFields>;

function checkAgainstModel(value: CreateFields, ctx: z.RefinementCtx): void {
  const model = MODELS[value.model];
  if (!value.image) {
    ctx.addIssue({ code: "custom", path: ["image"], message: "Add a first frame: upload an image or paste an https:// address." });
  }
  if (!model.ratios.includes(value.ratio)) {
    ctx.addIssue({
      code: "custom",
      path: ["ratio"],
      message: `${model.label} supports ${model.ratios.join(", ")}; choose one of those.`,
    });
  }
  if (model.promptRequired && value.prompt === "") {
    ctx.addIssue({ code: "custom", path: ["prompt"], message: `Describe the shot: ${model.label} needs a prompt.` });
  }
  // `.length` counts UTF-16 code units, as the upstream does (zod's .max counts code points).
  if (value.prompt.length > model.promptMaxLength) {
    ctx.addIssue({
      code: "custom",
      path: ["prompt"],
      message: `Shorten the prompt to ${model.promptMaxLength} characters; it has ${value.prompt.length} (emoji count as two).`,
    });
  }
  if (value.lastImage && !model.acceptsLastImage) {
    ctx.addIssue({
      code: "custom",
      path: ["lastImage"],
      message: `${model.label} takes no last frame: remove it or switch to ${MODELS.gen3a_turbo.label}.`,
    });
  }
}

/** `POST /api/generations`: the same schema drives the form, the BFF and its tests. */
export const createTakeSchema = createTakeFields.superRefine(checkAgainstModel);

export const MAX_VARIATIONS = 4;

/**
 * `POST /api/generations/batch`: 1 to 4 takes of the same settings. With a locked seed the
 * takes use seed, seed+1, … (wrapping at SEED_MAX); without one, distinct random seeds.
 */
export const createBatchSchema = createTakeFields
  .extend({
    variations: z
      .number({ error: `Ask for 1 to ${MAX_VARIATIONS} takes.` })
      .int(`Ask for 1 to ${MAX_VARIATIONS} takes.`)
      .min(1, `Ask for 1 to ${MAX_VARIATIONS} takes.`)
      .max(MAX_VARIATIONS, `Ask for 1 to ${MAX_VARIATIONS} takes.`)
      .default(1),
  })
  .superRefine(checkAgainstModel);
export type CreateBatchRequest = z.output<typeof createBatchSchema>;

/**
 * `POST /api/generations/:id/rerun`: "same" re-runs exactly (same seed), "new" is a variation.
 * With `model` (another than the take's), its settings are adapted to that model first (see
 * `adaptToModel`): how a take of a retired model is made again.
 */
export const rerunSchema = z.strictObject({
  seed: z.enum(["same", "new"], { error: 'Say "same" to re-run exactly or "new" for a variation.' }),
  model: z.enum(MODEL_IDS, { error: `Choose a model: ${MODEL_IDS.join(" or ")}.` }).optional(),
});

export type CreateTakeInput = z.input<typeof createTakeSchema>;
export type CreateTakeRequest = z.output<typeof createTakeSchema>;

export const takeImageSchema = z.object({
  url: z.string(),
  uploadId: z.string().nullable(),
});

export const takeSchema = z.object({
  id: z.string(),
  model: z.enum(MODEL_IDS),
  prompt: z.string(),
  ratio: z.string(),
  duration: z.number(),
  seed: z.number().nullable(),
  image: takeImageSchema,
  lastImage: takeImageSchema.nullable(),
  status: z.enum(GENERATION_STATUSES),
  provider: z.enum(["aimlapi", "simulator"]),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  video: z
    .object({
      url: z.string(),
      contentType: z.string(),
      bytes: z.number(),
      width: z.number(),
      height: z.number(),
      durationSeconds: z.number(),
      posterUrl: z.string().nullable(),
      /** `<date>-<model>-<first words of prompt>-<seed>.mp4` */
      downloadName: z.string(),
    })
    .nullable(),
  error: z
    .object({
      code: errorCodeSchema,
      message: z.string(),
      /** The provider's raw text, for the detail view only. */
      detail: z.string().nullable(),
      /** Whether trying the same settings again may succeed (offer "Retry"). */
      retryable: z.boolean(),
    })
    .nullable(),
  usage: z.object({ tokensUsed: z.number() }).nullable(),
  /**
   * What the provider charged for it, in USD and its credits, as reported: "pending" until the
   * video's charge posts (after completion), "not_charged" for a failure billed nothing,
   * "unknown" when the create may have started a job nobody could track. A null amount was not
   * reported.
   */
  charge: z.object({
    state: z.enum(["charged", "not_charged", "pending", "unknown"]),
    usd: z.number().nullable(),
    credits: z.number().nullable(),
    /** The amount is the provider's catalogue price, not a reported charge. */
    estimated: z.boolean(),
  }),
  favourite: z.boolean(),
  /** Who made it: the signed-in name, or "studio" when the studio runs without sign-in. */
  author: z.string(),
  /** The take this one came from: re-run, varied, edited in the form or continued from (its family says how). */
  sourceId: z.string().nullable(),
  /** Its shot and that shot's project; null for a take in no shot. */
  shotId: z.string().nullable(),
  projectId: z.string().nullable(),
  review: takeReviewSchema,
  noteCount: z.number().int(),
  /** Shared by the takes of one submit: the id of the first, so a single take's is its own id. */
  batchId: z.string(),
  timings: z.object({
    /** The upstream accepted the create. */
    submittedAt: z.string().nullable(),
    /** The upstream first reported it generating. */
    startedAt: z.string().nullable(),
    /** The upstream reported it done (before the archive download). */
    finishedAt: z.string().nullable(),
  }),
});
export type Take = z.infer<typeof takeSchema>;

export const takeListSchema = z.object({
  items: z.array(takeSchema),
  nextCursor: z.string().nullable(),
});
export type TakeList = z.infer<typeof takeListSchema>;

export const takeBatchSchema = z.object({ items: z.array(takeSchema) });

/** `GET /api/generations` filters; every one optional, all combined with AND. */
export const takeFiltersSchema = z.object({
  status: z.enum(GENERATION_STATUSES, { error: `status must be one of ${GENERATION_STATUSES.join(", ")}.` }).optional(),
  model: z.enum(MODEL_IDS, { error: `model must be one of ${MODEL_IDS.join(", ")}.` }).optional(),
  ratio: z.string().max(10, "ratio must be a ratio such as 16:9.").optional(),
  duration: z.coerce
    .number({ error: "duration must be 5 or 10." })
    .pipe(z.union([z.literal(5), z.literal(10)], { error: "duration must be 5 or 10." }))
    .optional(),
  favourite: z.enum(["true", "false"], { error: 'favourite must be "true" or "false".' }).optional(),
  /** "true": only the viewer's own takes ("Mine"); absent: everyone's. */
  mine: z.enum(["true", "false"], { error: 'mine must be "true" or "false".' }).optional(),
  projectId: z.string().max(100, "projectId must be a project's id.").optional(),
  shotId: z.string().max(100, "shotId must be a shot's id.").optional(),
  review: reviewStateField.optional(),
  /** The takes of one submit (review mode goes through a batch). */
  batchId: z.string().max(100, "batchId must be a take's batchId.").optional(),
  /** Free text matched against prompts. */
  q: z.string().trim().max(200, "Search for at most 200 characters.").optional(),
});
export type TakeFilters = z.infer<typeof takeFiltersSchema>;
