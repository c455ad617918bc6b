import sharp from "sharp";
import { z } from "zod";
import type { WireIssue } from "./error-body";
import { DURATIONS, PROMPT_MAX_LENGTH, SEED_MAX, SIM_MODELS, findModel } from "./models";
import type { SimModel } from "./models";

/** Runway's data-URI limit behind the gateway, measured on the encoded string. */
export const DATA_URI_MAX_CHARS = 5 * 1024 * 1024;
const URL_MAX_LENGTH = 2048;
const DATA_URI_HEAD = /^data:image\/(jpeg|png|webp);base64,/;

/**
 * The base64 payload of a data URI (the alphabet, then up to two "="), else undefined. A loop
 * over char codes, not a regex over the whole string: the payload is megabytes, and a regex with
 * a capture over it cost ~75 ms a create on this machine, twice (check, then decode).
 */
function dataUriPayload(value: string): string | undefined {
  const head = DATA_URI_HEAD.exec(value);
  if (!head) return undefined;
  const start = head[0].length;
  let end = value.length;
  while (end > start && end > value.length - 2 && value.charCodeAt(end - 1) === 61 /* = */) end--;
  if (end === start) return undefined;
  for (let i = start; i < end; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 47;
    if (!ok) return undefined;
  }
  return value.slice(start);
}

export type CreateRequest = {
  model: SimModel;
  imageUrl: string;
  lastImageUrl: string | undefined;
  prompt: string | undefined;
  ratio: string;
  duration: number;
  seed: number;
  /** Decoded bytes of data-URI images; https images are fetched at render time. */
  firstImage: Buffer | undefined;
  lastImage: Buffer | undefined;
};

export type CreateCheck =
  | { ok: true; request: CreateRequest }
  | { ok: false; status: 400 | 413; message: string; errors: WireIssue[] };

const VALIDATION_MESSAGE = "Body validation error!";

function isImageReference(value: string): boolean {
  if (value.startsWith("data:")) return dataUriPayload(value) !== undefined;
  if (value.length > URL_MAX_LENGTH) return false;
  try {
    return new URL(value).protocol === "https:";
  } catch {
    return false;
  }
}

const imageReference = z
  .string()
  .refine(isImageReference, { error: "Must be an HTTPS URL or a data:image/(jpeg|png|webp);base64 URI" });

function schemaFor(model: SimModel) {
  // Not `.max()`: this zod counts code points, while Runway's limit is UTF-16 code units.
  const prompt = z
    .string()
    .min(1)
    .refine((value) => value.length <= PROMPT_MAX_LENGTH, {
      error: `prompt must be at most ${PROMPT_MAX_LENGTH} UTF-16 code units`,
    });
  return z.object({
    model: z.literal(model.wireName),
    image_url: imageReference,
    last_image_url: model.acceptsLastImage
      ? imageReference.optional()
      : z.never({ error: `last_image_url is not supported by ${model.wireName}` }).optional(),
    prompt: model.promptRequired ? prompt : prompt.optional(),
    ratio: z
      .enum(model.ratios as [string, ...string[]], { error: `ratio must be one of ${model.ratios.join(", ")}` })
      .default(model.defaultRatio),
    duration: z.literal(DURATIONS, { error: "duration must be 5 or 10" }).default(5),
    seed: z.int().min(0).max(SEED_MAX).optional(),
  });
}

function toWireIssues(issues: readonly z.core.$ZodIssue[]): WireIssue[] {
  return issues.map((issue) => ({
    code: issue.code,
    path: issue.path.map((key) => (typeof key === "number" ? key : String(key))),
    message: issue.message,
  }));
}

function invalid(errors: WireIssue[]): CreateCheck {
  return { ok: false, status: 400, message: VALIDATION_MESSAGE, errors };
}

function decodeDataUri(value: string | undefined): Buffer | undefined {
  const payload = value === undefined ? undefined : dataUriPayload(value);
  return payload === undefined ? undefined : Buffer.from(payload, "base64");
}

