/** The capability table the form, the BFF validator and the simulator's client all agree on. */
export const MODEL_IDS = ["gen4_turbo", "gen3a_turbo"] as const;
export type ModelId = (typeof MODEL_IDS)[number];

export const DURATIONS = [5, 10] as const;
export type Duration = (typeof DURATIONS)[number];

export type ModelCapability = {
  id: ModelId;
  label: string;
  description: string;
  ratios: readonly string[];
  defaultRatio: string;
  durations: readonly Duration[];
  acceptsLastImage: boolean;
  promptRequired: boolean;
  promptMaxLength: number;
  /** Typical wall time through the AI/ML API, queueing included (seconds). */
  typicalSeconds: number;
  /** Frames per second of the MP4 Runway returns (the contract: 24 for both models); notes pin to these frames. */
  frameRate: number;
  /** Output frame size per ratio, as Runway renders it. */
  outputSizes: Record<string, { width: number; height: number }>;
  /** What is known of the model's retirement before any take tries it; the studio's live view is `ModelAvailability`. */
  lifecycle: { deprecatedSince: string | null; note: string | null };
};

/** Whether a model can be used in this studio now, and why not. */
export type ModelAvailability = { state: "available" | "deprecated" | "unavailable"; since: string | null; reason: string | null };

/** A model as `GET /api/models` lists it: its capabilities and whether new takes may use it now. */
export type ListedModel = ModelCapability & { availability: ModelAvailability };

export const PROMPT_MAX_LENGTH = 1000;

export const MODELS: Record<ModelId, ModelCapability> = {
  gen4_turbo: {
    id: "gen4_turbo",
    label: "Gen-4 Turbo",
    description: "Runway's newer model: six ratios, first frame only.",
    ratios: ["16:9", "9:16", "4:3", "3:4", "1:1", "21:9"],
    defaultRatio: "16:9",
    durations: DURATIONS,
    acceptsLastImage: false,
    promptRequired: false,
    promptMaxLength: PROMPT_MAX_LENGTH,
    typicalSeconds: 65,
    frameRate: 24,
    outputSizes: {
      "16:9": { width: 1280, height: 720 },
      "9:16": { width: 720, height: 1280 },
      "4:3": { width: 1104, height: 832 },
      "3:4": { width: 832, height: 1104 },
      "1:1": { width: 960, height: 960 },
      "21:9": { width: 1584, height: 672 },
    },
    lifecycle: { deprecatedSince: null, note: null },
  },
  gen3a_turbo: {
    id: "gen3a_turbo",
    label: "Gen-3 Alpha Turbo",
    description: "Faster, landscape or portrait, with an optional last frame.",
    ratios: ["16:9", "9:16"],
    defaultRatio: "16:9",
    durations: DURATIONS,
    acceptsLastImage: true,
    promptRequired: true,
    promptMaxLength: PROMPT_MAX_LENGTH,
    typicalSeconds: 25,
    frameRate: 24,
    outputSizes: {
      "16:9": { width: 1280, height: 768 },
      "9:16": { width: 768, height: 1280 },
    },
    lifecycle: {
      deprecatedSince: "2026-07-30",
      note: "Runway retired Gen-3 Alpha Turbo (and its first–last-frame mode) on 2026-07-30; the AI/ML API still lists it, so Dailies tries it and says so if the provider refuses it.",
    },
  },
};

export const MODEL_LIST: readonly ModelCapability[] = MODEL_IDS.map((id) => MODELS[id]);

export function isModelId(value: unknown): value is ModelId {
  // Stryker disable next-line ConditionalExpression: includes() finds no id in a non-string either; the typeof is for the type checker
  return typeof value === "string" && (MODEL_IDS as readonly string[]).includes(value);
}

/** Width/height of a ratio label such as "16:9". */
export function ratioValue(ratio: string): number {
  const [w, h] = ratio.split(":").map(Number);
  return w && h ? w / h : Number.NaN;
}

/** The supported ratio of `model` closest to an image's width/height (compared in log space). */
export function closestRatio(model: ModelId, width: number, height: number): string {
  const target = Math.log(width / height);
  let best = MODELS[model].defaultRatio;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ratio of MODELS[model].ratios) {
    const distance = Math.abs(Math.log(ratioValue(ratio)) - target);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}
