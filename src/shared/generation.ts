import { z } from "zod";
import { imageUrlSchema } from "./image-url";
import { SEED_MAX } from "./limits";
import { MODEL_IDS, MODELS } from "./models";
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

/** `POST /api/generations`: the same schema drives the form, the BFF and its tests. */
export const createGenerationSchema = z
  .strictObject({
    model: z.enum(MODEL_IDS, { error: `Choose a model: ${MODEL_IDS.join(" or ")}.` }),
    prompt: z.string({ error: "The prompt must be text." }).trim().default(""),
    image: imageRefSchema.optional(),
    lastImage: imageRefSchema.nullish(),
    ratio: z.string({ error: "Choose a ratio." }),
    duration: z.union([z.literal(5), z.literal(10)], { error: "Choose a duration of 5 or 10 seconds." }),
    seed: seedSchema.nullish(),
  })
  .superRefine((value, ctx) => {
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
  });
export type CreateGenerationInput = z.input<typeof createGenerationSchema>;
export type CreateGenerationRequest = z.output<typeof createGenerationSchema>;

export const generationImageSchema = z.object({
  url: z.string(),
  uploadId: z.string().nullable(),
});

export const generationSchema = z.object({
  id: z.string(),
  model: z.enum(MODEL_IDS),
  prompt: z.string(),
  ratio: z.string(),
  duration: z.number(),
  seed: z.number().nullable(),
  image: generationImageSchema,
  lastImage: generationImageSchema.nullable(),
  status: z.enum(GENERATION_STATUSES),
  provider: z.enum(["aimlapi", "simulator"]),
  createdAt: z.string(),
  updatedAt: z.string(),
  completedAt: z.string().nullable(),
  video: z.object({ url: z.string(), contentType: z.string(), bytes: z.number() }).nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  usage: z.object({ tokensUsed: z.number() }).nullable(),
});
export type Generation = z.infer<typeof generationSchema>;

export const generationListSchema = z.object({
  items: z.array(generationSchema),
  nextCursor: z.string().nullable(),
});
export type GenerationList = z.infer<typeof generationListSchema>;
