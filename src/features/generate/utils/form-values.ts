import type { FieldPath, UseFormSetError } from "react-hook-form";
import type { ModelCapability } from "@/shared/models";
import type { CreateBatchRequest, CreateTakeInput, CreateTakeRequest } from "@/shared/take";

export type FormValues = CreateTakeInput;
export type FrameName = "image" | "lastImage";

const FIELD_NAMES = ["model", "prompt", "image", "lastImage", "ratio", "duration", "seed"] as const;
type FieldName = (typeof FIELD_NAMES)[number];

export function defaultValues(model: ModelCapability): FormValues {
  return {
    model: model.id,
    prompt: "",
    image: undefined,
    lastImage: null,
    ratio: model.defaultRatio,
    duration: model.durations[0] ?? 5,
    seed: undefined,
  };
}

/**
 * The JSON the BFF receives: no last frame for models without one, no seed when it is random,
 * how many takes to make of it, and the shot they land in (none: left out).
 */
export function toRequestBody(values: CreateTakeRequest, model: ModelCapability, variations = 1, shotId: string | null = null): CreateBatchRequest {
  const { lastImage, seed, ...rest } = values;
  return {
    model: rest.model,
    prompt: rest.prompt,
    image: rest.image,
    ...(model.acceptsLastImage && lastImage ? { lastImage } : {}),
    ratio: rest.ratio,
    duration: rest.duration,
    ...(seed !== null && seed !== undefined ? { seed } : {}),
    ...(shotId ? { shotId } : {}),
    variations,
  };
}

/** Empty text is a random seed; anything else must be digits only, or zod reports it. */
export function parseSeed(text: unknown): number | undefined {
  if (typeof text === "number") return text;
  const value = String(text ?? "").trim();
  if (value === "") return undefined;
  return /^\d+$/.test(value) ? Number(value) : Number.NaN;
}

/**
 * Puts each server field message at its field ("image.url" lands on "image").
 * Returns the messages that match no field, so the form can show them above the button.
 */
export function applyServerFieldErrors(fields: Record<string, string>, setError: UseFormSetError<FormValues>): string[] {
  const unmatched: string[] = [];
  let first = true;
  for (const [path, message] of Object.entries(fields)) {
    const head = path.split(".")[0] as FieldName;
    if (!FIELD_NAMES.includes(head)) {
      unmatched.push(message);
      continue;
    }
    setError(head as FieldPath<FormValues>, { type: "server", message }, { shouldFocus: first });
    first = false;
  }
  return unmatched;
}

/** A frame's error can sit on the frame itself or on its `url` / `uploadId` member. */
export function frameErrorMessage(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  const e = error as { message?: string; url?: { message?: string }; uploadId?: { message?: string } };
  return e.message || e.url?.message || e.uploadId?.message || undefined;
}