/** Reads a decoded image the way Runway does before accepting the task: format and shape. */
async function checkImage(bytes: Buffer, field: string): Promise<WireIssue | undefined> {
  try {
    const { format, width, height } = await sharp(bytes).metadata();
    if (!["jpeg", "png", "webp"].includes(format)) {
      return { code: "invalid_format", path: [field], message: "Image must be JPEG, PNG or WebP" };
    }
    const ratio = width / height;
    if (!(ratio >= 0.5 && ratio <= 2)) {
      return {
        code: "custom",
        path: [field],
        message: `Image aspect ratio (width / height) must be between 0.5 and 2, got ${ratio.toFixed(3)}`,
      };
    }
    return undefined;
  } catch {
    return { code: "custom", path: [field], message: "Image could not be decoded" };
  }
}

/** Validates a create body in the order the gateway does: size, shape, then image content. */
export async function checkCreateBody(body: unknown): Promise<CreateCheck> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return invalid([{ code: "invalid_type", path: [], message: "Expected a JSON object" }]);
  }
  const fields = body as Record<string, unknown>;
  for (const field of ["image_url", "last_image_url"]) {
    const value = fields[field];
    if (typeof value === "string" && value.startsWith("data:") && value.length > DATA_URI_MAX_CHARS) {
      return {
        ok: false,
        status: 413,
        message: "request entity too large",
        errors: [{ code: "too_big", path: [field], message: "Data URI must be at most 5 MB encoded" }],
      };
    }
  }

  const model = typeof fields.model === "string" ? findModel(fields.model) : undefined;
  if (!model) {
    const names = SIM_MODELS.map((m) => m.wireName);
    return invalid([{ code: "invalid_value", path: ["model"], message: `model must be one of ${names.join(", ")}` }]);
  }
  const parsed = schemaFor(model).safeParse(body);
  if (!parsed.success) return invalid(toWireIssues(parsed.error.issues));

  const data = parsed.data;
  const firstImage = decodeDataUri(data.image_url);
  const lastImage = decodeDataUri(data.last_image_url);
  const imageIssues = await Promise.all([
    firstImage ? checkImage(firstImage, "image_url") : undefined,
    lastImage ? checkImage(lastImage, "last_image_url") : undefined,
  ]);
  const issues = imageIssues.filter((issue) => issue !== undefined);
  if (issues.length > 0) return invalid(issues);

  return {
    ok: true,
    request: {
      model,
      imageUrl: data.image_url,
      lastImageUrl: data.last_image_url,
      prompt: data.prompt,
      ratio: data.ratio,
      duration: data.duration,
      seed: data.seed ?? Math.floor(Math.random() * (SEED_MAX + 1)),
      firstImage,
      lastImage,
    },
  };
}

/** The universal family's names for the two fields the vendor URL names differently. */
const UNIVERSAL_TO_VENDOR: Readonly<Record<string, string>> = { aspect_ratio: "ratio", tail_image_url: "last_image_url" };
const VENDOR_TO_UNIVERSAL: Readonly<Record<string, string>> = { ratio: "aspect_ratio", last_image_url: "tail_image_url" };

function toUniversalIssue(issue: WireIssue): WireIssue {
  const [field] = issue.path;
  const universal = typeof field === "string" ? VENDOR_TO_UNIVERSAL[field] : undefined;
  if (universal === undefined || typeof field !== "string") return issue;
  return {
    ...issue,
    path: [universal, ...issue.path.slice(1)],
    message: issue.message.startsWith(`${field} `) ? `${universal}${issue.message.slice(field.length)}` : issue.message,
  };
}

/**
 * A create on the universal URL (`/v2/video/generations`): the same checks as the vendor URL's,
 * with `aspect_ratio` and `tail_image_url` for `ratio` and `last_image_url`. The vendor names
 * are refused there, so a client that mixes the families finds out at once.
 */
export async function checkUniversalCreateBody(body: unknown): Promise<CreateCheck> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return checkCreateBody(body);
  const vendorNames = Object.keys(body).filter((key) => key in VENDOR_TO_UNIVERSAL);
  if (vendorNames.length > 0) {
    return invalid(
      vendorNames.map((key) => ({ code: "unrecognized_keys", path: [key], message: `${key} is not a field of /v2/video/generations: use ${VENDOR_TO_UNIVERSAL[key]}` })),
    );
  }
  const renamed = Object.fromEntries(Object.entries(body).map(([key, value]) => [UNIVERSAL_TO_VENDOR[key] ?? key, value]));
  const check = await checkCreateBody(renamed);
  return check.ok ? check : { ...check, errors: check.errors.map(toUniversalIssue) };
}
